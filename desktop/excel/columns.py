"""The columns of the import templates: names, accepted spellings, widths and help.

The template writes :attr:`Field.label`; the importer accepts the label or any
alias, compared folded (``Ho va ten``, ``HỌ VÀ TÊN*`` and ``Họ tên`` all meet
``Họ và tên``), in any order. People also have one column per rated year,
``Xếp loại 2024``, matched by :data:`RATING_HEADER`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.excel.workbook import norm_header

PEOPLE_SHEET = "Cá nhân"
ACHIEVEMENTS_SHEET = "Thành tích"
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
COLLECTIVES_SHEET = "Tập thể"
AWARDS_SHEET = "Khen thưởng"
KINDS = {"people": PEOPLE_SHEET, "achievements": ACHIEVEMENTS_SHEET, "collectives": COLLECTIVES_SHEET,
         "awards": AWARDS_SHEET}


@dataclass(frozen=True)
class Field:
    key: str
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: float = 18
    help: str = ""
    example: str = ""
    date: bool = False          # a date column: text format in the template, dd/mm/yyyy
    one_of: str = ""            # columns of which exactly one is filled share this text, e.g. "Cá nhân hoặc Tập thể"

    @property
    def label(self) -> str:
        """The header the template writes: ``*`` marks a column that is always required, and only those."""
        return self.header + ("*" if self.required else "")

    @property
    def required_text(self) -> str:
        """What the guide's “Bắt buộc” column says about this column."""
        if self.required:
            return "Có"
        if self.one_of:
            return f"Một trong hai: điền {self.one_of}"
        return ""

    def names(self) -> set[str]:
        return {norm_header(n) for n in (self.header, *self.aliases)}


DATE_HELP = ("ngày/tháng/năm, ví dụ 05/03/1990 (cũng nhận 5/3/1990, 05-03-1990, 05.03.1990 "
             "hoặc ô kiểu ngày của Excel)")

SUBJECT_ONE_OF = "Cá nhân hoặc Tập thể"


def _subject_fields(what: str, only_one: str) -> list[Field]:
    """The columns naming whom a row is about: a person (with the birth date that tells namesakes apart) or a
    collective; the help says what the subject did (``what``) and ``only_one`` ends its “one or the other”."""
    return [
        Field("person", "Cá nhân (họ tên)", False, ("Cá nhân", "Họ và tên", "Họ tên", "Tên cá nhân"), 26,
              f"Họ và tên của cá nhân {what}, đúng như trong sổ. Ghi cột này HOẶC cột Tập thể{only_one}.",
              "Nguyễn Văn An", one_of=SUBJECT_ONE_OF),
        Field("birth_date", "Ngày sinh (nếu trùng tên)", False, ("Ngày sinh", "Sinh ngày"), 14,
              "Chỉ cần khi trong sổ có nhiều người cùng họ tên: ngày sinh của đúng người đó.", "", date=True),
        Field("collective", "Tập thể", False, ("Tên tập thể", "Phòng", "Phòng, ban", "Đơn vị"), 28,
              f"Tên tập thể {what}, đúng như trong sổ. Ghi cột này HOẶC cột Cá nhân{only_one}.",
              "Phòng Nghiệp vụ 2", one_of=SUBJECT_ONE_OF),
    ]

PEOPLE_FIELDS = [
    Field("full_name", "Họ và tên", True, ("Họ tên", "Tên cá nhân", "Họ và tên cá nhân"), 28,
          "Họ và tên đầy đủ, ít nhất hai chữ.", "Nguyễn Thị Lan Anh"),
    Field("birth_date", "Ngày sinh", False, ("Sinh ngày", "Ngày tháng năm sinh"), 13,
          f"Ngày sinh, {DATE_HELP}. Dùng để phân biệt người trùng tên.", "05/03/1990", date=True),
    Field("sex", "Giới tính", False, ("Nam/Nữ", "Giới"), 10, "Nam hoặc Nữ.", "Nữ"),
    Field("position", "Chức vụ", False, ("Chức vụ, chức danh", "Chức danh", "Chức vụ/chức danh"), 24,
          "Chức vụ hoặc chức danh hiện nay.", "Trưởng phòng"),
    Field("rank", "Ngạch/hạng", False, ("Ngạch, hạng", "Ngạch", "Hạng", "Ngạch/hạng chức danh",
                                        "Ngạch, bậc"), 20,
          "Ngạch công chức hoặc hạng chức danh nghề nghiệp viên chức.", "Viên chức hạng III"),
    Field("collective", "Tập thể", False, ("Phòng", "Phòng, ban", "Đơn vị công tác", "Bộ phận",
                                           "Tập thể (phòng, ban)"), 30,
          "Phòng, ban hoặc tập thể nơi làm việc; phải ghi đúng tên một tập thể đã có trong sổ "
          "(danh sách ở cuối trang này).", "Phòng Nghiệp vụ 1"),
    Field("year_joined", "Năm vào đơn vị", False, ("Năm công tác", "Năm về đơn vị", "Năm bắt đầu công tác"), 12,
          "Năm bắt đầu làm việc tại đơn vị, bốn chữ số.", "2015"),
]

ACHIEVEMENT_FIELDS = [
    Field("date", "Ngày", True, ("Ngày đạt", "Ngày đạt thành tích", "Ngày thực hiện", "Thời gian"), 13,
          f"Ngày đạt thành tích, {DATE_HELP}.", "15/06/2025", date=True),
    *_subject_fields("đạt thành tích", ", không ghi cả hai"),
    Field("title", "Thành tích", True, ("Tên thành tích", "Nội dung thành tích", "Nội dung"), 44,
          "Tên ngắn của thành tích.", "Số hóa hồ sơ vụ việc trợ giúp pháp lý"),
    Field("description", "Mô tả", False, ("Mô tả chi tiết", "Diễn giải", "Chi tiết"), 36,
          "Mô tả chi tiết (không bắt buộc).", "Kết quả quý 2/2025, có xác nhận của phòng."),
    Field("criterion", "Tiêu chí", False, ("Tiêu chí thi đua", "Lĩnh vực"), 28,
          "Tiêu chí thi đua. Nếu có ghi Phong trào, ghi đúng nội dung một tiêu chí của phong trào để "
          "thành tích được gắn vào tiêu chí đó.", "Chuyển đổi số"),
    Field("measure", "Số đo", False, ("Kết quả", "Số liệu", "Kết quả đạt được"), 14,
          "Con số kèm đơn vị: 98 %, 120 hồ sơ, 1.200 lượt; số thập phân dùng dấu phẩy (98,5 %).", "120 hồ sơ"),
    Field("campaign", "Phong trào", False, ("Phong trào thi đua", "Kế hoạch", "Số kế hoạch"), 22,
          "Không bắt buộc: số kế hoạch phát động (ví dụ 142/KH-STP) hoặc tên phong trào đã có trong sổ.",
          "142/KH-STP"),
]

# Collectives are rated yearly like people (bình xét cuối năm counts them): one column per rated year.
COLLECTIVE_FIELDS = [
    Field("name", "Tên tập thể", True, ("Tập thể", "Tên phòng, ban", "Phòng, ban", "Phòng"), 34,
          "Tên tập thể đúng như trong sổ (để ghi xếp loại); tên chưa có trong sổ thì tập thể được thêm mới.",
          "Phòng Nghiệp vụ 1"),
    Field("parent", "Trực thuộc", False, ("Thuộc", "Tập thể cấp trên", "Đơn vị cấp trên"), 30,
          "Chỉ dùng khi thêm tập thể mới: tên tập thể cấp trên đã có trong sổ (để trống: trực thuộc đơn vị).",
          ""),
]

# Awards received (khen thưởng đã nhận), by a person or a collective, with their decision.
AWARD_FIELDS = [
    *_subject_fields("được khen thưởng", ""),
    Field("award", "Danh hiệu, hình thức khen thưởng", True, ("Danh hiệu", "Hình thức khen thưởng", "Khen thưởng",
                                                               "Danh hiệu thi đua"), 36,
          "Tên danh hiệu thi đua hoặc hình thức khen thưởng trong danh mục, ví dụ Lao động tiên tiến, "
          "Tập thể lao động tiên tiến, Giấy khen của Giám đốc Sở.", "Lao động tiên tiến"),
    Field("year", "Năm", True, ("Năm khen thưởng", "Năm đạt", "Năm được khen"), 9,
          "Năm của danh hiệu, khen thưởng (bốn chữ số).", "2024"),
    Field("decision_number", "Số quyết định", False, ("Số QĐ", "Quyết định số", "Quyết định"), 18,
          "Số, ký hiệu của quyết định khen thưởng.", "15/QĐ-STP"),
    Field("decision_date", "Ngày quyết định", False, ("Ngày QĐ", "Ngày ký quyết định"), 14,
          f"Ngày của quyết định, {DATE_HELP}.", "10/01/2025", date=True),
    Field("issuer", "Cấp quyết định", False, ("Cơ quan quyết định", "Cơ quan ban hành", "Người ký"), 30,
          "Người hoặc cơ quan ra quyết định.", "Giám đốc Sở Tư pháp"),
]

RATING_HEADER = re.compile(r"^(?:xep loai|danh gia xep loai|danh gia)(?: chat luong)?(?: nam)? (\d{4})$")


def _matcher(fields: list[Field], ratings: bool):
    table: dict[str, str] = {}
    for f in fields:
        for n in f.names():
            table.setdefault(n, f.key)

    def match(normalised: str) -> str | None:
        if normalised in table:
            return table[normalised]
        if ratings:
            m = RATING_HEADER.match(normalised)
            if m:
                return f"rating:{m.group(1)}"
        return None

    return match


match_people = _matcher(PEOPLE_FIELDS, ratings=True)
match_achievements = _matcher(ACHIEVEMENT_FIELDS, ratings=False)
match_collectives = _matcher(COLLECTIVE_FIELDS, ratings=True)
match_awards = _matcher(AWARD_FIELDS, ratings=False)


def people_header_ok(keys: set[str]) -> bool:
    return "full_name" in keys


def achievements_header_ok(keys: set[str]) -> bool:
    return {"date", "title"} <= keys and bool({"person", "collective"} & keys)


def collectives_header_ok(keys: set[str]) -> bool:
    return "name" in keys


def awards_header_ok(keys: set[str]) -> bool:
    return {"award", "year"} <= keys and bool({"person", "collective"} & keys)


def field(fields: list[Field], key: str) -> Field:
    return next(f for f in fields if f.key == key)

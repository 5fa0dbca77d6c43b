"""Legal forms as data: loading, validation, choosing, and composing with a context."""
from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

from desktop.dossier.documents.compose import MISSING, compose, date_parts, fill
from desktop.dossier.documents.forms import choose, list_forms, load_form
from desktop.dossier.documents.model import BLANK, BulletList, DateParts, Paragraph, Table
from desktop.dossier.documents.sample import sample_context
from desktop.dossier.documents.sources import SOURCES
from desktop.errors import UserError
from desktop.resources import forms_dir

EXPECTED_FILES = {
    "nd152-2025-mau01-to-trinh",
    "nd30-2020-mau1.9-bien-ban",
    "nd152-2025-mau08-bao-cao-tap-the",
    "nd152-2025-mau08-bao-cao-ca-nhan",
    "nd91-2017-mau07-bao-cao-tap-the",
    "nd91-2017-mau07-bao-cao-ca-nhan",
    "nd152-2025-mau04-bao-cao-cong-trang-tap-the",
    "nd152-2025-mau05-bao-cao-cong-trang-ca-nhan",
}


@pytest.fixture(scope="module")
def forms():
    return list_forms()


def by_id(forms, form_id):
    return next(f for f in forms if f.id == form_id)


# ---------------------------------------------------------------- the shipped files


def test_every_expected_form_is_shipped(forms):
    assert EXPECTED_FILES <= {f.id for f in forms}


def test_every_form_cites_its_sources_and_names_the_decree(forms):
    for form in forms:
        assert form.meta["sources"], form.id
        assert all("legal.md" in s for s in form.meta["sources"]), form.id
        assert form.decree.endswith("/NĐ-CP"), form.id
        assert form.id.startswith("nd" + form.decree.split("/")[0] + "-" + form.decree.split("/")[1])


def test_effective_ranges(forms):
    nd91 = by_id(forms, "nd91-2017-mau07-bao-cao-tap-the")
    assert nd91.effective_to == dt.date(2023, 12, 31)
    assert not nd91.in_force(dt.date(2024, 1, 1))
    to_trinh = by_id(forms, "nd152-2025-mau01-to-trinh")
    assert to_trinh.effective_from == dt.date(2025, 7, 1)
    assert to_trinh.in_force(dt.date(2025, 7, 1)) and not to_trinh.in_force(dt.date(2025, 6, 30))


def test_layouts_follow_nd30(forms):
    bien_ban = by_id(forms, "nd30-2020-mau1.9-bien-ban")
    assert bien_ban.layout == "ND30-1.9" and not bien_ban.header.show_place_date
    assert {s.position for s in bien_ban.signatures} == {"left", "right"}
    to_trinh = by_id(forms, "nd152-2025-mau01-to-trinh")
    assert to_trinh.symbol == "TTr" and to_trinh.recipients and to_trinh.noi_nhan
    for form in forms:
        if form.kind == "bao_cao":
            assert form.symbol == "BC" and not form.header.show_number
            # The submitting level's certification block came with the later decrees (legal.md A.2).
            expected = ["left", "right"] if form.decree == "91/2017/NĐ-CP" else ["left", "right", "bottom"]
            assert [s.position for s in form.signatures] == expected


# ---------------------------------------------------------------- choosing


def test_choose_by_decree_form_and_subject(forms):
    chosen = choose("bao_cao", decree="152/2025/NĐ-CP", form="08", subject="ca_nhan", forms=forms)
    assert chosen.id == "nd152-2025-mau08-bao-cao-ca-nhan"
    chosen = choose("bao_cao", decree="152/2025/ND-CP", form="8", subject="tap_the", forms=forms)
    assert chosen.id == "nd152-2025-mau08-bao-cao-tap-the"


def test_choose_by_date_picks_the_decree_in_force(forms):
    old = choose("bao_cao", subject="tap_the", award_type="chuyen_de", on=dt.date(2021, 5, 1), forms=forms)
    assert old.id == "nd91-2017-mau07-bao-cao-tap-the"
    new = choose("bao_cao", subject="tap_the", award_type="chuyen_de", on=dt.date(2025, 9, 1), forms=forms)
    assert new.id == "nd152-2025-mau08-bao-cao-tap-the"
    cong_trang = choose("bao_cao", subject="ca_nhan", award_type="cong_trang", on=dt.date(2025, 9, 1), forms=forms)
    assert cong_trang.id == "nd152-2025-mau05-bao-cao-cong-trang-ca-nhan"


def test_choose_asks_when_the_choice_is_ambiguous(forms):
    with pytest.raises(UserError, match="tập thể và bản cho cá nhân"):
        choose("bao_cao", decree="152/2025/NĐ-CP", form="08", forms=forms)
    with pytest.raises(UserError, match="chuyên đề và bản cho khen thưởng công trạng"):
        choose("bao_cao", subject="ca_nhan", on=dt.date(2025, 9, 1), forms=forms)


def test_form_for_both_subjects_serves_either(forms):
    assert choose("bien_ban", subject="ca_nhan", on=dt.date(2025, 8, 1), forms=forms).form == "1.9"
    assert choose("to_trinh", subject="tap_the", on=dt.date(2025, 8, 1), forms=forms).form == "01"


def test_no_form_in_force_is_a_vietnamese_error(forms):
    # No Tờ trình form before NĐ 30/2020 (05/03/2020) is shipped.
    with pytest.raises(UserError, match="Không có mẫu tờ trình.*01/06/2019"):
        choose("to_trinh", on=dt.date(2019, 6, 1), forms=forms)
    with pytest.raises(UserError, match="Loại văn bản"):
        choose("cong_dien", forms=forms)  # a kind no form is for


def test_a_new_decree_is_a_new_file(tmp_path, forms):
    """A later form with its own effective date wins from that date, with no code change."""
    for f in forms:
        shutil.copy(f.path, tmp_path / f.path.name)
    text = (tmp_path / "nd152-2025-mau01-to-trinh.toml").read_text(encoding="utf-8")
    text = text.replace('decree = "152/2025/NĐ-CP"', 'decree = "99/2027/NĐ-CP"').replace(
        "effective_from = 2025-07-01", "effective_from = 2027-03-01"
    )
    (tmp_path / "nd99-2027-mau01-to-trinh.toml").write_text(text, encoding="utf-8")
    mine = list_forms(tmp_path)
    assert choose("to_trinh", on=dt.date(2027, 3, 1), forms=mine).decree == "99/2027/NĐ-CP"
    assert choose("to_trinh", on=dt.date(2026, 1, 1), forms=mine).decree == "152/2025/NĐ-CP"


# ---------------------------------------------------------------- malformed files


def _broken(tmp_path: Path, replace: tuple[str, str], name: str = "nd152-2025-mau01-to-trinh.toml") -> Path:
    source = forms_dir() / "nd152-2025-mau01-to-trinh.toml"
    text = source.read_text(encoding="utf-8")
    assert replace[0] in text
    path = tmp_path / name
    path.write_text(text.replace(replace[0], replace[1], 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        (('kind = "to_trinh"', 'kind = "thong_bao"'), "loại văn bản “thong_bao” không hợp lệ"),
        (('kind = "to_trinh"', ""), "thiếu khóa “kind”"),
        (('effective_from = 2025-07-01', 'effective_from = "2025-07-01"'), "có kiểu không đúng"),
        (('source = "candidates_table"', 'source = "ung_vien"'), "nguồn dữ liệu “ung_vien” không tồn tại"),
        (('source = "candidates_table"', 'source = "candidates_table"\n  colour = "red"'), "tùy chọn không được hỗ trợ"),
        (("{campaign.name}", "{campaign.name"), "thiếu dấu “}”"),
        (('id = "de_nghi"', 'id = "mo_dau"'), "bị trùng"),
        (('position = "right"', 'position = "middle"'), "vị trí “middle”"),
        (("[meta]\nsources = [", "[meta]\nsources = []\nold = ["), "khóa không được hỗ trợ trong [meta]"),
        (('layout = "ND30-1.4"', 'layout = "ND30-1.9"'), "Mẫu 1.9 không có dòng địa danh"),
        (("name = ", "name = = "), "sai cú pháp TOML"),
    ],
)
def test_malformed_form_is_a_clear_user_error(tmp_path, replace, message):
    path = _broken(tmp_path, replace)
    with pytest.raises(UserError) as info:
        load_form(path)
    text = str(info.value)
    assert "nd152-2025-mau01-to-trinh.toml" in text
    assert message in text


def test_file_name_and_id_must_agree(tmp_path):
    path = _broken(tmp_path, ('name = "Tờ trình', 'id = "khac"\nname = "Tờ trình'))
    with pytest.raises(UserError, match="khác tên tệp"):
        load_form(path)


def test_list_forms_stops_at_a_bad_file(tmp_path):
    _broken(tmp_path, ('kind = "to_trinh"', 'kind = 3'))
    with pytest.raises(UserError, match="có kiểu không đúng"):
        list_forms(tmp_path)


def test_missing_forms_folder(tmp_path):
    with pytest.raises(UserError, match="Không thấy thư mục mẫu"):
        list_forms(tmp_path / "khong-co")


def test_every_source_named_in_a_form_exists(forms):
    for form in forms:
        for section in form.sections:
            for part in section.parts:
                assert part.source is None or part.source in SOURCES


# ---------------------------------------------------------------- composing


def test_fill_placeholders():
    ctx = {"award": {"name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"}, "n": 3}
    assert fill("Đề nghị {award.name:upper}", ctx) == "Đề nghị BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert fill("{n} người, {khong.co}", ctx) == f"3 người, {MISSING}"
    assert fill("{{nguyên văn}}", ctx) == "{nguyên văn}"
    assert fill("{chưa đóng", ctx) == "{chưa đóng"


def test_date_parts():
    assert date_parts("2025-08-05") == DateParts(5, 8, 2025)
    assert date_parts("2025-08") == DateParts(None, 8, 2025)
    assert date_parts(dt.datetime(2025, 2, 3, 9, 0)) == DateParts(3, 2, 2025)
    assert date_parts({"year": 2025}) == DateParts(None, None, 2025)
    assert date_parts(None) == DateParts()
    with pytest.raises(UserError, match="không đúng dạng"):
        date_parts("15/8/2025")


def test_every_form_composes_with_the_sample(forms):
    for form in forms:
        doc = compose(form, sample_context(form.subject))
        assert doc.form_id == form.id
        assert MISSING not in doc.plain_text(), form.id
        assert [s.id for s in doc.sections] == [s.id for s in form.sections]


def test_every_form_composes_from_nothing_without_crashing(forms):
    for form in forms:
        doc = compose(form, {})
        text = doc.plain_text().replace("\u00a0", " ")  # compare words; no-break spaces are checked apart
        assert doc.sections and text
        for section in doc.sections:
            assert section.blocks, (form.id, section.id)


GARBAGE = {
    "unit": "Sở Tư pháp",
    "document": {"number": 12, "date": {"year": "2025"}},
    "candidates": "Nguyễn Văn A",
    "meeting": {"members": "Nguyễn Văn B", "total_members": "7", "start": "sáng 12/8", "chair": "Ông C"},
    "ballot": [1, 2],
    "achievements": {"criterion": "Chuyển đổi số"},
    "measures": "Một biện pháp",
    "person": "Nguyễn Thị Hoa",
    "collective": ["Phòng"],
    "prior_awards": [{"year": None, "name": "Lao động tiên tiến", "kind": "danh_hieu"}, 3],
    "signers": "Giám đốc",
    "texts": {"effect": 5},
    "overrides": ["không phải bảng"],
}


def test_wrong_shapes_in_the_context_never_crash(forms):
    for form in forms:
        doc = compose(form, GARBAGE)
        assert doc.plain_text()


def test_empty_sources_print_a_sentence(forms):
    doc = compose(by_id(forms, "nd30-2020-mau1.9-bien-ban"), {})
    text = doc.plain_text().replace("\u00a0", " ")  # compare words; no-break spaces are checked apart
    assert "Chưa có danh sách thành viên Hội đồng dự họp." in text
    assert "Chưa có kết quả kiểm phiếu." in text
    report = compose(by_id(forms, "nd152-2025-mau08-bao-cao-ca-nhan"), {"person": {"name": "Nguyễn Thị Hoa"}})
    assert "Chưa ghi nhận thành tích nào trong phong trào thi đua." in report.plain_text()
    assert report.signature("right").name == "Nguyễn Thị Hoa"
    assert report.signature("left").name == ""  # space left for a handwritten name


def test_to_trinh_header_title_and_proposal(forms):
    doc = compose(by_id(forms, "nd152-2025-mau01-to-trinh"), sample_context())
    h = doc.header
    assert h.agency_lines() == ("UBND TỈNH HÀ TĨNH", "SỞ TƯ PHÁP")
    assert h.number_line() == f"Số: {BLANK}/TTr-STP"
    assert h.place_date_line() == "Hà Tĩnh, ngày 14 tháng 8 năm 2025"
    assert doc.type_name == "TỜ TRÌNH"
    assert doc.title_lines[0].text.startswith("Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    assert doc.recipient_lines() == ["Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh."]
    # The written date is kept on one line: no-break spaces between day, month and year.
    assert doc.basis_lines()[0] == "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;".replace(
        "ngày 15 tháng 6 năm 2022", "ngày\u00a015\u00a0tháng\u00a06\u00a0năm\u00a02022")
    assert doc.basis_lines()[-1].endswith(".")
    assert doc.noi_nhan_lines() == ["- Như trên;", "- Lưu: VT, VP."]
    signer = doc.signature("right")
    assert (signer.authority, signer.title, signer.name) == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Thị Luân")
    text = doc.plain_text().replace("\u00a0", " ")  # compare words; no-break spaces are checked apart
    # The ballot turned one candidate down: 02 collectives and 02 people are proposed.
    assert "cho 02 tập thể và 02 cá nhân" in text
    table = next(b for b in doc.section("de_nghi").blocks if isinstance(b, Table))
    # Split into tập thể and cá nhân, each numbered from 1, with a short summary column.
    assert [row[:2] for row in table.rows] == [
        ("I", "Tập thể"), ("1", "Phòng Hành chính tư pháp"), ("2", "Trung tâm Dịch vụ đấu giá tài sản"),
        ("II", "Cá nhân"), ("1", "Nguyễn Thị Hoa"), ("2", "Trần Văn Đức"),
    ]
    assert table.header[-1] == "Tóm tắt thành tích"
    assert "xem xét, xét" not in text and "các hình thức khen thưởng" not in text
    assert doc.closing.endswith("./.")


def test_bien_ban_counts_votes_on_the_whole_council(forms):
    doc = compose(by_id(forms, "nd30-2020-mau1.9-bien-ban"), sample_context())
    assert not doc.header.show_place_date
    assert doc.header.number_line() == f"Số: {BLANK}/BB-HĐTĐKT"
    ballot = next(b for b in doc.section("kiem_phieu").blocks if isinstance(b, Table))
    assert ballot.rows[0][3:] == ("06", "85,71\u00a0%", "Đạt")  # one format everywhere, no-break space
    assert ballot.rows[-1][1:] == ("Lê Thị Quỳnh Anh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "05",
                                   "71,43\u00a0%", "Không đạt")
    listed = next(b for b in doc.section("danh_sach").blocks if isinstance(b, Table))
    assert len(listed.rows) == 5  # the minutes list everyone considered
    text = doc.plain_text().replace("\u00a0", " ")  # compare words; no-break spaces are checked apart
    assert "Tổng số thành viên Hội đồng: 07 người; có mặt: 06 người; vắng mặt: 01 người." in text
    assert "(có ý kiến bằng văn bản gửi Hội đồng)" in text
    assert "Cuộc họp kết thúc vào 10 giờ 30 phút, ngày 12 tháng 8 năm 2025./." in text
    assert doc.signature("left").title == "Thư ký" and doc.signature("left").name == "Trần Đức Thắng"
    assert doc.noi_nhan_lines()[-1] == "- Lưu: VT, Hồ sơ."


def test_reports_fill_profile_achievements_and_prior_awards(forms):
    doc = compose(by_id(forms, "nd152-2025-mau05-bao-cao-cong-trang-ca-nhan"), sample_context("ca_nhan"))
    assert not doc.header.show_agency
    assert doc.title_lines[0].text == "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    profile = doc.section("ly_lich").blocks[0]
    assert isinstance(profile, BulletList)
    assert profile.items[0][0].text == "Họ và tên: Nguyễn Thị Hoa"
    achievements = doc.section("thanh_tich").blocks
    assert any(isinstance(b, Paragraph) and b.text == "a) Chuyển đổi số trong công tác chuyên môn" for b in achievements)
    awards = [b for b in doc.section("khen_thuong").blocks if isinstance(b, Table)]
    assert [t.rows[0][1] for t in awards] == ["Lao động tiên tiến", "Giấy khen của Giám đốc Sở Tư pháp"]
    assert awards[0].header[0] == "Năm"


def test_context_overrides(forms):
    form = by_id(forms, "nd152-2025-mau01-to-trinh")
    ctx = sample_context()
    ctx["document"].update(
        number="5",
        date="2025-08",
        classification="mat",
        recipients=["Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh", "Sở Nội vụ tỉnh Hà Tĩnh"],
        noi_nhan=["Như trên", "Lãnh đạo Sở", "Lưu: VT, VP"],
    )
    ctx["overrides"] = {"mo_dau": "Đoạn do **văn thư** sửa."}
    doc = compose(form, ctx)
    assert doc.header.number_line() == "Số: 05/TTr-STP"
    assert doc.header.place_date_line() == f"Hà Tĩnh, ngày {BLANK} tháng 8 năm 2025"
    assert doc.classification_mark == "MẬT"
    assert doc.recipient_lines() == ["- Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh;", "- Sở Nội vụ tỉnh Hà Tĩnh."]
    assert doc.noi_nhan_lines() == ["- Như trên;", "- Lãnh đạo Sở;", "- Lưu: VT, VP."]
    assert doc.section("mo_dau").blocks[0].text == "Đoạn do văn thư sửa."


def test_bad_classification_is_a_user_error(forms):
    ctx = sample_context()
    ctx["document"]["classification"] = "bi_mat"
    with pytest.raises(UserError, match="Độ mật"):
        compose(by_id(forms, "nd152-2025-mau01-to-trinh"), ctx)


def test_form_files_are_plain_toml():
    paths = sorted(forms_dir().glob("*.toml"))
    assert len(paths) >= 8
    for path in paths:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        assert data, path.name


@pytest.mark.parametrize("on, decree", [(dt.date(2023, 12, 23), "30/2020/NĐ-CP"), (dt.date(2024, 6, 1), "98/2023/NĐ-CP"),
                                        (dt.date(2025, 6, 30), "98/2023/NĐ-CP"), (dt.date(2025, 7, 1), "152/2025/NĐ-CP")])
def test_the_tờ_trình_of_each_period_cites_its_own_decree(forms, on, decree):
    f = choose("to_trinh", on=on, forms=forms)
    assert f.decree == decree
    bases = " ".join(f.bases)
    assert {"30/2020/NĐ-CP": "91/2017/NĐ-CP", "98/2023/NĐ-CP": "98/2023/NĐ-CP",
            "152/2025/NĐ-CP": "152/2025/NĐ-CP"}[decree] in bases

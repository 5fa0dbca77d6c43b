"""When the campaign runs, and the last day a unit's dossier may arrive.

The period comes, in order of trust, from a "Thời gian (thi đua | thực hiện
…)" heading and what it holds ("Từ ngày 15/7/2025 đến hết ngày 15/8/2025",
"Giai đoạn 1 (từ năm 2025 - 2027) … Giai đoạn 2 (từ năm 2027 - 2030)", which
together run 2025–2030), from the summary line ("giai đoạn 2023 - 2025",
"năm 2025"), or from a "từ … đến …" sentence about the campaign in the body
("từ nay đến năm 2025", where "nay" is the issue date).

The deadline is read from sentences that send the dossier: "Các phòng, đơn
vị gửi hồ sơ … trước ngày 16/8/2025" gives 2025-08-15 (the day before),
"chậm nhất ngày 30/11/2023" gives that day, "trước 17 giờ ngày 20/8/2025" that
day too, and "trước ngày 05/01 hàng năm" the yearly ``--01-04``. Sentences
whose subject is the collecting office ("Văn phòng Sở tổng hợp, trình Hội
đồng trước ngày …") are that office's own deadline and do not count.
"""
from __future__ import annotations

import re

from desktop.text import fold
from desktop.campaigns.plans.blocks import LEVEL_HEADING, LEVEL_LETTER, Block, section
from desktop.campaigns.plans.dates import make, parse_date
from desktop.campaigns.plans.folding import key
from desktop.dates import PartialDate
from desktop.campaigns.plans.model import PlanExtraction
from desktop.campaigns.plans.phrases import any_of
from desktop.campaigns.plans.piece import Piece, Span

_POINT = (
    r"(?:ngày\s*)?\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?(?![\d/])"
    r"|(?:ngày\s*)?\d{1,2}\s+tháng\s*\d{1,2}(?:\s*,?\s*(?:năm|/)\s*\d{4})?"
    r"|tháng\s*\d{1,2}(?:\s*(?:năm|/)\s*\d{4})?"
    r"|(?:năm\s*)?(?:19|20)\d{2}(?![\d/])"
)
# The first end of a range may lean on the second: "từ ngày 15 đến …", "từ tháng 6 đến …".
_LEANING_POINT = r"ngày\s*\d{1,2}(?=\s*(?:đến|tới|-|–))"
_UNTIL_WORD = r"đến|tới|cho\s+đến|-|–|—|và\s+kết\s+thúc(?:\s+vào)?"
_NOW = r"nay|ngày\s+ký(?:\s+ban\s+hành)?|ngày\s+ban\s+hành(?:\s+(?:kế\s+hoạch|văn\s+bản))?(?:\s+này)?|khi\s+ban\s+hành"
_RANGE = re.compile(
    rf"(?<![^\W\d_])(?:từ|bắt\s+đầu\s+từ)\s+(?P<a>{_NOW}|{_LEANING_POINT}|{_POINT})"
    rf"\s*(?:{_UNTIL_WORD})\s*(?:hết\s+)?(?:ngày\s+)?(?P<b>{_POINT})",
    re.IGNORECASE,
)
_YEARS = re.compile(
    r"(?<![\d/])(?P<a>(?:19|20)\d{2})\s*(?:-|–|—|đến|tới)\s*(?:năm\s+)?(?P<b>(?:19|20)\d{2})(?![\d/])"
)
_SINGLE_YEAR = re.compile(r"(?<![^\W\d_])năm\s+(?P<y>(?:19|20)\d{2})(?![\d/]|\s*[-–—]\s*\d)", re.IGNORECASE)
_FROM = re.compile(rf"(?<![^\W\d_])(?:từ|bắt\s+đầu\s+từ|kể\s+từ)\s+(?P<a>{_NOW}|{_POINT})", re.IGNORECASE)
_UNTIL = re.compile(
    rf"(?<![^\W\d_])(?:đến|tới|kết\s+thúc(?:\s+vào)?)\s+(?:hết\s+)?(?:ngày\s+)?(?P<b>{_POINT})",
    re.IGNORECASE,
)
_PERIOD_ANCHOR = re.compile(r"\bthoi\s+gian\b")
_PERIOD_TOPIC = re.compile(any_of("thi dua", "thuc hien", "phat dong", "trien khai", "to chuc", "phong trao", "ap dung"))
_CAMPAIGN = re.compile(any_of("phong trao", "thi dua", "thuc hien", "trien khai", "to chuc"))

_DEADLINE = re.compile(
    r"(?<![^\W\d_])(?P<kw>trước(?:\s+hoặc\s+trong)?|chậm\s+nhất|muộn\s+nhất|hạn\s+chót|hạn\s+cuối|đến\s+hết)"
    r"(?:\s+(?:là|vào|đến))?\s*(?:ngày\s*)?:?\s*"
    r"(?:(?P<time>\d{1,2}\s*(?:giờ|h|g)(?:\s*\d{1,2}(?:\s*phút)?)?)\s*,?\s*(?:ngày\s*)?)?"
    r"(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?(?![\d/])"
    r"|\d{1,2}\s+tháng\s*\d{1,2}(?:\s*,?\s*(?:năm|/)\s*\d{4})?"
    r"|(?P<blank>[.…_]+\s*[/.\-]?\s*\d{1,2}\s*[/.\-]\s*\d{4}|[.…_]+\s*tháng\s*\d{1,2}[^.;\n]{0,12})"
    r"|(?P<dom>\d{1,2})(?=\s+(?:hàng|hằng)\s+tháng))"
    r"(?P<yearly>\s*(?:(?:hàng|hằng)\s+năm|(?:của\s+)?năm\s+sau|năm\s+liền\s+kề))?",
    re.IGNORECASE,
)
# "Thời hạn nộp hồ sơ của các đơn vị: ngày 05/12/2025": a labelled day, which is the last day.
_DEADLINE_LABEL = re.compile(
    r"(?<![^\W\d_])(?P<kw>thời\s+hạn|hạn\s+chót|hạn\s+cuối|hạn\s+nộp|hạn\s+gửi)[^.;:\n]{0,60}:\s*(?:là\s+)?(?:ngày\s*)?"
    r"(?P<time>)(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?(?![\d/])"
    r"|\d{1,2}\s+tháng\s*\d{1,2}(?:\s*,?\s*(?:năm|/)\s*\d{4})?)(?P<blank>)?(?P<dom>)?"
    r"(?P<yearly>\s*(?:(?:hàng|hằng)\s+năm|(?:của\s+)?năm\s+sau|năm\s+liền\s+kề))?",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\./\.")
_OFFICE = re.compile(
    "^(?:" + any_of("giao ", "de nghi ") + ")?(?:"
    + any_of("van phong", "thuong truc", "hoi dong", "ban thi dua", "so noi vu", "phong to chuc", "phong noi vu",
             "co quan thuong truc", "to giup viec", "bo phan", "ban to chuc", "ban chi dao", "lanh dao", "giam doc",
             "chu tich", "ubnd tinh", "uy ban nhan dan tinh", r"so (?!ban\b|nganh\b)[a-z]", "bo phan",
             "phong thi dua")
    + ")"
)
# Who the sentence sends to work: the units ("các phòng, đơn vị", "Thủ trưởng các cơ quan").
_UNITS = re.compile(
    r"\b(?:cac\s+(?:"
    + any_of("phong", "don vi", "co quan", "so", "truong", "dia phuong", "tap the", "ban", "nganh", "cum", "khoi")
    + ")|" + any_of("don vi", "thu truong", "nguoi dung dau") + r")\b"
)
# What the collecting office does itself before a date; it receives the units' dossiers ("tiếp nhận").
_RECEIVE = ("tiep nhan", "nhan")


def _key(text: str) -> str:
    return key(text, keep="/")


def _from_iso(iso: str | None) -> PartialDate | None:
    if not iso or iso.startswith("--"):
        return None
    parts = [int(p) for p in iso.split("-")]
    return PartialDate(*parts)


def _point(text: str, issued: PartialDate | None) -> PartialDate | None:
    """One end of a range; a bare "ngày 15" or "tháng 6" has its other parts filled by :func:`_complete`."""
    if re.match(_NOW, text, re.IGNORECASE):
        return issued
    date = parse_date(text)
    if date is not None:
        return date
    m = re.search(r"(?:19|20)\d{2}", text)
    if m:
        return make(int(m.group(0)), None, None)
    m = re.fullmatch(r"tháng\s*(\d{1,2})", text.strip(), re.IGNORECASE)
    if m and 1 <= int(m.group(1)) <= 12:
        return PartialDate(None, int(m.group(1)), None)
    m = re.fullmatch(r"ngày\s*(\d{1,2})", text.strip(), re.IGNORECASE)
    if m and 1 <= int(m.group(1)) <= 31:
        return PartialDate(None, None, int(m.group(1)))
    return None


def _complete(a: PartialDate | None, b: PartialDate | None) -> tuple[PartialDate | None, PartialDate | None]:
    """Give a range's first end what its second end has ("từ 15/7 đến 15/8/2025", "từ ngày 15 đến 30/8/2025")."""
    if a is not None and b is not None and a.year is None and b.year is not None:
        month = a.month if a.month is not None else b.month
        year = b.year if (month or 0, a.day or 0) <= (b.month or 0, b.day or 0) else b.year - 1
        a = make(year, month, a.day) if month is not None or a.day is None else None
    if b is not None and b.year is None:
        b = None
    if a is not None and a.year is None:
        a = None
    return a, b


def _ranges(piece: Piece, issued: PartialDate | None, with_years: bool = True):
    """(start, end, span) of every range in ``piece``."""
    text = piece.text
    found = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(text):
        a, b = _complete(_point(m.group("a"), issued), _point(m.group("b"), None))
        if a or b:
            found.append((a, b, piece.span(m.start(), m.end()), piece.span(*m.span("a")), piece.span(*m.span("b"))))
            taken.append(m.span())
    if with_years:
        for m in _YEARS.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            a, b = make(int(m.group("a")), None, None), make(int(m.group("b")), None, None)
            if a and b and a.year <= b.year:
                found.append((a, b, piece.span(m.start(), m.end()), piece.span(*m.span("a")), piece.span(*m.span("b"))))
    return found


def _set_period(plan: PlanExtraction, found) -> bool:
    starts = [(a, sa) for a, b, span, sa, sb in found if a]
    ends = [(b, sb) for a, b, span, sa, sb in found if b]
    if not starts and not ends:
        return False
    if starts:
        a, sa = min(starts, key=lambda x: x[0].start_key())
        plan.period.start = a.iso()
        if sa:
            plan.spans["period.start"] = sa
    if ends:
        b, sb = max(ends, key=lambda x: x[0].end_key())
        plan.period.end = b.iso()
        if sb:
            plan.spans["period.end"] = sb
    spans = [s for _, _, s, _, _ in found if s]
    if spans:
        plan.spans["period"] = (min(s[0] for s in spans), max(s[1] for s in spans))
    return True


def _hangs_on_dossier(piece: Piece, start: int) -> bool:
    """Whether the sentence around ``start`` is about sending the dossier."""
    text = piece.text
    begin = max([m.end() for m in _SENTENCE_END.finditer(text, 0, start)], default=0)
    end_m = _SENTENCE_END.search(text, start)
    clause = _key(text[begin:end_m.start() if end_m else len(text)])
    return "ho so" in clause or "truoc ngay" in clause


def read_period(plan: PlanExtraction, blocks: list[Block], title: Piece | None,
                attached: list[Block] | None = None) -> None:
    """Fill ``plan.period``; ``attached`` is a part after the signature (a plan a decision carries)."""
    issued = _from_iso(plan.date)
    # 1. Under a "Thời gian …" heading about the campaign (the innermost such heading).
    for part in (blocks, attached or []):
        if _period_under_heading(plan, part, issued):
            return
    # 2. The summary line: "giai đoạn 2023 - 2025", "năm 2025".
    if title is not None and title.text:
        if _set_period(plan, _ranges(title, issued)):
            return
        m = _SINGLE_YEAR.search(title.text)
        if m:
            year = make(int(m.group("y")), None, None)
            span = title.span(*m.span("y"))
            if _set_period(plan, [(year, year, title.span(m.start(), m.end()), span, span)]):
                return
    # 3. A "từ … đến …" sentence about the campaign anywhere in the body.
    for block in blocks:
        if block.text.text.startswith("Căn cứ") or not _CAMPAIGN.search(block.body_key):
            continue
        found = [r for r in _ranges(block.text, issued, with_years=False)
                 if not _hangs_on_dossier(block.text, _offset_in(block.text, r[2]))]
        if _set_period(plan, found[:1]):
            return
    plan.problem("Không xác định được thời gian thực hiện phong trào.")


def _period_under_heading(plan: PlanExtraction, blocks: list[Block], issued: PartialDate | None) -> bool:
    anchors = [i for i, b in enumerate(blocks) if _is_period_anchor(b)]
    scopes = {i: section(blocks, i) for i in anchors}
    inner = [i for n, i in enumerate(anchors) if not (n + 1 < len(anchors) and anchors[n + 1] <= i + len(scopes[i]))]
    for i in inner:
        pieces = [blocks[i].body] + [b.text for b in scopes[i]]
        found = [r for p in pieces for r in _ranges(p, issued)
                 if not _hangs_on_dossier(p, _offset_in(p, r[2]))]
        if not found:
            found = [r for p in pieces for r in _open_ends(p, issued)]
        if _set_period(plan, found):
            return True
    return False


def _offset_in(piece: Piece, span: Span | None) -> int:
    """Offset in ``piece`` of the character at the start of source ``span``."""
    if span is None:
        return 0
    try:
        return piece.origin.index(span[0])
    except ValueError:
        return 0


def _open_ends(piece: Piece, issued: PartialDate | None):
    """A period written with one end only ("từ ngày 15/7/2025", "năm 2025")."""
    text = piece.text
    out = []
    for m in _FROM.finditer(text):
        a = _point(m.group("a"), issued)
        if a and a.year and not _hangs_on_dossier(piece, m.start()):
            out.append((a, None, piece.span(*m.span()), piece.span(*m.span("a")), None))
    for m in _UNTIL.finditer(text):
        b = _point(m.group("b"), None)
        if b and b.year and not _hangs_on_dossier(piece, m.start()):
            out.append((None, b, piece.span(*m.span()), None, piece.span(*m.span("b"))))
    if not out:
        for m in _SINGLE_YEAR.finditer(text):
            if _hangs_on_dossier(piece, m.start()):
                continue
            year = make(int(m.group("y")), None, None)
            span = piece.span(*m.span("y"))
            out.append((year, year, piece.span(*m.span()), span, span))
            break
    return out


def _is_period_anchor(block: Block) -> bool:
    if "thoi gian" not in block.body_key:
        return False  # the folded body, made once per block for every rule: most blocks stop here
    key = _key(block.body.text.split(":", 1)[0])
    if not _PERIOD_ANCHOR.search(key):
        return False
    marked = block.level is not None and (block.level <= LEVEL_LETTER or block.level == LEVEL_HEADING)
    if not (marked or ":" in block.body.text):
        return False
    if "ho so" in key and not _PERIOD_TOPIC.search(key):
        return False
    return key.startswith("thoi gian") or bool(_PERIOD_TOPIC.search(key))


# -- deadline -----------------------------------------------------------------

def read_deadline(plan: PlanExtraction, blocks: list[Block]) -> None:
    issued = _from_iso(plan.date)
    best: tuple[int, int, PartialDate, Span | None, re.Match[str], Block] | None = None
    for order, block in enumerate(blocks):
        k = block.body_key
        if not ("truoc" in k or "nhat" in k or "han" in k or "het" in k):
            continue  # none of "trước", "chậm/muộn nhất", "hạn", "đến hết": the patterns below cannot match
        text = block.text.text
        for m in [*_DEADLINE.finditer(text), *_DEADLINE_LABEL.finditer(text)]:
            score = _deadline_score(text, m)
            if score < 2:
                continue
            if m.group("blank") or m.group("dom"):
                what = "để trống ngày" if m.group("blank") is not None else "lặp lại hằng tháng"
                plan.problem(f"Hạn gửi hồ sơ “{m.group(0).strip()}” {what}; hãy nhập tay.",
                             block.text.span(m.start(), m.end()))
                continue
            date = _deadline_date(plan, m, issued, block)
            if date is None:
                continue
            if best is None or score > best[0]:
                best = (score, order, date, block.text.span(m.start(), m.end()), m, block)
    if best is None:
        return
    _, _, date, span, _, _ = best
    plan.deadline = date.iso()
    if span:
        plan.spans["deadline"] = span


def _deadline_date(plan: PlanExtraction, m: re.Match[str], issued: PartialDate | None,
                   block: Block, what: str = "Hạn gửi hồ sơ") -> PartialDate | None:
    raw = m.group("date")
    date = parse_date(raw if re.search(r"tháng|/|-|\.", raw) else "")
    if date is None or date.day is None:
        plan.problem(f"Không đọc được ngày trong “{m.group(0).strip()}”.", block.text.span(m.start(), m.end()))
        return None
    yearly = bool(m.group("yearly"))
    if yearly:
        date = PartialDate(None, date.month, date.day)
    elif date.year is None:
        year = issued.year if issued else None
        if year is None:
            plan.problem(f"{what} “{m.group(0).strip()}” không ghi năm; hãy nhập tay.",
                         block.text.span(m.start(), m.end()))
            return None
        if issued.month and (date.month, date.day) < (issued.month, issued.day or 1):
            year += 1
        inferred = make(year, date.month, date.day)
        if inferred is None:  # 29/02 in a common year
            plan.problem(f"Không đọc được ngày trong “{m.group(0).strip()}”.", block.text.span(m.start(), m.end()))
            return None
        date = inferred
        plan.problem(f"{what} “{m.group(0).strip()}” không ghi năm; đã lấy năm {year}.",
                     block.text.span(m.start(), m.end()))
    kw = fold(m.group("kw"))
    if kw.startswith("truoc") and "trong" not in kw and not m.group("time"):
        date = date.day_before()
    return date


def _deadline_score(text: str, m: re.Match[str]) -> int:
    """How surely the deadline at ``m`` is the one for the units' dossiers.

    A sentence that sends the dossier ("gửi", "nộp" hồ sơ) scores; one whose
    subject is the collecting office and whose last verb before the date is
    its own work ("tổng hợp, trình Hội đồng trước ngày …") is that office's
    deadline and scores below zero.
    """
    begin = max([s.end() for s in _SENTENCE_END.finditer(text, 0, m.start())], default=0)
    end_m = _SENTENCE_END.search(text, m.end())
    before = _key(text[begin:m.start()]).lstrip("- +*")
    clause = _key(text[begin:end_m.start() if end_m else len(text)])
    score = 0
    if "ho so" in clause:
        score += 2
    if re.search(r"khen thuong|de nghi|thanh tich", clause):
        score += 1
    verbs = re.findall(r"\b(gui|goi|nop|chuyen|trinh|tong hop|tham dinh|xet duyet|xet|bao cao|tiep nhan|nhan)\b", before)
    if verbs and verbs[-1] in ("gui", "goi", "nop", "chuyen"):
        score += 1
    if "dang ky" in clause and "ho so" not in clause:
        score -= 1
    subject = re.sub(r"^(?:[a-z]\s|\d{1,2}\s)+", "", before)
    subject = re.sub(r"^(?:de\s+nghi|yeu\s+cau|giao)\s+", "", subject)
    if _UNITS.match(subject):
        score += 1
    # The collecting office (or the Sở itself) sending on, reporting up, or submitting by a date: its own deadline.
    elif _OFFICE.match(subject) and verbs and verbs[-1] not in _RECEIVE:
        score -= 5
    return score


# -- the units' registration and report deadlines ------------------------------------------------------

# What a unit is asked to send by a date besides its dossier: its registration (đăng ký thi đua, the
# bản đăng ký, the giao ước) and its report of results (báo cáo kết quả, sơ kết, tổng kết). A
# "báo cáo thành tích" is part of the dossier, not a report.
_REPORT_WORK = re.compile(
    r"\bbao\s+cao\s+(?:" + any_of("ket qua", "so ket", "tong ket", "tinh hinh", "viec thuc hien", "danh gia") + ")")
_REGISTRATION_WORK = re.compile(
    r"\bdang\s+ky\s+(?:" + any_of("thi dua", "giao uoc", "danh hieu", "chi tieu", "phan dau") + ")"
    r"|\bban\s+dang\s+ky\b|\bky\s+(?:ket\s+)?giao\s+uoc\b")
UNIT_DEADLINE_WORDS = {"registration": "Hạn đăng ký thi đua", "report": "Hạn báo cáo kết quả"}
# A row of a "Tiến độ thực hiện" table: "Tháng 9/2024 | Đăng ký thi đua | Các đơn vị".
_ROW_TIME = re.compile(
    r"^\s*(?:(?P<kw>trước|chậm\s+nhất|trong)\s+)?(?:ngày\s*)?(?P<date>\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
    r"|tháng\s*\d{1,2}\s*(?:/|năm)\s*\d{4})(?P<yearly>\s*(?:hàng|hằng)\s+năm)?\s*$", re.IGNORECASE)


def _unit_work(words: str) -> str | None:
    """``"report"`` or ``"registration"`` when ``words`` (folded) ask the units for one, else ``None``."""
    if _REPORT_WORK.search(words):
        return "report"
    if _REGISTRATION_WORK.search(words):
        return "registration"
    return None


def read_unit_deadlines(plan: PlanExtraction, blocks: list[Block]) -> None:
    """Fill ``registration_deadline`` and ``report_deadline`` from the sentences that set them.

    "Các phòng, đơn vị đăng ký thi đua gửi về Văn phòng Cục trước ngày 30/4/2025" sets the
    registration (2025-04-29); "… báo cáo kết quả thực hiện phong trào … trước ngày 31/3 hằng
    năm" the yearly report (``--03-30``); a "Tiến độ thực hiện" row "Tháng 9/2024 | Đăng ký thi
    đua | Các đơn vị" the month. What the collecting office itself reports by a date is its own
    deadline, not the units'. The first of each kind in the plan counts.
    """
    issued = _from_iso(plan.date)
    for block in blocks:
        text = block.text.text
        if "|" in text and _row_deadline(plan, block):
            continue
        for m in [*_DEADLINE.finditer(text), *_DEADLINE_LABEL.finditer(text)]:
            begin = max([s.end() for s in _SENTENCE_END.finditer(text, 0, m.start())], default=0)
            before = _key(text[begin:m.start()]).lstrip("- +*")
            kind = _unit_work(before)
            if kind is None or getattr(plan, f"{kind}_deadline") is not None:
                continue
            subject = re.sub(r"^(?:[a-z]\s|\d{1,2}\s)+", "", before)
            subject = re.sub(r"^(?:de\s+nghi|yeu\s+cau|giao)\s+", "", subject)
            if _OFFICE.match(subject) and not _UNITS.match(subject):
                continue  # the office's own report upwards
            span = block.text.span(m.start(), m.end())
            if m.group("blank") or m.group("dom"):
                plan.problem(f"{UNIT_DEADLINE_WORDS[kind]} “{m.group(0).strip()}” để trống ngày; hãy nhập tay.", span)
                continue
            date = _deadline_date(plan, m, issued, block, UNIT_DEADLINE_WORDS[kind])
            if date is not None:
                setattr(plan, f"{kind}_deadline", date.iso())
                if span:
                    plan.spans[f"{kind}_deadline"] = span


def _row_deadline(plan: PlanExtraction, block: Block) -> bool:
    """A timetable row whose first cell is a time, a later cell the units' registration or report, and
    whose doer (when named) is the units; sets the deadline and says whether the row was one."""
    text = block.text.text
    cells = [c.strip() for c in text.split("|")]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return False
    m = _ROW_TIME.match(cells[0])
    kind = _unit_work(_key(" ".join(cells[1:2])))
    if m is None or kind is None:
        return False
    doer = _key(cells[2]) if len(cells) > 2 else ""
    if doer and _OFFICE.match(doer) and not _UNITS.match(doer):
        return False
    if getattr(plan, f"{kind}_deadline") is not None:
        return True
    raw = re.sub(r"\s+", " ", m.group("date"))
    month_only = re.fullmatch(r"tháng\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})", raw, re.IGNORECASE)
    if month_only:
        date = make(int(month_only.group(2)), int(month_only.group(1)), None)
    else:
        date = parse_date(raw)
        if date is not None and m.group("yearly"):
            date = PartialDate(None, date.month, date.day)
        if date is not None and date.day is not None and m.group("kw") and fold(m.group("kw")).startswith("truoc"):
            date = date.day_before()
    if date is None or (date.year is None and not m.group("yearly")):
        return False
    setattr(plan, f"{kind}_deadline", date.iso())
    start = text.find(cells[0])
    span = block.text.span(start, start + len(cells[0])) if start >= 0 else None
    if span:
        plan.spans[f"{kind}_deadline"] = span
    return True

"""Data sources: the parts of a document that are built from records, not typed.

A form file names a source for a part of a section (``source =
"ballot_results"``); the source reads the compose context (a plain dict, see
:mod:`.compose`) and returns blocks of the document model. A source that finds
nothing returns no blocks, and the composer prints the part's ``empty``
sentence (or the source's default one) instead, so a draft with missing data
still reads as a document and never fails.

Context keys each source reads (all optional; missing data gives the empty sentence):

``candidates_table``
    ``candidates``: list of ``{name, kind ("tap_the"|"ca_nhan"), position, unit,
    award, summary, votes, passed}``. Those a ballot turned down are left out unless
    option ``all = true``; option ``summary = true`` adds a "Tóm tắt thành tích" column;
    option ``split = true`` groups the rows under "I. Tập thể" and "II. Cá nhân".
``attendance``
    ``meeting.members``: list of ``{name, title, role, present (bool, default
    true), written_opinion (the text, recorded verbatim, or a bool), candidate (the
    award the member is proposed for, if any)}``; ``meeting.guests``: ``{name, title}``;
    ``meeting.total_members`` (int, defaults to the number of members listed).
``ballot_results``
    ``ballot``: ``{issued, returned, valid, invalid, threshold}`` (threshold: percent
    of *all* council members, NĐ 98/2023 Điều 30.7 / legal.md C.5);
    ``candidates[].votes`` and optional ``candidates[].threshold``;
    ``meeting.total_members`` as above.
    ``ballot.rules``: ``[{award, text ("trên 50 %"), source}]`` words the threshold line as each rule is written.
``ballot_conclusion``
    the same keys; lists, award by award, the candidates whose yes-votes reach the threshold
    (``candidates[].passed`` when the meeting computed it).
``profile``
    ``person``: ``{name, birth_date, gender, ethnicity, hometown, residence, unit,
    position, political_theory, education, academic}`` for a cá nhân form;
    ``collective``: ``{name, address, phone, fax, website, structure, staff_count,
    history}`` for a tập thể form. Option ``of = "person"|"collective"``.
``tasks``
    ``person.tasks`` or ``collective.functions``: markup text or a list of lines.
``achievements_by_criterion``
    ``achievements``: list of ``{criterion, items: [text or {text, result}],
    measures: [text], result (the sentence comparing the result with the target)}``.
``measures``
    ``achievements[].measures`` and ``measures`` (list of text).
``prior_awards``
    ``prior_awards``: list of ``{year, name, kind ("danh_hieu"|"hinh_thuc"),
    decision, issuer}``. Option ``kind`` selects one of the two tables; ``kind = "xep_loai"``
    reads ``ratings``: ``[{year, text}]`` (the yearly ratings).
``text``
    Option ``key``: a dotted path into the context whose value is markup text or
    a list of lines (``texts.effect``, ``texts.lessons`` …).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.dossier.documents.model import Block, BulletList, Paragraph, Run, Table
from desktop.dossier.documents.richtext import parse

__all__ = ["SOURCES", "Source", "lookup", "passes", "percent", "proposed", "two_digits"]


def lookup(context: Mapping[str, Any], path: str) -> Any:
    """Value at a dotted path (``meeting.chair.name``), ``None`` when any step is missing."""
    value: Any = context
    for part in path.split("."):
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        else:
            return None
    return value


def two_digits(n: int) -> str:
    """Counts in administrative text are written with two digits: 02, 07, 12."""
    return f"{n:02d}"


def percent(value: float) -> str:
    """85,71 % (decimal comma, two decimals, no-break space): :func:`desktop.numbers.percent`."""
    from desktop.numbers import percent as _percent

    return _percent(value)


def _list(value: Any) -> list[Any]:
    """A list from whatever the context holds: a lone text is one item, junk is none."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str) and value.strip():
        return [value]
    return []


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _markup_blocks(value: Any) -> tuple[Block, ...]:
    """Markup text, or a list of lines (each a paragraph), as blocks."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return parse("\n\n".join(_text(v) for v in value if _text(v)))
    return parse(_text(value))


def _candidates(context: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    items = _list(lookup(context, "candidates"))
    # Collectives first, as in the lists units send (tập thể trước, cá nhân sau).
    return sorted(
        (c for c in items if isinstance(c, Mapping) and _text(c.get("name"))),
        key=lambda c: 0 if c.get("kind") == "tap_the" else 1,
    )


def _total_members(context: Mapping[str, Any]) -> int:
    total = lookup(context, "meeting.total_members")
    if isinstance(total, int) and total > 0:
        return total
    return sum(1 for m in _list(lookup(context, "meeting.members")) if isinstance(m, Mapping))


def _threshold(context: Mapping[str, Any], candidate: Mapping[str, Any]) -> float | None:
    value = candidate.get("threshold", lookup(context, "ballot.threshold"))
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def passes(context: Mapping[str, Any], candidate: Mapping[str, Any]) -> bool | None:
    """Whether a candidate's yes-votes reach the threshold, as a share of all members.

    ``None`` when the votes, the threshold or the council size is unknown.
    """
    if isinstance(candidate.get("passed"), bool):
        return candidate["passed"]  # the meeting's own result, by the ballot's rule (trên / từ … trở lên)
    votes = candidate.get("votes")
    total = _total_members(context)
    threshold = _threshold(context, candidate)
    if not isinstance(votes, int) or isinstance(votes, bool) or not total or threshold is None:
        return None
    return votes * 100 >= threshold * total


def _items(texts: list[str]) -> BulletList:
    """A dash list the administrative way: ";" after each item, "." after the last."""
    last = len(texts) - 1
    return BulletList(tuple(
        (Run(t.rstrip(" ;.") + ("." if i == last else ";")),) for i, t in enumerate(texts)
    ))


def proposed(context: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Candidates still proposed: all of them, less those a ballot turned down."""
    return [c for c in _candidates(context) if passes(context, c) is not False]


def _who(candidate: Mapping[str, Any]) -> str:
    return _text(candidate.get("name"))


def _where(candidate: Mapping[str, Any]) -> str:
    return ", ".join(x for x in (_text(candidate.get("position")), _text(candidate.get("unit"))) if x)


# ---------------------------------------------------------------- sources


def candidates_table(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    # A tờ trình lists only who the council kept; the minutes list everyone considered.
    candidates = _candidates(context) if options.get("all") else proposed(context)
    if not candidates:
        return ()
    with_summary = bool(options.get("summary"))
    header = ["STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ, đơn vị công tác", "Hình thức khen thưởng đề nghị"]
    widths = [7, 28, 30, 25]
    if with_summary:
        header.append("Tóm tắt thành tích")
        widths = [7, 20, 21, 18, 34]
    rows = []

    def add(group: list[Mapping[str, Any]]) -> None:
        for i, c in enumerate(group, 1):
            row = [str(i), _who(c), _where(c), _text(c.get("award")) or _text(lookup(context, "award.name"))]
            if with_summary:
                row.append(_text(c.get("summary")))
            rows.append(tuple(row))

    if options.get("split"):
        groups = [("I", "Tập thể", [c for c in candidates if c.get("kind") == "tap_the"]),
                  ("II", "Cá nhân", [c for c in candidates if c.get("kind") != "tap_the"])]
        groups = [g for g in groups if g[2]]
        for n, (_, label, group) in enumerate(groups):
            roman = ("I", "II")[n]
            rows.append(tuple([roman, label] + [""] * (len(header) - 2)))
            add(group)
    else:
        add(candidates)
    return (Table(tuple(header), tuple(rows), tuple(widths)),)


def attendance(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    members = [m for m in _list(lookup(context, "meeting.members")) if isinstance(m, Mapping) and _text(m.get("name"))]
    if not members:
        return ()
    present = [m for m in members if m.get("present", True)]
    absent = [m for m in members if not m.get("present", True)]
    total = _total_members(context)
    blocks: list[Block] = [
        Paragraph.of(
            f"Tổng số thành viên Hội đồng: {two_digits(total)} người; có mặt: {two_digits(len(present))} người; "
            f"vắng mặt: {two_digits(total - len(present))} người."
        )
    ]

    def line(m: Mapping[str, Any]) -> str:
        extra = " - ".join(x for x in (_text(m.get("title")), _text(m.get("role"))) if x)
        text = _text(m.get("name")) + (f", {extra}" if extra else "")
        if _text(m.get("candidate")):
            text += f" (là người được đề nghị {_text(m.get('candidate'))})"
        return text

    if present:
        blocks.append(Paragraph.of("Thành viên có mặt:"))
        blocks.append(_items([line(m) for m in present]))
    if absent:
        blocks.append(Paragraph.of("Thành viên vắng mặt:"))
        items = []
        opinions = []
        for m in absent:
            opinion = m.get("written_opinion")
            if isinstance(opinion, str) and opinion.strip():
                items.append(line(m) + " (có ý kiến bằng văn bản gửi Hội đồng)")
                opinions.append((m, opinion.strip()))
            elif opinion:
                items.append(line(m) + " (có ý kiến bằng văn bản gửi Hội đồng)")
            else:
                items.append(line(m) + " (không có ý kiến bằng văn bản)")
        blocks.append(_items(items))
        # NĐ 98/2023 Điều 30.7 (legal.md C.5): an absent member's written opinion goes into the minutes.
        for m, opinion in opinions:
            blocks.append(Paragraph((Run(f"Ý kiến bằng văn bản của thành viên vắng mặt {_text(m.get('name'))}: "),
                                     Run(f"“{opinion}”", italic=True))))
    guests = [g for g in _list(lookup(context, "meeting.guests")) if isinstance(g, Mapping) and _text(g.get("name"))]
    if guests:
        blocks.append(Paragraph.of("Khách mời dự họp:"))
        blocks.append(_items([", ".join(x for x in (_text(g.get("name")), _text(g.get("title"))) if x)
                              for g in guests]))
    conflicted = [m for m in members if _text(m.get("candidate"))]
    if conflicted:
        names = ", ".join(_text(m.get("name")) for m in conflicted)
        blocks.append(Paragraph.of(
            f"Thành viên Hội đồng đồng thời là người được đề nghị khen thưởng: {names}; "
            "Hội đồng ghi nhận để bảo đảm khách quan khi xem xét."))
    return tuple(blocks)


def ballot_results(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    candidates = [
        c for c in _candidates(context) if isinstance(c.get("votes"), int) and not isinstance(c.get("votes"), bool)
    ]
    ballot = _mapping(lookup(context, "ballot"))
    if not candidates:
        return ()
    blocks: list[Block] = []
    counts = [
        ("Số phiếu phát ra", ballot.get("issued")),
        ("số phiếu thu về", ballot.get("returned")),
        ("số phiếu hợp lệ", ballot.get("valid")),
        ("số phiếu không hợp lệ", ballot.get("invalid")),
    ]
    known = [(label, n) for label, n in counts if isinstance(n, int)]
    if known:
        blocks.append(Paragraph.of("; ".join(f"{label}: {two_digits(n)}" for label, n in known) + "."))
    total = _total_members(context)
    header = ("STT", "Tên tập thể, họ và tên cá nhân", "Hình thức khen thưởng đề nghị", "Số phiếu đồng ý",
              "Tỷ lệ so với tổng số thành viên Hội đồng", "Kết quả")
    rows = []
    for i, c in enumerate(candidates, 1):
        votes = c["votes"]
        ratio = percent(votes * 100 / total) if total else ""
        ok = passes(context, c)
        verdict = "" if ok is None else ("Đạt" if ok else "Không đạt")
        rows.append((str(i), _who(c), _text(c.get("award")) or _text(lookup(context, "award.name")),
                     two_digits(votes), ratio, verdict))
    blocks.append(Table(header, tuple(rows), (8, 24, 21, 11, 17, 14)))
    rules = [r for r in _list(lookup(context, "ballot.rules")) if isinstance(r, Mapping) and _text(r.get("text"))]
    if rules and total:
        by_text: dict[str, list[Mapping[str, Any]]] = {}
        for r in rules:
            by_text.setdefault(_text(r.get("text")), []).append(r)
        lines = []
        for text_, group in by_text.items():
            rule = f"{text_} tổng số thành viên Hội đồng"
            if len(by_text) > 1:
                rule = f"{' và '.join(_text(r.get('award')) for r in group)}: {rule}"
            sources = list(dict.fromkeys(_text(r.get("source")) for r in group if _text(r.get("source"))))
            if sources:
                rule += f" (theo {'; '.join(sources)})"
            lines.append(rule)
        blocks.append(Paragraph.of(
            f"Tỷ lệ phiếu đồng ý được tính trên tổng số {two_digits(total)} thành viên Hội đồng; mức phải đạt: "
            + "; ".join(lines) + "."))
    else:
        threshold = lookup(context, "ballot.threshold")
        if isinstance(threshold, (int, float)) and not isinstance(threshold, bool) and total:
            blocks.append(
                Paragraph.of(
                    f"Tỷ lệ phiếu đồng ý được tính trên tổng số {two_digits(total)} thành viên Hội đồng; "
                    f"mức phải đạt: từ {percent(float(threshold))} trở lên."
                )
            )
    return tuple(blocks)


def ballot_conclusion(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    voted = [c for c in _candidates(context) if passes(context, c) is not None]
    if not voted:
        return ()
    chosen = [c for c in voted if passes(context, c)]
    if not chosen:
        return (Paragraph.of("Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."),)
    fallback = _text(lookup(context, "award.name"))
    by_award: dict[str, list[Mapping[str, Any]]] = {}
    for c in chosen:
        by_award.setdefault(_text(c.get("award")) or fallback, []).append(c)
    blocks: list[Block] = [Paragraph.of(
        f"Hội đồng thống nhất đề nghị khen thưởng {_phrase(chosen)} đạt tỷ lệ phiếu đồng ý theo quy định, cụ thể:")]
    letters = "abcdđeghiklmn"
    for i, (award, group) in enumerate(by_award.items()):
        letter = letters[i % len(letters)]
        head = f"{letter}) Đề nghị {award}" if award else f"{letter})"
        blocks.append(Paragraph.of(f"{head} cho {_phrase(group)}:"))
        blocks.append(_items([", ".join(x for x in (_who(c), _where(c)) if x) for c in group]))
    return tuple(blocks)


def _phrase(group: list[Mapping[str, Any]]) -> str:
    collectives = sum(1 for c in group if c.get("kind") == "tap_the")
    people = len(group) - collectives
    return " và ".join(x for x in (f"{two_digits(collectives)} tập thể" if collectives else "",
                                   f"{two_digits(people)} cá nhân" if people else "") if x)


_PERSON_FIELDS = (
    ("name", "Họ và tên"),
    ("birth_date", "Ngày, tháng, năm sinh"),
    ("gender", "Giới tính"),
    ("ethnicity", "Dân tộc"),
    ("hometown", "Quê quán"),
    ("residence", "Nơi thường trú"),
    ("unit", "Đơn vị công tác"),
    ("position", "Chức vụ (Đảng, chính quyền, đoàn thể)"),
    ("political_theory", "Trình độ lý luận chính trị"),
    ("education", "Trình độ chuyên môn, nghiệp vụ"),
    ("academic", "Học hàm, học vị, danh hiệu, giải thưởng"),
)

_COLLECTIVE_FIELDS = (
    ("name", "Tên tập thể"),
    ("governing", "Cơ quan chủ quản"),
    ("parent_line", "Đơn vị cấp trên trực tiếp"),
    ("head", "Người đứng đầu"),
    ("address", "Địa điểm trụ sở chính"),
    ("phone", "Điện thoại"),
    ("fax", "Fax"),
    ("website", "Địa chỉ trang tin điện tử"),
    ("structure", "Cơ cấu tổ chức"),
    ("staff_count", "Tổng số cán bộ, công chức, viên chức và người lao động"),
    ("history", "Quá trình thành lập và phát triển"),
)


def _of(options: Mapping[str, Any], subject: str) -> str:
    of = options.get("of")
    if of in ("person", "collective"):
        return of
    return "collective" if subject == "tap_the" else "person"


def profile(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    of = _of(options, subject)
    record = _mapping(lookup(context, of))
    fields = _PERSON_FIELDS if of == "person" else _COLLECTIVE_FIELDS
    items = []
    for key, label in fields:
        value = _text(record.get(key))
        if value:
            items.append((Run(f"{label}: {value}"),))
    return (BulletList(tuple(items)),) if items else ()


def tasks(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    path = "person.tasks" if _of(options, subject) == "person" else "collective.functions"
    return _markup_blocks(lookup(context, path))


def achievements_by_criterion(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    groups = [g for g in _list(lookup(context, "achievements")) if isinstance(g, Mapping)]
    blocks: list[Block] = []
    letters = "abcdđeghiklmnopqrstuvxy"
    for i, group in enumerate(groups):
        criterion = _text(group.get("criterion"))
        texts = []
        for item in _list(group.get("items")):
            if isinstance(item, Mapping):
                text = _text(item.get("text"))
                result = _text(item.get("result"))
                if result:
                    text = f"{text} (kết quả: {result})" if text else result
            else:
                text = _text(item)
            if text:
                texts.append(text)
        if not criterion and not texts:
            continue
        letter = letters[i] if i < len(letters) else str(i + 1)
        blocks.append(Paragraph((Run(f"{letter}) {criterion or 'Thành tích khác'}", italic=True),)))
        if texts:
            blocks.append(_items(texts))
        else:
            blocks.append(Paragraph.of("Không có thành tích theo tiêu chí này trong thời gian phong trào."))
        if _text(group.get("result")):
            blocks.append(Paragraph.of(_text(group.get("result"))))
    return tuple(blocks)


def measures(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    found: list[str] = []
    for group in _list(lookup(context, "achievements")):
        if isinstance(group, Mapping):
            found += [_text(m) for m in _list(group.get("measures"))]
    found += [_text(m) for m in _list(lookup(context, "measures"))]
    unique = list(dict.fromkeys(m for m in found if m))
    if not unique:
        return ()
    return (_items(unique),)


def prior_awards(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    kind = options.get("kind", "danh_hieu")
    if kind == "xep_loai":
        ratings = [r for r in _list(lookup(context, "ratings")) if isinstance(r, Mapping) and _text(r.get("text"))]
        if not ratings:
            return ()
        ratings.sort(key=lambda r: str(r.get("year", "")))
        return (Table(("Năm", "Kết quả đánh giá, xếp loại chất lượng"),
                      tuple((_text(r.get("year")), _text(r.get("text"))) for r in ratings), (15, 85)),)
    awards = [
        a for a in _list(lookup(context, "prior_awards"))
        if isinstance(a, Mapping) and a.get("kind", "hinh_thuc") == kind and _text(a.get("name"))
    ]
    if not awards:
        return ()
    awards.sort(key=lambda a: str(a.get("year", "")))
    if kind == "danh_hieu":
        header = ("Năm", "Danh hiệu thi đua",
                  "Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định")
    else:
        header = ("Năm", "Hình thức khen thưởng",
                  "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định")
    rows = []
    for a in awards:
        decision = "; ".join(x for x in (_text(a.get("decision")), _text(a.get("issuer"))) if x)
        rows.append((_text(a.get("year")), _text(a.get("name")), decision))
    return (Table(header, tuple(rows), (10, 35, 55)),)


def text(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    key = options.get("key")
    return _markup_blocks(lookup(context, key)) if isinstance(key, str) else ()


def decided_table(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    """The list a decision awards: who, where, which title or award, and the prize (the year-end review)."""
    rows = [r for r in _list(lookup(context, "decided")) if isinstance(r, Mapping)]
    if not rows:
        return ()
    header = ("STT", "Tên tập thể, họ và tên cá nhân", "Chức vụ, đơn vị công tác",
              "Danh hiệu, hình thức khen thưởng", "Tiền thưởng (đồng)")
    body = [(str(i), _text(r.get("name")), _where(r), _text(r.get("award")), _text(r.get("prize")))
            for i, r in enumerate(rows, 1)]
    total = _text(lookup(context, "decision.total"))
    if total:
        body.append(("", "Tổng cộng", "", "", total))
    return (Table(header, tuple(body), (7, 27, 26, 24, 16)),)


def review_conclusion(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    """The year-end review's conclusion: what the council proposes, title by title (the danh sách đề nghị).

    ``conclusion``: list of ``{award, kind ("tap_the"|"ca_nhan"), verb, items: [text]}``.
    """
    groups = [g for g in _list(lookup(context, "conclusion"))
              if isinstance(g, Mapping) and any(_text(x) for x in _list(g.get("items")))]
    if not groups:
        return ()
    blocks: list[Block] = [Paragraph.of("Hội đồng thống nhất đề nghị:")]
    letters = "abcdđeghiklmn"
    for i, g in enumerate(groups):
        items = [_text(x) for x in _list(g.get("items")) if _text(x)]
        who = "tập thể" if g.get("kind") == "tap_the" else "cá nhân"
        verb = _text(g.get("verb")) or "Công nhận danh hiệu"
        blocks.append(Paragraph.of(f"{letters[i % len(letters)]}) {verb} {_text(g.get('award'))} "
                                   f"cho {two_digits(len(items))} {who}:"))
        blocks.append(_items(items))
    return tuple(blocks)


SourceFn = Callable[[Mapping[str, Any], Mapping[str, Any], str], tuple[Block, ...]]


@dataclass(frozen=True)
class Source:
    fn: SourceFn
    empty: str
    options: frozenset[str] = frozenset()


SOURCES: dict[str, Source] = {
    "candidates_table": Source(
        candidates_table, "Chưa có tập thể, cá nhân nào được đề nghị.", frozenset({"summary", "all", "split"})
    ),
    "attendance": Source(attendance, "Chưa có danh sách thành viên Hội đồng dự họp."),
    "ballot_results": Source(ballot_results, "Chưa có kết quả kiểm phiếu."),
    "ballot_conclusion": Source(ballot_conclusion, "Chưa có kết luận vì chưa có kết quả kiểm phiếu."),
    "profile": Source(profile, "Chưa có thông tin.", frozenset({"of"})),
    "tasks": Source(tasks, "Chưa nhập chức năng, nhiệm vụ được giao.", frozenset({"of"})),
    "achievements_by_criterion": Source(achievements_by_criterion, "Chưa ghi nhận thành tích nào trong phong trào thi đua."),
    "measures": Source(measures, "Chưa nhập biện pháp, giải pháp đã áp dụng."),
    "prior_awards": Source(prior_awards, "Không có.", frozenset({"kind"})),
    "text": Source(text, "Chưa nhập nội dung.", frozenset({"key"})),
    "decided_table": Source(decided_table, "Chưa có tập thể, cá nhân nào được khen thưởng."),
    "review_conclusion": Source(review_conclusion, "Chưa có tập thể, cá nhân nào được Hội đồng thống nhất đề nghị."),
}


# ---------------------------------------------------------------- registration and reports of results
# Context keys:
# ``registration_targets``
#     ``unit_targets``: list of ``{criterion, unit, value, due, note}``: what the unit registers (TT 35/2011 Mẫu 1a, II).
# ``registration_list``
#     ``registrations``: list of ``{kind ("tap_the"|"ca_nhan"), name, where, titles, targets: [text]}``.
#     Option ``of = "collective"|"person"`` keeps one kind.
# ``results_table``
#     ``results``: list of ``{criterion, target, result, assessment}``: each criterion against its target.
# ``awards_summary``
#     ``awards_summary``: list of ``{award, proposed, passed, sent}``.


def registration_targets(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    items = [t for t in _list(lookup(context, "unit_targets")) if isinstance(t, Mapping) and _text(t.get("criterion"))]
    if not items:
        return ()
    rows = tuple((str(i), _text(t.get("criterion")), _text(t.get("unit")), _text(t.get("value")),
                  "; ".join(x for x in (_text(t.get("due")), _text(t.get("note"))) if x))
                 for i, t in enumerate(items, 1))
    return (Table(("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu đăng ký", "Thời hạn, ghi chú"), rows,
                  (7, 45, 13, 15, 20)),)


def registration_list(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    want = {"collective": "tap_the", "person": "ca_nhan"}.get(str(options.get("of", "")))
    items = [r for r in _list(lookup(context, "registrations"))
             if isinstance(r, Mapping) and _text(r.get("name")) and (want is None or r.get("kind") == want)]
    if not items:
        return ()
    rows = []
    for i, r in enumerate(items, 1):
        targets = "; ".join(_text(t) for t in _list(r.get("targets")) if _text(t))
        rows.append((str(i), _text(r.get("name")), _text(r.get("where")), "; ".join(_list(r.get("titles"))),
                     targets))
    who = "Họ và tên" if want == "ca_nhan" else "Tên tập thể" if want == "tap_the" else "Tập thể, cá nhân"
    return (Table(("STT", who, "Chức vụ, đơn vị", "Danh hiệu, hình thức đăng ký", "Chỉ tiêu đăng ký"),
                  tuple(rows), (7, 23, 22, 22, 26)),)


def _numbered_table(context: Mapping[str, Any], path: str, columns: tuple[tuple[str, str], ...],
                    widths: tuple[int, ...]) -> tuple[Block, ...]:
    """One numbered row ("STT") per entry of ``path`` whose first column is filled; ``columns`` are
    (key, header) pairs. No entry gives no table."""
    items = [e for e in _list(lookup(context, path)) if isinstance(e, Mapping) and _text(e.get(columns[0][0]))]
    if not items:
        return ()
    rows = tuple((str(i), *(_text(e.get(key)) for key, _ in columns)) for i, e in enumerate(items, 1))
    return (Table(("STT", *(header for _, header in columns)), rows, widths),)


def results_table(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    return _numbered_table(context, "results", (("criterion", "Chỉ tiêu"), ("target", "Chỉ tiêu đăng ký / kế hoạch"),
                                                ("result", "Kết quả thực hiện"), ("assessment", "Đánh giá")),
                           (7, 38, 20, 20, 15))


def awards_summary(context: Mapping[str, Any], options: Mapping[str, Any], subject: str) -> tuple[Block, ...]:
    return _numbered_table(context, "awards_summary", (("award", "Hình thức khen thưởng"), ("proposed", "Số đề nghị"),
                                                       ("passed", "Hội đồng thông qua"), ("sent", "Đã trình cấp trên")),
                           (7, 45, 14, 17, 17))


SOURCES.update({
    "registration_targets": Source(registration_targets, "Đơn vị chưa đăng ký chỉ tiêu thi đua."),
    "registration_list": Source(registration_list, "Chưa có tập thể, cá nhân nào đăng ký.", frozenset({"of"})),
    "results_table": Source(results_table, "Phong trào chưa có chỉ tiêu để đánh giá kết quả."),
    "awards_summary": Source(awards_summary, "Chưa có tập thể, cá nhân nào được đề nghị khen thưởng."),
})

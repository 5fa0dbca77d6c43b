"""``rules [AWARD]``: every award's conditions with their sources; ``nomination checks ID``: their results.

Both print Vietnamese text; ``--json`` prints the same for scripts (stable English keys,
ISO dates). The conditions are the data of ``resources/award_rules.toml``.
"""
from __future__ import annotations

import argparse

from desktop.commands.main import add_json_option, db_path

RESULTS = {"met": "đạt", "not_met": "chưa đạt", "unknown": "chưa xác định"}
MARKS = {"met": "✓", "not_met": "✗", "unknown": "?"}


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.commands.outcome import _group

    p = sub.add_parser("rules", help="điều kiện của từng danh hiệu, hình thức khen thưởng, kèm căn cứ pháp lý")
    p.add_argument("award", nargs="?", default=None, metavar="KHEN_THƯỞNG",
                   help='tên danh hiệu hoặc hình thức khen thưởng, ví dụ "Chiến sĩ thi đua cơ sở" (mặc định: tất cả)')
    add_json_option(p)
    p.set_defaults(func=run_rules)

    group = _group(sub, "nomination", "đề nghị khen thưởng")
    p = group.add_parser("checks", help="kết quả từng điều kiện của một đề nghị (đạt / chưa đạt / chưa xác định), "
                                        "kèm dữ kiện đã dùng và căn cứ")
    p.add_argument("id", type=int, metavar="MÃ", help="mã số đề nghị (xem “thidua nomination list”)")
    add_json_option(p)
    p.set_defaults(func=run_checks)


# -- rules ------------------------------------------------------------------------------------------

def _tree_lines(node, depth: int, lines_of, children_of) -> list[str]:
    """``lines_of(node, pad)`` (``pad`` indents ``depth`` levels), then the lines of its ``children_of`` a level deeper."""
    out = lines_of(node, "  " * depth)
    for child in children_of(node):
        out += _tree_lines(child, depth + 1, lines_of, children_of)
    return out


def _condition_lines(c, pad: str) -> list[str]:
    from desktop.council import rules

    head = {"one_of": "Một trong các điều kiện: ", "all_of": "Tất cả các điều kiện: "}.get(c.kind, "")
    out = [f"{pad}- {head}{c.text}"]
    detail = [f"căn cứ: {c.source}"]
    if c.period():
        detail.append(f"hiệu lực {c.period()}" + (f" ({rules.load().bases[c.basis][2]})" if c.basis else ""))
    out.append(f"{pad}  ({'; '.join(detail)})")
    if c.note:
        out.append(f"{pad}  Lưu ý: {c.note}")
    return out


def run_rules(args: argparse.Namespace) -> int:
    from desktop import catalog
    from desktop.council import rules
    from desktop.errors import NotFound
    from desktop.commands.records import _dump

    data = rules.load()
    entries = list(data.conditions)
    if args.award:
        known = catalog.load().get(args.award)
        name = known.name if known else args.award
        entries = [e for e in entries if e.award == name]
        if not entries:
            if known is None:
                raise NotFound(f"Không có “{args.award}” trong danh mục khen thưởng.")
            raise NotFound(f"Dữ liệu quy định chưa có điều kiện của {known.name}.")
    if args.json:
        _dump({"awards": [e.as_dict() for e in entries],
               "bases": {k: {"title": t, "effective_from": a, "effective_to": b}
                         for k, (a, b, t) in data.bases.items()},
               "default_ballot": {"rule": data.default.ballot, "fraction": data.default.fraction,
                                  "source": data.default.source, "note": data.default_note or None}})
        return 0
    subjects = {"ca_nhan": "cá nhân", "tap_the": "tập thể", "ca_hai": "cá nhân và tập thể"}
    for i, e in enumerate(entries):
        if i:
            print()
        print(f"{e.award} ({subjects[e.subject]})" + (f" — bình xét cuối năm, {rules.REVIEW[e.review]}"
                                                       if e.review else ""))
        if e.source:
            print(f"  Căn cứ: {e.source}")
        if e.note:
            print(f"  Lưu ý: {e.note}")
        for c in e.conditions:
            for line in _tree_lines(c, 1, _condition_lines, lambda c: c.of):
                print(line)
    if not args.award:
        print()
        print(f"Các khen thưởng khác: Hội đồng biểu quyết {data.default.threshold_text()} ({data.default.source}).")
    return 0


# -- a nomination's checks ----------------------------------------------------------------------------

def _check_lines(c, pad: str) -> list[str]:
    out = [f"{pad}{MARKS[c.result]} [{RESULTS[c.result]}] {c.headline}"]
    for fact in c.facts:
        out.append(f"{pad}    · {fact}")
    if c.source:
        out.append(f"{pad}    Căn cứ: {c.source}" + (f" (hiệu lực {c.period})" if c.period else ""))
    if c.note:
        out.append(f"{pad}    Lưu ý: {c.note}")
    return out


def run_checks(args: argparse.Namespace) -> int:
    from desktop.council import nominations
    from desktop.store import Store
    from desktop.commands.records import _dump

    with Store(db_path(args)) as store:
        n = nominations.get(store, args.id)
        award = n.award if n.ad_hoc else store.scalar("SELECT award FROM campaign_award WHERE id = ?",
                                                      (n.campaign_award_id,))
        name = store.scalar("SELECT full_name FROM person WHERE id = ?", (n.person_id,)) if n.person_id is not None \
            else store.scalar("SELECT name FROM collective WHERE id = ?", (n.collective_id,))
        checks = nominations.checks(store, n)
    if args.json:
        _dump({"nomination": n.id, "award": award, "subject_kind": n.subject_kind, "name": name,
               "status": n.status, "ok": all(c.ok for c in checks), "checks": [c.as_dict() for c in checks]})
        return 0
    print(f"Đề nghị số {n.id}: {award or '(chưa khớp danh mục khen thưởng)'} — "
          f"{'cá nhân' if n.subject_kind == 'person' else 'tập thể'} {name}")
    for c in checks:
        for line in _tree_lines(c, 0, _check_lines, lambda c: c.children):
            print(line)
    failed = [c for c in checks if not c.ok]
    unknown = [c for c in checks if c.ok and c.result == "unknown"]
    met = [c for c in checks if c.ok and c.result == "met"]
    print(f"Kết quả: {len(met)} đạt, {len(failed)} chưa đạt, "
          f"{len(unknown)} chưa xác định (Hội đồng xem xét).")
    return 0

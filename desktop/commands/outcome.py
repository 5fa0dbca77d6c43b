"""``nomination outcome`` (the decision that came back on a sent nomination) and ``export awards``.

The ``nomination`` group may also be made by another commands module (``nomination
list``); this module adds its sub-command to the group when it already exists.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.council import outcomes, prizes
from desktop.commands.main import add_command, add_print_options, db_path
from desktop.store import Store


def _group(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    """The sub-parsers of the group ``name``, made here unless another module made it first."""
    parser = sub.choices.get(name)
    if parser is None:
        parser = sub.add_parser(name, help=help_text)
        parser.set_defaults(func=lambda args: (parser.print_help(), 2)[1])
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest=f"{name}_command", metavar="LỆNH")


_YEAR = ("year", "NĂM", "năm bình xét")


def register(sub: argparse._SubParsersAction) -> None:
    group = _group(sub, "nomination", "đề nghị khen thưởng: ghi kết quả quyết định của cấp trên")
    p = group.add_parser("outcome", help="ghi kết quả (đạt / không đạt) và quyết định khen thưởng của một đề nghị "
                                         "đã gửi; đạt thì thành khen thưởng đã nhận của cá nhân, tập thể")
    p.add_argument("nomination", type=int, metavar="MÃ", help="mã số đề nghị khen thưởng")
    p.add_argument("--result", required=True, choices=["dat", "khong-dat"], help="dat (đạt) hoặc khong-dat")
    p.add_argument("--decision", required=True, metavar="SỐ", help='số quyết định, ví dụ "123/QĐ-STP"')
    p.add_argument("--date", required=True, metavar="NGÀY", help="ngày quyết định (dd/mm/yyyy)")
    p.add_argument("--by", default="", metavar="CƠ QUAN", help='cấp ra quyết định, ví dụ "Giám đốc Sở Tư pháp"')
    p.add_argument("--award", default=None, metavar="KHEN THƯỞNG",
                   help="danh hiệu, hình thức khen thưởng được quyết định (mặc định: như đề nghị)")
    p.add_argument("--file", type=Path, default=None, metavar="TỆP.pdf", help="quyết định đã ký (PDF), lưu làm minh chứng")
    p.set_defaults(func=run_outcome)

    p = group.add_parser("ad-hoc", help="đề nghị khen thưởng đột xuất (không thuộc phong trào) cho một thành tích đột xuất")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", type=int, metavar="MÃ", help="mã số cá nhân")
    who.add_argument("--collective", type=int, metavar="MÃ", help="mã số tập thể")
    p.add_argument("--award", required=True, metavar="KHEN THƯỞNG", help='ví dụ "Giấy khen của Giám đốc Sở"')
    p.add_argument("--achievement", type=int, action="append", default=[], metavar="MÃ",
                   help="mã số thành tích đột xuất trong sổ (có thể ghi nhiều lần)")
    p.add_argument("--summary", default="", metavar="VĂN_BẢN", help="tóm tắt thành tích")
    p.set_defaults(func=run_ad_hoc)
    p = group.add_parser("send", help="đánh dấu đề nghị khen thưởng đột xuất đã gửi cấp quyết định")
    p.add_argument("nomination", type=int, metavar="MÃ", help="mã số đề nghị")
    p.set_defaults(func=run_send)

    exports = _group(sub, "export", "xuất sổ sách ra tệp Excel để in hoặc gửi")
    p = exports.add_parser("awards", help="khen thưởng đã nhận qua các năm: danh sách kèm quyết định, "
                                          "và số lượng theo năm × hình thức")
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel sẽ tạo (ghi đè nếu đã có)")
    p.add_argument("--from", dest="year_from", type=int, metavar="NĂM", help="từ năm (tính cả năm này)")
    p.add_argument("--to", dest="year_to", type=int, metavar="NĂM", help="đến năm (tính cả năm này)")
    p.set_defaults(func=run_export_awards)

    group = _group(sub, "review", "bình xét cuối năm: điều kiện từng danh hiệu, quyết định, Giấy khen")
    add_command(group, "show", "các đối tượng đủ điều kiện từng danh hiệu và danh sách đã quyết định",
                run_review_show, _YEAR)
    for name, help_text, out, out_help, func in (
            ("decision", "soạn Quyết định công nhận danh hiệu, tặng Giấy khen kèm danh sách (Mẫu 1.2 NĐ 30/2020) "
                         "ra tệp .pdf hoặc .docx", "RA.pdf", "tệp kết quả .pdf hoặc .docx", run_review_decision),
            ("list", "danh sách kèm theo quyết định (theo danh hiệu, có tiền thưởng) ra tệp Excel", "RA.xlsx",
             "tệp Excel sẽ tạo", run_review_list),
            ("certificates", "in Giấy khen của danh sách đã quyết định ra tệp PDF (mỗi người một trang)", "RA.pdf",
             "tệp PDF sẽ tạo", run_review_certificates)):
        add_command(group, name, help_text, func, _YEAR).add_argument("out", type=Path, metavar=out, help=out_help)
    add_print_options(add_command(group, "print", "in Giấy khen (khen thưởng bằng giấy, được in) và ghi vào sổ in",
                                  run_review_print, _YEAR))


def run_outcome(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        o = outcomes.record(store, args.nomination, result=args.result, decision_number=args.decision,
                            decision_date=args.date, issuer=args.by, award=args.award, file=args.file)
        prize = outcomes.prize_for(store, args.nomination)
    print(f"Đề nghị số {o.nomination_id}: {outcomes.RESULTS[o.result].lower()} — {o.decision_text()}.")
    if o.approved:
        print(f"Khen thưởng đã nhận: {o.award} (ghi vào lịch sử khen thưởng).")
        if prize is not None:
            print(f"Tiền thưởng: {prize.explain()}.")
    if o.file_name:
        print(f"Tệp quyết định: {o.file_name} (lưu trong sổ).")
    return 0


def run_export_awards(args: argparse.Namespace) -> int:
    from desktop.council import statistics
    from desktop.errors import UserError
    from desktop.excel.awards import write_awards

    if args.year_from is not None and args.year_to is not None and args.year_from > args.year_to:
        raise UserError(f"Năm --from {args.year_from} sau năm --to {args.year_to}.")
    with Store(db_path(args)) as store:
        out = write_awards(store, args.out, year_from=args.year_from, year_to=args.year_to)
        n = len(statistics.awards(store, args.year_from, args.year_to))
    print(f"Đã xuất {n} khen thưởng đã nhận: {out}")
    return 0


def run_review_show(args: argparse.Namespace) -> int:
    from desktop.council import review
    from desktop.errors import NotFound

    with Store(db_path(args)) as store:
        r = review.get(store, args.year)
        if r is None:
            raise NotFound(f"Chưa có đợt bình xét năm {args.year}.")
        cands = review.candidates(store, args.year)
        decided = review.decided_list(store, args.year)
        listed = review.proposals(store, args.year)
    print(f"Bình xét năm {r.year}: {review.STATUSES[r.status].lower()}"
          + (f", Quyết định số {r.decision_number} ngày {r.decision_date:%d/%m/%Y}" if r.decision_date else ""))
    if listed:
        passed = sum(1 for p in listed if p.status == "thong_qua")
        waiting = sum(1 for p in listed if p.status == "trinh_hop_xet")
        print(f"Danh sách trình Hội đồng: {len(listed)} danh hiệu; {passed} thông qua, {waiting} chờ họp.")
    for title, rule in review.rules().items():
        ok = [c for c in cands if c.title == title and c.eligible]
        who = "đề nghị cấp trên" if not rule.unit_decides else "đơn vị quyết định"
        print(f"- {title} ({who}): {len(ok)} đủ điều kiện" + (": " + ", ".join(c.name for c in ok) if ok else ""))
    if decided:
        print("Danh sách kèm theo quyết định:")
        for row in decided:
            print(f"{row.no:>3}. {row.name} — {row.title} — {prizes.format_vnd(row.prize)}")
        print(f"Tổng tiền thưởng: {prizes.format_vnd(sum(x.prize or 0 for x in decided))}")
    return 0


def run_review_certificates(args: argparse.Namespace) -> int:
    from desktop.dossier import certificate

    with Store(db_path(args)) as store:
        items = certificate.certificates(store, args.year)
        out = certificate.render(items, args.out)
    print(f"Đã tạo {len(items)} Giấy khen: {out}")
    return 0


def run_review_print(args: argparse.Namespace) -> int:
    from desktop.dossier import certificate

    with Store(db_path(args)) as store:
        pages = certificate.print_certificates(store, args.year, printer=args.printer, copies=args.copies)
    print(f"Đã gửi lệnh in {pages} Giấy khen × {args.copies} bản. {certificate.PRINT_REASON}")
    return 0


def run_ad_hoc(args: argparse.Namespace) -> int:
    from desktop.council import nominations

    with Store(db_path(args)) as store:
        n = nominations.Nomination(None, None, person_id=args.person, collective_id=args.collective,
                                   summary=args.summary, achievement_ids=args.achievement, award=args.award)
        nid = nominations.save(store, n)
        failed = [c for c in nominations.checks(store, nominations.get(store, nid)) if not c.ok]
    print(f"Đề nghị khen thưởng đột xuất số {nid}: {n.award}.")
    for c in failed:
        print(f"Chưa đạt: {c.message} ({c.source})")
    return 0


def run_send(args: argparse.Namespace) -> int:
    from desktop.council import nominations

    with Store(db_path(args)) as store:
        nominations.send_ad_hoc(store, args.nomination)
    print(f"Đề nghị số {args.nomination} đã gửi; khi có quyết định, ghi kết quả bằng “nomination outcome”.")
    return 0


def run_review_decision(args: argparse.Namespace) -> int:
    from desktop.dossier import drafts

    with Store(db_path(args)) as store:
        out = drafts.render_decision(store, args.year, args.out)
    print(f"Đã soạn quyết định năm {args.year}: {out}")
    return 0


def run_review_list(args: argparse.Namespace) -> int:
    from desktop.excel.awards import write_decided

    with Store(db_path(args)) as store:
        out = write_decided(store, args.year, args.out)
    print(f"Đã xuất danh sách kèm theo quyết định năm {args.year}: {out}")
    return 0

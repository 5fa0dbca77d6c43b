"""``nomination outcome`` (the decision that came back on a sent nomination) and ``export awards``.

The ``nomination`` group may also be made by another commands module (``nomination
list``); this module adds its sub-command to the group when it already exists.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .. import outcomes
from ..cli import db_path
from ..store import Store


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

    exports = _group(sub, "export", "xuất sổ sách ra tệp Excel để in hoặc gửi")
    p = exports.add_parser("awards", help="khen thưởng đã nhận qua các năm: danh sách kèm quyết định, "
                                          "và số lượng theo năm × hình thức")
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel sẽ tạo (ghi đè nếu đã có)")
    p.add_argument("--from", dest="year_from", type=int, metavar="NĂM", help="từ năm (tính cả năm này)")
    p.add_argument("--to", dest="year_to", type=int, metavar="NĂM", help="đến năm (tính cả năm này)")
    p.set_defaults(func=run_export_awards)


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
    from .. import statistics
    from ..errors import UserError
    from ..excel.awards import write_awards

    if args.year_from is not None and args.year_to is not None and args.year_from > args.year_to:
        raise UserError(f"Năm --from {args.year_from} sau năm --to {args.year_to}.")
    with Store(db_path(args)) as store:
        out = write_awards(store, args.out, year_from=args.year_from, year_to=args.year_to)
        n = len(statistics.awards(store, args.year_from, args.year_to))
    print(f"Đã xuất {n} khen thưởng đã nhận: {out}")
    return 0

"""Excel commands: ``template``, ``import`` and ``export ledger``.

``thidua import`` checks every row first and saves all or nothing; when any row
fails it lists every error (sheet, row, column, reason) and exits 2. The
``export`` group's sub-parsers are :data:`export_subparsers`, so other areas
add their exports (``export nominations``) next to ``export ledger``.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.main import db_path
from desktop.dates import DateError, parse_date
from desktop.errors import UserError
from desktop.formatting import number
from desktop.files import existing_files
from desktop.store import Store

export_subparsers: argparse._SubParsersAction | None = None
"""The ``export`` group's sub-parsers, set by :func:`register`."""

KIND_HELP = ("people (danh sách cá nhân), achievements (thành tích), collectives (tập thể và xếp loại) "
             "hoặc awards (khen thưởng đã nhận)")
KIND_LABELS = {"people": "cá nhân", "achievements": "thành tích", "collectives": "tập thể",
               "awards": "khen thưởng đã nhận"}
OVERWRITE_HELP = "ghi đè tệp đã có (mặc định: báo lỗi nếu tệp đã có)"


def register(sub: argparse._SubParsersAction) -> None:
    global export_subparsers
    p = sub.add_parser("template", help="tạo tệp Excel mẫu để nhập cá nhân hoặc thành tích")
    p.add_argument("kind", choices=sorted(KIND_LABELS), metavar="LOẠI", help=KIND_HELP)
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel mẫu sẽ tạo")
    p.add_argument("--overwrite", action="store_true", help=OVERWRITE_HELP)
    p.set_defaults(func=run_template)

    p = sub.add_parser("import", help="nhập cá nhân hoặc thành tích từ tệp Excel (nhập hết hoặc không nhập gì)")
    p.add_argument("kind", choices=sorted(KIND_LABELS), metavar="LOẠI", help=KIND_HELP)
    p.add_argument("file", type=Path, metavar="TỆP.xlsx", help="tệp Excel đã điền theo mẫu")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và báo lỗi, không ghi gì vào sổ")
    p.add_argument("--create", dest="creates_db", action="store_true",
                   help="tạo tệp dữ liệu mới nếu đường dẫn --db chưa có tệp")
    p.set_defaults(func=run_import)

    group = sub.add_parser("export", help="xuất sổ sách ra tệp Excel để in hoặc gửi")
    export_subparsers = group.add_subparsers(dest="export_command", metavar="LỆNH", required=True)
    p = export_subparsers.add_parser("nominations", help="danh sách đề nghị khen thưởng của một phong trào")
    p.add_argument("campaign", type=int, metavar="PHONG_TRÀO", help="mã số phong trào")
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel sẽ tạo")
    p.add_argument("--overwrite", action="store_true", help=OVERWRITE_HELP)
    p.set_defaults(func=run_export_nominations)
    p = export_subparsers.add_parser(
        "ledger", help="sổ theo dõi thành tích của một phong trào hoặc một khoảng thời gian")
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel sẽ tạo")
    p.add_argument("--overwrite", action="store_true", help=OVERWRITE_HELP)
    p.add_argument("--campaign", type=int, metavar="MÃ", help="mã số phong trào (xem “thidua campaign list”)")
    p.add_argument("--from", dest="date_from", metavar="dd/mm/yyyy", help="từ ngày (tính cả ngày này)")
    p.add_argument("--to", dest="date_to", metavar="dd/mm/yyyy", help="đến ngày (tính cả ngày này)")
    p.set_defaults(func=run_export_ledger)


def run_template(args: argparse.Namespace) -> int:
    from desktop.excel.templates import write_template

    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        path = write_template(store, args.kind, args.out)
    print(f"Đã tạo tệp mẫu nhập {KIND_LABELS[args.kind]}: {path}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop.excel.importer import ImportRejected, apply, read

    with Store(db_path(args)) as store:
        preview = read(store, args.kind, args.file)
        for notice in preview.notices:
            print(f"Lưu ý: {notice}")
        if preview.errors:
            raise ImportRejected(preview)
        label = KIND_LABELS[args.kind]
        if args.dry_run:
            print(f"Tệp hợp lệ: {number(preview.count)} {label} sẽ được nhập từ trang “{preview.sheet}”. "
                  "Chưa ghi gì vào sổ (--dry-run).")
            return 0
        count = apply(store, preview)
    ratings = sum(len(r.ratings) for r in preview.rows)
    extra = f" (kèm {number(ratings)} xếp loại)" if ratings else ""
    print(f"Đã nhập {number(count)} {label}{extra} từ trang “{preview.sheet}” của tệp “{preview.file_name}”.")
    return 0


def _date_arg(value: str | None, option: str):
    if not value:
        return None
    try:
        return parse_date(value)
    except DateError as exc:
        raise UserError(f"Ngày “{value}” của {option} không hợp lệ: {exc}") from None


def run_export_ledger(args: argparse.Namespace) -> int:
    from desktop.excel.export import export_ledger

    date_from = _date_arg(args.date_from, "--from")
    date_to = _date_arg(args.date_to, "--to")
    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        result = export_ledger(store, args.out, campaign_id=args.campaign, date_from=date_from, date_to=date_to)
    print(f"Đã xuất {number(result.count)} thành tích vào {result.path}")
    return 0


def run_export_nominations(args: argparse.Namespace) -> int:
    from desktop.dossier.nomination_list import write_nominations

    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        out = write_nominations(store, args.campaign, args.out)
    print(f"Đã xuất danh sách đề nghị khen thưởng: {out}")
    return 0

"""``thidua backup`` and ``thidua restore``: a verified copy of the data file, and putting one back."""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.records import backup as backup_mod
from desktop.commands.main import db_path
from desktop.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="sao lưu tệp dữ liệu (an toàn cả khi cửa sổ đang mở) và kiểm tra bản sao")
    p.add_argument("out", nargs="?", metavar="RA",
                   help="tệp .sqlite hoặc thư mục sẽ chứa bản sao lưu (mặc định: thư mục sao-luu cạnh tệp dữ liệu)")
    p.add_argument("--keep", type=int, default=backup_mod.DEFAULT_KEEP, metavar="N",
                   help=f"trong một thư mục sao lưu, chỉ giữ N bản mới nhất (mặc định {backup_mod.DEFAULT_KEEP})")
    p.add_argument("--overwrite", action="store_true", help="ghi đè tệp sao lưu đã có cùng tên")
    p.set_defaults(func=run_backup)

    p = sub.add_parser("restore", help="khôi phục tệp dữ liệu từ một bản sao lưu (tệp hiện tại được giữ lại bên cạnh)")
    p.add_argument("backup", type=Path, metavar="BẢN_SAO_LƯU", help="tệp .sqlite do “thidua backup” tạo")
    p.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    with Store(db_path(args), create=False) as store:
        result = backup_mod.backup(store, args.out, keep=args.keep, overwrite=args.overwrite)
        backup_mod.record_backup(store, result)
    print(f"Đã sao lưu vào {result.path} ({result.size / 1024 / 1024:.1f} MB); "
          f"bản sao đã được kiểm tra: cấu trúc, khóa ngoại và {result.files_checked} tệp lưu kèm đều đúng.")
    for old in result.removed:
        print(f"Đã xóa bản sao lưu cũ {old.name}.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    result = backup_mod.restore(db_path(args), args.backup)
    print(f"Đã khôi phục {result.path} từ {args.backup}.")
    if result.kept_aside is not None:
        print(f"Tệp dữ liệu trước khi khôi phục được giữ lại: {result.kept_aside}")
    return 0

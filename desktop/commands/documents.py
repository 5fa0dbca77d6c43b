"""``draft`` and ``print`` commands: the dossier's documents from the command line."""
from __future__ import annotations

import argparse
from pathlib import Path

from .. import drafts, printing
from ..cli import db_path
from ..store import Store


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("draft", help="soạn tờ trình, biên bản họp xét, báo cáo thành tích từ dữ liệu")
    group.set_defaults(func=lambda args: (group.print_help(), 2)[1])
    ds = group.add_subparsers(dest="draft_command", metavar="LỆNH")
    for name, kind, target in (("to-trinh", "to_trinh", "mã số phong trào"),
                               ("bien-ban", "bien_ban", "mã số cuộc họp xét"),
                               ("bao-cao", "bao_cao", "mã số đề nghị khen thưởng")):
        p = ds.add_parser(name, help=f"soạn {drafts.KINDS[kind].lower()} (tạo bản nháp nếu chưa có)")
        p.add_argument("target", type=int, metavar="MÃ", help=target)
        p.add_argument("--out", type=Path, required=True, metavar="TỆP",
                       help="tệp kết quả .pdf hoặc .docx")
        p.set_defaults(func=run_draft, kind=kind)
    p = ds.add_parser("list", help="các văn bản đã soạn của một phong trào")
    p.add_argument("campaign", type=int, help="mã số phong trào")
    p.set_defaults(func=run_list)
    p = ds.add_parser("check", help="liệt kê chỗ còn trống, còn thiếu của một văn bản (mã thoát 1 nếu có)")
    p.add_argument("document", type=int, help="mã số văn bản")
    p.set_defaults(func=run_check)
    p = ds.add_parser("finalise", help="đánh dấu văn bản đã hoàn thiện (không sửa trực tiếp nữa)")
    p.add_argument("document", type=int, help="mã số văn bản")
    p.set_defaults(func=run_finalise)

    p = sub.add_parser("print", help="in một văn bản (chỉ văn bản mật hoặc hồ sơ khen thưởng cấp Nhà nước)")
    p.add_argument("document", type=int, help="mã số văn bản")
    p.add_argument("--printer", default="", help="tên máy in (mặc định: máy in mặc định)")
    p.add_argument("--copies", type=int, default=1, help="số bản in (mặc định 1)")
    p.set_defaults(func=run_print)


def run_draft(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        draft_id = drafts.create(store, args.kind, args.target)
        out = drafts.render(store, draft_id, args.out)
        d = drafts.get(store, draft_id)
    print(f"Văn bản số {draft_id} ({drafts.STATUSES[d.status].lower()}, mẫu {d.form}): {out}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        items = [(d, drafts.title(store, d), drafts.current(store, d.id).version)
                 for d in drafts.list_for_campaign(store, args.campaign)]
    if not items:
        print("Phong trào này chưa có văn bản nào.")
    for d, title, version in items:
        print(f"[{d.id}] {title} — {drafts.STATUSES[d.status]}, phiên bản {version}, mẫu {d.form}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        d = drafts.get(store, args.document)
        title = drafts.title(store, d)
        found = drafts.problems(store, args.document)
    if not found:
        print(f"Văn bản số {args.document} ({title}): không còn chỗ trống nào.")
        return 0
    print(f"Văn bản số {args.document} ({title}) còn {len(found)} chỗ cần điền:")
    for p in found:
        print(f"- [{p.section}] {p.message}: {p.text}")
    return 1


def run_finalise(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        drafts.finalise(store, args.document)
    print(f"Văn bản số {args.document} đã hoàn thiện.")
    return 0


def run_print(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        allowed = printing.permission(store, args.document)
        if not allowed.allowed:
            print(f"Lỗi: {allowed.reason}")
            return 3
        pages = printing.print_document(store, args.document, printer=args.printer, copies=args.copies)
    print(f"Đã gửi lệnh in {pages} trang × {args.copies} bản. {allowed.reason}")
    return 0

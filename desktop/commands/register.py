"""``thidua register``: the đăng ký thi đua of a campaign (show, export, template, import)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.campaigns import campaign as campaigns, registration
from desktop.commands.main import db_path
from desktop.files import existing_files
from desktop.formatting import number
from desktop.store import Store

OVERWRITE_HELP = "ghi đè tệp đã có (mặc định: báo lỗi nếu tệp đã có)"
KIND_LABELS = {"unit": "Đơn vị", "collective": "Tập thể", "person": "Cá nhân"}


def register(sub: argparse._SubParsersAction) -> None:
    register_deadlines(sub)
    group = sub.add_parser("register", help="đăng ký thi đua của đơn vị, tập thể, cá nhân cho một phong trào")
    rs = group.add_subparsers(dest="register_command", metavar="LỆNH", required=True)
    p = rs.add_parser("show", help="xem danh sách đăng ký thi đua của một phong trào")
    p.add_argument("campaign", type=int, metavar="PHONG_TRÀO", help="mã số phong trào")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=run_show)
    p = rs.add_parser("export", help="xuất danh sách đăng ký thi đua ra tệp Excel để in hoặc gửi")
    p.add_argument("campaign", type=int, metavar="PHONG_TRÀO", help="mã số phong trào")
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel sẽ tạo")
    p.add_argument("--overwrite", action="store_true", help=OVERWRITE_HELP)
    p.set_defaults(func=run_export)
    p = rs.add_parser("template", help="tạo tệp Excel mẫu để đăng ký thi đua cho danh sách dài")
    p.add_argument("campaign", type=int, metavar="PHONG_TRÀO", help="mã số phong trào")
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel mẫu sẽ tạo")
    p.add_argument("--overwrite", action="store_true", help=OVERWRITE_HELP)
    p.set_defaults(func=run_template)
    p = rs.add_parser("import", help="nhập đăng ký thi đua từ tệp Excel (nhập hết hoặc không nhập gì)")
    p.add_argument("campaign", type=int, metavar="PHONG_TRÀO", help="mã số phong trào")
    p.add_argument("file", type=Path, metavar="TỆP.xlsx", help="tệp Excel đã điền theo mẫu")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và báo lỗi, không ghi gì vào sổ")
    p.set_defaults(func=run_import)


def run_show(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        c = campaigns.get(store, args.campaign)
        rows = registration.list_for_campaign(store, c.id)
    criteria = {k.id: k for k in c.criteria}
    if args.json:
        print(json.dumps([{
            "id": r.registration.id, "kind": r.kind, "name": r.name, "position": r.position,
            "collective": r.collective, "phase": r.phase or None, "titles": r.registration.titles,
            "registered_on": r.registration.registered_on,
            "targets": [{"criterion": criteria[t.criterion_id].text, "value": t.value,
                         "unit": t.unit or criteria[t.criterion_id].target_unit, "due_date": t.due_date}
                        for t in r.registration.targets if t.criterion_id in criteria],
        } for r in rows], ensure_ascii=False, indent=2))
        return 0
    print(f"Đăng ký thi đua — phong trào số {c.id}: {c.title}")
    if not rows:
        print("Chưa có tập thể, cá nhân nào đăng ký.")
        return 0
    for i, r in enumerate(rows, 1):
        where = ", ".join(x for x in (r.position, r.collective) if x)
        phase = f" [{r.phase}]" if r.phase else ""
        print(f"{i}. {KIND_LABELS[r.kind]}: {r.name}{' (' + where + ')' if where else ''}{phase}")
        if r.registration.titles:
            print(f"   Danh hiệu đăng ký: {'; '.join(r.registration.titles)}")
        for t in r.registration.targets:
            k = criteria.get(t.criterion_id)
            text = registration.target_text(t, k)
            if k is not None and text:
                print(f"   - {k.text}: {text}")
    print(f"Tổng cộng {number(len(rows))} bản đăng ký.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from desktop.excel.registration import write_list

    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        out = write_list(store, args.campaign, args.out)
    print(f"Đã xuất danh sách đăng ký thi đua: {out}")
    return 0


def run_template(args: argparse.Namespace) -> int:
    from desktop.excel.registration import write_template

    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        out = write_template(store, args.campaign, args.out)
    print(f"Đã tạo tệp mẫu đăng ký thi đua: {out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop.excel.registration import Rejected, apply, read

    with Store(db_path(args)) as store:
        preview = read(store, args.campaign, args.file)
        if preview.errors:
            raise Rejected(preview)
        skipped = f" (bỏ qua {number(preview.skipped)} dòng chưa điền)" if preview.skipped else ""
        if args.dry_run:
            print(f"Tệp hợp lệ: {number(preview.count)} bản đăng ký sẽ được nhập{skipped}. "
                  "Chưa ghi gì vào sổ (--dry-run).")
            return 0
        count = apply(store, preview)
    print(f"Đã nhập {number(count)} bản đăng ký thi đua từ tệp “{preview.file_name}”{skipped}.")
    return 0


def register_deadlines(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deadlines", help="mọi hạn sắp tới của các phong trào (đăng ký, báo cáo, hồ sơ) theo ngày")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=run_deadlines)


def run_deadlines(args: argparse.Namespace) -> int:
    from desktop import clock
    from desktop.campaigns import deadlines
    from desktop.formatting import date as format_date

    today = clock.today()
    with Store(db_path(args)) as store:
        items = deadlines.upcoming(store, today)
    if args.json:
        print(json.dumps([{"date": d.date.isoformat(), "days_left": d.days_left(today), "kind": d.kind,
                           "campaign_id": d.campaign_id, "campaign": d.campaign, "phase": d.phase or None}
                          for d in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("Không có hạn nào sắp tới.")
        return 0
    for d in items:
        left = d.days_left(today)
        when = "hôm nay" if left == 0 else f"còn {number(left)} ngày"
        mark = " (!)" if left <= deadlines.REMIND_DAYS else ""
        print(f"{format_date(d.date)} ({when}){mark}  {d.label} — phong trào số {d.campaign_id}: {d.campaign}")
    return 0

"""``thidua register``: the đăng ký thi đua of a campaign (show, export, template, import)."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.campaigns import campaign as campaigns, registration
from desktop.commands.main import add_json_option, db_path
from desktop.files import existing_files
from desktop.formatting import number
from desktop.store import Store

OVERWRITE_HELP = "ghi đè tệp đã có (mặc định: báo lỗi nếu tệp đã có)"
KIND_LABELS = {"unit": "Đơn vị", "collective": "Tập thể", "person": "Cá nhân"}


def register(sub: argparse._SubParsersAction) -> None:
    register_deadlines(sub)
    group = sub.add_parser("register", help="đăng ký thi đua của đơn vị, tập thể, cá nhân cho một phong trào "
                                            "hoặc danh hiệu thi đua của năm (--year)")
    rs = group.add_subparsers(dest="register_command", metavar="LỆNH", required=True)
    p = _subcommand(rs, "show", "xem danh sách đăng ký thi đua của một phong trào")
    add_json_option(p)
    p.set_defaults(func=run_show)
    p = _subcommand(rs, "export", "xuất danh sách đăng ký thi đua ra tệp Excel để in hoặc gửi")
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel sẽ tạo")
    p.add_argument("--overwrite", action="store_true", help=OVERWRITE_HELP)
    p.set_defaults(func=run_export)
    p = _subcommand(rs, "template", "tạo tệp Excel mẫu để đăng ký thi đua cho danh sách dài")
    p.add_argument("out", type=Path, metavar="RA.xlsx", help="tệp Excel mẫu sẽ tạo")
    p.add_argument("--overwrite", action="store_true", help=OVERWRITE_HELP)
    p.set_defaults(func=run_template)
    p = _subcommand(rs, "import", "nhập đăng ký thi đua từ tệp Excel (nhập hết hoặc không nhập gì)")
    p.add_argument("file", type=Path, metavar="TỆP.xlsx", help="tệp Excel đã điền theo mẫu")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và báo lỗi, không ghi gì vào sổ")
    p.set_defaults(func=run_import)


def _subcommand(rs: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    """A ``register`` subcommand, for a campaign (its number) or for the year's titles (``--year``)."""
    p = rs.add_parser(name, help=help_text)
    p.add_argument("campaign", type=int, nargs="?", metavar="PHONG_TRÀO",
                   help="mã số phong trào (bỏ trống khi dùng --year)")
    p.add_argument("--year", type=int, metavar="NĂM",
                   help="đăng ký danh hiệu thi đua của năm (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể "
                        "lao động tiên tiến…), ngoài các phong trào")
    return p


def _year_or_campaign(args: argparse.Namespace) -> int | None:
    """The year asked for (``--year``), or ``None`` for a campaign; exactly one of the two is given."""
    from desktop.errors import UserError

    if (args.year is None) == (args.campaign is None):
        raise UserError("Hãy ghi mã số phong trào, hoặc --year NĂM cho đăng ký danh hiệu thi đua của năm "
                        "(không ghi cả hai).")
    if args.year is not None and not 1900 <= args.year <= 2200:
        raise UserError(f"Năm “{args.year}” không hợp lệ.")
    return args.year


def run_show(args: argparse.Namespace) -> int:
    if _year_or_campaign(args) is not None:
        return _show_year(args)
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

    def lines(r) -> list[str]:
        out = [_who(r) + (f" [{r.phase}]" if r.phase else "")]
        if r.registration.titles:
            out.append(f"   Danh hiệu đăng ký: {'; '.join(r.registration.titles)}")
        for t in r.registration.targets:
            k = criteria.get(t.criterion_id)
            text = registration.target_text(t, k)
            if k is not None and text:
                out.append(f"   - {k.text}: {text}")
        return out

    return _print_rows(f"Đăng ký thi đua — phong trào số {c.id}: {c.title}", rows, lines)


def _who(r) -> str:
    """``Cá nhân: Name (position, collective)`` of a listed registration."""
    where = ", ".join(x for x in (r.position, r.collective) if x)
    return f"{KIND_LABELS[r.kind]}: {r.name}{' (' + where + ')' if where else ''}"


def _print_rows(heading: str, rows: list, lines) -> int:
    """The heading, each registration numbered (``lines(row)``: its first line, then its details), the total."""
    print(heading)
    if not rows:
        print("Chưa có tập thể, cá nhân nào đăng ký.")
        return 0
    for i, r in enumerate(rows, 1):
        first, *rest = lines(r)
        print(f"{i}. {first}")
        for line in rest:
            print(line)
    print(f"Tổng cộng {number(len(rows))} bản đăng ký.")
    return 0


def _show_year(args: argparse.Namespace) -> int:
    from desktop.campaigns import yearly_registration as yr

    with Store(db_path(args)) as store:
        rows = yr.list_for_year(store, args.year)
    if args.json:
        print(json.dumps([{
            "id": r.registration.id, "year": r.registration.year, "kind": r.kind, "name": r.name,
            "position": r.position, "collective": r.collective, "titles": r.registration.titles,
            "registered_on": r.registration.registered_on} for r in rows], ensure_ascii=False, indent=2))
        return 0
    return _print_rows(f"Đăng ký danh hiệu thi đua năm {args.year}", rows,
                       lambda r: [f"{_who(r)}: {'; '.join(r.registration.titles)}"])


def run_export(args: argparse.Namespace) -> int:
    from desktop.excel.registration import write_list, write_year_list

    return _write(args, write_list, write_year_list, "Đã xuất danh sách đăng ký thi đua")


def run_template(args: argparse.Namespace) -> int:
    from desktop.excel.registration import write_template, write_year_template

    return _write(args, write_template, write_year_template, "Đã tạo tệp mẫu đăng ký thi đua")


def _write(args: argparse.Namespace, for_campaign, for_year, done: str) -> int:
    """Write ``args.out`` with ``for_year(store, year, out)`` or ``for_campaign(store, campaign, out)``."""
    year = _year_or_campaign(args)
    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        out = for_year(store, year, args.out) if year else for_campaign(store, args.campaign, args.out)
    print(f"{done}: {out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop.excel.registration import Rejected, apply, apply_year, read, read_year

    year = _year_or_campaign(args)
    with Store(db_path(args)) as store:
        preview = read_year(store, year, args.file) if year else read(store, args.campaign, args.file)
        if preview.errors:
            raise Rejected(preview)
        skipped = f" (bỏ qua {number(preview.skipped)} dòng chưa điền)" if preview.skipped else ""
        if args.dry_run:
            print(f"Tệp hợp lệ: {number(preview.count)} bản đăng ký sẽ được nhập{skipped}. "
                  "Chưa ghi gì vào sổ (--dry-run).")
            return 0
        count = apply_year(store, preview) if year else apply(store, preview)
    print(f"Đã nhập {number(count)} bản đăng ký thi đua từ tệp “{preview.file_name}”{skipped}.")
    return 0


def register_deadlines(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deadlines", help="mọi hạn sắp tới của các phong trào (đăng ký, báo cáo, hồ sơ) theo ngày")
    add_json_option(p)
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

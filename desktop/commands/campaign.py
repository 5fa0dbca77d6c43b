"""Campaign commands: ``plan import`` stores a plan as a campaign; ``campaign list|show`` reads them."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from pathlib import Path


from desktop.dates import partial_text
from desktop.campaigns import campaign as campaigns
from desktop import catalog, formatting
from desktop.commands.main import add_json_option, db_path
from desktop.store import Store
from desktop.commands.plan import add_plan_subcommand, summary
from desktop import clock


def register(sub: argparse._SubParsersAction) -> None:
    p = add_plan_subcommand("import", "đọc một kế hoạch và lưu thành phong trào thi đua (kèm tệp gốc)", run_import)
    p.add_argument("file", type=Path, metavar="TỆP", help="tệp kế hoạch .docx, .pdf, .txt hoặc .md")
    p.add_argument("--quiet", action="store_true", help="chỉ in mã số phong trào")
    p.add_argument("--update", action="store_true",
                   help="kế hoạch đã có trong sổ (cùng số, cơ quan ban hành, ngày): cập nhật phong trào đó theo tệp")

    group = sub.add_parser("campaign", help="xem các phong trào thi đua đã lưu")
    cs = group.add_subparsers(dest="campaign_command", metavar="LỆNH", required=True)
    p = cs.add_parser("list", help="liệt kê các phong trào, hạn nộp và số ngày còn lại")
    add_json_option(p)
    p.set_defaults(func=run_list)
    p = cs.add_parser("show", help="xem một phong trào và tiến độ của nó")
    p.add_argument("id", type=int, metavar="MÃ", help="mã số phong trào (xem “thidua campaign list”)")
    add_json_option(p)
    p.set_defaults(func=run_show)


def run_import(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        campaign_id, extraction, updated = campaigns.import_or_update(store, args.file, update=args.update)
    if args.quiet:
        print(campaign_id)
        return 0
    print(summary(extraction, args.file))
    print()
    print(f"Đã cập nhật phong trào số {campaign_id} theo tệp." if updated else f"Đã lưu phong trào số {campaign_id}.")
    print(campaign_id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    today = clock.today()
    with Store(db_path(args)) as store:
        items = [campaigns.progress(store, c.id, today) for c in campaigns.list_campaigns(store)]
    if args.json:
        print(json.dumps([{
            "id": p.campaign.id, "title": p.campaign.title, "number": p.campaign.number,
            "deadline": p.deadline.isoformat() if p.deadline else None, "days_left": p.days_left,
            "running": campaigns.is_running(p.campaign, today),
        } for p in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("Chưa có phong trào nào. Dùng “thidua plan import TỆP” để nhập từ kế hoạch của Sở.")
    for p in items:
        print(f"[{p.campaign.id}] {p.campaign.title}")
        print(f"     {p.campaign.reference}; hạn nộp: {_due(p)}")
    return 0


def _due(p: campaigns.CampaignProgress) -> str:
    if p.deadline is None:
        return "không ghi"
    when = formatting.date(p.deadline)
    if p.days_left < 0:
        return f"{when} (đã quá hạn {-p.days_left} ngày)"
    return f"{when} (còn {p.days_left} ngày)"


def show_dict(p: campaigns.CampaignProgress, today: dt.date) -> dict:
    """A campaign and its progress for ``--json``: the stored fields, then deadline, quotas used and criteria."""
    data = dataclasses.asdict(p.campaign)
    data.update({
        "running": campaigns.is_running(p.campaign, today),
        "deadline_date": p.deadline.isoformat() if p.deadline else None, "days_left": p.days_left,
        "urgency": p.urgency,
        "award_use": [{"campaign_award_id": a.award.id, "award": a.award.award, "text": a.award.text,
                       "used_collective": a.used_collective, "quota_collective": a.award.quota_collective,
                       "used_individual": a.used_individual, "quota_individual": a.award.quota_individual}
                      for a in p.awards],
        "criteria_progress": [{"criterion_id": k.criterion.id, "text": k.criterion.text,
                               "target_value": k.criterion.target_value, "latest": k.latest,
                               "reached": k.reached, "achievements": k.achievements} for k in p.criteria],
    })
    return data


def run_show(args: argparse.Namespace) -> int:
    today = clock.today()
    with Store(db_path(args)) as store:
        p = campaigns.progress(store, args.id, today)
    if args.json:
        print(json.dumps(show_dict(p, today), ensure_ascii=False, indent=2))
        return 0
    c = p.campaign
    print(c.title)
    print(f"{c.reference}" + (f" của {c.issuer}" if c.issuer else ""))
    print(f"Thời gian: {partial_text(c.period_start) or '…'} – {partial_text(c.period_end) or '…'}")
    print(f"Hạn nộp hồ sơ: {_due(p)}")
    if c.criteria:
        print("Tiêu chí:")
        for k in p.criteria:
            target = f" (chỉ tiêu {k.criterion.target_text})" if k.criterion.target_value is not None else ""
            latest = ""
            if k.latest is not None:
                from desktop.records.achievements import format_measure

                latest = f"; mới nhất {format_measure(k.latest, k.criterion.target_unit)}"
            print(f"  - [{campaigns.SUBJECTS[k.criterion.subject]}] {k.criterion.text}{target}{latest}; "
                  f"{k.achievements} thành tích")
    if c.awards:
        print("Khen thưởng:")
        for a in p.awards:
            def quota(used: int, limit: int | None) -> str:
                return f"{used}/{limit}" if limit is not None else f"{used}/không giới hạn"
            name = a.award.award or f"(chưa khớp danh mục) {a.award.text}"
            known = catalog.load().get(a.award.award) if a.award.award else None
            parts = []
            if known is None or known.fits("collective"):
                parts.append(f"tập thể {quota(a.used_collective, a.award.quota_collective)}")
            if known is None or known.fits("person"):
                parts.append(f"cá nhân {quota(a.used_individual, a.award.quota_individual)}")
            print(f"  - {name}: {', '.join(parts)}")
    if c.phases:
        print("Các đợt khen thưởng theo kế hoạch:")
        for k, phase in enumerate(c.phases, 1):
            due = f"; hạn gửi hồ sơ {partial_text(phase.get('deadline'))}" if phase.get("deadline") else ""
            print(f"  Đợt {k}. {phase.get('name', '')}{due}")
            for a in phase.get("awards", []):
                limits = ", ".join(f"{n} {who}" for n, who in ((a.get("collective"), "tập thể"),
                                                               (a.get("individual"), "cá nhân")) if n is not None)
                print(f"     - {a.get('award') or a.get('text')}: {limits or 'không giới hạn'}")
    if c.documents:
        print("Hồ sơ gồm:")
        for d in c.documents:
            form = f" (Mẫu số {d.form}" + (f", {d.decree})" if d.decree else ")") if d.form else ""
            print(f"  - {d.name}{form}")
    return 0

"""The ``plan`` commands: read a Sở's campaign plan or launch letter.

``thidua plan parse FILE`` prints what the importer read, in Vietnamese, for
the clerk to check; ``--json`` prints the JSON the review dialog and the tests
use. Other ``plan`` sub-commands (importing into the campaign store) are added
by their own modules through :func:`add_plan_subcommand`.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from desktop.campaigns.plans import PlanExtraction, parse_plan
from desktop.dates import PartialDate
from desktop.commands.main import add_json_option

# The ``plan`` group's sub-command parsers, set by :func:`register`.
plan_subparsers: argparse._SubParsersAction | None = None


def _when(iso) -> str:
    """A date of the plan as precise as written (``28/07/2025``, ``07/2025``, ``05/01 hằng năm``)."""
    return PartialDate.from_iso(iso).text() if iso else "—"


def register(sub: argparse._SubParsersAction) -> None:
    global plan_subparsers
    group = sub.add_parser("plan", help="đọc kế hoạch, công văn phát động phong trào thi đua (.docx, .pdf, .txt)")
    plan_subparsers = group.add_subparsers(dest="plan_command", metavar="LỆNH", required=True)

    p = add_plan_subcommand("parse", "đọc một kế hoạch và in các trường đọc được", run_parse)
    p.add_argument("file", type=Path, metavar="TỆP", help="tệp kế hoạch .docx, .pdf, .txt hoặc .md")
    add_json_option(p)


def add_plan_subcommand(name: str, help: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    """Add ``thidua plan NAME`` running ``func``; returns its parser for the arguments."""
    if plan_subparsers is None:
        raise RuntimeError("the plan command group is not registered yet")
    parser = plan_subparsers.add_parser(name, help=help)
    parser.set_defaults(func=func)
    return parser


def run_parse(args: argparse.Namespace) -> int:
    from desktop.campaigns.plans.parser import require_something_read

    result = require_something_read(parse_plan(args.file), args.file.name)
    if args.json:
        print(result.to_json())
    else:
        print(summary(result, args.file))
    return 0


def summary(plan: PlanExtraction, path: Path | None = None) -> str:
    """What was read, as the clerk checks it against the paper."""
    lines: list[str] = []

    def field(label: str, value: str | None) -> None:
        lines.append(f"{label + ':':<22}{value if value else '(không đọc được)'}")

    if path is not None:
        field("Tệp", str(path))
    field("Cơ quan ban hành", plan.issuer)
    field("Loại văn bản", plan.kind)
    if plan.number:
        field("Số, ký hiệu", plan.number)
    elif plan.symbol:
        field("Số, ký hiệu", f"chưa có số (…/{plan.symbol})")
    else:
        field("Số, ký hiệu", None)
    field("Địa danh", plan.place)
    field("Ngày ban hành", _when(plan.date) if plan.date else None)
    field("Trích yếu", plan.title)
    if plan.period.start or plan.period.end:
        field("Thời gian phong trào", f"{_when(plan.period.start)} – {_when(plan.period.end)}")
    else:
        field("Thời gian phong trào", None)

    lines.append("Hình thức khen thưởng:" if plan.awards else "Hình thức khen thưởng: (không có)")
    for k, award in enumerate(plan.awards, 1):
        quota = _quota(award.collective, award.individual)
        written = f" (văn bản ghi: “{award.text}”)" if award.text and award.text != award.award else ""
        lines.append(f"  {k}. {award.award or award.text}{written} — chỉ tiêu: {quota}")

    lines.append("Hồ sơ đề nghị khen thưởng:" if plan.dossier else "Hồ sơ đề nghị khen thưởng: (không nêu)")
    for k, item in enumerate(plan.dossier, 1):
        refs = ", ".join(x for x in (f"Mẫu {item.form}" if item.form else "",
                                      f"Nghị định/văn bản {item.decree}" if item.decree else "") if x)
        lines.append(f"  {k}. {item.name}" + (f" — {refs}" if refs else ""))
    lines.append(f"{'Hạn gửi hồ sơ:':<22}{_when(plan.deadline) if plan.deadline else '(không nêu)'}")
    if plan.registration_deadline:
        lines.append(f"{'Hạn đăng ký thi đua:':<22}{_when(plan.registration_deadline)}")
    if plan.report_deadline:
        lines.append(f"{'Hạn báo cáo kết quả:':<22}{_when(plan.report_deadline)}")
    if plan.phases:
        lines.append(f"Các đợt khen thưởng ({len(plan.phases)} đợt, mỗi đợt có hình thức và số lượng riêng):")
        for k, phase in enumerate(plan.phases, 1):
            start, end = phase.period.start, phase.period.end
            when = _when(start) if start and start == end else " – ".join(_when(d) for d in (start, end) if d)
            if start and start == end and start in phase.name:
                when = ""  # "Sơ kết giai đoạn 1 (năm 2027)" already says it
            due = f"; hạn gửi hồ sơ {_when(phase.deadline)}" if phase.deadline else ""
            lines.append(f"  Đợt {k}. {phase.name}" + (f" ({when})" if when else "") + due)
            for award in phase.awards:
                lines.append(f"     - {award.award or award.text} — chỉ tiêu: {_quota(award.collective, award.individual)}")

    signer = " / ".join(x for x in (plan.signer.authority, plan.signer.title) if x)
    field("Người ký", " — ".join(x for x in (signer, plan.signer.name) if x))
    lines.append("Nơi nhận:" if plan.recipients else "Nơi nhận: (không đọc được)")
    lines.extend(f"  - {r}" for r in plan.recipients)
    if plan.problems:
        lines.append("Cần kiểm tra:")
        lines.extend(f"  ! {p}" for p in plan.problems)
    return "\n".join(lines)


def _quota(collective: int | None, individual: int | None) -> str:
    parts = []
    if collective is not None:
        parts.append(f"{collective} tập thể")
    if individual is not None:
        parts.append(f"{individual} cá nhân")
    return ", ".join(parts) if parts else "không nêu"

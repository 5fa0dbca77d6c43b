"""Exports to Excel: the ledger of a campaign or a period (``thidua export ledger``).

The sheet is built by :func:`.style.write_table_workbook`: the unit's title
block, the title “SỔ THEO DÕI THÀNH TÍCH” with the campaign or the period and
the export date, then one row per live achievement (STT, Ngày, Cá nhân/Tập thể,
Thành tích, Tiêu chí, Số đo, Minh chứng), oldest first and, within a day, in
Vietnamese name order. A4 landscape, fitted to the page width, the header row
repeated on every printed page.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.records import achievements as ach
from desktop.campaigns import campaign as camp
from desktop.records import people
from desktop.records import unit as unit_mod
from desktop.errors import UserError
from desktop.text import name_sort_key, word_sort_key
from desktop.excel.style import Column, TableLayout, TitleBlock, write_table_workbook, xlsx_path
from desktop import clock

LEDGER_TITLE = "SỔ THEO DÕI THÀNH TÍCH"
LEDGER_COLUMNS = [
    Column("STT", 6, "center"),
    Column("Ngày", 12, "center"),
    Column("Cá nhân/Tập thể", 26),
    Column("Thành tích", 50),
    Column("Tiêu chí", 30),
    Column("Số đo", 13, "right"),
    Column("Minh chứng (số tệp)", 12, "center"),
]


@dataclass
class ExportResult:
    path: Path
    count: int
    layout: TableLayout


def agency_lines(store) -> list[str]:
    """Governing body and unit for a title block (the unit collective's name when no profile is set)."""
    profile = unit_mod.get(store)
    name = profile.name
    if not name:
        name = next((c.name for c in people.list_collectives(store) if c.is_unit), "")
    return [line for line in (profile.governing_body, name) if line]


def period_text(date_from: dt.date | None, date_to: dt.date | None) -> str:
    if date_from and date_to:
        return f"Từ ngày {date_from:%d/%m/%Y} đến ngày {date_to:%d/%m/%Y}"
    if date_from:
        return f"Từ ngày {date_from:%d/%m/%Y}"
    if date_to:
        return f"Đến ngày {date_to:%d/%m/%Y}"
    return ""


def ledger_rows(store, *, campaign_id: int | None = None, date_from: dt.date | None = None,
                date_to: dt.date | None = None) -> list[dict]:
    """The live achievements of a campaign and/or period: oldest first, then by subject name."""
    flt = ach.LedgerFilter(campaign_id=campaign_id, date_from=date_from, date_to=date_to)
    ids = ach.query_ids(store, flt, sort="date", descending=False)
    found = ach.rows(store, ids)
    items = [found[i] for i in ids if i in found]

    def key(r: dict):
        name = r.get("subject_name") or ""
        subject = name_sort_key(name) if r["person_id"] is not None else word_sort_key(name)
        return (r["date"], r["person_id"] is None, subject, r["id"])

    return sorted(items, key=key)


def export_ledger(store, path: str | os.PathLike[str], *, campaign_id: int | None = None,
                  date_from: dt.date | None = None, date_to: dt.date | None = None,
                  today: dt.date | None = None) -> ExportResult:
    """Write the ledger of a campaign and/or a period to ``path`` (atomically)."""
    today = today or clock.today()
    path = xlsx_path(path)
    if date_from and date_to and date_from > date_to:
        raise UserError(f"Ngày bắt đầu ({date_from:%d/%m/%Y}) phải trước hoặc bằng ngày kết thúc "
                        f"({date_to:%d/%m/%Y}).")
    campaign = camp.get(store, campaign_id) if campaign_id is not None else None
    items = ledger_rows(store, campaign_id=campaign_id, date_from=date_from, date_to=date_to)

    subtitles = []
    if campaign is not None:
        subtitles.append(f"Phong trào: {campaign.title}")
        if campaign.reference.strip():
            subtitles.append(f"({campaign.reference})")
    period = period_text(date_from, date_to)
    if period:
        subtitles.append(period)
    if not subtitles:
        subtitles.append("Toàn bộ thành tích trong sổ")
    block = TitleBlock(LEDGER_TITLE, agency=agency_lines(store), subtitles=subtitles,
                       date_line=f"Số thành tích: {len(items)}. Ngày xuất: {today:%d/%m/%Y}")

    rows = [[i, dt.date.fromisoformat(r["date"]), r.get("subject_name") or "", r["title"], r["criterion"] or "",
             ach.format_measure(r["measure_value"], r["measure_unit"] or ""), r.get("evidence_count") or 0]
            for i, r in enumerate(items, 1)]
    layout = write_table_workbook(path, block, LEDGER_COLUMNS, [(None, rows)], landscape=True,
                                  sheet_name="Sổ thành tích", empty_text="(Không có thành tích nào)")
    return ExportResult(path, len(rows), layout)

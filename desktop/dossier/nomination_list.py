"""“Danh sách đề nghị khen thưởng”: the campaign's nominations as a Sở expects the list.

Grouped by award (in the plan's order); in each group collectives first, then
people in Vietnamese name order; with the votes agreed over all council
members when the council has voted. A4 landscape, frozen header, wrapped text.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from desktop.campaigns import campaign as campaigns
from desktop.council import meetings, nominations
from desktop.records import unit
from desktop.dossier import drafts
from desktop.excel.export import agency_lines
from desktop.excel.style import Column, Signature, TitleBlock, write_table_workbook
from desktop import clock

COLUMNS = [
    Column("STT", 6, "center"),
    Column("Họ và tên / Tên tập thể", 28),
    Column("Chức vụ, đơn vị công tác", 30),
    Column("Hình thức khen thưởng đề nghị", 26),
    Column("Tóm tắt thành tích", 60),
    Column("Số phiếu đồng ý / tổng số thành viên Hội đồng", 16, "center"),
]
INCLUDED = ("trinh_hop_xet", "thong_qua", "da_gui")


def rows(store, campaign_id: int, phase_id: int | None = None) -> list[tuple[str, list[list]]]:
    """(award, rows) groups as the list prints them (of one phase with ``phase_id``); nominations the council
    turned down are left out."""
    held = [m for m in meetings.list_for_campaign(store, campaign_id) if m.held]
    votes = {}
    for m in held:
        for b in m.ballots:
            votes[b.nomination_id] = f"{b.yes}/{len(m.council)}"
    groups: dict[str, list[list]] = {}
    for r in nominations.list_for_campaign(store, campaign_id, phase_id,  # already award, collectives, name order
                                           all_phases=phase_id is None):
        if r.status not in INCLUDED:
            continue
        where = ", ".join(x for x in (r.position, r.collective) if x) if r.subject_kind == "person" \
            else unit.get(store).name
        groups.setdefault(r.award, []).append([r.name, where, r.award, r.summary, votes.get(r.id, "")])
    out = []
    for i, (award, items) in enumerate(groups.items(), 1):
        out.append((f"{_roman(i)}. {award}", [[n, *row] for n, row in enumerate(items, 1)]))
    return out


def _roman(n: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, mark in numerals:
        while n >= value:
            out += mark
            n -= value
    return out


def write_nominations(store, campaign_id: int, path: str | os.PathLike[str], *, today: dt.date | None = None,
                      phase_id: int | None = None) -> Path:
    c = campaigns.get(store, campaign_id)
    profile = unit.get(store)
    today = today or clock.today()
    place = profile.province or ""
    title = TitleBlock(
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        agency=agency_lines(store),
        motto=True,
        subtitles=[f"(Kèm theo Tờ trình đề nghị khen thưởng {drafts.phase_scope(c, c.phase_by_id(phase_id))})",
                   c.reference],
        date_line=f"{place + ', ' if place else ''}ngày {today.day:02d} tháng {today.month:02d} năm {today.year}",
    )
    signer = [Signature(profile.head_title.upper() or "THỦ TRƯỞNG ĐƠN VỊ", profile.head_name, "(Ký, đóng dấu)")]
    write_table_workbook(path, title, COLUMNS, rows(store, campaign_id, phase_id), signatures=signer,
                         empty_text="(Chưa có tập thể, cá nhân nào được đề nghị)")
    return Path(path)

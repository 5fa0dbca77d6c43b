"""“Tổng hợp khen thưởng”: every award received with its decision, and the counts by year × award.

The shape a Sở asks for in its yearly report: one sheet lists each award
(year, award, level, who, decision number, date, issuer, prize), the other
counts them per year and award, with totals.
"""
from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from desktop import catalog
from desktop.council import statistics
from desktop.council.prizes import format_vnd
from desktop.excel.export import agency_lines
from desktop.excel.style import (Column, Signature, TitleBlock, _discard, _write_table, save_atomically, subject_columns,
                                 write_table_workbook)

LIST_COLUMNS = [
    Column("STT", 6, "center"), Column("Năm", 8, "center"), Column("Danh hiệu, hình thức khen thưởng", 32),
    Column("Cấp khen thưởng", 16), Column("Cá nhân / tập thể", 12), Column("Họ và tên / Tên tập thể", 26),
    Column("Đơn vị", 22), Column("Số quyết định", 16), Column("Ngày quyết định", 14, "center"),
    Column("Cơ quan quyết định", 24), Column("Tiền thưởng (đồng)", 16, "right"),
]


def write_awards(store, path: str | os.PathLike[str], *, year_from: int | None = None,
                 year_to: int | None = None) -> Path:
    rows = statistics.awards(store, year_from, year_to)
    span = _span(year_from, year_to, rows)
    agency = agency_lines(store)
    listing = [[i, r.year, r.award, catalog.LEVELS.get(r.level, ""), statistics.SUBJECTS[r.kind], r.name, r.where,
                r.decision_number, r.decision_date, r.issuer, r.prize] for i, r in enumerate(rows, 1)]
    years, awards, counts = statistics.counts_year_award(rows)
    count_cols = [Column("Danh hiệu, hình thức khen thưởng", 34), Column("Cấp", 14)]
    count_cols += [Column(str(y), 9, "center") for y in years] + [Column("Cộng", 9, "center")]
    table = []
    for a in awards:
        known = catalog.load().get(a)
        per = [counts.get((y, a), 0) for y in years]
        table.append([a, catalog.LEVELS.get(known.level, "") if known else "", *per, sum(per)])
    totals = [sum(counts.get((y, a), 0) for a in awards) for y in years]
    prize_year = statistics.prize_by_year(rows)
    footer = [["Tổng số", "", *totals, sum(totals)],
              ["Tổng tiền thưởng", "", *[format_vnd(prize_year.get(y, 0)) for y in years],
               format_vnd(sum(prize_year.values()))]]
    wb = Workbook(write_only=True)
    try:
        _write_table(wb, TitleBlock("DANH SÁCH KHEN THƯỞNG ĐÃ NHẬN", agency=agency, motto=True, subtitles=[span]),
                     LIST_COLUMNS, [(None, listing)], landscape=True, sheet_name="Danh sách khen thưởng",
                     signatures=(), empty_text="(Chưa có khen thưởng nào)")
        _write_table(wb, TitleBlock("TỔNG HỢP SỐ LƯỢNG KHEN THƯỞNG THEO NĂM", agency=agency, motto=True,
                                    subtitles=[span]),
                     count_cols, [(None, table + footer if table else [])], landscape=True,
                     sheet_name="Tổng hợp theo năm", signatures=(), empty_text="(Chưa có khen thưởng nào)")
        _write_table(wb, TitleBlock("XẾP LOẠI CHẤT LƯỢNG HẰNG NĂM CỦA CÁ NHÂN, TẬP THỂ", agency=agency, motto=True,
                                    subtitles=[span]),
                     RATING_COLUMNS, [(None, rating_rows(store, year_from, year_to))], landscape=False,
                     sheet_name="Xếp loại hằng năm", signatures=(), empty_text="(Chưa có xếp loại nào)")
    except BaseException:
        _discard(wb)
        raise
    save_atomically(wb, path)
    return Path(path)


RATING_COLUMNS = [Column("STT", 6, "center"), Column("Năm", 8, "center"), Column("Cá nhân / tập thể", 12),
                  Column("Họ và tên / Tên tập thể", 30), Column("Xếp loại", 30)]


def rating_rows(store, year_from: int | None = None, year_to: int | None = None) -> list[list]:
    """The yearly quality ratings of people and of collectives (tập thể first each year), in the range."""
    from desktop.records.people import RATINGS

    rows = store.query(
        "SELECT r.year, 1 AS person, p.full_name AS name, p.sort_key AS k, r.rating FROM rating r "
        "JOIN person p ON p.id = r.person_id UNION ALL "
        "SELECT r.year, 0, c.name, c.name, r.rating FROM collective_rating r JOIN collective c ON c.id = r.collective_id")
    rows = [r for r in rows if (year_from is None or r["year"] >= year_from) and (year_to is None or r["year"] <= year_to)]
    rows.sort(key=lambda r: (r["year"], r["person"], r["k"] or ""))
    return [[i, r["year"], "Cá nhân" if r["person"] else "Tập thể", r["name"], RATINGS.get(r["rating"], r["rating"])]
            for i, r in enumerate(rows, 1)]


def _span(year_from, year_to, rows) -> str:
    ys = statistics.years(rows)
    a = year_from if year_from is not None else (ys[0] if ys else None)
    b = year_to if year_to is not None else (ys[-1] if ys else None)
    if a is None:
        return "(Chưa có khen thưởng nào)"
    return f"Năm {a}" if a == b else f"Từ năm {a} đến năm {b}"


DECIDED_COLUMNS = [*subject_columns(30, 34), Column("Tiền thưởng (đồng)", 18, "right")]


def write_decided(store, year: int, path: str | os.PathLike[str]) -> Path:
    """The list attached to the year-end decision, grouped by title, with each line's prize and the total."""
    from desktop.council import review
    from desktop.records import unit

    r = review.get(store, year)
    if r is None or r.status != "da_quyet_dinh":
        from desktop.errors import NotFound

        raise NotFound(f"Đợt bình xét năm {year} chưa có quyết định.")
    rows = review.decided_list(store, year)
    groups: dict[str, list[list]] = {}
    for row in rows:
        groups.setdefault(row.title, []).append([row.name, row.where, format_vnd(row.prize)])
    numbered = [(f"{i}. {title}", [[n, *line] for n, line in enumerate(lines, 1)])
                for i, (title, lines) in enumerate(groups.items(), 1)]
    total = sum(x.prize or 0 for x in rows)
    numbered.append((None, [["", "Tổng cộng", "", format_vnd(total)]]))
    profile = unit.get(store)
    write_table_workbook(
        path,
        TitleBlock(f"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA VÀ KHEN THƯỞNG NĂM {year}",
                   agency=agency_lines(store), motto=True,
                   subtitles=[f"(Kèm theo Quyết định số {r.decision_number} ngày {r.decision_date:%d/%m/%Y}"
                              + (f" của {r.issuer})" if r.issuer else ")")]),
        DECIDED_COLUMNS, numbered, landscape=False,
        signatures=[Signature((profile.head_title or "Thủ trưởng đơn vị").upper(), profile.head_name)])
    return Path(path)

"""Statistics over the years: every award received, counted by year, level, kind and subject.

Awards received are the ``prior_award`` rows: those typed in by the clerk,
those an outcome of a sent nomination added, and those a year-end review
decided. Levels and kinds come from the award catalog (``resources/awards.csv``).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from desktop import catalog
from desktop.council import prizes
from desktop.dates import from_iso
from desktop.records.people import RATINGS
from desktop.store.sql import where
from desktop.text import word_sort_key

SUBJECTS = {"person": "Cá nhân", "collective": "Tập thể"}


@dataclass(frozen=True)
class AwardRow:
    id: int
    year: int
    award: str
    level: str           # catalog level key (nha_nuoc, bo_tinh, co_so); "" when not in the catalog
    type: str            # danh_hieu or hinh_thuc
    kind: str            # person or collective
    subject_id: int
    name: str
    where: str
    decision_number: str
    decision_date: dt.date | None
    issuer: str
    prize: int | None


def awards(store, year_from: int | None = None, year_to: int | None = None) -> list[AwardRow]:
    """Every award received in the years given (both ends included), by year, award, name."""
    clause, params = where(("pa.year >= ?", year_from), ("pa.year <= ?", year_to))
    rows = store.query(
        "SELECT pa.*, p.full_name, p.sort_key, pc.name AS pcname, c.name AS cname FROM prior_award pa "
        "LEFT JOIN person p ON p.id = pa.person_id LEFT JOIN collective pc ON pc.id = p.collective_id "
        "LEFT JOIN collective c ON c.id = pa.collective_id"
        + clause, params)
    cat = catalog.load()
    table = prizes.load()
    out = []
    for r in rows:
        kind = "person" if r["person_id"] is not None else "collective"
        known = cat.get(r["award"])
        date = from_iso(r["decision_date"])
        p = table.prize(r["award"], kind, date) if date else None
        out.append((r["year"], _award_order(known, r["award"]),
                    r["sort_key"] if kind == "person" else word_sort_key(r["cname"] or ""),
                    AwardRow(r["id"], r["year"], known.name if known else r["award"], known.level if known else "",
                             known.type if known else "", kind,
                             r["person_id"] if kind == "person" else r["collective_id"],
                             r["full_name"] if kind == "person" else r["cname"],
                             (r["pcname"] or "") if kind == "person" else "", r["decision_number"], date,
                             r["issuer"], p.amount if p else None)))
    out.sort(key=lambda t: t[:3])
    return [t[3] for t in out]


def _award_order(known, name: str) -> int:
    names = catalog.load().names()
    return names.index(known.name) if known else len(names)


def years(rows: list[AwardRow]) -> list[int]:
    return sorted({r.year for r in rows})


def count_by(rows: list[AwardRow], key) -> dict[int, Counter]:
    """{year: Counter(key(row))}: e.g. ``count_by(rows, lambda r: r.level)``."""
    out: dict[int, Counter] = {}
    for r in rows:
        out.setdefault(r.year, Counter())[key(r)] += 1
    return dict(sorted(out.items()))


def counts_year_award(rows: list[AwardRow]) -> tuple[list[int], list[str], dict[tuple[int, str], int]]:
    """The years, the awards (catalog order) and the count of each (year, award)."""
    counts = Counter((r.year, r.award) for r in rows)
    order = catalog.load().names()
    awards_seen = sorted({r.award for r in rows}, key=lambda a: (order.index(a) if a in order else len(order), a))
    return years(rows), awards_seen, dict(counts)


def prize_by_year(rows: list[AwardRow]) -> dict[int, int]:
    out: dict[int, int] = {}
    for r in rows:
        if r.prize is not None:
            out[r.year] = out.get(r.year, 0) + r.prize
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class TitleShare:
    year: int
    title: str
    holders: int
    staff: int

    @property
    def share(self) -> float:
        return self.holders / self.staff if self.staff else 0.0


def title_shares(store, rows: list[AwardRow] | None = None) -> list[TitleShare]:
    """For each year with ratings, the share of staff (people rated that year) holding each personal title."""
    rows = awards(store) if rows is None else rows
    staff = {r["year"]: r["n"] for r in store.query("SELECT year, count(*) AS n FROM rating GROUP BY year")}
    titles = [a.name for a in catalog.load() if a.type == "danh_hieu" and a.fits("person")]
    held: dict[tuple[int, str], set[int]] = {}
    for r in rows:
        if r.kind == "person" and r.award in titles:
            held.setdefault((r.year, r.award), set()).add(r.subject_id)
    out = []
    for year in sorted(staff):
        for t in titles:
            n = len(held.get((year, t), ()))
            if n:
                out.append(TitleShare(year, t, n, staff[year]))
    return out


@dataclass(frozen=True)
class HistoryYear:
    year: int
    rating: str | None      # the rating's key (people.RATINGS)
    awards: tuple[AwardRow, ...]

    @property
    def rating_text(self) -> str:
        return RATINGS.get(self.rating or "", "")


def history(store, *, person_id: int | None = None, collective_id: int | None = None) -> list[HistoryYear]:
    """A person's or a collective's years: the rating and every award received, newest year first."""
    if person_id is not None:
        ratings = {r["year"]: r["rating"] for r in store.query(
            "SELECT year, rating FROM rating WHERE person_id = ?", (person_id,))}
        mine = [r for r in awards(store) if r.kind == "person" and r.subject_id == person_id]
    else:
        ratings = {r["year"]: r["rating"] for r in store.query(
            "SELECT year, rating FROM collective_rating WHERE collective_id = ?", (collective_id,))}
        mine = [r for r in awards(store) if r.kind == "collective" and r.subject_id == collective_id]
    all_years = sorted(set(ratings) | {r.year for r in mine}, reverse=True)
    return [HistoryYear(y, ratings.get(y), tuple(r for r in mine if r.year == y)) for y in all_years]

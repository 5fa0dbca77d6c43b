"""Prize money (tiền thưởng): an award's multiple of the base salary in force on the decision date.

The multiples and the dated base salaries are data (``resources/prizes.toml``),
each with its source. Amounts are whole đồng and print the Vietnamese way,
``1.234.000 đ``.
"""
from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop import catalog
from desktop.resources import resource

SUBJECT_KEYS = {"person": "ca_nhan", "collective": "tap_the"}


@dataclass(frozen=True)
class BaseSalary:
    start: dt.date
    amount: int
    source: str


@dataclass(frozen=True)
class Prize:
    award: str
    multiple: float
    base: BaseSalary
    amount: int
    source: str

    def explain(self) -> str:
        """"0,3 × 2.340.000 đ = 702.000 đ", as a decision's list writes it."""
        mult = f"{self.multiple:g}".replace(".", ",")
        return f"{mult} × {format_vnd(self.base.amount)} = {format_vnd(self.amount)}"


@dataclass(frozen=True)
class PrizeTable:
    salaries: tuple[BaseSalary, ...]             # oldest first
    multiples: dict[str, dict[str, float]]       # award -> {"ca_nhan": x, "tap_the": y}
    sources: dict[str, str]

    def base_salary(self, on: dt.date) -> BaseSalary | None:
        """The base salary in force on ``on`` (None before the first known value)."""
        found = None
        for s in self.salaries:
            if s.start <= on:
                found = s
        return found

    def multiple(self, award: str, subject_kind: str) -> float | None:
        known = catalog.load().get(award or "")
        name = known.name if known else award
        return self.multiples.get(name, {}).get(SUBJECT_KEYS[subject_kind])

    def prize(self, award: str, subject_kind: str, on: dt.date) -> Prize | None:
        """The prize of ``award`` for a person or a collective decided on ``on``; None when unknown."""
        mult = self.multiple(award, subject_kind)
        base = self.base_salary(on)
        if mult is None or base is None:
            return None
        known = catalog.load().get(award or "")
        name = known.name if known else award
        amount = int((Decimal(str(mult)) * base.amount).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return Prize(name, mult, base, amount, self.sources.get(name, ""))


@functools.lru_cache(maxsize=1)
def load() -> PrizeTable:
    with open(resource("prizes.toml"), "rb") as fh:
        data = tomllib.load(fh)
    salaries = tuple(sorted((BaseSalary(dt.date.fromisoformat(str(s["from"])), int(s["amount"]), s["source"])
                             for s in data.get("base_salary", [])), key=lambda s: s.start))
    multiples, sources = {}, {}
    for award, row in data.get("multiple", {}).items():
        multiples[award] = {k: float(row[k]) for k in ("ca_nhan", "tap_the") if k in row}
        sources[award] = row.get("source", "")
    return PrizeTable(salaries, multiples, sources)


def prize(award: str, subject_kind: str, on: dt.date) -> Prize | None:
    return load().prize(award, subject_kind, on)


def format_vnd(amount: int | None) -> str:
    """``1234000`` → ``1.234.000 đ``; empty for no amount."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(int(amount)):,}".replace(",", ".") + " đ"


def totals_by_year(store) -> dict[int, int]:
    """The prize money of every award received with a decision date, per award year."""
    table = load()
    out: dict[int, int] = {}
    for r in store.query("SELECT award, year, decision_date, person_id FROM prior_award "
                         "WHERE decision_date IS NOT NULL"):
        p = table.prize(r["award"], "person" if r["person_id"] is not None else "collective",
                        dt.date.fromisoformat(r["decision_date"]))
        if p is not None:
            out[r["year"]] = out.get(r["year"], 0) + p.amount
    return dict(sorted(out.items()))

"""Đăng ký danh hiệu thi đua của năm: the year's titles registered outside any campaign.

Each year the unit, its collectives and its people register the emulation
titles they aim for that year (Lao động tiên tiến, Chiến sĩ thi đua cơ sở,
Tập thể lao động tiên tiến, Tập thể lao động xuất sắc…), usually in the first
quarter, whether or not a campaign asks for it. A registration here names the
subject, the year and the titles (catalog emulation titles fitting the
subject); it has no targets, which belong to a campaign's criteria (see
:mod:`desktop.campaigns.registration`). Like a campaign's, it never blocks a nomination.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop.campaigns import registration

# The titles the window's table offers as tick boxes, in order: the first level, then the higher one.
COMMON_TITLES = {
    "person": ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"),
    "collective": ("Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc"),
}
KIND_LABELS = {"unit": "Đơn vị", "collective": "Tập thể", "person": "Cá nhân"}


@dataclass
class YearRegistration:
    year: int
    person_id: int | None = None
    collective_id: int | None = None
    titles: list[str] = field(default_factory=list)
    registered_on: str | None = None      # ISO date (as precise as written)
    note: str = ""
    id: int | None = None

    @property
    def subject_kind(self) -> str:
        return "person" if self.person_id is not None else "collective"


def _validate(store, r: YearRegistration) -> YearRegistration:
    errors: dict[str, str] = {}
    if not isinstance(r.year, int) or not 1900 <= r.year <= 2200:
        errors["year"] = f"Năm “{r.year}” không hợp lệ."
    registration.subject_errors(store, r, errors)
    titles: list[str] = []
    for t, known in registration.catalog_titles(r.titles):
        if known is None:
            errors["titles"] = f"“{t}” không có trong danh mục danh hiệu thi đua."
        elif known.type != "danh_hieu":
            errors["titles"] = f"{known.name} là hình thức khen thưởng, không phải danh hiệu thi đua để đăng ký theo năm."
        elif "subject" not in errors and not known.fits(r.subject_kind):
            errors["titles"] = f"{known.name} không dành cho {'cá nhân' if r.subject_kind == 'person' else 'tập thể'}."
        elif known.name not in titles:
            titles.append(known.name)
    r.titles = titles
    if not titles and "titles" not in errors:
        errors["titles"] = "Hãy chọn ít nhất một danh hiệu đăng ký."
    return registration.finish(r, errors)


def _existing(store, r: YearRegistration) -> int | None:
    return store.scalar("SELECT id FROM title_registration WHERE year = ? AND person_id IS ? AND collective_id IS ?",
                        (r.year, r.person_id, r.collective_id))


def _write(store, conn, r: YearRegistration) -> int:
    return registration.write_row(conn, "title_registration", r, _existing(store, r) if r.id is None else r.id,
                                  year=r.year)


def save(store, r: YearRegistration) -> int:
    """Insert or update one registration (a subject registers once a year: a new one replaces the old)."""
    _validate(store, r)
    with store.transaction() as conn:
        return _write(store, conn, r)


def save_all(store, registrations: list[YearRegistration], *, removed: list[int] = ()) -> None:
    """Save several registrations and delete ``removed`` ones in one transaction; a row that fails is
    reported as ``row[i].field`` and nothing is saved."""
    registration.validate_each(store, registrations, _validate)
    with store.transaction() as conn:
        for rid in removed:
            conn.execute("DELETE FROM title_registration WHERE id = ?", (rid,))
        for r in registrations:
            _write(store, conn, r)


def _from_row(row) -> YearRegistration:
    return YearRegistration(row["year"], row["person_id"], row["collective_id"], json.loads(row["titles"]),
                            row["registered_on"], row["note"], row["id"])


def find(store, year: int, *, person_id: int | None = None, collective_id: int | None = None
         ) -> YearRegistration | None:
    row = store.one("SELECT * FROM title_registration WHERE year = ? AND person_id IS ? AND collective_id IS ?",
                    (year, person_id, collective_id))
    return _from_row(row) if row else None


def delete(store, registration_id: int) -> None:
    registration.delete_row(store, "title_registration", registration_id)


@dataclass(frozen=True)
class Row:
    registration: YearRegistration
    kind: str            # "unit", "collective", "person"
    name: str
    position: str
    collective: str


def list_for_year(store, year: int) -> list[Row]:
    """The year's registrations: the unit first, then collectives by name, then people in name order."""
    out = []
    for row in store.query(
            "SELECT r.*, p.full_name, p.position AS person_position, p.sort_key, pc.name AS person_collective, "
            "c.name AS collective_name, c.is_unit, parent.name AS parent_name FROM title_registration r "
            "LEFT JOIN person p ON p.id = r.person_id LEFT JOIN collective pc ON pc.id = p.collective_id "
            "LEFT JOIN collective c ON c.id = r.collective_id LEFT JOIN collective parent ON parent.id = c.parent_id "
            "WHERE r.year = ?", (year,)):
        kind, name, order, position, collective = registration.subject_of(row)
        out.append((order, Row(_from_row(row), kind, name, position, collective)))
    out.sort(key=lambda t: t[0])
    return [t[1] for t in out]


def years(store) -> list[int]:
    """The years that have registrations, newest first."""
    return [r["year"] for r in store.query("SELECT DISTINCT year FROM title_registration ORDER BY year DESC")]

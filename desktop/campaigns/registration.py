"""Đăng ký thi đua: what the unit, its collectives and its people register for a campaign.

Each registration names one subject (the unit itself is its ``is_unit``
collective, or another collective, or a person), the campaign (and optionally
one of its phases), the titles aimed for (catalog names) and a target per
criterion of the plan: a number with its unit (``95 %``, ``120 hồ sơ``) and/or
a date to reach it by. New registrations default their targets from the plan's
criteria that fit the subject.

Registration is no longer a legal condition for a title (Luật Thi đua, khen
thưởng 2022 Điều 7; see ``legal.md`` E.1): it never blocks a nomination unless
the unit's own rules say so, which is the ``registration_required`` setting.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop.dates import parse_partial, partial_text
from desktop.campaigns import campaign as campaigns
from desktop import catalog
from desktop.errors import NotFound, ValidationError
from desktop.store.db import put_setting
from desktop.text import clean

SETTING_REQUIRED = "registration_required"
SOURCE = "Quy chế thi đua, khen thưởng của đơn vị (đăng ký thi đua bắt buộc)"


@dataclass
class Target:
    criterion_id: int
    value: float | None = None
    unit: str = ""
    due_date: str | None = None     # as precise as written: 2026-06-30, 2026-06
    note: str = ""
    id: int | None = None


@dataclass
class Registration:
    campaign_id: int
    person_id: int | None = None
    collective_id: int | None = None
    phase_id: int | None = None     # one phase of the campaign; None: the whole campaign
    titles: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    registered_on: str | None = None   # ISO date the subject registered
    note: str = ""
    id: int | None = None

    @property
    def subject_kind(self) -> str:
        return "person" if self.person_id is not None else "collective"


# -- shared with the year's registrations (desktop.campaigns.yearly_registration) --------------------------

def subject_errors(store, r, errors: dict[str, str]) -> None:
    """Add ``errors["subject"]`` unless ``r`` names exactly one existing person or collective."""
    if (r.person_id is None) == (r.collective_id is None):
        errors["subject"] = "Hãy chọn một cá nhân hoặc một tập thể đăng ký."
    elif r.person_id is not None and not store.scalar("SELECT 1 FROM person WHERE id = ?", (r.person_id,)):
        errors["subject"] = f"Không tìm thấy cá nhân số {r.person_id}."
    elif r.collective_id is not None and not store.scalar("SELECT 1 FROM collective WHERE id = ?",
                                                          (r.collective_id,)):
        errors["subject"] = f"Không tìm thấy tập thể số {r.collective_id}."


def catalog_titles(written: list[str]):
    """(title, its catalog entry or None) for each title written, blanks left out."""
    cat = catalog.load()
    for t in written:
        t = clean(t)
        if t:
            yield t, cat.get(t)


def finish(r, errors: dict[str, str]):
    """The last checks of a registration (its date, its note); raise ``errors`` if any, else return ``r``."""
    if r.registered_on:
        try:
            r.registered_on = parse_partial(r.registered_on)
        except ValueError:
            errors["registered_on"] = f"Ngày “{r.registered_on}” không hợp lệ."
    else:
        r.registered_on = None
    r.note = clean(r.note)
    if errors:
        raise ValidationError(errors)
    return r


def validate_each(store, registrations: list, validate) -> None:
    """Validate every registration; a row that fails is reported as ``row[i].field``."""
    errors: dict[str, str] = {}
    for i, r in enumerate(registrations):
        try:
            validate(store, r)
        except ValidationError as exc:
            errors.update({f"row[{i}].{k}": m for k, m in exc.fields.items()})
    if errors:
        raise ValidationError(errors)


def write_row(conn, table: str, r, row_id: int | None, **scope) -> int:
    """Insert ``r`` into ``table`` (``row_id`` None) or update that row, with its ``scope`` columns (campaign
    and phase, or year) first; sets and returns ``r.id``."""
    columns = [*scope, "person_id", "collective_id", "titles", "registered_on", "note"]
    values = (*scope.values(), r.person_id, r.collective_id, json.dumps(r.titles, ensure_ascii=False),
              r.registered_on, r.note)
    r.id = row_id
    if r.id is None:
        r.id = conn.execute(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            values).lastrowid
    elif conn.execute(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                      (*values, r.id)).rowcount == 0:
        raise NotFound(f"Không tìm thấy bản đăng ký số {r.id}.")
    return r.id


def delete_row(store, table: str, registration_id: int) -> None:
    with store.transaction() as conn:
        if conn.execute(f"DELETE FROM {table} WHERE id = ?", (registration_id,)).rowcount == 0:
            raise NotFound(f"Không tìm thấy bản đăng ký số {registration_id}.")


def subject_of(row) -> tuple[str, str, tuple[int, str], str, str]:
    """(kind, name, sort order, position, collective) of a listed registration row: the unit first, then
    collectives by name, then people in Vietnamese name order."""
    from desktop.text import word_sort_key

    person = row["person_id"] is not None
    kind = "person" if person else "unit" if row["is_unit"] else "collective"
    name = row["full_name"] if person else row["collective_name"]
    key = row["sort_key"] if person else word_sort_key(name)
    return (kind, name, ({"unit": 0, "collective": 1, "person": 2}[kind], key),
            (row["person_position"] or "") if person else "",
            (row["person_collective"] or "") if person else (row["parent_name"] or ""))


# -- the unit's rule ----------------------------------------------------------------------------------

def required(store) -> bool:
    """Whether the unit's rules make registration a condition for being proposed (default: no)."""
    return store.setting(SETTING_REQUIRED) == "1"


def set_required(store, value: bool) -> None:
    with store.transaction() as conn:
        put_setting(conn, SETTING_REQUIRED, "1" if value else "0")


# -- defaults from the plan ----------------------------------------------------------------------------

def _fits(criterion: campaigns.Criterion, kind: str) -> bool:
    return criterion.subject == "ca_hai" or criterion.subject == ("ca_nhan" if kind == "person" else "tap_the")


def default_targets(c: campaigns.Campaign, kind: str) -> list[Target]:
    """A target for every criterion of the plan that fits ``kind`` ("person"/"collective"), at the plan's level.

    A relative target ("tăng 5 % so với năm trước") is left for the subject to state as a number.
    """
    return [Target(k.id, None if k.relative else k.target_value, k.target_unit)
            for k in c.criteria if _fits(k, kind)]


def new(store, campaign_id: int, *, person_id: int | None = None, collective_id: int | None = None,
        phase_id: int | None = None) -> Registration:
    """A registration (not saved) for the subject with the plan's targets filled in."""
    c = campaigns.get(store, campaign_id)
    r = Registration(campaign_id, person_id, collective_id, phase_id)
    r.targets = default_targets(c, r.subject_kind)
    return r


# -- storage ---------------------------------------------------------------------------------------------

def _validate(store, r: Registration) -> Registration:
    errors: dict[str, str] = {}
    c = campaigns.get(store, r.campaign_id)
    subject_errors(store, r, errors)
    if r.phase_id is not None and c.phase_by_id(r.phase_id) is None:
        errors["phase"] = "Hãy chọn một đợt (sơ kết, tổng kết) của phong trào này."
    titles = []
    for t, known in catalog_titles(r.titles):
        if known is None:
            errors["titles"] = f"“{t}” không có trong danh mục danh hiệu, hình thức khen thưởng."
            continue
        if r.person_id is not None or r.collective_id is not None:
            if not known.fits(r.subject_kind):
                who = "cá nhân" if r.subject_kind == "person" else "tập thể"
                errors["titles"] = f"{known.name} không dành cho {who}."
        if known.name not in titles:
            titles.append(known.name)
    r.titles = titles
    by_id = {k.id: k for k in c.criteria}
    seen = set()
    for i, t in enumerate(r.targets):
        t.unit, t.note = clean(t.unit), clean(t.note)
        if t.criterion_id not in by_id:
            errors[f"targets[{i}]"] = "Chỉ tiêu phải gắn với một tiêu chí của phong trào này."
        elif t.criterion_id in seen:
            errors[f"targets[{i}]"] = "Mỗi tiêu chí chỉ đăng ký một chỉ tiêu."
        seen.add(t.criterion_id)
        if t.value is not None and (not isinstance(t.value, (int, float)) or t.value < 0):
            errors[f"targets[{i}]"] = "Chỉ tiêu phải là một số không âm."
        if t.due_date:
            try:
                t.due_date = parse_partial(t.due_date)
            except ValueError:
                errors[f"targets[{i}]"] = f"Ngày “{t.due_date}” không hợp lệ."
        else:
            t.due_date = None
    return finish(r, errors)


def _existing(store, r: Registration) -> int | None:
    return store.scalar(
        "SELECT id FROM registration WHERE campaign_id = ? AND phase_id IS ? AND person_id IS ? "
        "AND collective_id IS ?", (r.campaign_id, r.phase_id, r.person_id, r.collective_id))


def save(store, r: Registration, *, conn=None) -> int:
    """Insert or update a registration and its targets in one transaction (the caller's, when ``conn``).

    A subject registers once per campaign and phase: saving a new one for a
    subject that has one replaces that one's content.
    """
    r = _validate(store, r)
    if conn is None:
        with store.transaction() as conn:
            return _write(store, conn, r)
    return _write(store, conn, r)


def _write(store, conn, r: Registration) -> int:
    write_row(conn, "registration", r, _existing(store, r) if r.id is None else r.id,
              campaign_id=r.campaign_id, phase_id=r.phase_id)
    conn.execute("DELETE FROM registration_target WHERE registration_id = ?", (r.id,))
    for t in r.targets:
        t.id = conn.execute(
            "INSERT INTO registration_target(registration_id, criterion_id, value, unit, due_date, note) "
            "VALUES (?, ?, ?, ?, ?, ?)", (r.id, t.criterion_id, t.value, t.unit, t.due_date, t.note)).lastrowid
    return r.id


def _from_row(store, row) -> Registration:
    r = Registration(row["campaign_id"], row["person_id"], row["collective_id"], row["phase_id"],
                     json.loads(row["titles"]), [], row["registered_on"], row["note"], row["id"])
    r.targets = [Target(t["criterion_id"], t["value"], t["unit"], t["due_date"], t["note"], t["id"])
                 for t in store.query("SELECT t.* FROM registration_target t JOIN campaign_criterion k "
                                      "ON k.id = t.criterion_id WHERE t.registration_id = ? ORDER BY k.position, k.id",
                                      (r.id,))]
    return r


def get(store, registration_id: int) -> Registration:
    row = store.one("SELECT * FROM registration WHERE id = ?", (registration_id,))
    if row is None:
        raise NotFound(f"Không tìm thấy bản đăng ký số {registration_id}.")
    return _from_row(store, row)


def find(store, campaign_id: int, *, person_id: int | None = None, collective_id: int | None = None,
         phase_id: int | None = None) -> Registration | None:
    """The subject's registration for the campaign and phase, if any."""
    rid = _existing(store, Registration(campaign_id, person_id, collective_id, phase_id))
    return get(store, rid) if rid else None


def delete(store, registration_id: int) -> None:
    delete_row(store, "registration", registration_id)


@dataclass(frozen=True)
class Row:
    """A registration as the table and the lists show it."""
    registration: Registration
    kind: str            # "unit", "collective", "person"
    name: str
    position: str        # a person's position, or ""
    collective: str      # a person's collective, or the parent of a collective
    phase: str           # the phase's name, or ""


def list_for_campaign(store, campaign_id: int, *, phase_id: int | None = None, all_phases: bool = True) -> list[Row]:
    """The unit first, then collectives by name, then people in Vietnamese name order.

    With ``all_phases`` (the default) every registration of the campaign is
    listed; otherwise only those of ``phase_id`` (None: the whole campaign).
    """
    c = campaigns.get(store, campaign_id)
    sql = ("SELECT r.*, p.full_name, p.position AS person_position, p.sort_key, pc.name AS person_collective, "
           "c.name AS collective_name, c.is_unit, parent.name AS parent_name, ph.position AS phase_position "
           "FROM registration r LEFT JOIN person p ON p.id = r.person_id "
           "LEFT JOIN collective pc ON pc.id = p.collective_id LEFT JOIN collective c ON c.id = r.collective_id "
           "LEFT JOIN collective parent ON parent.id = c.parent_id "
           "LEFT JOIN campaign_phase ph ON ph.id = r.phase_id WHERE r.campaign_id = ?")
    params: list = [campaign_id]
    if not all_phases:
        sql += " AND r.phase_id IS ?"
        params.append(phase_id)
    out = []
    for row in store.query(sql, params):
        kind, name, order, position, collective = subject_of(row)
        phase = c.phase_by_id(row["phase_id"])
        out.append(((row["phase_position"] if row["phase_position"] is not None else -1, *order),
                    Row(_from_row(store, row), kind, name, position, collective, phase.name if phase else "")))
    out.sort(key=lambda t: t[0])
    return [t[1] for t in out]


def target_text(t: Target, criterion: campaigns.Criterion | None = None) -> str:
    """``95 %``, ``120 hồ sơ trước 30/06/2026``, or the criterion's own unit when the target has none."""
    from desktop.records.achievements import format_measure

    unit = t.unit or (criterion.target_unit if criterion else "")
    parts = [format_measure(t.value, unit)] if t.value is not None else []
    if t.due_date:
        parts.append(f"trước {partial_text(t.due_date)}")
    return " ".join(p for p in parts if p)


def unit_targets(store, campaign_id: int, phase_id: int | None = None) -> dict[int, Target]:
    """{criterion id: target} the unit itself registered (its ``is_unit`` collective), for progress."""
    unit_id = store.scalar("SELECT id FROM collective WHERE is_unit = 1")
    if unit_id is None:
        return {}
    r = find(store, campaign_id, collective_id=unit_id, phase_id=phase_id)
    if r is None and phase_id is not None:
        r = find(store, campaign_id, collective_id=unit_id)
    return {t.criterion_id: t for t in r.targets if t.value is not None} if r else {}


def registered_titles(store, campaign_id: int, *, person_id: int | None = None,
                      collective_id: int | None = None, phase_id: int | None = None) -> list[str] | None:
    """The titles the subject registered for (the phase's registration, else the whole campaign's);
    ``None`` when the subject did not register."""
    r = find(store, campaign_id, person_id=person_id, collective_id=collective_id, phase_id=phase_id)
    if r is None and phase_id is not None:
        r = find(store, campaign_id, person_id=person_id, collective_id=collective_id)
    return None if r is None else r.titles


def save_all(store, registrations: list[Registration], *, removed: list[int] = ()) -> None:
    """Save several registrations and delete ``removed`` ones, all in one transaction (the table's Save).

    A row that fails is reported as ``row[i].field`` (its position in ``registrations``) and nothing is saved.
    """
    validate_each(store, registrations, _validate)
    with store.transaction() as conn:
        for rid in removed:
            conn.execute("DELETE FROM registration WHERE id = ?", (rid,))
        for r in registrations:
            _write(store, conn, r)


def subjects(store) -> list[tuple[str, int, str]]:
    """Who may register: (kind, id, name) for the unit, its collectives by name, its people in name order."""
    from desktop.text import word_sort_key

    out: list[tuple[str, int, str]] = []
    cols = store.query("SELECT id, name, is_unit FROM collective")
    out += [("unit", r["id"], r["name"]) for r in cols if r["is_unit"]]
    out += sorted((("collective", r["id"], r["name"]) for r in cols if not r["is_unit"]),
                  key=lambda t: word_sort_key(t[2]))
    out += [("person", r["id"], r["full_name"]) for r in store.query(
        "SELECT id, full_name FROM person ORDER BY sort_key, id")]
    return out

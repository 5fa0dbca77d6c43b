"""Collectives (the unit and its teams) and people, with their yearly ratings and prior awards."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop import catalog, clock
from desktop.dates import DateError, from_iso, parse_date, to_iso
from desktop.errors import NotFound, UserError, ValidationError
from desktop.store.db import insert_row
from desktop.text import clean, name_sort_key, word_sort_key

RATINGS = {
    "xuat_sac": "Hoàn thành xuất sắc nhiệm vụ",
    "tot": "Hoàn thành tốt nhiệm vụ",
    "hoan_thanh": "Hoàn thành nhiệm vụ",
    "khong_hoan_thanh": "Không hoàn thành nhiệm vụ",
}
# Higher is better; used by award requirements ("at least tốt").
RATING_RANK = {"khong_hoan_thanh": 0, "hoan_thanh": 1, "tot": 2, "xuat_sac": 3}
SEXES = {"nam": "Nam", "nu": "Nữ"}


@dataclass
class Collective:
    name: str
    parent_id: int | None = None
    is_unit: bool = False
    note: str = ""
    id: int | None = None
    head_person_id: int | None = None   # the Trưởng phòng / Giám đốc who signs the collective's report
    functions: str = ""                 # "Chức năng, nhiệm vụ được giao", as the report states it


@dataclass
class Person:
    full_name: str
    birth_date: dt.date | None = None
    sex: str | None = None
    position: str = ""
    rank: str = ""
    collective_id: int | None = None
    year_joined: int | None = None
    id: int | None = None
    # What the báo cáo thành tích asks (NĐ 152/2025 Mẫu 05, 08; legal.md A.2.c).
    ethnicity: str = ""          # Dân tộc
    hometown: str = ""           # Quê quán (xã, tỉnh)
    residence: str = ""          # Nơi thường trú
    education: str = ""          # Trình độ chuyên môn, nghiệp vụ: degree and field ("Cử nhân Luật")
    political_theory: str = ""   # Trình độ lý luận chính trị ("Trung cấp")

PERSON_TEXT_FIELDS = ("ethnicity", "hometown", "residence", "education", "political_theory")


@dataclass
class PriorAward:
    award: str
    year: int
    decision_number: str = ""
    decision_date: dt.date | None = None
    issuer: str = ""
    person_id: int | None = None
    collective_id: int | None = None
    id: int | None = None


@dataclass
class PersonDetail:
    person: Person
    collective_name: str | None
    ratings: dict[int, str] = field(default_factory=dict)
    awards: list[PriorAward] = field(default_factory=list)


# -- collectives ------------------------------------------------------------------------

def _validate_collective(c: Collective) -> Collective:
    c.name = clean(c.name)
    c.note = clean(c.note)
    c.functions = clean(c.functions)
    if not c.name:
        raise ValidationError({"name": "Tên tập thể không được để trống."})
    return c


def add_collective(store, c: Collective) -> int:
    c = _validate_collective(c)
    with store.transaction() as conn:
        if c.is_unit and store.scalar("SELECT 1 FROM collective WHERE is_unit = 1"):
            raise ValidationError({"is_unit": "Đơn vị đã có; chỉ có một tập thể là cả đơn vị."})
        cur = conn.execute(
            "INSERT INTO collective(name, parent_id, is_unit, note, head_person_id, functions) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (c.name, c.parent_id, int(c.is_unit), c.note, c.head_person_id, c.functions),
        )
        c.id = cur.lastrowid
    return c.id


def update_collective(store, c: Collective) -> None:
    c = _validate_collective(c)
    if c.parent_id is not None and c.parent_id == c.id:
        raise ValidationError({"parent_id": "Một tập thể không thể trực thuộc chính nó."})
    with store.transaction() as conn:
        if c.is_unit and store.scalar("SELECT 1 FROM collective WHERE is_unit = 1 AND id IS NOT ?", (c.id,)):
            raise ValidationError({"is_unit": "Đơn vị đã có; chỉ có một tập thể là cả đơn vị."})
        cur = conn.execute(
            "UPDATE collective SET name = ?, parent_id = ?, is_unit = ?, note = ?, head_person_id = ?, "
            "functions = ? WHERE id = ?",
            (c.name, c.parent_id, int(c.is_unit), c.note, c.head_person_id, c.functions, c.id),
        )
        if cur.rowcount == 0:
            raise NotFound(f"Không tìm thấy tập thể số {c.id}.")


def delete_collective(store, collective_id: int) -> None:
    """Delete a collective that nothing refers to; otherwise say what still uses it."""
    people = store.scalar("SELECT count(*) FROM person WHERE collective_id = ?", (collective_id,))
    achievements = store.scalar("SELECT count(*) FROM achievement WHERE collective_id = ?", (collective_id,))
    children = store.scalar("SELECT count(*) FROM collective WHERE parent_id = ?", (collective_id,))
    if people or achievements or children:
        raise UserError(
            f"Không xóa được tập thể này: còn {people} cá nhân, {achievements} thành tích và "
            f"{children} tập thể trực thuộc gắn với nó."
        )
    store.delete("collective", collective_id)


def get_collective(store, collective_id: int) -> Collective:
    row = store.one("SELECT * FROM collective WHERE id = ?", (collective_id,))
    if row is None:
        raise NotFound(f"Không tìm thấy tập thể số {collective_id}.")
    return _collective(row)


def _collective(row) -> Collective:
    return Collective(row["name"], row["parent_id"], bool(row["is_unit"]), row["note"], row["id"],
                      row["head_person_id"], row["functions"])


def list_collectives(store) -> list[Collective]:
    """The unit first, then its teams in alphabetical order."""
    rows = store.query("SELECT * FROM collective")
    items = [_collective(r) for r in rows]
    items.sort(key=lambda c: (not c.is_unit, word_sort_key(c.name)))
    return items


# -- people -------------------------------------------------------------------------------

def _typed_date(value, field: str, errors: dict[str, str]):
    """A date typed as text read (blank is no date); one that does not read is noted under ``field`` and kept as typed."""
    if not isinstance(value, str):
        return value
    try:
        return parse_date(value) if value.strip() else None
    except DateError as exc:
        errors[field] = str(exc)
        return value


def _validate_person(p: Person) -> Person:
    errors: dict[str, str] = {}
    p.full_name = clean(p.full_name)
    p.position = clean(p.position)
    p.rank = clean(p.rank)
    for name in PERSON_TEXT_FIELDS:
        setattr(p, name, clean(getattr(p, name) or ""))
    if not p.full_name:
        errors["full_name"] = "Họ và tên không được để trống."
    elif len(p.full_name.split(" ")) < 2:
        errors["full_name"] = "Hãy ghi đủ họ và tên (ít nhất hai chữ)."
    p.birth_date = _typed_date(p.birth_date, "birth_date", errors)
    if isinstance(p.birth_date, dt.date):
        age = clock.today().year - p.birth_date.year
        if not 15 <= age <= 100:
            errors["birth_date"] = "Ngày sinh không hợp lý (tuổi phải từ 15 đến 100)."
    if p.sex not in (None, "", *SEXES):
        errors["sex"] = "Giới tính phải là Nam hoặc Nữ."
    p.sex = p.sex or None
    if p.year_joined is not None:
        if not 1950 <= int(p.year_joined) <= clock.today().year:
            errors["year_joined"] = "Năm vào đơn vị không hợp lệ."
    ValidationError.raise_if_any(errors)
    return p


# The person columns a form writes, in the order of _person_values.
_PERSON_COLUMNS = ("full_name", "sort_key", "birth_date", "sex", "position", "rank", "collective_id", "year_joined",
                   *PERSON_TEXT_FIELDS)


def _person_values(p: Person) -> tuple:
    return (p.full_name, name_sort_key(p.full_name), to_iso(p.birth_date), p.sex, p.position, p.rank,
            p.collective_id, p.year_joined, *(getattr(p, k) for k in PERSON_TEXT_FIELDS))


def add_person(store, p: Person) -> int:
    p = _validate_person(p)
    with store.transaction() as conn:
        p.id = insert_row(conn, "person", _PERSON_COLUMNS, _person_values(p))
    return p.id


def update_person(store, p: Person) -> None:
    p = _validate_person(p)
    with store.transaction() as conn:
        cur = conn.execute(
            f"UPDATE person SET {', '.join(c + ' = ?' for c in _PERSON_COLUMNS)} WHERE id = ?",
            (*_person_values(p), p.id),
        )
        if cur.rowcount == 0:
            raise NotFound(f"Không tìm thấy cá nhân số {p.id}.")


def delete_person(store, person_id: int) -> None:
    n = store.scalar("SELECT count(*) FROM achievement WHERE person_id = ?", (person_id,))
    if n:
        raise UserError(
            f"Không xóa được: cá nhân này còn {n} thành tích trong sổ. Hãy lưu trữ hoặc chuyển các thành tích trước."
        )
    store.delete("person", person_id)


def _person(row) -> Person:
    return Person(row["full_name"], from_iso(row["birth_date"]), row["sex"], row["position"], row["rank"],
                  row["collective_id"], row["year_joined"], row["id"],
                  **{k: row[k] for k in PERSON_TEXT_FIELDS})


def get_person(store, person_id: int) -> Person:
    row = store.one("SELECT * FROM person WHERE id = ?", (person_id,))
    if row is None:
        raise NotFound(f"Không tìm thấy cá nhân số {person_id}.")
    return _person(row)


def list_people(store, collective_id: int | None = None) -> list[Person]:
    """People in Vietnamese name order (given name, middle names, family name)."""
    sql = "SELECT * FROM person"
    params: tuple = ()
    if collective_id is not None:
        sql += " WHERE collective_id = ?"
        params = (collective_id,)
    return [_person(r) for r in store.query(sql + " ORDER BY sort_key, id", params)]


def workplace(store, collective_id: int | None) -> str:
    """Đơn vị công tác written out in full: "Phòng Nghiệp vụ 2, Trung tâm Trợ giúp pháp lý …"."""
    names: list[str] = []
    seen: set[int] = set()
    while collective_id is not None and collective_id not in seen:
        seen.add(collective_id)
        row = store.one("SELECT name, parent_id FROM collective WHERE id = ?", (collective_id,))
        if row is None:
            break
        names.append(row["name"])
        collective_id = row["parent_id"]
    if not names or not store.scalar("SELECT 1 FROM collective WHERE is_unit = 1 AND name = ?", (names[-1],)):
        unit_name = store.scalar("SELECT name FROM collective WHERE is_unit = 1")
        if unit_name and unit_name not in names:
            names.append(unit_name)
    return ", ".join(names)


def staff_count(store, collective_id: int) -> int:
    """People of the collective and of every collective under it (the whole unit for the unit)."""
    row = store.one("SELECT is_unit FROM collective WHERE id = ?", (collective_id,))
    if row is not None and row["is_unit"]:
        return store.scalar("SELECT count(*) FROM person")
    ids = {collective_id}
    frontier = [collective_id]
    while frontier:
        kids = [r["id"] for r in store.query(
            f"SELECT id FROM collective WHERE parent_id IN ({','.join('?' * len(frontier))})", tuple(frontier))]
        frontier = [k for k in kids if k not in ids]
        ids.update(frontier)
    return store.scalar(f"SELECT count(*) FROM person WHERE collective_id IN ({','.join('?' * len(ids))})",
                        tuple(ids))


def person_detail(store, person_id: int) -> PersonDetail:
    p = get_person(store, person_id)
    cname = store.scalar("SELECT name FROM collective WHERE id = ?", (p.collective_id,)) if p.collective_id else None
    return PersonDetail(p, cname, ratings(store, person_id), prior_awards(store, person_id=person_id))


# -- ratings --------------------------------------------------------------------------------

def set_rating(store, person_id: int, year: int, rating: str | None) -> None:
    """Record (or with ``None`` clear) a person's quality rating for a year."""
    if rating is not None and rating not in RATINGS:
        raise ValidationError({"rating": "Mức xếp loại không hợp lệ."})
    if not 1950 <= int(year) <= 2200:
        raise ValidationError({"year": "Năm xếp loại không hợp lệ."})
    with store.transaction() as conn:
        if rating is None:
            conn.execute("DELETE FROM rating WHERE person_id = ? AND year = ?", (person_id, year))
        else:
            conn.execute(
                "INSERT INTO rating(person_id, year, rating) VALUES (?, ?, ?) "
                "ON CONFLICT(person_id, year) DO UPDATE SET rating = excluded.rating",
                (person_id, year, rating),
            )


def set_ratings(store, person_id: int, by_year: dict[int, str]) -> None:
    """Replace all of a person's ratings at once (the person dialog saves this way)."""
    with store.transaction():
        current = ratings(store, person_id)
        for year in current.keys() - by_year.keys():
            set_rating(store, person_id, year, None)
        for year, rating in sorted(by_year.items()):
            if current.get(year) != rating:
                set_rating(store, person_id, year, rating)


def ratings(store, person_id: int) -> dict[int, str]:
    return {r["year"]: r["rating"] for r in
            store.query("SELECT year, rating FROM rating WHERE person_id = ? ORDER BY year", (person_id,))}


# -- prior awards ------------------------------------------------------------------------------

def _validate_award(a: PriorAward) -> PriorAward:
    errors = {}
    known = catalog.load().get(a.award or "")
    if known is None:
        errors["award"] = "Hãy chọn danh hiệu hoặc hình thức khen thưởng trong danh mục."
    else:
        a.award = known.name
    if not a.year or not 1950 <= int(a.year) <= clock.today().year + 1:
        errors["year"] = "Năm khen thưởng không hợp lệ."
    a.decision_date = _typed_date(a.decision_date, "decision_date", errors)
    if (a.person_id is None) == (a.collective_id is None):
        errors["subject"] = "Khen thưởng phải thuộc về một cá nhân hoặc một tập thể."
    if known is not None and not errors.get("subject"):
        kind = "person" if a.person_id is not None else "collective"
        if not known.fits(kind):
            errors["award"] = (f"{known.name} chỉ dành cho "
                               f"{'tập thể' if kind == 'person' else 'cá nhân'}.")
    a.decision_number = clean(a.decision_number)
    a.issuer = clean(a.issuer)
    ValidationError.raise_if_any(errors)
    return a


def add_prior_award(store, a: PriorAward) -> int:
    a = _validate_award(a)
    with store.transaction() as conn:
        a.id = insert_row(conn, "prior_award",
                          ("person_id", "collective_id", "award", "year", "decision_number", "decision_date", "issuer"),
                          (a.person_id, a.collective_id, a.award, a.year, a.decision_number, to_iso(a.decision_date),
                           a.issuer))
    return a.id


def replace_prior_awards(store, *, person_id: int | None = None, collective_id: int | None = None,
                         awards: list[PriorAward]) -> None:
    """Make a subject's prior awards exactly ``awards`` in one transaction (what the dialogs save).

    Rows that did not change stay as they are, so the audit trail records only
    what the clerk really added or removed.
    """
    def key(a: PriorAward) -> tuple:
        return (a.award, int(a.year), a.decision_number, to_iso(a.decision_date), a.issuer)

    with store.transaction() as conn:
        wanted = []
        for a in awards:
            a.person_id, a.collective_id, a.id = person_id, collective_id, None
            wanted.append(_validate_award(a))
        existing = prior_awards(store, person_id=person_id, collective_id=collective_id)
        remaining = [key(a) for a in wanted]
        for old in existing:
            if key(old) in remaining:
                remaining.remove(key(old))
            else:
                conn.execute("DELETE FROM prior_award WHERE id = ?", (old.id,))
        kept = [key(a) for a in existing]
        for a in wanted:
            if key(a) in kept:
                kept.remove(key(a))
            else:
                add_prior_award(store, a)


def prior_awards(store, *, person_id: int | None = None, collective_id: int | None = None) -> list[PriorAward]:
    col, val = ("person_id", person_id) if person_id is not None else ("collective_id", collective_id)
    rows = store.query(f"SELECT * FROM prior_award WHERE {col} = ? ORDER BY year, id", (val,))
    return [PriorAward(r["award"], r["year"], r["decision_number"], from_iso(r["decision_date"]), r["issuer"],
                       r["person_id"], r["collective_id"], r["id"]) for r in rows]

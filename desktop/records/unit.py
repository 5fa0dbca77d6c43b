"""The unit's profile: who is keeping this ledger (used in every document header)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Iterable

from desktop.errors import ValidationError
from desktop.text import clean

ABBREVIATION_MAX = 20


@dataclass
class UnitProfile:
    name: str = ""             # Tên đơn vị, e.g. "Trung tâm Trợ giúp pháp lý"
    governing_body: str = ""   # Cơ quan chủ quản, e.g. "Sở Tư pháp tỉnh Hà Tĩnh"
    province: str = ""         # Tỉnh, thành phố (địa danh of documents)
    abbreviation: str = ""     # Viết tắt in document symbols, e.g. "TTTGPL"
    head_name: str = ""        # Thủ trưởng đơn vị
    head_title: str = ""       # e.g. "Giám đốc"
    clerk_name: str = ""       # Người theo dõi thi đua, khen thưởng

    @property
    def is_set(self) -> bool:
        return bool(self.name)


def get(store) -> UnitProfile:
    row = store.one("SELECT * FROM unit_profile WHERE id = 1")
    if row is None:
        return UnitProfile()
    return UnitProfile(**{f.name: row[f.name] for f in fields(UnitProfile)})


def validate(profile: UnitProfile) -> UnitProfile:
    """The profile as it will be stored (NFC, trimmed, abbreviation in capitals), or a
    :class:`ValidationError` with one Vietnamese message per field."""
    p = UnitProfile(**{k: clean(v) for k, v in asdict(profile).items()})
    p.abbreviation = p.abbreviation.upper().replace(" ", "")
    errors: dict[str, str] = {}
    if not p.name:
        errors["name"] = "Hãy nhập tên đơn vị; tên này đứng đầu mọi văn bản."
    if p.abbreviation:
        if not all(ch.isalnum() or ch == "-" for ch in p.abbreviation):
            errors["abbreviation"] = ("Chữ viết tắt chỉ gồm chữ cái, chữ số và dấu gạch nối (ví dụ TTTGPL), "
                                      "không có dấu “/” hay dấu chấm: nó đứng sau dấu “/” trong số ký hiệu văn bản.")
        elif len(p.abbreviation) > ABBREVIATION_MAX:
            errors["abbreviation"] = f"Chữ viết tắt dài quá {ABBREVIATION_MAX} ký tự."
    if p.head_name and not p.head_title:
        errors["head_title"] = "Hãy nhập chức vụ của thủ trưởng (ví dụ Giám đốc); văn bản ghi chức vụ trên chữ ký."
    ValidationError.raise_if_any(errors)
    return p


def save(store, profile: UnitProfile) -> None:
    """Store the profile; the collective that stands for the whole unit takes its name."""
    values = asdict(validate(profile))
    cols = ", ".join(values)
    marks = ", ".join(f":{k}" for k in values)
    updates = ", ".join(f"{k} = excluded.{k}" for k in values)
    with store.transaction() as conn:
        conn.execute(
            f"INSERT INTO unit_profile (id, {cols}) VALUES (1, {marks}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}",
            values,
        )
        conn.execute("UPDATE collective SET name = ? WHERE is_unit = 1 AND name <> ?", (values["name"], values["name"]))


def validate_collectives(names: Iterable[str]) -> list[str]:
    """The names of the unit's collectives, cleaned, blank rows dropped; each name once."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        name = clean(name)
        if not name:
            continue
        if name.casefold() in seen:
            raise ValidationError({"collectives": f"Tập thể “{name}” có hai lần trong danh sách."})
        seen.add(name.casefold())
        out.append(name)
    return out


def setup_unit(store, profile: UnitProfile, collectives: Iterable[str] = ()) -> int:
    """The unit's first set-up, in one transaction: its profile, the collective that stands
    for the whole unit, and its collectives (rooms, teams, branches) under it.

    Returns the id of the unit's own collective.
    """
    from desktop.records import people  # the window reads the profile at start, and sets up a unit only once

    profile = validate(profile)
    names = validate_collectives(collectives)
    with store.transaction():
        save(store, profile)
        unit_id = store.scalar("SELECT id FROM collective WHERE is_unit = 1")
        if unit_id is None:
            unit_id = people.add_collective(store, people.Collective(profile.name, is_unit=True))
        existing = {clean(c.name).casefold() for c in people.list_collectives(store)}
        for name in names:
            if name.casefold() in existing:
                raise ValidationError({"collectives": f"Tập thể “{name}” đã có trong sổ."})
            people.add_collective(store, people.Collective(name, parent_id=unit_id))
    return unit_id


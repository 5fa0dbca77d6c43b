"""The unit's profile: who is keeping this ledger (used in every document header)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from .text import clean


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


def save(store, profile: UnitProfile) -> None:
    values = {k: clean(v) for k, v in asdict(profile).items()}
    values["abbreviation"] = values["abbreviation"].upper().replace(" ", "")
    cols = ", ".join(values)
    marks = ", ".join(f":{k}" for k in values)
    updates = ", ".join(f"{k} = excluded.{k}" for k in values)
    with store.transaction() as conn:
        conn.execute(
            f"INSERT INTO unit_profile (id, {cols}) VALUES (1, {marks}) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}",
            values,
        )

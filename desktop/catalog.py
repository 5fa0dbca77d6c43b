"""The award catalog (``resources/awards.csv``): the one list of awards the app knows.

Each award has a canonical name, a level (``nha_nuoc`` state level, ``bo_tinh``
ministry or province, ``co_so`` grassroots), a type (``danh_hieu`` emulation title
or ``hinh_thuc`` award form), the subjects it is given to (``ca_nhan``,
``tap_the`` or ``ca_hai``) and aliases: other ways plans and decisions write it.
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from desktop.resources import resource
from desktop.text import clean, fold

LEVELS = {"nha_nuoc": "Nhà nước", "bo_tinh": "Bộ, ngành, tỉnh", "co_so": "Cơ sở"}
TYPES = {"danh_hieu": "Danh hiệu thi đua", "hinh_thuc": "Hình thức khen thưởng"}
SUBJECTS = {"ca_nhan": "Cá nhân", "tap_the": "Tập thể", "ca_hai": "Cá nhân và tập thể"}


@dataclass(frozen=True)
class Award:
    name: str
    level: str
    type: str
    subject: str
    aliases: tuple[str, ...]

    @property
    def state_level(self) -> bool:
        return self.level == "nha_nuoc"

    def fits(self, subject_kind: str) -> bool:
        """Whether the award can go to a ``person`` or a ``collective``."""
        wanted = {"person": "ca_nhan", "collective": "tap_the"}[subject_kind]
        return self.subject in (wanted, "ca_hai")


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


class Catalog:
    def __init__(self, awards: list[Award]):
        self.awards = awards
        self._by_key: dict[str, Award] = {}
        for award in awards:
            for name in (award.name, *award.aliases):
                self._by_key.setdefault(_key(name), award)

    def __iter__(self):
        return iter(self.awards)

    def __len__(self) -> int:
        return len(self.awards)

    def names(self) -> list[str]:
        return [a.name for a in self.awards]

    def get(self, name: str) -> Award | None:
        """The award whose canonical name or alias is ``name`` (case and diacritics ignored)."""
        return self._by_key.get(_key(name))

    def match(self, text: str) -> Award | None:
        """The award a free-text mention refers to, or ``None``.

        Exact names and aliases win; otherwise the longest name or alias that the
        text contains (so "Bằng khen của Chủ tịch UBND tỉnh Hà Tĩnh" finds the
        provincial Bằng khen, not the Prime Minister's).
        """
        exact = self.get(text)
        if exact:
            return exact
        key = _key(text)
        best: tuple[int, Award] | None = None
        for alias_key, award in self._by_key.items():
            if alias_key and re.search(rf"(^| ){re.escape(alias_key)}( |$)", key):
                if best is None or len(alias_key) > best[0]:
                    best = (len(alias_key), award)
        return best[1] if best else None


@functools.lru_cache(maxsize=1)
def load() -> Catalog:
    path = resource("awards.csv")
    awards = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(clean(a) for a in (row.get("aliases") or "").split(";") if a.strip())
            awards.append(Award(clean(row["name"]), row["level"].strip(), row["type"].strip(),
                                row["subject"].strip(), aliases))
    return Catalog(awards)


def full_name(name: str, *, governing_body: str = "", province: str = "") -> str:
    """An award written in full with the authority that gives it, as decisions and reports write it.

    "Giấy khen của Giám đốc Sở" → "Giấy khen của Giám đốc Sở Tư pháp tỉnh Hà Tĩnh" (the Sở the unit
    belongs to); "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" → "… tỉnh Hà Tĩnh". A name that already
    names its authority, or an award of no particular authority, is returned as written.
    """
    text = clean(name)
    known = load().get(text)
    canonical = known.name if known else text
    province = clean(province)
    body = clean(governing_body)
    if re.search(r"Giám đốc Sở$", canonical) and body.startswith("Sở "):
        return canonical[: -len("Sở")] + body
    if re.search(r"(Ủy ban nhân dân|UBND) tỉnh$", canonical) and province:
        return f"{canonical} {province}"
    if canonical == "Cờ thi đua của Ủy ban nhân dân tỉnh" and province:
        return f"{canonical} {province}"
    return canonical if known else text

"""Award conditions as data (``resources/award_rules.toml``): rating required and ballot threshold."""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from desktop.records.people import RATINGS
from desktop.resources import resource

BALLOTS = {"at_least": "từ {pct} trở lên", "more_than": "trên {pct}"}


@dataclass(frozen=True)
class AwardRule:
    award: str
    min_rating: str | None
    ballot: str            # "at_least" or "more_than"
    fraction: float
    source: str

    def threshold_short(self) -> str:
        """"từ 90% trở lên" / "trên 50%" (where the context already says "of all members")."""
        from desktop.numbers import percent

        pct = percent(self.fraction * 100) if abs(self.fraction * 3 - 2) > 1e-3 else "2/3"
        return BALLOTS[self.ballot].format(pct=pct)

    def threshold_text(self) -> str:
        """"từ 90% trở lên tổng số thành viên Hội đồng", as the minutes write it."""
        return self.threshold_short() + " tổng số thành viên Hội đồng"

    def passes(self, yes: int, members: int) -> bool:
        """Whether ``yes`` votes out of ALL ``members`` of the council meet the threshold."""
        if members <= 0:
            return False
        if self.ballot == "at_least":
            return yes * 1_000_000 >= round(self.fraction * 1_000_000) * members
        return yes * 1_000_000 > round(self.fraction * 1_000_000) * members


@dataclass(frozen=True)
class Rules:
    awards: dict[str, AwardRule]
    default: AwardRule
    quorum: float
    quorum_source: str

    def for_award(self, award: str | None) -> AwardRule:
        if award and award in self.awards:
            return self.awards[award]
        return AwardRule(award or "", self.default.min_rating, self.default.ballot, self.default.fraction,
                         self.default.source)


def _rule(name: str, data: dict, default: dict) -> AwardRule:
    merged = {**default, **data}
    rating = merged.get("min_rating")
    if rating is not None and rating not in RATINGS:
        raise ValueError(f"{name}: min_rating {rating!r} is not one of {sorted(RATINGS)}")
    if merged.get("ballot") not in BALLOTS:
        raise ValueError(f"{name}: ballot must be one of {sorted(BALLOTS)}")
    fraction = float(merged["fraction"])
    if not 0 < fraction <= 1:
        raise ValueError(f"{name}: fraction must be in (0, 1]")
    return AwardRule(name, rating, merged["ballot"], fraction, merged.get("source", ""))


@functools.lru_cache(maxsize=1)
def load() -> Rules:
    with open(resource("award_rules.toml"), "rb") as fh:
        data = tomllib.load(fh)
    default = data["default"]
    awards = {name: _rule(name, spec, default) for name, spec in data.get("award", {}).items()}
    meeting = data.get("meeting", {})
    return Rules(awards, _rule("default", {}, default), float(meeting.get("quorum", 2 / 3)),
                 meeting.get("quorum_source", ""))

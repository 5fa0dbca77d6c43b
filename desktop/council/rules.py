"""Award conditions as data (``resources/award_rules.toml``), read and checked for shape here.

Each award has, per kind of subject, a list of conditions (all must be met); a
condition is a rating over consecutive years, a title held before, initiatives
recognised, a share of a collective's members with a title, a number of members
with a title, every member's rating, a campaign's achievements, the council's
ballot, the council's own judgement, or a group ("one of", "all of") of
conditions. Every condition names its legal source and the dates it is in
force, so a nomination dated before a decree uses the older conditions. The
conditions are evaluated by :mod:`desktop.council.conditions`; nothing here reads the
records.
"""
from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from desktop.records.people import RATINGS
from desktop.resources import resource

BALLOTS = {"at_least": "từ {pct} trở lên", "more_than": "trên {pct}"}
KINDS = {
    "rating": "Xếp loại chất lượng",
    "title": "Danh hiệu đã đạt",
    "initiatives": "Sáng kiến, đề tài được công nhận",
    "members_share": "Tỷ lệ cá nhân đạt danh hiệu",
    "members_with": "Số cá nhân đạt danh hiệu",
    "members_rating": "Xếp loại của mọi cá nhân",
    "campaign": "Thành tích trong phong trào thi đua",
    "ballot": "Bỏ phiếu của Hội đồng",
    "judgement": "Hội đồng đánh giá",
    "all_of": "Tất cả các điều kiện",
    "one_of": "Một trong các điều kiện",
}
GROUPS = ("all_of", "one_of")
SCOPES = {"co_so": 0, "bo_tinh": 1, "toan_quoc": 2}
SUBJECTS = {"ca_nhan": ("person",), "tap_the": ("collective",), "ca_hai": ("person", "collective")}
REVIEW = {"don_vi": "đơn vị quyết định", "cap_tren": "đơn vị đề nghị cấp trên quyết định"}


class RulesError(ValueError):
    """The rules file is not well formed (said in English: it is the developer's file)."""


@dataclass(frozen=True)
class AwardRule:
    """The council's ballot threshold for an award (and, for the old callers, its minimum rating)."""
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
class Condition:
    kind: str
    id: str                       # the check's code
    text: str                     # what the law says, in Vietnamese
    source: str
    effective_from: dt.date | None
    effective_to: dt.date | None
    basis: str = ""
    note: str = ""
    min: str | None = None        # rating, members_rating
    years: int = 1                # rating: consecutive years ending in the year under review
    title: str | None = None      # title, members_share, members_with
    times: int = 1                # title
    consecutive: bool = False     # title
    from_year: int = 0            # title, initiatives: offsets from the year under review
    to_year: int = 0
    count: int = 1                # initiatives, members_with, campaign
    scope: str = "co_so"          # initiatives: the lowest scope counted
    share: float = 0.0            # members_share
    rule: str = "at_least"        # ballot
    fraction: float = 0.0         # ballot
    of: tuple["Condition", ...] = ()

    def in_force(self, on: dt.date) -> bool:
        return (self.effective_from is None or self.effective_from <= on) and \
            (self.effective_to is None or on <= self.effective_to)

    def period(self) -> str:
        """"từ 01/07/2025" / "01/01/2024 – 30/06/2025"."""
        if self.effective_from and self.effective_to:
            return f"{self.effective_from:%d/%m/%Y} – {self.effective_to:%d/%m/%Y}"
        if self.effective_from:
            return f"từ {self.effective_from:%d/%m/%Y}"
        if self.effective_to:
            return f"đến {self.effective_to:%d/%m/%Y}"
        return ""

    def ballot_rule(self, award: str = "") -> AwardRule:
        return AwardRule(award, None, self.rule, self.fraction, self.source)

    def as_dict(self) -> dict:
        out = {"kind": self.kind, "id": self.id, "text": self.text, "source": self.source,
               "basis": self.basis or None, "effective_from": self.effective_from,
               "effective_to": self.effective_to, "note": self.note or None}
        extra = {
            "rating": ("min", "years"), "title": ("title", "times", "consecutive", "from_year", "to_year"),
            "initiatives": ("count", "scope", "from_year", "to_year"), "members_share": ("title", "share"),
            "members_with": ("title", "count"), "members_rating": ("min",), "campaign": ("count",),
            "ballot": ("rule", "fraction"),
        }.get(self.kind, ())
        out.update({k: getattr(self, k) for k in extra})
        if self.of:
            out["of"] = [c.as_dict() for c in self.of]
        return out


@dataclass(frozen=True)
class AwardConditions:
    """The conditions of one award for one kind of subject (or both)."""
    award: str
    subject: str                  # ca_nhan, tap_the, ca_hai
    conditions: tuple[Condition, ...]
    source: str = ""
    note: str = ""
    review: str | None = None     # "don_vi" / "cap_tren" when the year-end review considers the title

    def fits(self, subject_kind: str) -> bool:
        return subject_kind in SUBJECTS[self.subject]

    def in_force(self, on: dt.date) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if c.in_force(on))

    def ballot(self, on: dt.date) -> Condition | None:
        return next((c for c in self.in_force(on) if c.kind == "ballot"), None)

    def as_dict(self) -> dict:
        return {"award": self.award, "subject": self.subject, "source": self.source, "note": self.note or None,
                "review": self.review, "conditions": [c.as_dict() for c in self.conditions]}


@dataclass(frozen=True)
class Rules:
    default: AwardRule
    quorum: float
    quorum_source: str
    conditions: tuple[AwardConditions, ...] = ()
    bases: dict[str, tuple[dt.date | None, dt.date | None, str]] = field(default_factory=dict)
    default_note: str = ""

    @property
    def awards(self) -> dict[str, AwardRule]:
        """Every award with conditions, with its ballot rule in force today."""
        return {name: self.for_award(name) for name in self.names()}

    def for_award(self, award: str | None, on: dt.date | None = None) -> AwardRule:
        """The ballot threshold of ``award`` in force on ``on`` (default today), else the council's default."""
        from desktop import clock

        on = on or clock.today()
        for entry in self.conditions:
            if entry.award == award:
                b = entry.ballot(on)
                if b is not None:
                    return AwardRule(award, _min_rating(entry, on), b.rule, b.fraction, b.source)
        rating = next((_min_rating(e, on) for e in self.conditions if e.award == award and _min_rating(e, on)), None)
        return AwardRule(award or "", rating, self.default.ballot, self.default.fraction, self.default.source)

    def of_award(self, award: str | None, subject_kind: str | None = None) -> list[AwardConditions]:
        """The award's condition sets (for ``subject_kind``, "person" or "collective", when given)."""
        return [e for e in self.conditions if e.award == award and (subject_kind is None or e.fits(subject_kind))]

    def names(self) -> list[str]:
        return list(dict.fromkeys(e.award for e in self.conditions))


def _min_rating(entry: AwardConditions, on: dt.date) -> str | None:
    return next((c.min for c in entry.in_force(on) if c.kind == "rating" and c.years == 1), None)


# -- reading --------------------------------------------------------------------------------------------

def _date(value, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise RulesError(f"{where}: a date must be written as YYYY-MM-DD, not {value!r}")
    return value


_FIELDS = {
    "rating": {"min", "years"}, "title": {"title", "times", "consecutive", "from_year", "to_year"},
    "initiatives": {"count", "scope", "from_year", "to_year"}, "members_share": {"title", "share"},
    "members_with": {"title", "count"}, "members_rating": {"min"}, "campaign": {"count"},
    "ballot": {"rule", "fraction"}, "judgement": set(), "all_of": {"of"}, "one_of": {"of"},
}
_COMMON = {"kind", "id", "text", "source", "basis", "effective_from", "effective_to", "note"}


def _condition(data: dict, where: str, bases: dict, inherited: dict) -> Condition:
    kind = data.get("kind")
    if kind not in KINDS:
        raise RulesError(f"{where}: kind must be one of {sorted(KINDS)}, not {kind!r}")
    unknown = set(data) - _COMMON - _FIELDS[kind]
    if unknown:
        raise RulesError(f"{where}: {kind} does not take {sorted(unknown)}")
    basis = data.get("basis", inherited.get("basis", ""))
    if basis and basis not in bases:
        raise RulesError(f"{where}: basis {basis!r} is not one of the [basis] tables")
    b_from, b_to, _title = bases.get(basis, (None, None, ""))
    start = _date(data.get("effective_from"), where) or (b_from if "basis" in data else inherited.get("from", b_from))
    end = _date(data.get("effective_to"), where) or (b_to if "basis" in data else inherited.get("to", b_to))
    if start and end and end < start:
        raise RulesError(f"{where}: effective_to is before effective_from")
    source = data.get("source") or inherited.get("source", "")
    if not source:
        raise RulesError(f"{where}: every condition names its source")
    text = data.get("text", "")
    if not text:
        raise RulesError(f"{where}: every condition says what it is (text)")
    kw: dict = {}
    if kind in ("rating", "members_rating"):
        if data.get("min") not in RATINGS:
            raise RulesError(f"{where}: min must be one of {sorted(RATINGS)}")
        kw["min"] = data["min"]
        if kind == "rating":
            kw["years"] = int(data.get("years", 1))
            if kw["years"] < 1:
                raise RulesError(f"{where}: years must be 1 or more")
    if kind in ("title", "members_share", "members_with"):
        if not data.get("title"):
            raise RulesError(f"{where}: {kind} names a title")
        kw["title"] = data["title"]
    if kind == "title":
        kw["times"] = int(data.get("times", 1))
        kw["consecutive"] = bool(data.get("consecutive", False))
    if kind in ("title", "initiatives"):
        kw["from_year"] = int(data.get("from_year", 0))
        kw["to_year"] = int(data.get("to_year", 0))
        if kw["from_year"] > kw["to_year"] or kw["to_year"] > 0:
            raise RulesError(f"{where}: from_year <= to_year <= 0 (years before the one under review)")
        if kind == "title" and kw["times"] > kw["to_year"] - kw["from_year"] + 1:
            raise RulesError(f"{where}: {kw['times']} times do not fit in the years given")
    if kind in ("initiatives", "members_with", "campaign"):
        kw["count"] = int(data.get("count", 1))
        if kw["count"] < 1:
            raise RulesError(f"{where}: count must be 1 or more")
    if kind == "initiatives":
        if data.get("scope", "co_so") not in SCOPES:
            raise RulesError(f"{where}: scope must be one of {sorted(SCOPES)}")
        kw["scope"] = data.get("scope", "co_so")
    if kind == "members_share":
        kw["share"] = float(data.get("share", 0))
        if not 0 < kw["share"] <= 1:
            raise RulesError(f"{where}: share must be in (0, 1]")
    if kind == "ballot":
        if data.get("rule") not in BALLOTS:
            raise RulesError(f"{where}: rule must be one of {sorted(BALLOTS)}")
        kw["rule"] = data["rule"]
        kw["fraction"] = float(data.get("fraction", 0))
        if not 0 < kw["fraction"] <= 1:
            raise RulesError(f"{where}: fraction must be in (0, 1]")
    if kind in GROUPS:
        parts = data.get("of") or []
        if len(parts) < 2:
            raise RulesError(f"{where}: a group has at least two conditions")
        inner = {"basis": basis, "from": start, "to": end, "source": source}
        kw["of"] = tuple(_condition(p, f"{where} / {i + 1}", bases, inner) for i, p in enumerate(parts))
    return Condition(kind, data.get("id") or kind, text, source, start, end, basis, data.get("note", ""), **kw)


def parse(data: dict) -> Rules:
    """The rules of a parsed TOML document (``load`` reads the app's file)."""
    bases = {}
    for name, b in data.get("basis", {}).items():
        start, end = _date(b.get("effective_from"), name), _date(b.get("effective_to"), name)
        if start is None:
            raise RulesError(f"basis {name}: effective_from is required")
        bases[name] = (start, end, b.get("title", name))
    entries = []
    seen = set()
    for i, a in enumerate(data.get("award", [])):
        name = a.get("name")
        where = f"award {name or i + 1}"
        if not name:
            raise RulesError(f"{where}: name is required")
        subject = a.get("subject")
        if subject not in SUBJECTS:
            raise RulesError(f"{where}: subject must be one of {sorted(SUBJECTS)}")
        for kind in SUBJECTS[subject]:
            if (name, kind) in seen:
                raise RulesError(f"{where}: {kind} already has conditions")
            seen.add((name, kind))
        if a.get("review") is not None and a["review"] not in REVIEW:
            raise RulesError(f"{where}: review must be one of {sorted(REVIEW)}")
        if a.get("basis") and a["basis"] not in bases:
            raise RulesError(f"{where}: basis {a['basis']!r} is not one of the [basis] tables")
        inherited = {"basis": a.get("basis", ""), "source": a.get("source", "")}
        conds = tuple(_condition(c, f"{where} / {j + 1}", bases, inherited)
                      for j, c in enumerate(a.get("condition", [])))
        if not conds:
            raise RulesError(f"{where}: no conditions")
        entries.append(AwardConditions(name, subject, conds, a.get("source", ""), a.get("note", ""), a.get("review")))
    default = data.get("default", {})
    if default.get("ballot") not in BALLOTS:
        raise RulesError(f"default: ballot must be one of {sorted(BALLOTS)}")
    fraction = float(default.get("fraction", 0))
    if not 0 < fraction <= 1:
        raise RulesError("default: fraction must be in (0, 1]")
    default_rule = AwardRule("", default.get("min_rating"), default["ballot"], fraction, default.get("source", ""))
    meeting = data.get("meeting", {})
    rules = Rules(default_rule, float(meeting.get("quorum", 2 / 3)), meeting.get("quorum_source", ""),
                  tuple(entries), bases, default.get("note", ""))
    return rules


@functools.lru_cache(maxsize=4)
def load(path: Path | None = None) -> Rules:
    """The app's rules (``resources/award_rules.toml``), or those of another file (tests)."""
    with open(path or resource("award_rules.toml"), "rb") as fh:
        return parse(tomllib.load(fh))

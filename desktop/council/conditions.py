"""Evaluating an award's conditions (:mod:`desktop.council.rules`) against the records.

One evaluator for every kind of condition, used by the nominations' checks and
by the year-end review. Each condition comes back as a :class:`Check`: met, not
met or unknown, with the facts it used, its legal source and (for groups) the
results of the conditions inside it. An unknown result stops a proposal only
when a record is missing that the clerk can enter (a rating, the council's
ballot in the review); what the council judges itself is shown, not decided.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.council import rules as rules_mod
from desktop.records.people import RATING_RANK, RATINGS

STATES = {"met": "đạt", "not_met": "chưa đạt", "unknown": "chưa xác định"}
SCOPE_TEXT = {"co_so": "cấp cơ sở", "bo_tinh": "cấp bộ, ngành, tỉnh", "toan_quoc": "toàn quốc"}
# Kinds that a same-year title's qualification does not wait for (the council's part).
_COUNCIL_KINDS = ("ballot", "judgement", "campaign")


@dataclass(frozen=True)
class Check:
    code: str          # award_subject, quota, deadline, achievements, rating, a condition's id…
    ok: bool           # False: it stops the proposal
    blocking: bool     # a failure that cannot be overridden
    message: str       # Vietnamese: what is wrong (or what was checked)
    source: str        # the rule's source
    state: str = ""    # met / not_met / unknown; "" for the process checks (derived from ok)
    facts: tuple[str, ...] = ()
    children: tuple["Check", ...] = ()
    note: str = ""     # what the rules data says is uncertain
    text: str = ""     # the condition as the rules say it
    period: str = ""   # when the condition is in force

    @property
    def result(self) -> str:
        return self.state or ("met" if self.ok else "not_met")

    @property
    def headline(self) -> str:
        """The message; for a group, what it asks and its result (its conditions follow it)."""
        return f"{self.text}: {STATES[self.result]}." if self.children and self.text else self.message

    def lines(self, depth: int = 0) -> list[str]:
        """The check and the conditions inside it, one line each, indented, with a mark."""
        mark = {"met": "✓", "not_met": "✗", "unknown": "?"}[self.result]
        out = ["  " * depth + f"{mark} {self.headline}"]
        for child in self.children:
            out += child.lines(depth + 1)
        return out

    def as_dict(self) -> dict:
        return {"code": self.code, "result": self.result, "ok": self.ok, "blocking": self.blocking,
                "text": self.text or None, "message": self.message, "facts": list(self.facts),
                "source": self.source, "period": self.period or None, "note": self.note or None,
                "children": [c.as_dict() for c in self.children]}


@dataclass
class _Result:
    state: str
    message: str
    facts: tuple[str, ...] = ()
    children: tuple[Check, ...] = ()
    blocks: bool | None = None    # None: blocks when not met
    code: str | None = None


# -- the records the conditions are checked against -----------------------------------------------------

def collective_members(store) -> dict[int, list[int]]:
    """Each collective's members: its people and those of the collectives under it."""
    children: dict[int | None, list[int]] = {}
    for c in store.query("SELECT id, parent_id FROM collective"):
        children.setdefault(c["parent_id"], []).append(c["id"])
    direct: dict[int, list[int]] = {}
    for p in store.query("SELECT id, collective_id FROM person WHERE collective_id IS NOT NULL"):
        direct.setdefault(p["collective_id"], []).append(p["id"])

    def collect(cid: int, seen: set[int]) -> list[int]:
        if cid in seen:
            return []
        seen.add(cid)
        out = list(direct.get(cid, []))
        for child in children.get(cid, []):
            out += collect(child, seen)
        return out

    return {c: collect(c, set()) for c in {c["id"] for c in store.query("SELECT id FROM collective")}}


class Facts:
    """The records, read once, that one evaluation (a nomination, a review) looks at.

    ``same_year`` (the review): title → the people who hold it in the year under
    review (chosen, or qualifying, plus those who received it already); it replaces
    the records for those titles in that year. Without it a person holds a title in
    the year under review when it was received, or when its own conditions are met
    (the council's part aside). ``ballots`` (the review): (kind, subject, title) →
    (yes, members); without it a nomination's ballot is read from its held meeting.
    """

    def __init__(self, store, rules: rules_mod.Rules | None = None, *, same_year: dict[str, set[int]] | None = None,
                 ballots: dict | None = None, on: dt.date | None = None):
        self.store = store
        self.rules = rules or rules_mod.load()
        self.same_year = same_year
        self.ballots = ballots
        self.on = on
        self._ratings: dict | None = None
        self._awards: dict | None = None
        self._initiatives: dict | None = None
        self._members: dict | None = None
        self._qualifies: dict = {}

    def rating(self, kind: str, sid: int, year: int) -> str | None:
        if self._ratings is None:
            self._ratings = {("person", r["person_id"], r["year"]): r["rating"]
                             for r in self.store.query("SELECT person_id, year, rating FROM rating")}
            self._ratings.update({("collective", r["collective_id"], r["year"]): r["rating"] for r in self.store.query(
                "SELECT collective_id, year, rating FROM collective_rating")})
        return self._ratings.get((kind, sid, year))

    def received(self, kind: str, sid: int, title: str, year: int) -> str | None:
        """The decision by which the subject received ``title`` in ``year``, or None."""
        if self._awards is None:
            self._awards = {}
            for r in self.store.query("SELECT person_id, collective_id, award, year, decision_number FROM prior_award"):
                key = ("person", r["person_id"]) if r["person_id"] is not None else ("collective", r["collective_id"])
                self._awards.setdefault((*key, r["award"], r["year"]), r["decision_number"] or "đã nhận")
        return self._awards.get((kind, sid, title, year))

    def initiatives(self, person_id: int) -> list[dict]:
        if self._initiatives is None:
            self._initiatives = {}
            for r in self.store.query("SELECT a.person_id, i.name, i.year, i.scope, i.decision_number FROM initiative i "
                                      "JOIN initiative_author a ON a.initiative_id = i.id ORDER BY i.year, i.id"):
                self._initiatives.setdefault(r["person_id"], []).append(dict(r))
        return self._initiatives.get(person_id, [])

    def members(self, collective_id: int) -> list[int]:
        if self._members is None:
            self._members = collective_members(self.store)
        return self._members.get(collective_id, [])

    def holds(self, kind: str, sid: int, title: str, year: int, current: int) -> str | None:
        """How the subject holds ``title`` in ``year`` (a decision, "được chọn", "đủ điều kiện"), or None."""
        if year == current and self.same_year is not None and title in self.same_year and kind == "person":
            return "trong bình xét năm này" if sid in self.same_year[title] else None
        got = self.received(kind, sid, title, year)
        if got:
            return got
        if year == current and self.same_year is None and self._qualify(kind, sid, title, year):
            return "đủ điều kiện"
        return None

    def _qualify(self, kind: str, sid: int, title: str, year: int) -> bool:
        key = (kind, sid, title, year)
        if key in self._qualifies:
            return bool(self._qualifies[key])
        self._qualifies[key] = False      # a title that needs itself does not qualify
        entries = self.rules.of_award(title, kind)
        ok = False
        if entries:
            ctx = Context(self, kind, sid, year, self.on or dt.date(year, 12, 31), award=title)
            conds = [c for c in applicable(entries[0], ctx.on)[0] if c.kind not in _COUNCIL_KINDS]
            ok = bool(conds) and all(_evaluate(c, ctx).state == "met" for c in conds)
        self._qualifies[key] = ok
        return ok

    def ballot(self, kind: str, sid: int, award: str, nomination_id: int | None):
        """(yes, members, rule) of the council's ballot, or None."""
        if self.ballots is not None:
            got = self.ballots.get((kind, sid, award))
            return (*got, None) if got else None
        if nomination_id is None:
            return None
        row = self.store.one(
            "SELECT b.yes, b.rule, b.fraction, b.rule_source, m.id AS meeting_id FROM ballot b "
            "JOIN meeting m ON m.id = b.meeting_id WHERE b.nomination_id = ? AND m.held = 1 "
            "ORDER BY m.starts_at DESC, m.id DESC LIMIT 1", (nomination_id,))
        if row is None:
            return None
        members = self.store.scalar("SELECT count(*) FROM meeting_member WHERE meeting_id = ? AND role <> 'khach'",
                                    (row["meeting_id"],))
        return row["yes"], members, rules_mod.AwardRule(award, None, row["rule"], row["fraction"], row["rule_source"])


@dataclass
class Context:
    facts: Facts
    kind: str                  # "person" or "collective"
    sid: int
    year: int                  # the year under review
    on: dt.date                # the date whose rules apply
    award: str = ""
    nomination: object | None = None     # a nominations.Nomination, when checking one
    campaign_title: str = ""
    ballot_required: bool = False        # a missing ballot stops (the review) or waits for the meeting
    extra: dict = field(default_factory=dict)

    @property
    def whose(self) -> str:
        return "cá nhân" if self.kind == "person" else "tập thể"


def applicable(entry: rules_mod.AwardConditions, on: dt.date) -> tuple[tuple[rules_mod.Condition, ...], str]:
    """The conditions in force on ``on``; before the earliest rules the data holds, those earliest ones."""
    conds = entry.in_force(on)
    if conds:
        return conds, ""
    starts = sorted(c.effective_from for c in entry.conditions if c.effective_from and c.effective_from > on)
    if not starts:
        return (), ""
    first = starts[0]
    return entry.in_force(first), (f"Ngày {on:%d/%m/%Y} trước khi các quy định trong dữ liệu có hiệu lực; "
                                   f"áp dụng quy định sớm nhất (từ {first:%d/%m/%Y}).")


def evaluate(entry: rules_mod.AwardConditions, ctx: Context) -> list[Check]:
    """Every condition of ``entry`` in force on ``ctx.on``, evaluated for the subject of ``ctx``."""
    conds, note = applicable(entry, ctx.on)
    if note:
        ctx.on = next(c.effective_from for c in conds if c.effective_from) if conds else ctx.on
    out = [_to_check(c, _evaluate(c, ctx)) for c in conds]
    if note and out:
        out[0] = _with_note(out[0], note)
    return out


def _with_note(c: Check, note: str) -> Check:
    from dataclasses import replace

    return replace(c, note=(c.note + " " if c.note else "") + note)


def _to_check(c: rules_mod.Condition, r: _Result) -> Check:
    blocks = r.state == "not_met" if r.blocks is None else r.blocks
    return Check(r.code or c.id, not blocks, True, r.message, c.source, r.state, tuple(r.facts), tuple(r.children),
                 c.note, c.text, c.period())


def _pct(x: float) -> str:
    from desktop.numbers import percent

    return percent(x * 100)


def _span(a: int, b: int) -> str:
    return f"năm {a}" if a == b else f"các năm {a}–{b}"


def _evaluate(c: rules_mod.Condition, ctx: Context) -> _Result:
    return _KINDS[c.kind](c, ctx)


def _rating(c, ctx: Context) -> _Result:
    need = RATINGS[c.min].lower()
    years = list(range(ctx.year - c.years + 1, ctx.year + 1))
    have = {y: ctx.facts.rating(ctx.kind, ctx.sid, y) for y in years}
    facts = tuple(f"Năm {y}: " + (RATINGS[have[y]].lower() if have[y] else "chưa có xếp loại") for y in years)
    below = [y for y in years if have[y] and RATING_RANK[have[y]] < RATING_RANK[c.min]]
    missing = [y for y in years if have[y] is None]
    if c.years == 1:
        y, got = ctx.year, have[ctx.year]
        if got is None:
            return _Result("unknown", f"Chưa có xếp loại năm {y} của {ctx.whose}; cần từ “{need}” trở lên.", facts,
                           blocks=True)
        if below:
            return _Result("not_met", f"Xếp loại năm {y} là “{RATINGS[got].lower()}”, chưa đạt “{need}”.", facts)
        return _Result("met", f"Xếp loại năm {y}: {RATINGS[got].lower()}.", facts)
    span = f"{years[0]}–{years[-1]}"
    if below:
        return _Result("not_met", f"Chưa đạt “{need}” {c.years} năm liên tục ({span}): " + ", ".join(
            f"năm {y} là “{RATINGS[have[y]].lower()}”" for y in below) + ".", facts)
    if missing:
        return _Result("unknown", f"Chưa có xếp loại năm {', '.join(map(str, missing))} của {ctx.whose}; "
                                  f"cần “{need}” {c.years} năm liên tục ({span}).", facts, blocks=True)
    return _Result("met", f"Đạt “{need}” {c.years} năm liên tục ({span}).", facts)


def _longest_run(years: list[int]) -> list[int]:
    best: list[int] = []
    run: list[int] = []
    for y in sorted(years):
        run = run + [y] if run and y == run[-1] + 1 else [y]
        if len(run) > len(best):
            best = list(run)
    return best


def _title(c, ctx: Context) -> _Result:
    first, last = ctx.year + c.from_year, ctx.year + c.to_year
    how = {y: ctx.facts.holds(ctx.kind, ctx.sid, c.title, y, ctx.year) for y in range(first, last + 1)}
    held = [y for y, h in how.items() if h]
    facts = tuple(f"Năm {y}: {c.title} ({how[y]})" for y in held) or (f"Chưa ghi nhận {c.title} {_span(first, last)}",)
    if c.times == 1 and first == last:
        if held:
            qualifying = how[first] == "đủ điều kiện"
            return _Result("met", f"{'Đủ điều kiện' if qualifying else 'Đạt'} {c.title} năm {first}.", facts)
        return _Result("not_met", f"Chưa đạt {c.title} năm {first}.", facts)
    counted = _longest_run(held) if c.consecutive else held
    together = " liên tục" if c.consecutive else ""
    if len(counted) >= c.times:
        return _Result("met", f"Đạt {c.title} {c.times} lần{together} (năm {', '.join(map(str, counted))}).", facts)
    got = f" (đã đạt: năm {', '.join(map(str, held))})" if held else ""
    return _Result("not_met", f"Chưa đạt {c.title} {c.times} lần{together} trong {_span(first, last)}{got}.", facts)


def _initiatives(c, ctx: Context) -> _Result:
    first, last = ctx.year + c.from_year, ctx.year + c.to_year
    scope = SCOPE_TEXT[c.scope] + (" trở lên" if c.scope != "toan_quoc" else "")
    if ctx.kind != "person":
        return _Result("unknown", "Điều kiện sáng kiến, đề tài chỉ xét cho cá nhân (tác giả).", blocks=False)
    rank = rules_mod.SCOPES
    mine = ctx.facts.initiatives(ctx.sid)
    inside = [i for i in mine if first <= i["year"] <= last and rank[i["scope"]] >= rank[c.scope]]
    outside = [i for i in mine if not first <= i["year"] <= last]
    narrow = [i for i in mine if first <= i["year"] <= last and rank[i["scope"]] < rank[c.scope]]

    def name(i):
        return f"“{i['name']}” ({i['year']}" + (f", {i['decision_number']}" if i["decision_number"] else "") + ")"

    facts = tuple(f"Sáng kiến {name(i)}, {SCOPE_TEXT[i['scope']]}" for i in mine)
    if len(inside) >= c.count:
        many = f"{len(inside)} " if len(inside) > 1 else ""
        return _Result("met", f"Có {many}sáng kiến " + ", ".join(name(i) for i in inside)
                       + f" được công nhận {_span(first, last)} ({scope}).", facts)
    parts = [f"Có {len(inside)}/{c.count} sáng kiến, đề tài được công nhận {_span(first, last)} ({scope})"]
    if outside:
        parts.append("ngoài thời gian xét: " + ", ".join(name(i) for i in outside))
    if narrow:
        parts.append("chưa đủ phạm vi: " + ", ".join(f"{name(i)} {SCOPE_TEXT[i['scope']]}" for i in narrow))
    return _Result("not_met", "; ".join(parts) + ".", facts)


def _members_of(ctx: Context) -> list[int] | _Result:
    if ctx.kind != "collective":
        return _Result("unknown", "Điều kiện về cá nhân trong tập thể chỉ xét cho tập thể.", blocks=False)
    mem = ctx.facts.members(ctx.sid)
    if not mem:
        return _Result("not_met", "Tập thể chưa có cá nhân nào.", code="members")
    return mem


def _members_share(c, ctx: Context) -> _Result:
    mem = _members_of(ctx)
    if isinstance(mem, _Result):
        return mem
    n = sum(1 for m in mem if ctx.facts.holds("person", m, c.title, ctx.year, ctx.year))
    ok = n >= c.share * len(mem) - 1e-9
    return _Result("met" if ok else "not_met",
                   f"{n}/{len(mem)} cá nhân ({_pct(n / len(mem))}) đạt {c.title}; cần từ {_pct(c.share)}.",
                   (f"{len(mem)} cá nhân trong tập thể (kể cả các phòng, tổ trực thuộc)",
                    f"{n} cá nhân đạt {c.title} năm {ctx.year}"))


def _members_with(c, ctx: Context) -> _Result:
    mem = _members_of(ctx)
    if isinstance(mem, _Result):
        return mem
    n = sum(1 for m in mem if ctx.facts.holds("person", m, c.title, ctx.year, ctx.year))
    facts = (f"{n}/{len(mem)} cá nhân đạt {c.title} năm {ctx.year}",)
    if n >= c.count:
        return _Result("met", f"{n} cá nhân đạt {c.title}.", facts)
    if n == 0:
        return _Result("not_met", f"Chưa có cá nhân nào đạt {c.title}.", facts)
    return _Result("not_met", f"Chỉ {n} cá nhân đạt {c.title}; cần ít nhất {c.count}.", facts)


def _members_rating(c, ctx: Context) -> _Result:
    mem = _members_of(ctx)
    if isinstance(mem, _Result):
        return mem
    need = RATINGS[c.min].lower()
    below = [m for m in mem if RATING_RANK.get(ctx.facts.rating("person", m, ctx.year) or "", -1)
             < RATING_RANK[c.min]]
    facts = (f"{len(mem) - len(below)}/{len(mem)} cá nhân từ “{need}” trở lên năm {ctx.year}",)
    if not below:
        return _Result("met", f"Mọi cá nhân từ “{need}” trở lên.", facts)
    return _Result("not_met", f"{len(below)} cá nhân chưa được xếp loại hoặc dưới “{need}”.", facts)


def _campaign(c, ctx: Context) -> _Result:
    n = ctx.nomination
    if n is None or getattr(n, "campaign_id", None) is None:
        return _Result("unknown", "Chỉ xét được khi đề nghị thuộc một phong trào thi đua; Hội đồng xem xét.",
                       blocks=False)
    count = len(n.achievement_ids)
    where = f"phong trào “{ctx.campaign_title}”" if ctx.campaign_title else "phong trào"
    facts = (f"{count} thành tích trong sổ làm căn cứ đề nghị",)
    if count >= c.count:
        return _Result("met", f"Có {count} thành tích trong {where} làm căn cứ.", facts)
    return _Result("not_met", f"Chưa chọn đủ thành tích trong {where} làm căn cứ (cần {c.count}).", facts)


def _ballot(c, ctx: Context) -> _Result:
    rule = c.ballot_rule(ctx.award)
    got = ctx.facts.ballot(ctx.kind, ctx.sid, ctx.award, getattr(ctx.nomination, "id", None))
    if got is None:
        if ctx.ballot_required:
            return _Result("unknown", f"Chưa có kết quả bỏ phiếu kín của Hội đồng; {ctx.award} cần phiếu đồng ý "
                                      f"{rule.threshold_text()}.", blocks=True)
        return _Result("unknown", f"Hội đồng bỏ phiếu kín khi họp xét; cần phiếu đồng ý {rule.threshold_text()}.",
                       blocks=False)
    yes, members, used = got
    used = used or rule
    ok = used.passes(yes, members)
    return _Result("met" if ok else "not_met",
                   f"Phiếu đồng ý {yes}/{members} thành viên Hội đồng ({_pct(yes / members)}), "
                   + ("đạt" if ok else "chưa đạt") + f" tỷ lệ {used.threshold_short()}.",
                   (f"{yes} phiếu đồng ý", f"{members} thành viên Hội đồng"))


def _judgement(c, ctx: Context) -> _Result:
    return _Result("unknown", f"Hội đồng xem xét: {c.text}.", blocks=False)


def _group(c, ctx: Context) -> _Result:
    results = [(part, _evaluate(part, ctx)) for part in c.of if part.in_force(ctx.on)]
    checks = [_to_check(part, r) for part, r in results]
    states = [ch.result for ch in checks]
    if c.kind == "one_of":
        state = "met" if "met" in states else "unknown" if "unknown" in states else "not_met"
        blocks = all(not ch.ok for ch in checks)
        shown = [ch for ch in checks if ch.result == "met"] if state == "met" else checks
    else:
        state = "not_met" if "not_met" in states else "unknown" if "unknown" in states else "met"
        blocks = any(not ch.ok for ch in checks)
        shown = checks if state == "met" else [ch for ch in checks if ch.result != "met"]
    head = f"{c.text}: {STATES[state]}"
    return _Result(state, head + " — " + " ".join(ch.message for ch in shown), (), tuple(checks),
                   blocks=False if state == "met" else blocks)


_KINDS = {"rating": _rating, "title": _title, "initiatives": _initiatives, "members_share": _members_share,
          "members_with": _members_with, "members_rating": _members_rating, "campaign": _campaign,
          "ballot": _ballot, "judgement": _judgement, "all_of": _group, "one_of": _group}
assert set(_KINDS) == set(rules_mod.KINDS)


def missing_rules(award: str, kind: str) -> Check:
    """The check said when the rules data has no conditions for an award and subject."""
    who = "cá nhân" if kind == "person" else "tập thể"
    return Check("conditions", True, False, f"Dữ liệu quy định chưa có điều kiện của {award} cho {who}; "
                                            "Hội đồng xét theo văn bản hiện hành.",
                 "resources/award_rules.toml (legal.md C.4 không ghi điều kiện)", "unknown")

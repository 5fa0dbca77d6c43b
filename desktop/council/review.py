"""The unit's year-end review (bình xét cuối năm) and the initiatives (sáng kiến) it counts.

Each year the unit reviews its people for Lao động tiên tiến and Chiến sĩ thi
đua cơ sở, its collectives for Tập thể lao động tiên tiến, and proposes Tập thể
lao động xuất sắc to the province. Candidates come from the year's quality
ratings; every title's conditions are data (``resources/award_rules.toml``,
evaluated by :mod:`desktop.council.conditions`)
and are checked with their sources. A collective's conditions count its
members' titles in the same review: those chosen, or, before anything is
chosen, those who qualify. The head's decision turns the chosen titles the unit
awards itself into awards received (``prior_award``), tied to the review.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.council import conditions
from desktop.council import rules as rules_mod
from desktop import clock
from desktop.council import prizes
from desktop.dates import DateError, from_iso, parse_date
from desktop.errors import NotFound, UserError, ValidationError
from desktop.council.nominations import Check
from desktop.records.people import RATINGS
from desktop.store.sql import where
from desktop.text import clean, name_sort_key, word_sort_key

SCOPES = {"co_so": "Cấp cơ sở", "bo_tinh": "Cấp bộ, ngành, tỉnh", "toan_quoc": "Toàn quốc"}
STATUSES = {"dang_xet": "Đang bình xét", "da_quyet_dinh": "Đã có quyết định"}
KINDS = {"ca_nhan": "person", "tap_the": "collective"}


# -- rules ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TitleRule:
    """A title of the review: its conditions are those of the rules data (:mod:`desktop.council.rules`)."""
    name: str
    subject: str                 # "person" or "collective"
    decided_by: str              # "don_vi" or "cap_tren"
    ballot: bool                 # the council votes on it by secret ballot
    source: str
    conditions: rules_mod.AwardConditions

    @property
    def unit_decides(self) -> bool:
        return self.decided_by == "don_vi"


def rules() -> dict[str, TitleRule]:
    """The review's titles (those the rules data marks ``review``), in the order the review considers them."""
    out = {}
    for entry in rules_mod.load().conditions:
        if entry.review is None:
            continue
        subject = KINDS[entry.subject]
        out[entry.award] = TitleRule(
            entry.award, subject, entry.review, any(c.kind == "ballot" for c in entry.conditions), entry.source, entry)
    return out


def rules_date(store, year: int) -> dt.date:
    """The date whose rules the review of ``year`` is checked by: its decision's, else the year's last day."""
    r = get(store, year)
    return r.decision_date if r is not None and r.decision_date else dt.date(year, 12, 31)


# -- collectives' ratings -------------------------------------------------------------------------------

def set_collective_rating(store, collective_id: int, year: int, rating: str | None) -> None:
    if rating is not None and rating not in RATINGS:
        raise ValidationError({"rating": "Xếp loại không hợp lệ."})
    with store.transaction() as conn:
        if rating is None:
            conn.execute("DELETE FROM collective_rating WHERE collective_id = ? AND year = ?", (collective_id, year))
        else:
            conn.execute("INSERT INTO collective_rating(collective_id, year, rating) VALUES (?, ?, ?) "
                         "ON CONFLICT(collective_id, year) DO UPDATE SET rating = excluded.rating",
                         (collective_id, year, rating))


def set_collective_ratings(store, collective_id: int, by_year: dict[int, str]) -> None:
    """Make a collective's ratings exactly ``by_year`` (what the dialog saves), in one transaction."""
    with store.transaction():
        for year in set(collective_ratings(store, collective_id)) - set(by_year):
            set_collective_rating(store, collective_id, year, None)
        for year, rating in by_year.items():
            set_collective_rating(store, collective_id, int(year), rating)


def collective_ratings(store, collective_id: int) -> dict[int, str]:
    return {r["year"]: r["rating"] for r in store.query(
        "SELECT year, rating FROM collective_rating WHERE collective_id = ? ORDER BY year", (collective_id,))}


# -- initiatives ----------------------------------------------------------------------------------------

@dataclass
class Initiative:
    name: str
    year: int
    author_ids: list[int] = field(default_factory=list)
    scope: str = "co_so"
    recognised_by: str = ""
    decision_number: str = ""
    decision_date: dt.date | None = None
    field: str = ""
    effect: str = ""
    id: int | None = None


def save_initiative(store, i: Initiative) -> int:
    errors = {}
    i.name = clean(i.name)
    if not i.name:
        errors["name"] = "Hãy ghi tên sáng kiến."
    if not i.year or not 1950 <= int(i.year) <= clock.today().year + 1:
        errors["year"] = "Năm công nhận không hợp lệ."
    if i.scope not in SCOPES:
        errors["scope"] = "Phạm vi công nhận không hợp lệ."
    if isinstance(i.decision_date, str):
        try:
            i.decision_date = parse_date(i.decision_date) if i.decision_date.strip() else None
        except DateError as exc:
            errors["decision_date"] = str(exc)
    i.author_ids = list(dict.fromkeys(int(a) for a in i.author_ids))
    if not i.author_ids:
        errors["authors"] = "Sáng kiến phải có ít nhất một tác giả."
    ValidationError.raise_if_any(errors)
    values = (i.name, int(i.year), i.scope, clean(i.recognised_by), clean(i.decision_number),
              i.decision_date.isoformat() if i.decision_date else None, clean(i.field), clean(i.effect))
    with store.transaction() as conn:
        if i.id is None:
            i.id = conn.execute("INSERT INTO initiative(name, year, scope, recognised_by, decision_number, "
                                "decision_date, field, effect) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values).lastrowid
        else:
            conn.execute("UPDATE initiative SET name = ?, year = ?, scope = ?, recognised_by = ?, decision_number = ?, "
                         "decision_date = ?, field = ?, effect = ? WHERE id = ?", (*values, i.id))
            conn.execute("DELETE FROM initiative_author WHERE initiative_id = ?", (i.id,))
        for pid in i.author_ids:
            conn.execute("INSERT INTO initiative_author(initiative_id, person_id) VALUES (?, ?)", (i.id, pid))
    return i.id


def initiatives(store, *, year: int | None = None, person_id: int | None = None) -> list[Initiative]:
    clause, params = where(("i.year = ?", year),
                           ("i.id IN (SELECT initiative_id FROM initiative_author WHERE person_id = ?)", person_id))
    out = []
    for r in store.query(f"SELECT i.* FROM initiative i{clause} ORDER BY i.year, i.id", params):
        authors = [a["person_id"] for a in store.query(
            "SELECT person_id FROM initiative_author WHERE initiative_id = ? ORDER BY person_id", (r["id"],))]
        out.append(Initiative(r["name"], r["year"], authors, r["scope"], r["recognised_by"], r["decision_number"],
                              from_iso(r["decision_date"]), r["field"], r["effect"], r["id"]))
    return out


def delete_initiative(store, initiative_id: int) -> None:
    store.delete("initiative", initiative_id)


# -- the review -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Review:
    year: int
    status: str
    decision_number: str
    decision_date: dt.date | None
    issuer: str


@dataclass(frozen=True)
class Candidate:
    kind: str           # "person" or "collective"
    subject_id: int
    name: str
    where: str          # a person's collective
    title: str
    checks: tuple[Check, ...]

    @property
    def eligible(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.kind, self.subject_id, self.title)


def get(store, year: int) -> Review | None:
    r = store.one("SELECT * FROM yearly_review WHERE year = ?", (year,))
    return Review(r["year"], r["status"], r["decision_number"], from_iso(r["decision_date"]), r["issuer"]) if r else None


def list_reviews(store) -> list[Review]:
    return [get(store, r["year"]) for r in store.query("SELECT year FROM yearly_review ORDER BY year DESC")]


def open_review(store, year: int) -> Review:
    if not 1950 <= int(year) <= clock.today().year + 1:
        raise ValidationError({"year": f"Năm {year} không hợp lệ."})
    if get(store, year) is not None:
        raise UserError(f"Đã có đợt bình xét năm {year}.")
    with store.transaction() as conn:
        conn.execute("INSERT INTO yearly_review(year) VALUES (?)", (year,))
    return get(store, year)


def needs_ballot(title: str | None) -> bool:
    """Whether the council must vote on ``title`` by secret ballot (``ballot`` in the rules data)."""
    rule = rules().get(title or "")
    return bool(rule and rule.ballot)


@dataclass(frozen=True)
class Vote:
    """The council's secret ballot on one candidate's title: yes-votes over ALL council members."""
    yes: int
    members: int
    passed: bool
    threshold: str      # "từ 80% trở lên", as the rule that applied is worded
    source: str


@dataclass(frozen=True)
class Proposal:
    """A title put to the review's council (a nomination of the review): its subject, title and status."""
    id: int
    key: tuple[str, int, str]
    status: str


def _key(row) -> tuple[str, int, str]:
    return (("person", row["person_id"]) if row["person_id"] is not None else
            ("collective", row["collective_id"])) + (row["award"],)


def proposals(store, year: int) -> list[Proposal]:
    """The titles put to the year's council, in the order they were put."""
    return [Proposal(r["id"], _key(r), r["status"]) for r in store.query(
        "SELECT id, person_id, collective_id, award, status FROM nomination WHERE review_year = ? ORDER BY id",
        (year,))]


def _failed_checks(c: Candidate, skip: str | None = None) -> list[str]:
    """The candidate's conditions not met (but the one coded ``skip``), each as a line of a refusal."""
    return [f"{c.name} — {c.title}: {f.message} ({f.source})" for f in c.checks if not f.ok and f.code != skip]


def _chosen_candidates(store, year: int, keys: list[tuple[str, int, str]], refused: str,
                       problems_of: Callable[[Candidate], list[str]]) -> dict[tuple[str, int, str], Candidate]:
    """The candidates of the chosen ``keys`` (kind, subject, title), by key.

    Raises :class:`UserError` headed ``refused`` that lists, in the order of ``keys``, each key of nobody in
    the unit and the ``problems_of`` each candidate.
    """
    by_key = {c.key: c for c in candidates(store, year, set(keys))}
    problems = []
    for key in keys:
        c = by_key.get(key)
        problems += problems_of(c) if c is not None else [f"{key[2]}: không có đối tượng này trong đơn vị."]
    if problems:
        raise UserError(f"{refused}:\n" + "\n".join(f"- {p}" for p in problems))
    return by_key


def propose(store, year: int, chosen: list[tuple[str, int, str]]) -> list[int]:
    """Put the chosen titles to the council (the danh sách đề nghị), each "trình họp xét".

    The council meets through the same machinery as a campaign's (:mod:`desktop.council.meetings`,
    a meeting with ``review_year``): titles that need a secret ballot get a ballot, the
    others are agreed when the meeting closes. Proposing again replaces the list; a title
    the council already voted on stays. Each title must meet its conditions other than
    the ballot (counted with the others chosen). Returns the proposals' ids.
    """
    review = get(store, year)
    if review is None:
        raise NotFound(f"Chưa có đợt bình xét năm {year}.")
    if review.status == "da_quyet_dinh":
        raise UserError(f"Đợt bình xét năm {year} đã có quyết định; không trình thêm.")
    wanted = list(dict.fromkeys(tuple(k) for k in chosen))
    if not wanted:
        raise ValidationError({"chosen": "Chưa chọn danh hiệu nào để trình Hội đồng."})
    _chosen_candidates(store, year, wanted, "Chưa trình Hội đồng được",
                       lambda c: _failed_checks(c, skip="ballot"))
    existing = {p.key: p for p in proposals(store, year)}
    ids = []
    with store.transaction() as conn:
        for key, p in existing.items():
            if key not in wanted and p.status in ("du_kien", "trinh_hop_xet"):
                conn.execute("DELETE FROM nomination WHERE id = ?", (p.id,))
        for key in wanted:
            p = existing.get(key)
            kind, sid, title = key
            if p is None:
                ids.append(conn.execute(
                    "INSERT INTO nomination(review_year, award, person_id, collective_id, status) "
                    "VALUES (?, ?, ?, ?, 'trinh_hop_xet')",
                    (year, title, sid if kind == "person" else None, sid if kind == "collective" else None)).lastrowid)
            else:
                if p.status in ("du_kien", "khong_thong_qua"):  # put (again) to the council
                    conn.execute("UPDATE nomination SET status = 'trinh_hop_xet' WHERE id = ?", (p.id,))
                ids.append(p.id)
    return ids


def council_passed(store, year: int) -> list[tuple[str, int, str]]:
    """The titles the council passed (by ballot, or agreed without one), in the order they were put."""
    return [p.key for p in proposals(store, year) if p.status == "thong_qua"]


def ballots(store, year: int) -> dict[tuple[str, int, str], Vote]:
    """(kind, subject, title) → the council's vote, from the review's closed meetings (the latest wins).

    Files made before review meetings existed may hold a bare count (yes over members) per title;
    it is read with the award's threshold from the rules data.
    """
    from desktop.council import meetings
    from desktop.council import rules as award_rules

    out: dict[tuple[str, int, str], Vote] = {}
    for r in store.query("SELECT * FROM review_ballot WHERE review_year = ?", (year,)):
        rule = award_rules.load().for_award(r["title"])
        key = (("person", r["person_id"]) if r["person_id"] is not None else ("collective", r["collective_id"]))
        out[key + (r["title"],)] = Vote(r["yes"], r["members"], rule.passes(r["yes"], r["members"]),
                                        rule.threshold_short(), rule.source)
    for m in reversed(meetings.list_for_review(store, year)):
        if not m.held:
            continue
        for b in m.ballots:
            row = store.one("SELECT person_id, collective_id, award FROM nomination WHERE id = ?", (b.nomination_id,))
            if row is None:
                continue
            res = meetings.result(m, b)
            out[_key(row)] = Vote(b.yes, len(m.council), res.passed, meetings.ballot_rule(b).threshold_short(),
                                  b.rule_source)
    return out


def candidates(store, year: int, chosen: set[tuple[str, int, str]] | None = None) -> list[Candidate]:
    """Every person and collective with every title of the review, and its conditions for ``year``.

    A title that needs others' titles (a collective's members, a person's own
    Lao động tiên tiến) counts ``chosen`` when given, else those that qualify,
    and in both cases those who already received it for ``year``.
    """
    rs = rules()
    people_rows = store.query("SELECT p.id, p.full_name, p.sort_key, c.name AS cname FROM person p "
                              "LEFT JOIN collective c ON c.id = p.collective_id")
    coll_rows = store.query("SELECT id, name FROM collective")
    on = rules_date(store, year)
    has: dict[str, set[int]] = {}     # title -> people who have it (chosen, or qualifying)
    facts = conditions.Facts(store, same_year=has, ballots={k: (v.yes, v.members) for k, v in ballots(store, year).items()}, on=on)

    def evaluate(rule: TitleRule, kind: str, sid: int) -> tuple[Check, ...]:
        ctx = conditions.Context(facts, kind, sid, year, on, award=rule.name, ballot_required=True)
        return tuple(conditions.evaluate(rule.conditions, ctx))

    # Titles of the year already received (an earlier decision, or typed in) count as held.
    held: dict[str, set[int]] = {}
    for r in store.query("SELECT award, person_id FROM prior_award WHERE year = ? AND person_id IS NOT NULL "
                         "AND id NOT IN (SELECT prior_award_id FROM review_award WHERE review_year = ?)",
                         (year, year)):
        held.setdefault(r["award"], set()).add(r["person_id"])
    result: list[Candidate] = []
    for rule in rs.values():
        if rule.subject == "person":
            found = sorted((Candidate("person", p["id"], p["full_name"], p["cname"] or "", rule.name,
                                      evaluate(rule, "person", p["id"])) for p in people_rows),
                           key=lambda c: name_sort_key(c.name))
            if chosen is not None:
                has[rule.name] = {c.subject_id for c in found if ("person", c.subject_id, rule.name) in chosen}
            else:
                has[rule.name] = {c.subject_id for c in found if c.eligible}
            has[rule.name] |= held.get(rule.name, set())
        else:
            found = sorted((Candidate("collective", c["id"], c["name"], "", rule.name,
                                      evaluate(rule, "collective", c["id"])) for c in coll_rows),
                           key=lambda c: word_sort_key(c.name))
        result += found
    return result


def decide(store, year: int, chosen: list[tuple[str, int, str]] | None = None, *, decision_number: str,
           decision_date: dt.date | str, issuer: str = "") -> list[int]:
    """Record the head's decision: each chosen title the unit awards becomes an award received.

    ``chosen`` defaults to what the council passed (:func:`council_passed`) among the titles
    the unit awards itself. Every chosen title must meet its conditions (counted with the
    others chosen); a title a higher authority decides is refused here (it is proposed upward).
    Returns the ids of the awards received, in the decision's order.
    """
    if chosen is None:
        chosen = [k for k in council_passed(store, year) if k[2] in rules() and rules()[k[2]].unit_decides]
    review = get(store, year)
    if review is None:
        raise NotFound(f"Chưa có đợt bình xét năm {year}.")
    if review.status == "da_quyet_dinh":
        raise UserError(f"Đợt bình xét năm {year} đã có quyết định {review.decision_number}.")
    from desktop.council.outcomes import check_decision

    errors: dict[str, str] = {}
    decision_number, decision_date = check_decision(errors, decision_number, decision_date, "05/QĐ-TTTGPL")
    if not chosen:
        errors["chosen"] = "Chưa chọn danh hiệu nào."
    ValidationError.raise_if_any(errors)

    def problems(c: Candidate) -> list[str]:
        if rules()[c.title].unit_decides:
            return _failed_checks(c)
        return [f"{c.name}: {c.title} do cấp trên quyết định; đơn vị chỉ đề nghị.", *_failed_checks(c)]

    by_key = _chosen_candidates(store, year, chosen, "Chưa ra quyết định được", problems)
    ids = []
    with store.transaction() as conn:
        for position, key in enumerate(chosen):
            c = by_key[key]
            pid = c.subject_id if c.kind == "person" else None
            cid = c.subject_id if c.kind == "collective" else None
            award_id = conn.execute(
                "INSERT INTO prior_award(person_id, collective_id, award, year, decision_number, decision_date, issuer) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (pid, cid, c.title, year, decision_number, decision_date.isoformat(), clean(issuer or ""))).lastrowid
            conn.execute("INSERT INTO review_award(review_year, prior_award_id, position) VALUES (?, ?, ?)",
                         (year, award_id, position))
            ids.append(award_id)
        conn.execute("UPDATE yearly_review SET status = 'da_quyet_dinh', decision_number = ?, decision_date = ?, "
                     "issuer = ? WHERE year = ?", (decision_number, decision_date.isoformat(), clean(issuer or ""), year))
    return ids


def decided_keys(store, year: int) -> list[tuple[str, int, str]]:
    """The (kind, subject, title) the year's decision awarded, in its order."""
    return [("person", r["person_id"], r["award"]) if r["person_id"] is not None else
            ("collective", r["collective_id"], r["award"]) for r in store.query(
        "SELECT pa.person_id, pa.collective_id, pa.award FROM review_award ra JOIN prior_award pa "
        "ON pa.id = ra.prior_award_id WHERE ra.review_year = ? ORDER BY ra.position", (year,))]


@dataclass(frozen=True)
class DecidedRow:
    """A line of the list attached to the decision (Danh sách kèm theo Quyết định)."""
    no: int
    kind: str
    name: str
    where: str
    title: str
    prize: int | None


def decided_list(store, year: int) -> list[DecidedRow]:
    """The decision's list: titles in the rules' order, people then collectives, with their prize."""
    review = get(store, year)
    if review is None or review.status != "da_quyet_dinh":
        return []
    order = list(rules())
    rows = store.query(
        "SELECT pa.*, p.full_name, p.sort_key, pc.name AS pcname, c.name AS cname FROM review_award ra "
        "JOIN prior_award pa ON pa.id = ra.prior_award_id LEFT JOIN person p ON p.id = pa.person_id "
        "LEFT JOIN collective pc ON pc.id = p.collective_id LEFT JOIN collective c ON c.id = pa.collective_id "
        "WHERE ra.review_year = ?", (year,))
    items = []
    for r in rows:
        kind = "person" if r["person_id"] is not None else "collective"
        p = prizes.prize(r["award"], kind, review.decision_date)
        items.append(((order.index(r["award"]) if r["award"] in order else 99,
                       r["sort_key"] if kind == "person" else word_sort_key(r["cname"])),
                      (kind, r["full_name"] if kind == "person" else r["cname"],
                       (r["pcname"] or "") if kind == "person" else "", r["award"], p.amount if p else None)))
    items.sort(key=lambda t: t[0])
    return [DecidedRow(i + 1, *t[1]) for i, t in enumerate(items)]


# -- the decision's document ------------------------------------------------------------------------------

DECISION_FORM = "nd30-2020-mau1.2-quyet-dinh-khen-thuong"


def decision_context(store, year: int) -> dict:
    """What the decision's form is filled with: the unit, the decision and its list with prizes."""
    from desktop.records import unit as unit_mod

    r = get(store, year)
    if r is None or r.status != "da_quyet_dinh":
        raise NotFound(f"Đợt bình xét năm {year} chưa có quyết định.")
    p = unit_mod.get(store)
    rows = decided_list(store, year)
    head = (p.head_title or "Thủ trưởng đơn vị").strip()
    number = r.decision_number.split("/", 1)[0]
    return {
        "unit": {"name": p.name, "governing": p.governing_body, "abbreviation": p.abbreviation,
                 "place": p.province, "drafting_unit": p.abbreviation},
        "council": {"name": "Hội đồng Thi đua - Khen thưởng", "abbreviation": "HĐTĐKT"},
        "decision": {"year": year, "authority": f"{head} {p.name}".upper(),
                     "total": prizes.format_vnd(sum(x.prize or 0 for x in rows))},
        # Counted once per tập thể or cá nhân ("02 tập thể và 34 cá nhân"), whatever the titles.
        "candidates": [{"kind": "tap_the" if kind == "collective" else "ca_nhan", "name": name}
                       for kind, name in dict.fromkeys((x.kind, x.name) for x in rows)],
        "decided": [{"name": x.name, "unit": x.where, "award": x.title, "prize": prizes.format_vnd(x.prize)}
                    for x in rows],
        "document": {"number": number, "date": r.decision_date, "classification": "thuong"},
        "signers": {"signer": {"authority": "", "title": head.upper(), "name": p.head_name}},
    }

"""The council meeting (họp xét): who sat, the quorum, the secret ballots and their results.

A result is the yes-votes over ALL council members (not those present),
against the award's threshold (``resources/award_rules.toml``); each ballot
records the threshold that applied, so the minutes say which rule was used.
Guests attend but are not members and do not count.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from desktop import catalog
from desktop.council import nominations, rules
from desktop.errors import NotFound, UserError, ValidationError
from desktop.text import clean

ROLES = {"chu_tich": "Chủ tịch Hội đồng", "pho_chu_tich": "Phó Chủ tịch Hội đồng", "thu_ky": "Thư ký",
         "uy_vien": "Ủy viên", "khach": "Khách mời"}


@dataclass
class Member:
    name: str
    title: str = ""
    role: str = "uy_vien"
    present: bool = True
    written_opinion: str = ""
    person_id: int | None = None
    id: int | None = None

    @property
    def is_member(self) -> bool:
        return self.role != "khach"


@dataclass
class Ballot:
    nomination_id: int
    issued: int = 0
    returned: int = 0
    yes: int = 0
    no: int = 0
    invalid: int = 0
    rule: str = "more_than"
    fraction: float = 0.5
    rule_source: str = ""


@dataclass
class Meeting:
    campaign_id: int | None         # None: the council meeting of a year's review (``review_year``)
    starts_at: dt.datetime
    title: str = ""
    ends_at: dt.datetime | None = None
    place: str = ""
    quorum: float = field(default_factory=lambda: rules.load().quorum)
    held: bool = False
    note: str = ""
    members: list[Member] = field(default_factory=list)
    ballots: list[Ballot] = field(default_factory=list)
    id: int | None = None
    phase_id: int | None = None   # the campaign's phase it considers (sơ kết, tổng kết); None: the whole campaign
    review_year: int | None = None  # the year-end review (bình xét cuối năm) it votes for, instead of a campaign

    @property
    def council(self) -> list[Member]:
        return [m for m in self.members if m.is_member]

    @property
    def guests(self) -> list[Member]:
        return [m for m in self.members if not m.is_member]

    def by_role(self, role: str) -> Member | None:
        return next((m for m in self.members if m.role == role), None)


@dataclass(frozen=True)
class Quorum:
    members: int
    present: int
    required: int
    ok: bool

    @property
    def text(self) -> str:
        return (f"Có mặt {self.present}/{self.members} thành viên Hội đồng (cần ít nhất {self.required}): "
                + ("đủ điều kiện tiến hành họp." if self.ok else "không đủ số thành viên để họp xét."))


def quorum(m: Meeting) -> Quorum:
    members = len(m.council)
    present = sum(1 for x in m.council if x.present)
    required = math.ceil(round(m.quorum * members, 6)) if members else 1
    return Quorum(members, present, required, members > 0 and present >= required)


@dataclass(frozen=True)
class Result:
    yes_share: float       # yes-votes over ALL council members
    passed: bool
    threshold: str         # "từ 80% trở lên tổng số thành viên Hội đồng"

    @property
    def share_text(self) -> str:
        from desktop.numbers import percent

        return percent(self.yes_share * 100)


def ballot_rule(b: Ballot) -> rules.AwardRule:
    return rules.AwardRule("", None, b.rule, b.fraction, b.rule_source)


def result(m: Meeting, b: Ballot) -> Result:
    members = len(m.council)
    rule = ballot_rule(b)
    return Result(b.yes / members if members else 0.0, rule.passes(b.yes, members), rule.threshold_text())


def ballot_problems(m: Meeting, b: Ballot) -> list[tuple[frozenset[str], str]]:
    """Counts that cannot be: each with the count fields it concerns and a Vietnamese message."""
    present = sum(1 for x in m.council if x.present)
    out: list[tuple[frozenset[str], str]] = []
    for key, name in (("issued", "phát ra"), ("returned", "thu về"), ("yes", "đồng ý"), ("no", "không đồng ý"),
                      ("invalid", "không hợp lệ")):
        if getattr(b, key) < 0:
            out.append((frozenset({key}), f"Số phiếu {name} không được âm."))
    if b.issued > present:
        out.append((frozenset({"issued"}),
                    f"Số phiếu phát ra ({b.issued}) nhiều hơn số thành viên có mặt ({present})."))
    if b.returned > b.issued:
        out.append((frozenset({"returned"}),
                    f"Số phiếu thu về ({b.returned}) nhiều hơn số phiếu phát ra ({b.issued})."))
    if b.yes + b.no + b.invalid != b.returned:
        out.append((frozenset({"yes", "no", "invalid"}),
                    f"Đồng ý ({b.yes}) + không đồng ý ({b.no}) + không hợp lệ ({b.invalid}) "
                    f"phải bằng số phiếu thu về ({b.returned})."))
    return out


def ballot_errors(m: Meeting, b: Ballot) -> list[str]:
    """Counts that cannot be, in Vietnamese (empty when the ballot is consistent)."""
    return [message for _fields, message in ballot_problems(m, b)]


def bad_fields(m: Meeting, b: Ballot) -> set[str]:
    """The count fields involved in any problem (for marking cells)."""
    return set().union(*(fields for fields, _ in ballot_problems(m, b))) if ballot_problems(m, b) else set()


# What a ballot records as its rule's source when the council set its own threshold.
MEETING_THRESHOLD_SOURCE = "Hội đồng quyết định tỷ lệ phiếu tại cuộc họp"


def latest(store, campaign_id: int | None = None) -> Meeting | None:
    """The most recent meeting (of a campaign, or of any)."""
    sql = "SELECT id FROM meeting" + (" WHERE campaign_id = ?" if campaign_id is not None else "")
    row = store.scalar(sql + " ORDER BY starts_at DESC, id DESC LIMIT 1",
                       (campaign_id,) if campaign_id is not None else ())
    return get(store, row) if row else None


def default_ballot(store, nomination_id: int, on: dt.date | None = None) -> Ballot:
    """An empty ballot carrying the threshold of the nomination's award in force on ``on`` (the meeting's day)."""
    award = _award(store, nomination_id)
    rule = rules.load().for_award(award, on)
    return Ballot(nomination_id, rule=rule.ballot, fraction=rule.fraction, rule_source=rule.source)


# -- storage -------------------------------------------------------------------------------------------

def _validate(m: Meeting) -> Meeting:
    errors: dict[str, str] = {}
    m.title = clean(m.title)
    m.place = clean(m.place)
    for member in m.members:
        member.name = clean(member.name)
        member.title = clean(member.title)
        member.written_opinion = (member.written_opinion or "").strip()
        if member.role not in ROLES:
            errors["members"] = f"Vai trò “{member.role}” không hợp lệ."
    if any(not x.name for x in m.members):
        errors["members"] = "Mỗi thành viên phải có họ tên."
    if not m.council:
        errors["members"] = "Hội đồng phải có ít nhất một thành viên."
    if (m.campaign_id is None) == (m.review_year is None):
        errors["campaign"] = "Cuộc họp phải thuộc một phong trào hoặc một đợt bình xét cuối năm."
    if sum(1 for x in m.members if x.role == "chu_tich") > 1 or sum(1 for x in m.members if x.role == "thu_ky") > 1:
        errors["members"] = "Hội đồng chỉ có một Chủ tịch và một Thư ký."
    if m.ends_at is not None and m.ends_at < m.starts_at:
        errors["ends_at"] = "Giờ kết thúc phải sau giờ bắt đầu."
    if not 0 < m.quorum <= 1:
        errors["quorum"] = "Tỷ lệ có mặt tối thiểu phải lớn hơn 0 và không quá 100%."
    for b in m.ballots:
        problems = ballot_errors(m, b)
        if problems:
            errors[f"ballot[{b.nomination_id}]"] = " ".join(problems)
    ValidationError.raise_if_any(errors)
    return m


def save(store, m: Meeting) -> int:
    m = _validate(m)
    with store.transaction() as conn:
        values = (m.campaign_id, m.title, m.starts_at.isoformat(timespec="minutes"),
                  m.ends_at.isoformat(timespec="minutes") if m.ends_at else None, m.place, m.quorum, int(m.held),
                  m.note, m.phase_id, m.review_year)
        if m.phase_id is not None and not store.scalar(
                "SELECT 1 FROM campaign_phase WHERE id = ? AND campaign_id = ?", (m.phase_id, m.campaign_id)):
            raise ValidationError({"phase": "Hãy chọn một đợt (sơ kết, tổng kết) của phong trào này."})
        if m.id is None:
            m.id = conn.execute("INSERT INTO meeting(campaign_id, title, starts_at, ends_at, place, quorum, held, note, "
                                "phase_id, review_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values).lastrowid
        elif conn.execute("UPDATE meeting SET campaign_id = ?, title = ?, starts_at = ?, ends_at = ?, place = ?, "
                          "quorum = ?, held = ?, note = ?, phase_id = ?, review_year = ? WHERE id = ?",
                          (*values, m.id)).rowcount == 0:
            raise NotFound(f"Không tìm thấy cuộc họp số {m.id}.")
        keep = [x.id for x in m.members if x.id is not None]
        conn.execute(f"DELETE FROM meeting_member WHERE meeting_id = ? AND id NOT IN ({','.join('?' * len(keep))})",
                     (m.id, *keep))
        for pos, x in enumerate(m.members):
            row = (pos, x.person_id, x.name, x.title, x.role, int(x.present), x.written_opinion)
            if x.id is None:
                x.id = conn.execute("INSERT INTO meeting_member(meeting_id, position, person_id, name, title, role, "
                                    "present, written_opinion) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    (m.id, *row)).lastrowid
            else:
                conn.execute("UPDATE meeting_member SET position = ?, person_id = ?, name = ?, title = ?, role = ?, "
                             "present = ?, written_opinion = ? WHERE id = ? AND meeting_id = ?", (*row, x.id, m.id))
        wanted = {b.nomination_id for b in m.ballots}
        for r in store.query("SELECT nomination_id FROM ballot WHERE meeting_id = ?", (m.id,)):
            if r["nomination_id"] not in wanted:
                conn.execute("DELETE FROM ballot WHERE meeting_id = ? AND nomination_id = ?", (m.id, r["nomination_id"]))
        for b in m.ballots:
            conn.execute(
                "INSERT INTO ballot(meeting_id, nomination_id, issued, returned, yes, no, invalid, rule, fraction, "
                "rule_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(meeting_id, nomination_id) DO UPDATE "
                "SET issued = excluded.issued, returned = excluded.returned, yes = excluded.yes, no = excluded.no, "
                "invalid = excluded.invalid, rule = excluded.rule, fraction = excluded.fraction, "
                "rule_source = excluded.rule_source",
                (m.id, b.nomination_id, b.issued, b.returned, b.yes, b.no, b.invalid, b.rule, b.fraction,
                 b.rule_source))
    return m.id


def get(store, meeting_id: int) -> Meeting:
    r = store.one("SELECT * FROM meeting WHERE id = ?", (meeting_id,))
    if r is None:
        raise NotFound(f"Không tìm thấy cuộc họp số {meeting_id}.")
    m = Meeting(r["campaign_id"], dt.datetime.fromisoformat(r["starts_at"]), r["title"],
                dt.datetime.fromisoformat(r["ends_at"]) if r["ends_at"] else None, r["place"], r["quorum"],
                bool(r["held"]), r["note"], id=r["id"], phase_id=r["phase_id"], review_year=r["review_year"])
    m.members = [Member(x["name"], x["title"], x["role"], bool(x["present"]), x["written_opinion"], x["person_id"],
                        x["id"]) for x in store.query(
        "SELECT * FROM meeting_member WHERE meeting_id = ? ORDER BY position, id", (meeting_id,))]
    m.ballots = [Ballot(b["nomination_id"], b["issued"], b["returned"], b["yes"], b["no"], b["invalid"], b["rule"],
                        b["fraction"], b["rule_source"]) for b in store.query(
        "SELECT * FROM ballot WHERE meeting_id = ? ORDER BY nomination_id", (meeting_id,))]
    return m


def list_for_campaign(store, campaign_id: int) -> list[Meeting]:
    return [get(store, r["id"]) for r in store.query(
        "SELECT id FROM meeting WHERE campaign_id = ? ORDER BY starts_at DESC, id DESC", (campaign_id,))]


def list_for_review(store, year: int) -> list[Meeting]:
    """The council meetings of a year's review, newest first."""
    return [get(store, r["id"]) for r in store.query(
        "SELECT id FROM meeting WHERE review_year = ? ORDER BY starts_at DESC, id DESC", (year,))]


def delete(store, meeting_id: int) -> None:
    m = get(store, meeting_id)
    if m.held:
        raise UserError("Cuộc họp đã kết thúc và có kết quả; không xóa được.")
    store.delete("meeting", meeting_id)


def add_submitted(store, m: Meeting) -> list[Ballot]:
    """Add an empty ballot for every nomination of the campaign awaiting the council (a meeting of one
    phase: every such nomination of that phase)."""
    have = {b.nomination_id for b in m.ballots}
    added = []
    if m.review_year is not None:
        # A review's proposals: only the titles that need a secret ballot are voted on paper.
        from desktop.council import review

        rows = [r for r in store.query("SELECT id, award FROM nomination WHERE review_year = ? AND "
                                       "status = 'trinh_hop_xet' ORDER BY id", (m.review_year,))
                if review.needs_ballot(r["award"])]
    else:
        phase = "" if m.phase_id is None else " AND phase_id = ?"
        rows = store.query("SELECT id FROM nomination WHERE campaign_id = ? AND status = 'trinh_hop_xet'"
                           f"{phase} ORDER BY id", (m.campaign_id,) if m.phase_id is None else (m.campaign_id, m.phase_id))
    for r in rows:
        if r["id"] not in have:
            b = default_ballot(store, r["id"], m.starts_at.date() if m.starts_at else None)
            m.ballots.append(b)
            added.append(b)
    return added


def set_phase(store, m: Meeting, phase_id: int | None) -> None:
    """Make the (not yet held) meeting one of the phase ``phase_id`` (``None``: the whole campaign): its
    ballots become those of the nominations of that phase awaiting the council."""
    if m.held:
        raise UserError("Cuộc họp này đã kết thúc; không đổi được đợt xét.")
    m.phase_id = phase_id
    if phase_id is not None:
        of_phase = {r["id"] for r in store.query(
            "SELECT id FROM nomination WHERE campaign_id = ? AND phase_id = ?", (m.campaign_id, phase_id))}
        m.ballots = [b for b in m.ballots if b.nomination_id in of_phase]
    add_submitted(store, m)


def close(store, meeting_id: int) -> dict[int, Result]:
    """Record the results: each voted nomination becomes "thông qua" or "không thông qua".

    Refused when the quorum is not met, a ballot is inconsistent, or a
    nomination is not awaiting the council.
    """
    m = get(store, meeting_id)
    if m.held:
        raise UserError("Cuộc họp này đã kết thúc và kết quả đã được ghi nhận.")
    q = quorum(m)
    if not q.ok:
        raise UserError(q.text)
    if not m.ballots and m.review_year is None:
        raise UserError("Chưa có kết quả bỏ phiếu nào để ghi nhận.")
    agreed: list[int] = []
    if m.review_year is not None:
        # The review's other proposals (titles without a secret ballot) are agreed by show of hands;
        # one whose title needs a ballot cannot pass without it.
        from desktop.council import review

        voted = {b.nomination_id for b in m.ballots}
        for r in store.query("SELECT id, award FROM nomination WHERE review_year = ? AND status = 'trinh_hop_xet'",
                             (m.review_year,)):
            if r["id"] in voted:
                continue
            if review.needs_ballot(r["award"]):
                raise UserError(f"{r['award']} cần bỏ phiếu kín: đề nghị số {r['id']} chưa có kết quả kiểm phiếu.")
            agreed.append(r["id"])
    elif not m.ballots:
        raise UserError("Chưa có kết quả bỏ phiếu nào để ghi nhận.")
    outcomes: dict[int, Result] = {}
    with store.transaction() as conn:
        for b in m.ballots:
            problems = ballot_errors(m, b)
            if problems:
                raise UserError(" ".join(problems))
            n = nominations.get(store, b.nomination_id)
            if n.status not in ("trinh_hop_xet", "thong_qua", "khong_thong_qua"):
                raise UserError(f"Đề nghị số {n.id} chưa được trình họp xét.")
            res = result(m, b)
            outcomes[b.nomination_id] = res
            nominations.set_status(store, n.id, "thong_qua" if res.passed else "khong_thong_qua")
        for nid in agreed:
            nominations.set_status(store, nid, "thong_qua")
        conn.execute("UPDATE meeting SET held = 1 WHERE id = ?", (meeting_id,))
    return outcomes


def candidates_on_council(store, m: Meeting) -> dict[int, str]:
    """Council members who are themselves proposed at this meeting: person id → the award proposed.

    The minutes record it (the member sits on the council that votes on their own proposal).
    """
    out: dict[int, str] = {}
    members = {x.person_id for x in m.council if x.person_id is not None}
    for b in m.ballots:
        person = store.scalar("SELECT person_id FROM nomination WHERE id = ?", (b.nomination_id,))
        if person is not None and person in members:
            out[person] = award_name(store, b.nomination_id)
    return out


def _award(store, nomination_id: int) -> str | None:
    """The award a nomination proposes: its campaign's award, or its own (ad-hoc, a review's title)."""
    return store.scalar("SELECT coalesce(ca.award, n.award) FROM nomination n LEFT JOIN campaign_award ca "
                        "ON ca.id = n.campaign_award_id WHERE n.id = ?", (nomination_id,))


def award_name(store, nomination_id: int) -> str:
    name = _award(store, nomination_id)
    known = catalog.load().get(name or "")
    return known.name if known else (name or "")

"""Holding a year-end review's council meeting in tests, through the same machinery as a campaign's."""
from __future__ import annotations

import datetime as dt

from desktop.council import meetings, review


def council(members: int) -> list[meetings.Member]:
    return [meetings.Member(f"Thành viên {i + 1}", "Chuyên viên",
                            "chu_tich" if i == 0 else "thu_ky" if i == 1 else "uy_vien") for i in range(members)]


def hold_review_meeting(store, year: int, votes: dict[tuple[str, int, str], int], *, members: int = 9,
                        also: tuple = (), when: dt.datetime | None = None) -> meetings.Meeting:
    """Put ``votes``' titles (with each person's Lao động tiên tiến, and ``also``) to the council, which
    (``members``, all present) gives each balloted title its yes-votes and agrees the others."""
    keys = list(also)
    first = next(name for name, rule in review.rules().items() if rule.subject == "person")  # Lao động tiên tiến
    for kind, sid, title in votes:
        if kind == "person" and title != first:   # a higher title is given with the first one
            keys.append((kind, sid, first))
    keys += list(votes)
    review.propose(store, year, list(dict.fromkeys(keys)))
    m = meetings.Meeting(None, when or dt.datetime(year, 12, 20, 8, 0), "Họp bình xét",
                         (when or dt.datetime(year, 12, 20, 8, 0)) + dt.timedelta(hours=2), "Phòng họp",
                         review_year=year, members=council(members))
    meetings.add_submitted(store, m)
    for b in m.ballots:
        row = store.one("SELECT person_id, collective_id, award FROM nomination WHERE id = ?", (b.nomination_id,))
        key = ("person", row["person_id"], row["award"]) if row["person_id"] is not None else \
            ("collective", row["collective_id"], row["award"])
        b.issued = b.returned = members
        b.yes = votes.get(key, members)
        b.no = members - b.yes
    meetings.save(store, m)
    meetings.close(store, m.id)
    return meetings.get(store, m.id)

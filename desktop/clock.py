"""The app's one clock: what "today" and "now" are for every rule that depends on them.

Validation ("a year joined cannot be in the future"), default document dates and
deadlines read the date here rather than from :mod:`datetime` directly, so a test
(or a reproducible demo) sets the clock once with :func:`set_now` and every rule
agrees on the same moment, even when the real clock crosses midnight or a new
year during the run.
"""
from __future__ import annotations

import datetime as dt
from desktop import clock

_fixed: dt.datetime | None = None


def now() -> dt.datetime:
    """The current moment, timezone-aware in UTC."""
    return _fixed if _fixed is not None else dt.datetime.now(dt.timezone.utc)


def today() -> dt.date:
    """Today's date on this computer's local calendar."""
    if _fixed is None:
        return dt.date.today()
    return _fixed.astimezone().date()


def set_now(moment: dt.datetime | dt.date | None) -> None:
    """Fix the clock at ``moment`` (a date means its local noon); ``None`` lets it run again."""
    global _fixed
    if moment is None:
        _fixed = None
        return
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(12, 0)).astimezone()
    elif moment.tzinfo is None:
        moment = moment.astimezone()
    _fixed = moment.astimezone(dt.timezone.utc)

"""Vietnamese date phrases, read only as precisely as they are written.

Administrative documents write dates as "ngày 28 tháng 7 năm 2025", "28/7/2025"
or "28-7-2025", leave parts blank before signing ("ngày   tháng 7 năm 2025"),
give periods as years ("giai đoạn 2023 - 2025", "năm 2025") and deadlines that
come back every year ("trước ngày 05/01 hàng năm"). Each is read into a
:class:`desktop.dates.PartialDate` (the app's one partial-date type), which keeps
exactly the parts that were written and prints the ISO form the JSON uses:
``2025-07-28``, ``2025-07``, ``2025`` or ``--01-04`` for a yearly day.
"""
from __future__ import annotations

import re

from desktop.dates import PartialDate

# A blank the drafter left to fill by hand: dots, ellipses, underscores or just spaces.
BLANK = r"[.…_\s]*"


def make(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    """A :class:`PartialDate` when the parts are valid, else ``None``."""
    date = PartialDate(year, month, day)
    return date if date.exists() else None


def number(text: str | None) -> int | None:
    """An integer from digits, ``None`` for a blank."""
    if text is None:
        return None
    text = text.strip()
    return int(text) if text.isdigit() else None


# One date, written any of the usual ways. Group names carry the parts.
DAY_MONTH_YEAR = (
    r"(?:ngày\s*)?(?P<d1>\d{1,2})\s*[/.\-]\s*(?P<m1>\d{1,2})(?:\s*[/.\-]\s*(?P<y1>\d{4}))?(?![\d/])"
    r"|(?:ngày\s*)?(?P<d2>\d{1,2})\s+tháng\s*(?P<m2>\d{1,2})(?:\s*(?:năm|/)\s*(?P<y2>\d{4}))?"
    r"|tháng\s*(?P<m3>\d{1,2})\s*(?:năm|/)\s*(?P<y3>\d{4})"
    r"|năm\s*(?P<y4>\d{4})"
)
_ONE_DATE = re.compile(DAY_MONTH_YEAR, re.IGNORECASE)


def parse_date(text: str) -> PartialDate | None:
    """The first date in ``text`` (see :data:`DAY_MONTH_YEAR`), or ``None``."""
    m = _ONE_DATE.search(text)
    return date_from_match(m) if m else None


def date_from_match(m: re.Match[str]) -> PartialDate | None:
    groups = m.groupdict()
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if groups.get(d):
            return make(number(groups[y]), number(groups[mo]), number(groups[d]))
    if groups.get("m3"):
        return make(number(groups["y3"]), number(groups["m3"]), None)
    if groups.get("y4"):
        return make(number(groups["y4"]), None, None)
    return None


# A full day written with its year ("31/02/2025", "ngày 45 tháng 13 năm 2025"): the shapes checked for days
# that do not exist. Dotted numbers ("1.200/2025") and version-like runs are not dates, so "." is left out.
# The numeric shape starts with its digits (so the regex engine can skip ahead fast); the character before
# it must not be a digit, "/", "." or "-", which :func:`impossible_dates` checks.
_NUMERIC_DATE = re.compile(r"(?P<d>\d{1,2})\s*[/\-]\s*(?P<m>\d{1,2})\s*[/\-]\s*(?P<y>(?:19|20)\d{2})(?![\d/])")
_WORDED_DATE = re.compile(
    r"(?<![^\W\d_])ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)


def impossible_dates(text: str):
    """(text, start, end) of every written day that does not exist: 31/02/2025, 45/13/2025."""
    found = []
    for m in _NUMERIC_DATE.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if before.isdecimal() or before in "/.-":
            continue
        found.append(m)
    found.extend(_WORDED_DATE.finditer(text))
    for m in sorted(found, key=lambda m: m.start()):
        if not PartialDate(int(m.group("y")), int(m.group("m")), int(m.group("d"))).exists():
            yield m.group(0), m.start(), m.end()

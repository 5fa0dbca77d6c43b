"""Numbers, sizes, dates and times as a Vietnamese reader writes them.

One place for every message of the command line (and the domain's own
messages): thousands are grouped with a dot and decimals take a comma
(``1.296.709 byte``, ``2,5``), dates are day first (``05/12/2026``) and
times are Vietnam time, ``dd/mm/yyyy hh:mm``. Machine output (``--json``)
keeps ISO 8601.
"""
from __future__ import annotations

import datetime as dt

__all__ = ["VN_TZ", "number", "byte_size", "count", "date", "date_time"]

# Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact.
VN_TZ = dt.timezone(dt.timedelta(hours=7), "+07:00")


def number(value: int | float, decimals: int | None = None) -> str:
    """``1296709`` → ``1.296.709``; ``2.5`` → ``2,5`` (dot for thousands, comma for decimals)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def byte_size(value: int) -> str:
    """A size in bytes: ``1.296.709 byte``."""
    return f"{number(value)} byte"


def count(value: int, noun: str) -> str:
    """A counted noun (Vietnamese nouns do not change in the plural): ``19 tệp``."""
    return f"{number(value)} {noun}"


def _parse(value: dt.date | dt.datetime | str) -> dt.date | dt.datetime:
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value


def date(value: dt.date | dt.datetime | str | None) -> str:
    """``dd/mm/yyyy``; a time zone-aware moment is first put in Vietnam time. Empty for none."""
    if value is None or value == "":
        return ""
    value = _parse(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(VN_TZ)
    return value.strftime("%d/%m/%Y")


def date_time(value: dt.datetime | str | None) -> str:
    """``dd/mm/yyyy hh:mm`` in Vietnam time (a naive moment is taken as already local). Empty for none.

    Stored times (``2026-12-01T02:05:00Z``) are UTC and are shown in Vietnam time.
    """
    if value is None or value == "":
        return ""
    value = _parse(value)
    if not isinstance(value, dt.datetime):
        return date(value)
    if value.tzinfo is not None:
        value = value.astimezone(VN_TZ)
    return value.strftime("%d/%m/%Y %H:%M")

"""Dates as clerks type them (dd/mm/yyyy) and as the database stores them (ISO)."""
from __future__ import annotations

import datetime as dt
import re

_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


class DateError(ValueError):
    """The text is not a valid date; ``str()`` is a Vietnamese message."""


def parse_date(text: str) -> dt.date:
    """Read ``dd/mm/yyyy`` (also ``d/m/yyyy``, ``dd.mm.yyyy``, ``dd-mm-yyyy``) or ISO ``yyyy-mm-dd``."""
    if isinstance(text, dt.date):
        return text
    m = _DMY.match(text or "")
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _ISO.match(text or "")
        if not m:
            raise DateError("Ngày phải có dạng ngày/tháng/năm, ví dụ 05/09/2025.")
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not 1900 <= year <= 2200:
        raise DateError(f"Năm {year} không hợp lệ.")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"Không có ngày {day:02d}/{month:02d}/{year}.") from None


def to_iso(value: dt.date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = parse_date(value)
    return value.isoformat()


def from_iso(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def format_date(value: dt.date | str | None) -> str:
    """``dd/mm/yyyy`` for display; empty for no date."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.strftime("%d/%m/%Y")


def utc_now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

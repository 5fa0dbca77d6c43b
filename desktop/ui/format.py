"""How the window writes numbers, sizes, days left and moments: the presentation's formatters in one place.

The domain's own formatting (numbers and dates in documents and on the command
line) is :mod:`desktop.formatting` and :mod:`desktop.numbers`; what is here is
only how the window shows a value in a cell or a label (translated through
Qt, with the clerk's local time).
"""
from __future__ import annotations

import datetime as dt
import re

from desktop.dates import format_date
from desktop.ui.qt import QCoreApplication

__all__ = ["number_text", "parse_number", "days_text", "deadline_text", "file_size", "local_time", "local_date",
           "html_text"]


def number_text(value: float | None) -> str:
    """``98.5`` → ``98,5``; ``100.0`` → ``100``; ``None`` → empty."""
    if value is None:
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")


_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*$|^\s*(\d+)\.(\d{1,2})\s*$")


def parse_number(text: str) -> float | None:
    """Read ``98,5``, ``1.200`` or ``100`` as the clerk writes numbers; empty gives ``None``."""
    text = (text or "").strip()
    if not text:
        return None
    m = _NUMBER.match(text)
    if not m:
        raise ValueError(text)
    if m.group(3) is not None:  # 98.5: a decimal point, as on an English keyboard
        return float(f"{m.group(3)}.{m.group(4)}")
    whole = m.group(1).replace(".", "")
    return float(f"{whole}.{m.group(2)}" if m.group(2) else whole)


def days_text(days_left: int | None) -> str:
    if days_left is None:
        return ""
    if days_left < 0:
        return QCoreApplication.translate("CampaignModels", "%1 days overdue").replace("%1", str(-days_left))
    if days_left == 0:
        return QCoreApplication.translate("CampaignModels", "due today")
    return QCoreApplication.translate("CampaignModels", "%1 days left").replace("%1", str(days_left))


def deadline_text(deadline: dt.date | None, days_left: int | None) -> str:
    """``16/08/2025 (còn 12 ngày)``; empty when the plan sets no deadline."""
    if deadline is None:
        return ""
    return f"{format_date(deadline)} ({days_text(days_left)})"


def file_size(n: int) -> str:
    """``25 KB``, ``1,2 MB`` (decimal comma, as Vietnamese writes it)."""
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


def local_time(value: str | None) -> str:
    """A stored UTC moment (``2026-11-22T03:03:33Z``) as the clerk's clock reads it: ``22/11/2026 10:03``."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def local_date(moment: dt.datetime | None) -> str:
    """An aware (or UTC) moment as the date on the clerk's clock: ``22/11/2026``."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().strftime("%d/%m/%Y")


def html_text(text: str) -> str:
    """Plain text made safe inside a rich-text label."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

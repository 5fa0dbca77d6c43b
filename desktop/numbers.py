"""How numbers are written in the app and its documents: one formatter for each kind.

``percent(85.714)`` gives ``85,71 %``: a decimal comma, at most two decimals, and a
non-breaking space before the sign, so the number never parts from it at a line end.
The meeting window and the drafted documents both call it, so they never disagree.
"""
from __future__ import annotations

import re

NBSP = "\u00a0"

__all__ = ["NBSP", "decimal", "percent", "bind"]


def decimal(value: float, places: int = 2) -> str:
    """``96.25`` → ``96,25``; ``96.0`` → ``96`` (no trailing zeros)."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def percent(value: float, places: int = 2) -> str:
    """A percentage (``value`` already in percent): ``85,71 %`` with a non-breaking space."""
    return f"{decimal(value, places)}{NBSP}%"


# Units the documents write after a number; the space before them is made non-breaking.
_UNITS = ("%", "người", "hồ sơ", "vụ việc", "lượt người", "lượt", "buổi", "tài liệu", "thủ tục", "tập thể",
          "cá nhân", "phiếu", "thành viên", "văn bản", "lần", "năm", "tháng", "ngày", "giờ", "phút")
_NUMBER_UNIT = re.compile(r"(\d)[ \t]+(?=(?:" + "|".join(re.escape(u) for u in _UNITS) + r")(?!\w))")
_PERCENT = re.compile(r"(\d)[ \t]*%")
# "ngày 01 tháng 12 năm 2026": the day stays with its month, the month with its year.
_DAY_MONTH = re.compile(r"\b(ngày|tháng|năm)[ \t]+(\d{1,4})\b")


def bind(text: str) -> str:
    """Non-breaking spaces between a number and its unit or %, and inside a written date."""
    if not text or not any(ch.isdigit() for ch in text):
        return text
    text = _PERCENT.sub(lambda m: m.group(1) + NBSP + "%", text)
    text = _NUMBER_UNIT.sub(lambda m: m.group(1) + NBSP, text)
    return _DAY_MONTH.sub(lambda m: m.group(1) + NBSP + m.group(2), text)

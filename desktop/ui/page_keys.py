"""The window's page names, free of Qt so that ``thidua gui --help`` can list them without loading Qt.

Each key accepted by ``thidua gui --page`` (Vietnamese slugs and English names)
maps to the page's internal name in :class:`~desktop.ui.main_window.MainWindow`.
"""
from __future__ import annotations

PAGE_KEYS = {
    "tong-quan": "overview", "overview": "overview",
    "ca-nhan": "people", "tap-the-ca-nhan": "people", "people": "people",
    "so-thanh-tich": "ledger", "thanh-tich": "ledger", "ledger": "ledger",
    "phong-trao": "campaigns", "phong-trao-thi-dua": "campaigns", "campaigns": "campaigns",
    "dang-ky": "registration", "dang-ky-thi-dua": "registration", "registration": "registration",
    "de-nghi": "nominations", "de-nghi-khen-thuong": "nominations", "nominations": "nominations",
    "hop-xet": "meeting", "meeting": "meeting",
    "ho-so": "documents", "documents": "documents",
    "so-in": "print-log", "print-log": "print-log",
    "binh-xet": "review", "review": "review",
    "thong-ke": "statistics", "statistics": "statistics",
    "gui-ho-so": "send", "send": "send",
    "kiem-tra-goi": "verify", "verify": "verify",
}


def page_names_by_page() -> dict[str, list[str]]:
    """Every accepted name grouped by page, in the window's order: ``{"overview": ["tong-quan", "overview"], …}``."""
    grouped: dict[str, list[str]] = {}
    for key, page in PAGE_KEYS.items():
        grouped.setdefault(page, []).append(key)
    return grouped

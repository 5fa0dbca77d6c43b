"""SQL text built from code: the ``WHERE`` of a query whose filters are optional."""
from __future__ import annotations

from typing import Any


def where(*conditions: tuple[str, Any]) -> tuple[str, list[Any]]:
    """``" WHERE a AND b"`` (or ``""``) and its parameters from ``(sql, value)`` pairs, but those valued ``None``.

    ``where(("year = ?", year), ("person_id = ?", None))`` → ``(" WHERE year = ?", [year])``. The SQL of each
    pair comes from code, never from input.
    """
    kept = [(sql, value) for sql, value in conditions if value is not None]
    return (" WHERE " + " AND ".join(sql for sql, _ in kept) if kept else ""), [value for _, value in kept]

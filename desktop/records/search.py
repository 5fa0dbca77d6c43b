"""Search over achievements and people, ignoring case, diacritics and đ/Đ."""
from __future__ import annotations

from collections import namedtuple

from desktop.text import fts_query


class Hit(namedtuple("Hit", "id kind date subject title")):
    """One match: ``kind`` "achievement" or "person"; ``date`` the ISO date of an achievement (a person has
    none); ``subject`` who (the person or collective of an achievement, the person's collective); ``title`` what
    (the achievement's title, the person's name). A named tuple, not a dataclass: ``thidua search`` then
    starts without importing ``dataclasses`` and ``inspect``."""
    __slots__ = ()

    def as_dict(self) -> dict:
        return self._asdict()


def search(store, text: str, *, limit: int = 200, include_archived: bool = False) -> list[Hit]:
    """Best matches first (FTS5 rank), people and achievements together."""
    match = fts_query(text)
    if match is None:
        return []
    # Archived achievements are left out here, so that they cannot fill the window of candidates.
    live = "" if include_archived else (
        " AND (rowid % 2 = 1 OR rowid / 2 NOT IN (SELECT id FROM achievement WHERE archived_at IS NOT NULL))")
    ranked = store.conn.execute(
        f"SELECT rowid FROM search_fts WHERE search_fts MATCH ?{live} ORDER BY rank LIMIT ?", (match, limit * 2)
    ).fetchall()
    hits: list[Hit] = []
    for (rowid,) in ranked:
        if rowid % 2 == 0:
            r = store.one(
                "SELECT a.id, a.date, a.title, a.archived_at, coalesce(p.full_name, c.name) AS subject "
                "FROM achievement a LEFT JOIN person p ON p.id = a.person_id "
                "LEFT JOIN collective c ON c.id = a.collective_id WHERE a.id = ?", (rowid // 2,))
            if r is None or (r["archived_at"] and not include_archived):
                continue
            hits.append(Hit(r["id"], "achievement", r["date"], r["subject"] or "", r["title"]))
        else:
            r = store.one(
                "SELECT p.id, p.full_name, coalesce(c.name, '') AS collective FROM person p "
                "LEFT JOIN collective c ON c.id = p.collective_id WHERE p.id = ?", (rowid // 2,))
            if r is None:
                continue
            hits.append(Hit(r["id"], "person", None, r["collective"], r["full_name"]))
        if len(hits) >= limit:
            break
    return hits


def rebuild_index(store) -> int:
    """Rebuild the full-text index from the records (``thidua check --repair``); returns rows indexed."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM search_fts")
        conn.execute("INSERT INTO search_fts(rowid, body) SELECT 2 * id, body FROM achievement_search_text")
        conn.execute("INSERT INTO search_fts(rowid, body) SELECT 2 * id + 1, body FROM person_search_text")
        return conn.execute("SELECT count(*) FROM search_fts").fetchone()[0]

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


# The full-text index keys an achievement's row by its date, then its id (schema version 19):
# 2 × (Julian day << 32 | id), so that the index reads achievements in the ledger's order; a person's
# row is 2 × id + 1. The two functions below give an achievement's id back from its key.

def achievement_id_sql(rowid: str = "rowid") -> str:
    """SQL for the id of the achievement whose full-text row is ``rowid`` (a column)."""
    return f"(({rowid} >> 1) & 4294967295)"


def achievement_id(key: int) -> int:
    """The id of the achievement whose full-text row is ``key``."""
    return (key >> 1) & 0xFFFFFFFF


# Above this many matches only the newest are ranked: FTS5 computes BM25 for every match before it can
# take the best, so ranking grows with the matches (about 2 µs each), and a common word in a ledger of
# 1,000,000 matches 160,000 records. 100,000 achievements stay below it for the words measured (bench/).
NEWEST = 20_000


class Hits(list):
    """The hits, best first, and how they were chosen: ``matched`` records match in all (people and the
    achievements shown, archived ones when they are asked for); when ``matched`` is above the ``newest``
    that :func:`search` was given, ``newest`` is that number and the best are those of the ``newest``
    matches of the latest dates and of the matching people; otherwise ``newest`` is ``None`` and every
    match was ranked."""

    def __init__(self, hits: list[Hit], matched: int, newest: int | None):
        super().__init__(hits)
        self.matched = matched
        self.newest = newest


def search(store, text: str, *, limit: int = 200, include_archived: bool = False,
           newest: int | None = NEWEST) -> Hits:
    """Best matches first (FTS5 rank), people and achievements together; above ``newest`` matches, the
    best of the ``newest`` of the latest dates and of the people (``None``: rank every match)."""
    match = fts_query(text)
    if match is None:
        return Hits([], 0, None)
    # Archived achievements are left out here, so that they cannot fill the window of candidates.
    live = "" if include_archived else (
        f" AND (rowid % 2 = 1 OR {achievement_id_sql()} NOT IN (SELECT id FROM achievement WHERE archived_at IS NOT NULL))")
    matching = f"FROM search_fts WHERE search_fts MATCH ?{live}"
    conn = store.conn
    matched = conn.execute(f"SELECT count(*) {matching}", (match,)).fetchone()[0]
    if newest is None or matched <= newest:
        newest = None
        ranked = conn.execute(f"SELECT rowid {matching} ORDER BY rank LIMIT ?", (match, limit * 2)).fetchall()
    else:
        # The index keeps rowids in order, so the matches of the latest dates are a range of rowids that it
        # reads without ranking the others; people (odd rowids up to twice the largest person id, below
        # every achievement's) are ranked too.
        (first,) = conn.execute(f"SELECT rowid {matching} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                                (match, newest - 1)).fetchone()
        # One upper bound, the lower of the two: the index reads only the rowids up to it. Equal matches
        # come latest first.
        last_person = 2 * conn.execute("SELECT coalesce(max(id), 0) FROM person").fetchone()[0] + 1
        ranked = conn.execute(
            f"SELECT id FROM (SELECT rowid AS id, rank {matching} AND rowid >= ? "
            f"UNION ALL SELECT rowid, rank {matching} AND rowid <= ? AND rowid % 2 = 1) "
            f"ORDER BY rank, id DESC LIMIT ?", (match, first, match, min(first - 1, last_person), limit * 2)
        ).fetchall()
    hits: list[Hit] = []
    for (rowid,) in ranked:
        if rowid % 2 == 0:
            r = store.one(
                "SELECT a.id, a.date, a.title, a.archived_at, coalesce(p.full_name, c.name) AS subject "
                "FROM achievement a LEFT JOIN person p ON p.id = a.person_id "
                "LEFT JOIN collective c ON c.id = a.collective_id WHERE a.id = ?", (achievement_id(rowid),))
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
    return Hits(hits, matched, newest)


def rebuild_index(store) -> int:
    """Rebuild the full-text index from the records (``thidua check --repair``); returns rows indexed."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM search_fts")
        conn.execute("INSERT INTO search_fts(rowid, body) SELECT search_key, body FROM achievement_search_text")
        conn.execute("INSERT INTO search_fts(rowid, body) SELECT 2 * id + 1, body FROM person_search_text")
        return conn.execute("SELECT count(*) FROM search_fts").fetchone()[0]

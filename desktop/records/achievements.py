"""The ledger of achievements: what a person or a collective did, when, and how much.

An achievement is archived rather than deleted, so nothing a clerk recorded is
lost by a wrong click; an archived one can be restored.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import namedtuple
from dataclasses import dataclass

from desktop import clock
from desktop.dates import DateError, from_iso, parse_date, utc_now_iso
from desktop.errors import NotFound, ValidationError
from desktop.records.search import achievement_id_sql
from desktop.store.db import insert_row
from desktop.text import clean, fts_query, nfc


@dataclass
class Achievement:
    date: dt.date
    title: str
    person_id: int | None = None
    collective_id: int | None = None
    description: str = ""
    criterion: str = ""
    measure_value: float | None = None
    measure_unit: str = ""
    archived_at: str | None = None
    id: int | None = None
    campaign_id: int | None = None
    criterion_id: int | None = None
    classification: str = "thuong"   # thuong, mat, toi_mat, tuyet_mat (see desktop.dossier.documents.model)

    @property
    def subject_kind(self) -> str:
        return "person" if self.person_id is not None else "collective"

    @property
    def measure_text(self) -> str:
        return format_measure(self.measure_value, self.measure_unit)


# A number with thousands dots (1.200 or 1.200.000, maybe with a decimal comma) or a plain one.
_MEASURE = re.compile(r"^\s*([-+]?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,])|\d+(?:[.,]\d+)?))\s*(.*?)\s*$")
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_measure(text: str) -> tuple[float | None, str]:
    """Read ``98 %``, ``120 hồ sơ`` or ``98,5%`` into (number, unit); empty text gives (None, "")."""
    text = clean(text)
    if not text:
        return None, ""
    m = _MEASURE.match(text)
    if not m:
        raise ValidationError({"measure": "Số đo phải bắt đầu bằng một số, ví dụ: 98 % hoặc 120 hồ sơ."})
    number = m.group(1)
    # Vietnamese writes 1.200 (1.200.000) for thousands and 98,5 for a decimal.
    if _THOUSANDS.fullmatch(number):
        number = number.replace(".", "")
    number = number.replace(",", ".")
    return float(number), m.group(2)


def format_measure(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    number = f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{number} {unit}".strip()


def validate(a: Achievement) -> Achievement:
    """Check and normalise ``a`` in place; raise :class:`ValidationError` by field."""
    errors: dict[str, str] = {}
    if isinstance(a.date, str):
        try:
            a.date = parse_date(a.date)
        except DateError as exc:
            errors["date"] = str(exc)
    if a.date is None:
        errors["date"] = "Hãy nhập ngày đạt thành tích."
    elif isinstance(a.date, dt.date) and a.date > clock.today() + dt.timedelta(days=366):
        errors["date"] = "Ngày đạt thành tích không được ở quá xa trong tương lai."
    a.title = clean(a.title)
    a.description = nfc(a.description or "").strip()
    a.criterion = clean(a.criterion)
    a.measure_unit = clean(a.measure_unit)
    if not a.title:
        errors["title"] = "Tên thành tích không được để trống."
    if (a.person_id is None) == (a.collective_id is None):
        errors["subject"] = "Hãy chọn một cá nhân hoặc một tập thể đạt thành tích."
    if a.measure_value is None and a.measure_unit:
        errors["measure"] = "Đơn vị đo cần đi kèm một con số."
    if a.classification not in ("thuong", "mat", "toi_mat", "tuyet_mat"):
        errors["classification"] = "Độ mật phải là thường, mật, tối mật hoặc tuyệt mật."
    ValidationError.raise_if_any(errors)
    return a


_COLUMNS = ("date", "person_id", "collective_id", "title", "description", "criterion", "measure_value",
            "measure_unit", "campaign_id", "criterion_id", "classification")


def _check_campaign_link(store, a: Achievement) -> None:
    """A criterion belongs to one campaign: the link takes that campaign, and the criterion's text."""
    if a.criterion_id is None:
        return
    row = store.one("SELECT campaign_id, text FROM campaign_criterion WHERE id = ?", (a.criterion_id,))
    if row is None:
        raise ValidationError({"criterion": "Tiêu chí đã chọn không còn trong phong trào."})
    if a.campaign_id is not None and a.campaign_id != row["campaign_id"]:
        raise ValidationError({"criterion": "Tiêu chí đã chọn thuộc một phong trào khác."})
    a.campaign_id = row["campaign_id"]
    if not a.criterion:
        a.criterion = row["text"][:200]


def add(store, a: Achievement) -> int:
    a = validate(a)
    _check_campaign_link(store, a)
    with store.transaction() as conn:
        a.id = insert_row(conn, "achievement", _COLUMNS, _values(a))
    return a.id


def update(store, a: Achievement) -> None:
    a = validate(a)
    _check_campaign_link(store, a)
    with store.transaction() as conn:
        # updated_at moves only when something changed (SET expressions see the old row).
        cur = conn.execute(
            f"UPDATE achievement SET {', '.join(c + ' = ?' for c in _COLUMNS)}, "
            f"updated_at = CASE WHEN {' AND '.join(c + ' IS ?' for c in _COLUMNS)} THEN updated_at ELSE ? END "
            "WHERE id = ?",
            (*_values(a), *_values(a), utc_now_iso(), a.id),
        )
        if cur.rowcount == 0:
            raise NotFound(f"Không tìm thấy thành tích số {a.id}.")


def _values(a: Achievement) -> tuple:
    return (a.date.isoformat(), a.person_id, a.collective_id, a.title, a.description, a.criterion,
            a.measure_value, a.measure_unit, a.campaign_id, a.criterion_id, a.classification)


def archive(store, achievement_id: int) -> None:
    _set_archived(store, achievement_id, utc_now_iso())


def restore(store, achievement_id: int) -> None:
    _set_archived(store, achievement_id, None)


def _set_archived(store, achievement_id: int, value: str | None) -> None:
    with store.transaction() as conn:
        cur = conn.execute("UPDATE achievement SET archived_at = ?, updated_at = ? WHERE id = ?",
                           (value, utc_now_iso(), achievement_id))
        if cur.rowcount == 0:
            raise NotFound(f"Không tìm thấy thành tích số {achievement_id}.")


def get(store, achievement_id: int) -> Achievement:
    row = store.one("SELECT * FROM achievement WHERE id = ?", (achievement_id,))
    if row is None:
        raise NotFound(f"Không tìm thấy thành tích số {achievement_id}.")
    return _from_row(row)


def _from_row(r: dict) -> Achievement:
    return Achievement(from_iso(r["date"]), r["title"], r["person_id"], r["collective_id"], r["description"],
                       r["criterion"], r["measure_value"], r["measure_unit"], r["archived_at"], r["id"],
                       r.get("campaign_id"), r.get("criterion_id"), r.get("classification") or "thuong")


# -- listing for tables ---------------------------------------------------------------------------

# Sort orders the ledger table offers; values are SQL over the ``LEDGER_FROM`` join.
SORTS = {
    "date": "a.date {d}, a.id {d}",
    "subject": "coalesce(p.sort_key, thidua_word_key(c.name)) {d}, a.date DESC",
    "title": "a.title COLLATE NOCASE {d}, a.id",
    "criterion": "a.criterion COLLATE NOCASE {d}, a.date DESC",
    "measure": "a.measure_value {d}, a.date DESC",
    "evidence": "(SELECT count(*) FROM evidence e WHERE e.achievement_id = a.id) {d}, a.date DESC",
}
LEDGER_FROM = ("achievement a LEFT JOIN person p ON p.id = a.person_id "
               "LEFT JOIN collective c ON c.id = a.collective_id")


@dataclass(frozen=True)
class LedgerFilter:
    text: str = ""
    archived: bool = False            # show the archive instead of the live ledger
    person_id: int | None = None
    collective_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    campaign_id: int | None = None
    criterion_id: int | None = None


def _where(flt: LedgerFilter, collected: bool = False) -> tuple[list[str], list, str | None] | None:
    """SQL conditions (over ``achievement a``) and parameters for ``flt``; ``None`` when nothing can match.

    ``collected``: the search's matches are in the ``_MATCHES`` table (:func:`_collect_matches`),
    looked up there instead of matched again.
    """
    where = ["a.archived_at IS NOT NULL" if flt.archived else "a.archived_at IS NULL"]
    params: list = []
    match = fts_query(flt.text)
    if flt.text.strip() and match is None:
        return None
    if match and collected:
        where.append(f"a.id IN {_MATCHES}")
    elif match:
        where.append(f"a.id IN ({_MATCHING})")
        params.append(match)
    for column in ("person_id", "collective_id", "campaign_id", "criterion_id"):
        value = getattr(flt, column)
        if value is not None:
            where.append(f"a.{column} = ?")
            params.append(value)
    if flt.date_from:
        where.append("a.date >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to:
        where.append("a.date <= ?")
        params.append(flt.date_to.isoformat())
    return where, params, match


# Achievements whose folded text matches (their rows in the index are keyed by date, then id: see
# :mod:`desktop.records.search`).
_MATCHING = f"SELECT {achievement_id_sql()} FROM search_fts WHERE search_fts MATCH ? AND rowid % 2 = 0"
# A search's count is exact up to this many matches; above it the ledger says "more than" it, so that a
# common word in a large ledger is not counted match by match (the rows are still all there to scroll).
COUNT_LIMIT = 10_000
# The last search's matches, a table of this connection alone (:func:`_collect_matches`).
_MATCHES = "temp.ledger_matches"
# Measured on 100,000 and 1,000,000 achievements (bench/): below this the lookups win.
_WALK_FACTOR = 20
# Partial indexes over (date, id) of the live and of the archived achievements (schema v2).
_DATE_INDEX = {False: "achievement_live_date", True: "achievement_archived_date"}


def _walk_dates(store, match: str, matches: int | None = None) -> bool:
    """Whether the first page of a search is found faster by walking the date index.

    Walking the achievements newest first and keeping those the index matched
    stops after one page, without looking up every match and sorting them all;
    but a rare word would walk much of the ledger for few rows, where looking up
    its few matches is quicker. The walk reads about ``page × N / matches``
    narrow index entries, the lookups ``matches`` wide rows (about 20 times the
    cost each), so the walk wins when matches² exceeds about 20 × N.
    """
    if matches is None:
        matches = _count_matching(store, match)
    total = store.conn.execute("SELECT coalesce(max(id), 0) FROM achievement").fetchone()[0]
    return matches * matches > _WALK_FACTOR * total


def _count_matching(store, match: str) -> int:
    """Achievements, live or archived, whose text matches (counted in the index alone)."""
    return store.conn.execute(f"SELECT count(*) FROM ({_MATCHING})", (match,)).fetchone()[0]


def _collect_matches(store, match: str) -> int:
    """Keep the achievements, live or archived, whose text matches in the ``_MATCHES`` table; how many.

    Matching is most of a search's cost: the first page and the count then look
    the ids up there (as rowids) instead of matching again.
    """
    conn = store.conn
    conn.execute(f"CREATE TABLE IF NOT EXISTS {_MATCHES} (id INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM {_MATCHES}")
    return conn.execute(f"INSERT INTO {_MATCHES} {_MATCHING}", (match,)).rowcount


def query_ids(store, flt: LedgerFilter = LedgerFilter(), sort: str = "date", descending: bool = True,
              limit: int | None = None, *, _matches: int | None = None) -> list[int]:
    """Ids of the achievements that match ``flt``, in table order.

    Only ids travel; the table asks :func:`rows` for what it draws, so a ledger
    of 100,000 achievements opens and filters quickly. People and collectives
    are joined only when the order needs their names. With a ``limit`` in date
    order (the first page of the ledger), a search walks the date index and
    stops after the page instead of sorting every match. ``_matches``: the search's
    matches were collected (:func:`_collect_matches`), this many.
    """
    built = _where(flt, collected=_matches is not None)
    if built is None:
        return []
    where, params, match = built
    sort = sort if sort in SORTS else "date"
    order = SORTS[sort].format(d="DESC" if descending else "ASC")
    source = LEDGER_FROM if sort == "subject" else "achievement a"
    if match and sort == "date" and limit is not None and _walk_dates(store, match, _matches):
        source = f"achievement a INDEXED BY {_DATE_INDEX[flt.archived]}"
    sql = f"SELECT a.id FROM {source} WHERE {' AND '.join(where)} ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [r[0] for r in store.conn.execute(sql, params)]


Page = namedtuple("Page", "ids total exact", defaults=(True,))
Page.__doc__ = """The first ids of the ledger, how many match in all, and whether that count is exact (when not,
more than :data:`COUNT_LIMIT` match and ``total`` is one more than it)."""


def first_page(store, flt: LedgerFilter, size: int, descending: bool = True) -> Page:
    """The first ``size`` ids of the ledger in date order, and how many match in all.

    A search with no other filter reads its page straight from the full-text index, which keeps the
    achievements in date order, and counts its matches only up to :data:`COUNT_LIMIT`: neither grows
    with the ledger. Other searches collect their matches once and look them up.
    """
    built = _where(flt)
    if built is None:
        return Page([], 0)
    where, _params, match = built
    if match and len(where) == 2 and not flt.archived:
        return _first_page_of_search(store, match, size, descending)
    matches = _collect_matches(store, match) if match else None
    ids = query_ids(store, flt, "date", descending, limit=size, _matches=matches)
    if len(ids) < size:
        return Page(ids, len(ids))
    return Page(ids, count_ids(store, flt, _matches=matches))


def _first_page_of_search(store, match: str, size: int, descending: bool) -> Page:
    """:func:`first_page` of the live ledger for a search alone (see there)."""
    conn = store.conn
    ids = [r[0] for r in conn.execute(
        f"SELECT a.id FROM search_fts f JOIN achievement a ON a.id = {achievement_id_sql('f.rowid')} "
        f"WHERE f.search_fts MATCH ? AND f.rowid % 2 = 0 AND a.archived_at IS NULL "
        f"ORDER BY f.rowid {'DESC' if descending else 'ASC'} LIMIT ?", (match, size))]
    if len(ids) < size:
        return Page(ids, len(ids))
    archived = _archived_among(store, "1")
    # Matches counted until more than the limit are live, however many of the archived ones match.
    limit = COUNT_LIMIT + archived
    matched = conn.execute(f"SELECT count(*) FROM ({_MATCHING} LIMIT ?)", (match, limit + 1)).fetchone()[0]
    if matched > limit:
        return Page(ids, COUNT_LIMIT + 1, exact=False)
    if archived:  # all the matches were counted: take away the archived ones
        matched -= _archived_among(store, f"a.id IN ({_MATCHING})", [match])
    return Page(ids, matched)


def _archived_among(store, condition: str, params: list | tuple = ()) -> int:
    """How many archived achievements meet ``condition`` (SQL over ``a``), read through the archive's own index."""
    return store.conn.execute(f"SELECT count(*) FROM achievement a INDEXED BY {_DATE_INDEX[True]} "
                              f"WHERE a.archived_at IS NOT NULL AND {condition}", params).fetchone()[0]


def count_ids(store, flt: LedgerFilter = LedgerFilter(), *, _matches: int | None = None) -> int:
    """How many achievements match ``flt`` (the length of :func:`query_ids` without a limit).

    A search with no other filter counts the index's matches and takes away
    those on the other side of the archive, which are few and have their own
    index, rather than looking up every match. ``_matches``: as for :func:`query_ids`.
    """
    built = _where(flt, collected=_matches is not None)
    if built is None:
        return 0
    where, params, match = built
    if match and len(where) == 2:
        matches = _count_matching(store, match) if _matches is None else _matches
        any_archived = store.conn.execute(
            f"SELECT 1 FROM achievement INDEXED BY {_DATE_INDEX[True]} WHERE archived_at IS NOT NULL LIMIT 1").fetchone()
        archived = 0 if any_archived is None else _archived_among(store, where[1], params)
        return archived if flt.archived else matches - archived
    return store.conn.execute(f"SELECT count(*) FROM achievement a WHERE {' AND '.join(where)}",
                              params).fetchone()[0]


def rows(store, ids: list[int]) -> dict[int, dict]:
    """Display rows for the given ids: the record plus subject name and evidence count."""
    if not ids:
        return {}
    out: dict[int, dict] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        sql = (f"SELECT a.*, coalesce(p.full_name, c.name) AS subject_name, "
               f"(SELECT count(*) FROM evidence e WHERE e.achievement_id = a.id) AS evidence_count "
               f"FROM {LEDGER_FROM} WHERE a.id IN ({','.join('?' * len(chunk))})")
        for r in store.query(sql, chunk):
            out[r["id"]] = r
    return out


def latest(store, limit: int = 10) -> list[dict]:
    ids = query_ids(store, limit=limit)
    found = rows(store, ids)
    return [found[i] for i in ids if i in found]

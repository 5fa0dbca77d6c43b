"""Models over people and collectives, and the filter that searches them without diacritics."""
from __future__ import annotations

import datetime as dt

from desktop import clock
from desktop.records import people
from desktop.dates import format_date
from desktop.text import fold
from desktop.ui.models.base import ID_ROLE, ItemsListModel, RowsTableModel
from desktop.ui.qt import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt

SORT_ROLE = Qt.UserRole + 2
FOLD_ROLE = Qt.UserRole + 3


class PeopleModel(RowsTableModel):
    """Everyone in the unit, in Vietnamese name order, with their latest rating."""

    KEYS = ["full_name", "birth_date", "sex", "position", "rank", "collective", "joined", "rating"]
    WIDE = ["full_name", "position", "rank", "collective"]

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self._rows: list[dict] = []
        self.rating_year = clock.today().year - 1
        self.headers = [self.tr("Full name"), self.tr("Date of birth"), self.tr("Sex"), self.tr("Position"),
                        self.tr("Rank / title"), self.tr("Collective"), self.tr("Joined"),
                        self.tr("Rating %1").replace("%1", str(self.rating_year))]
        self.reload()

    def reload(self) -> None:
        rows = self._store.query(
            "SELECT p.*, c.name AS collective_name, r.rating AS last_rating FROM person p "
            "LEFT JOIN collective c ON c.id = p.collective_id "
            "LEFT JOIN rating r ON r.person_id = p.id AND r.year = ? ORDER BY p.sort_key, p.id",
            (self.rating_year,),
        )
        for r in rows:
            r["_fold"] = fold(" ".join(str(r[k] or "") for k in ("full_name", "position", "rank", "collective_name")))
        self.set_rows(rows)

    def row_id(self, r: dict) -> int:
        return r["id"]

    def collective_id_at(self, row: int) -> int | None:
        return self._rows[row]["collective_id"]

    def cell(self, r, key: str, role: int):
        if role == ID_ROLE:
            return r["id"]
        if role == FOLD_ROLE:
            return r["_fold"]
        if role == Qt.DisplayRole:
            return {
                "full_name": r["full_name"], "birth_date": format_date(r["birth_date"]),
                "sex": people.SEXES.get(r["sex"] or "", ""), "position": r["position"], "rank": r["rank"],
                "collective": r["collective_name"] or "", "joined": str(r["year_joined"] or ""),
                "rating": people.RATINGS.get(r["last_rating"] or "", ""),
            }[key]
        if role == SORT_ROLE:
            if key == "full_name":
                return r["sort_key"]
            if key == "birth_date":
                return r["birth_date"] or ""
            if key == "rating":
                return people.RATING_RANK.get(r["last_rating"] or "", -1)
            if key == "joined":
                return r["year_joined"] or 0
            return fold(self.cell(r, key, Qt.DisplayRole))
        return None


class FoldFilterProxy(QSortFilterProxyModel):
    """Filters rows by what the user typed, ignoring case and diacritics; sorts by SORT_ROLE."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.collective: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self._words:
            return True
        haystack = self.sourceModel().index(row, 0, parent).data(FOLD_ROLE) or ""
        return all(w in haystack for w in self._words)


class CollectivesModel(ItemsListModel):
    """The unit and its teams; optionally led by an "all collectives" row (id ``None``)."""

    MISSING_ROW = 0

    def __init__(self, store, parent=None, *, with_all: bool = False, with_none: bool = False,
                 counts: bool = True):
        super().__init__(parent)
        self._store = store
        self._with_all = with_all
        self._counts = counts
        self._with_none = with_none
        self._items: list[tuple[int | None, str, int]] = []
        self.reload()

    def reload(self) -> None:
        counts = {r["collective_id"]: r["n"] for r in self._store.query(
            "SELECT collective_id, count(*) AS n FROM person GROUP BY collective_id")}
        items: list[tuple[int | None, str, int]] = []
        if self._with_all:
            items.append((None, QCoreApplication.translate("CollectivesModel", "All collectives"), sum(counts.values())))
        if self._with_none:
            items.append((None, QCoreApplication.translate("CollectivesModel", "(none)"), 0))
        for c in people.list_collectives(self._store):
            items.append((c.id, c.name, counts.get(c.id, 0)))
        self.set_items(items)

    def row_id(self, item: tuple[int | None, str, int]) -> int | None:
        return item[0]

    def item_data(self, item, role: int):
        cid, name, n = item
        if role == Qt.DisplayRole:
            return f"{name} ({n})" if self._with_all and self._counts else name
        if role == Qt.EditRole:
            return name
        if role == ID_ROLE:
            return cid
        return None


class PersonChoiceModel(ItemsListModel):
    """People for a combo box: name and collective, in name order."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._items = store.query(
            "SELECT p.id, p.full_name, coalesce(c.name, '') AS cname FROM person p "
            "LEFT JOIN collective c ON c.id = p.collective_id ORDER BY p.sort_key, p.id")

    def row_id(self, r: dict) -> int:
        return r["id"]

    def item_data(self, r, role: int):
        if role in (Qt.DisplayRole, Qt.EditRole):
            return r["full_name"] if role == Qt.EditRole else f"{r['full_name']} — {r['cname']}" if r["cname"] else r["full_name"]
        if role == ID_ROLE:
            return r["id"]
        if role == FOLD_ROLE:
            return fold(r["full_name"])
        return None

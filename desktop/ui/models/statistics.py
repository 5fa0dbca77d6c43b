"""Models of the statistics page: counts by year × award, the awards received, title shares, a history."""
from __future__ import annotations

from desktop import catalog
from desktop.council import statistics
from desktop.dates import format_date
from desktop.numbers import percent
from desktop.council.prizes import format_vnd
from desktop.ui.qt import QCoreApplication, QModelIndex, Qt
from desktop.ui.models.base import RowsTableModel



class CountsModel(RowsTableModel):
    """One row per award (catalog order), one column per year, a total column, a total row and the year's
    prize money (what the decisions' lists add up to)."""

    WIDE = ["award"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.years: list[int] = []
        self._rows: list[tuple[str, list[int]]] = []
        self.prize_row: int = -1
        self.headers = []
        self.KEYS = []

    def set_rows(self, rows: list[statistics.AwardRow]) -> None:
        self.beginResetModel()
        years, awards, counts = statistics.counts_year_award(rows)
        self.years = years
        self.KEYS = ["award", "level", *[str(y) for y in years], "total"]
        self.headers = [self.tr("Award"), self.tr("Level"), *[str(y) for y in years], self.tr("Total")]
        body = []
        for a in awards:
            per = [counts.get((y, a), 0) for y in years]
            body.append((a, per))
        self.prize_row = -1
        if body:
            body.append((QCoreApplication.translate("StatisticsModels", "Total"), [sum(counts.get((y, a), 0) for a in awards) for y in years]))
            prizes = statistics.prize_by_year(rows)
            body.append((QCoreApplication.translate("StatisticsModels", "Prize money"), [prizes.get(y, 0) for y in years]))
            self.prize_row = len(body) - 1
        self._rows = body
        self.endResetModel()

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        award, per = self._rows[index.row()]
        col = index.column()
        total_row = index.row() >= len(self._rows) - 2
        if role == Qt.DisplayRole:
            if col == 0:
                return award
            if index.row() == self.prize_row and col >= 2:
                return format_vnd(sum(per) if col == len(self.KEYS) - 1 else per[col - 2])
            if col == 1:
                known = catalog.load().get(award) if not total_row else None
                return catalog.LEVELS.get(known.level, "") if known else ""
            if col == len(self.KEYS) - 1:
                return str(sum(per))
            n = per[col - 2]
            return str(n) if n else ""
        if role == Qt.TextAlignmentRole and col >= 2:
            return int(Qt.AlignCenter)
        if role == Qt.FontRole and total_row:
            from desktop.ui.qt import QFont

            f = QFont()
            f.setBold(True)
            return f
        return None


class AwardsModel(RowsTableModel):
    """Every award received in the range, with its decision and prize."""

    KEYS = ["year", "award", "level", "kind", "name", "where", "decision", "date", "issuer", "prize"]
    WIDE = ["award", "name", "where", "issuer"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[statistics.AwardRow] = []
        self.headers = [self.tr("Year"), self.tr("Award"), self.tr("Level"), self.tr("Individual / collective"),
                        self.tr("Name"), self.tr("Collective"), self.tr("Decision"), self.tr("Decision date"),
                        self.tr("Issued by"), self.tr("Prize")]

    def cell(self, r, key: str, role: int):
        if role == Qt.DisplayRole:
            return {
                "year": str(r.year), "award": r.award, "level": catalog.LEVELS.get(r.level, ""),
                "kind": statistics.SUBJECTS[r.kind], "name": r.name, "where": r.where,
                "decision": r.decision_number, "date": format_date(r.decision_date), "issuer": r.issuer,
                "prize": format_vnd(r.prize),
            }[key]
        if role == Qt.TextAlignmentRole and key == "prize":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.TextAlignmentRole and key in ("year", "date"):
            return int(Qt.AlignCenter)
        return None


class SharesModel(RowsTableModel):
    """The share of staff (people rated that year) holding each personal title, per year."""

    KEYS = ["year", "title", "holders", "share"]
    WIDE = ["title"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[statistics.TitleShare] = []
        self.headers = [self.tr("Year"), self.tr("Title"), self.tr("Holders / staff rated"), self.tr("Share")]

    def cell(self, r, key: str, role: int):
        if role == Qt.DisplayRole:
            return {"year": str(r.year), "title": r.title, "holders": f"{r.holders}/{r.staff}",
                    "share": percent(r.share * 100, 0)}[key]
        if role == Qt.TextAlignmentRole and key != "title":
            return int(Qt.AlignCenter)
        return None


class HistoryModel(RowsTableModel):
    """A person's or collective's years: the rating and the awards received (one row per award)."""

    KEYS = ["year", "rating", "award", "decision", "prize"]
    WIDE = ["rating", "award", "decision"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[int, str, statistics.AwardRow | None]] = []
        self.headers = [self.tr("Year"), self.tr("Rating"), self.tr("Award"), self.tr("Decision"),
                        self.tr("Prize")]

    def set_history(self, years: list[statistics.HistoryYear]) -> None:
        self.beginResetModel()
        rows = []
        for h in years:
            if not h.awards:
                rows.append((h.year, h.rating_text, None))
            for i, a in enumerate(h.awards):
                rows.append((h.year, h.rating_text if i == 0 else "", a))
        self._rows = rows
        self.endResetModel()

    def cell(self, row, key: str, role: int):
        year, rating, a = row
        if role == Qt.DisplayRole:
            if key == "year":
                return str(year)
            if key == "rating":
                return rating
            if a is None:
                return ""
            if key == "award":
                return a.award
            if key == "decision":
                return " ".join(x for x in (a.decision_number, format_date(a.decision_date), a.issuer) if x)
            if key == "prize":
                return format_vnd(a.prize)
        if role == Qt.TextAlignmentRole and key == "prize":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

"""Thống kê: awards received over the years, by level, kind and subject, with a chart; the share of
staff holding each title; each person's and collective's history; the export a Sở asks for."""
from __future__ import annotations

from pathlib import Path

from desktop import catalog
from desktop.records import people
from desktop.council import statistics
from desktop.council.prizes import format_vnd
from desktop.ui.models.statistics import AwardsModel, CountsModel, HistoryModel, SharesModel
from desktop.changes import Area
from desktop.ui.operations import attempt
from desktop.ui.qt import HAVE_CHARTS, QLabel, QSpinBox, QTabWidget, QVBoxLayout, QWidget, Qt
from desktop.ui.build import button, choice, hbox, splitter, with_chosen_file
from desktop.ui.widgets import cleared_chart, start_chart, table_view

if HAVE_CHARTS:
    from desktop.ui.qt import QBarCategoryAxis, QBarSeries, QBarSet, QChartView, QValueAxis

GROUPS = ("level", "type", "kind")


def _group_labels(group: str) -> dict[str, str]:
    if group == "level":
        return dict(catalog.LEVELS)
    if group == "type":
        return dict(catalog.TYPES)
    return dict(statistics.SUBJECTS)


class AwardsChart(QChartView if HAVE_CHARTS else QLabel):  # type: ignore[misc]
    """Awards per year as grouped bars, one bar set per level, kind or subject."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(240)
        self.sets: dict[str, list[int]] = {}
        start_chart(self)

    def show_counts(self, rows: list[statistics.AwardRow], group: str) -> None:
        labels = _group_labels(group)
        counts = statistics.count_by(rows, lambda r: getattr(r, group))
        years = list(counts)
        self.sets = {labels.get(k, k): [counts[y].get(k, 0) for y in years] for k in labels
                     if any(counts[y].get(k, 0) for y in years)}
        if not HAVE_CHARTS:
            self.setText("\n".join(f"{k}: {v}" for k, v in self.sets.items()))
            return
        chart = cleared_chart(self)
        series = QBarSeries()
        for label, values in self.sets.items():
            s = QBarSet(label)
            s.append([float(v) for v in values])
            series.append(s)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([str(y) for y in years])
        chart.addAxis(x, Qt.AlignBottom)
        series.attachAxis(x)
        y = QValueAxis()
        y.setLabelFormat("%d")
        top = max([v for vs in self.sets.values() for v in vs] or [1])
        y.setRange(0, top + 1)
        y.setTickCount(min(top + 2, 8))
        chart.addAxis(y, Qt.AlignLeft)
        series.attachAxis(y)


class StatisticsPage(QWidget):
    AREAS = frozenset({Area.LEDGER, Area.PEOPLE, Area.CAMPAIGNS, Area.NOMINATIONS, Area.REVIEW})  # counted by year

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        lay = QVBoxLayout(self)
        self.year_from, self.year_to = QSpinBox(), QSpinBox()
        for box, name in ((self.year_from, "stats_from"), (self.year_to, "stats_to")):
            box.setObjectName(name)
            box.setRange(1950, 2200)
            box.valueChanged.connect(self._range_changed)
        self.group = choice("stats_group", [(self.tr("Level"), "level"),
                                            (self.tr("Kind (title or award form)"), "type"),
                                            (self.tr("Individual or collective"), "kind")], self._draw)
        self.summary = QLabel()
        self.summary.setObjectName("stats_summary")
        self.export_btn = button(self.tr("Export to Excel…"), self.export)
        lay.addLayout(hbox(QLabel(self.tr("From year:")), self.year_from, QLabel(self.tr("to:")), self.year_to, 16,
                           QLabel(self.tr("Chart by:")), self.group, None, self.summary, self.export_btn))

        self.chart = AwardsChart()
        self.chart.setObjectName("stats_chart")
        self.tabs = QTabWidget()
        self.counts = CountsModel(self)
        self.awards = AwardsModel(self)
        self.shares = SharesModel(self)
        self.history = HistoryModel(self)
        self.counts_view = table_view(self.counts, "stats_counts")
        self.awards_view = table_view(self.awards, "stats_awards")
        for col, width in {0: 56, 2: 130, 3: 100, 4: 180, 5: 170, 6: 130, 7: 100, 8: 220, 9: 110}.items():
            self.awards_view.setColumnWidth(col, width)
        self.shares_view = table_view(self.shares, "stats_shares")
        self.tabs.addTab(self.counts_view, self.tr("By year and award"))
        self.tabs.addTab(self.awards_view, self.tr("Awards received"))
        self.tabs.addTab(self.shares_view, self.tr("Share of staff per title"))
        hist = QWidget()
        hl = QVBoxLayout(hist)
        self.subject = choice("stats_subject", [], self._subject_changed)
        hl.addLayout(hbox(QLabel(self.tr("History of:")), (self.subject, 1)))
        self.history_view = table_view(self.history, "stats_history")
        hl.addWidget(self.history_view)
        self.tabs.addTab(hist, self.tr("History"))
        self.splitter = splitter(Qt.Vertical, self.chart, self.tabs, stretch=(2, 3), parent=self)
        lay.addWidget(self.splitter, 1)
        self.rows: list[statistics.AwardRow] = []
        self.reload()

    def reload(self) -> None:
        """Re-read every award; the year range widens to the years on record."""
        years = statistics.years(statistics.awards(self.store))
        for box in (self.year_from, self.year_to):
            box.blockSignals(True)
        if years:
            self.year_from.setValue(years[0])
            self.year_to.setValue(years[-1])
        for box in (self.year_from, self.year_to):
            box.blockSignals(False)
        self.subject.blockSignals(True)
        current = self.subject.currentData()
        self.subject.clear()
        for c in people.list_collectives(self.store):
            self.subject.addItem(self.tr("%1 (collective)").replace("%1", c.name), f"collective:{c.id}")
        for p in people.list_people(self.store):
            self.subject.addItem(p.full_name, f"person:{p.id}")
        i = self.subject.findData(current) if current else -1
        self.subject.setCurrentIndex(i if i >= 0 else (0 if self.subject.count() else -1))
        self.subject.blockSignals(False)
        self._range_changed()
        self._subject_changed()

    def _range_changed(self, *_args) -> None:
        a, b = self.year_from.value(), self.year_to.value()
        self.rows = statistics.awards(self.store, a, b) if a <= b else []
        self.counts.set_rows(self.rows)
        self.counts_view.setColumnWidth(0, 360)
        self.counts_view.setColumnWidth(1, 130)
        for col in range(2, self.counts.columnCount()):
            self.counts_view.setColumnWidth(col, 80)
        self.awards.set_rows(self.rows)
        self.shares.set_rows([s for s in statistics.title_shares(self.store) if a <= s.year <= b])
        total = sum(statistics.prize_by_year(self.rows).values())
        self.summary.setText(self.tr("%1 awards, prizes %2").replace("%1", str(len(self.rows))).replace(
            "%2", format_vnd(total)))
        self._draw()

    def _draw(self, *_args) -> None:
        self.chart.show_counts(self.rows, self.group.currentData() or "level")

    def _subject_changed(self, *_args) -> None:
        data = self.subject.currentData()
        if not data:
            self.history.set_history([])
            return
        kind, sid = data.split(":")[0], int(data.split(":")[1])
        self.history.set_history(statistics.history(
            self.store, **({"person_id": sid} if kind == "person" else {"collective_id": sid})))

    def export(self) -> None:
        with_chosen_file(self, self.tr("Export awards"), "khen-thuong.xlsx", self.tr("Excel workbooks (*.xlsx)"),
                         lambda name: self.export_to(Path(name)), save=True)

    def export_to(self, path: Path) -> bool:
        from desktop.excel.awards import write_awards

        return attempt(self, lambda: write_awards(self.store, path, year_from=self.year_from.value(),
                                                  year_to=self.year_to.value()))

"""Sổ in: every print of the unit's documents (who, when, what, pages, copies, printer, why it was allowed)
and the paper used per month, as a small bar chart also shown on the overview."""
from __future__ import annotations

import datetime as dt

from desktop.dossier import printing
from desktop.changes import Area
from desktop.ui.qt import (
    QColor, QCoreApplication, QFrame, QHBoxLayout, QLabel, QPen,
    QVBoxLayout, QWidget, Qt,
)
from desktop.ui.build import panel, splitter, text_label
from desktop.ui.widgets import DeferredChart, table_view
from desktop import clock

BAR_COLOR = QColor("#0b4f8a")
TARGET_COLOR = QColor("#b00020")


def month_keys(pages: dict[str, int], today: dt.date | None = None, *, at_least: int = 6,
               at_most: int = 12) -> list[str]:
    """The months the chart shows (``YYYY-MM``): the last ``at_least`` up to this month, reaching back to the
    first month with prints, at most ``at_most`` months."""
    today = today or clock.today()
    months = []
    year, month = today.year, today.month
    earliest = min(pages) if pages else None
    while len(months) < at_most:
        key = f"{year:04d}-{month:02d}"
        months.append(key)
        if len(months) >= at_least and (earliest is None or key <= earliest):
            break
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    later = sorted(k for k in pages if k > months[0])   # a clock set back: keep what was logged
    return sorted(set(months) | set(later))[-at_most:]


def month_label(key: str, *, short: bool = False) -> str:
    """``2026-07`` → ``07/2026`` (``7/26`` where space is short)."""
    return f"{int(key[5:7])}/{key[2:4]}" if short else f"{key[5:7]}/{key[:4]}"


class PagesChart(DeferredChart):
    """Pages printed per month (pages × copies) as bars; optionally the paperless target, 0 pages, as a line."""

    def __init__(self, parent=None, *, minimum_height: int = 180, compact: bool = False):
        super().__init__(parent, minimum_height=minimum_height, margin=2)
        self.compact = compact      # the overview's small chart: short labels, no legend
        self.months: list[str] = []
        self.values: list[int] = []
        self.target_shown = False

    def setup(self, chart) -> None:
        if chart is not None and self.compact:
            chart.layout().setContentsMargins(0, 0, 0, 0)

    def show_pages(self, pages: dict[str, int], *, target: bool = False, today: dt.date | None = None) -> None:
        self.months = month_keys(pages, today)
        self.values = [int(pages.get(m, 0)) for m in self.months]
        self.target_shown = target
        self.redraw()

    def as_text(self) -> str:
        return ", ".join(f"{month_label(m)}: {v}" for m, v in zip(self.months, self.values))

    def plot(self, chart) -> None:
        from desktop.ui.qt import QBarCategoryAxis, QBarSeries, QBarSet, QLineSeries, QValueAxis

        target = self.target_shown
        bars = QBarSet(QCoreApplication.translate("PagesChart", "Pages printed"))
        bars.setColor(BAR_COLOR)
        bars.setBorderColor(BAR_COLOR)
        for value in self.values:
            bars.append(value)
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([month_label(m, short=self.compact) for m in self.months])
        axis_y = QValueAxis()
        top = max(self.values + [0])
        axis_y.setRange(0, max(4, top * 1.25))
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%d")
        axis_y.setTickCount(3 if self.compact else 5)
        if self.compact:
            font = axis_x.labelsFont()
            font.setPointSizeF(7)
            axis_x.setLabelsFont(font)
            axis_y.setLabelsFont(font)
        chart.addAxis(axis_x, Qt.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        bars.setLabelColor(QColor("#222222"))
        series.setLabelsPosition(QBarSeries.LabelsOutsideEnd)
        series.setLabelsVisible(any(self.values))
        if target:
            line = QLineSeries()
            line.setName(QCoreApplication.translate("PagesChart", "Target: 0 pages"))
            pen = QPen(TARGET_COLOR, 2)
            pen.setStyle(Qt.DashLine)
            line.setPen(pen)
            line.append(-0.5, 0)
            line.append(len(self.months) - 0.5, 0)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        chart.legend().setVisible(target and not self.compact)


class PrintLogPage(QWidget):
    AREAS = frozenset({Area.PRINT_LOG})

    def __init__(self, store, parent=None):
        from desktop.ui.models.documents import PrintLogModel  # drafting code: loaded with the page, not the overview

        super().__init__(parent)
        self.store = store
        self._loaded = False
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(QLabel("<b>" + self.tr("Print log") + "</b>"))
        head.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("print_summary")
        head.addWidget(self.summary)
        lay.addLayout(head)
        self.rule = text_label(self.tr("Paperless campaigns print only classified documents and the dossiers of "
                                       "state-level awards; every print is written here with why it was allowed."),
                               style="color: #555;")
        lay.addWidget(self.rule)

        self.model = PrintLogModel(store, self)
        self.view = table_view(self.model, "print_log")
        box, bl = panel((0, 4, 0, 0))
        bl.addWidget(QLabel("<b>" + self.tr("Paper used per month (pages × copies)") + "</b>"))
        self.chart = PagesChart(minimum_height=200)
        self.chart.setObjectName("print_chart")
        bl.addWidget(self.chart, 1)
        self.splitter = splitter(Qt.Vertical, self.view, box, stretch=(3, 2), name="print_log_splitter",
                                 collapsible=False, parent=self)
        self.splitter.setSizes([420, 260])
        lay.addWidget(self.splitter, 1)

    def showEvent(self, event) -> None:
        if not self._loaded:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self._loaded = True
        self.model.reload()
        pages = printing.pages_per_month(self.store)
        self.chart.show_pages(pages)
        this_month = clock.today().strftime("%Y-%m")
        self.summary.setText(self.tr("%1 prints logged · %2 pages this month")
                             .replace("%1", str(self.model.rowCount()))
                             .replace("%2", str(pages.get(this_month, 0))))


class PaperBox(QFrame):
    """Giấy in theo tháng, for the overview: the monthly pages and, while a paperless campaign runs, its target."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("paper_box")
        self.setFrameShape(QFrame.StyledPanel)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(2)
        lay.addWidget(QLabel("<b>" + self.tr("Paper printed per month") + "</b>"))
        self.chart = PagesChart(minimum_height=96, compact=True)
        self.chart.setObjectName("paper_chart")
        lay.addWidget(self.chart, 1)
        self.target = text_label(self.tr("Target: no paper, except classified documents and the dossiers of "
                                         "state-level awards"), name="paper_target",
                                 style=f"color: {TARGET_COLOR.name()};")
        lay.addWidget(self.target)
        self.setFixedWidth(330)
        self.setMaximumHeight(160)

    def show_pages(self, pages: dict[str, int], *, paperless: bool) -> None:
        self.chart.show_pages(pages, target=paperless)
        self.target.setVisible(paperless)

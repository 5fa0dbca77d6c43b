"""Tổng quan: the unit, its counts, the campaigns under way and the latest entries of the ledger."""
from __future__ import annotations

import datetime as dt

from desktop.campaigns import campaign as campaigns, deadlines
from desktop import clock, start
from desktop.dossier import printing
from desktop.records import unit
from desktop.changes import ALL
from desktop.dates import first_day, format_date, partial_text
from desktop.ui.models.campaigns import (
    ID_ROLE as CAMPAIGN_ID_ROLE, CriterionProgressModel, DeadlinesModel, RunningModel, days_text, deadline_text, latest_text,
    quota_text, urgency_color,
)
from desktop.ui.backups import BackupStatus
from desktop.ui.models.ledger import LedgerModel
from desktop.ui.format import html_text as _html
from desktop.ui.build import button, list_view, panel, select_row, text_label
from desktop.ui.widgets import DeferredChart, table_view
from desktop.ui.pages.print_log import PaperBox
from desktop.ui.qt import (
    QColor, QDate, QDateTime, QFrame, QGridLayout, QHBoxLayout, QLabel,
    QPen, QPushButton, QSplitter, QStackedWidget, QTime, QVBoxLayout, QWidget, Qt, Signal,
)


class CountCard(QFrame):
    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        self.value = QLabel("0")
        self.value.setStyleSheet("font-size: 22pt; font-weight: 600; color: #0b4f8a;")
        lay.addWidget(self.value)
        lay.addWidget(QLabel(caption))


def _msecs(day: dt.date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


class CriterionChart(DeferredChart):
    """The measured values of one criterion over time, with its target as a dashed line."""

    def __init__(self, parent=None):
        super().__init__(parent, minimum_height=200)
        self.values = self.target = None  # the two QLineSeries, once drawn
        self.progress: tuple[campaigns.CriterionProgress | None, dt.date | None, dt.date | None] = (None, None, None)

    def show_progress(self, k: campaigns.CriterionProgress | None, start: dt.date | None,
                      end: dt.date | None) -> None:
        self.progress = (k, start, end)
        self.redraw()

    def as_text(self) -> str:
        k = self.progress[0]
        return latest_text(k) if k else ""

    def plot(self, chart) -> None:
        from desktop.ui.qt import QDateTimeAxis, QLineSeries, QValueAxis

        k, start, end = self.progress
        self.values = self.target = None
        if k is None:
            return
        today = clock.today()
        days = [d for d, _v in k.series]
        lo = min(days + [start or today, today])
        hi = max(days + [end or today, today])
        if lo >= hi:
            lo, hi = lo - dt.timedelta(days=1), hi + dt.timedelta(days=1)
        unit_text = f" ({k.criterion.target_unit})" if k.criterion.target_unit else ""
        values = QLineSeries()
        values.setName(self.tr("Measured") + unit_text)
        values.setPointsVisible(True)
        values.setPen(QPen(QColor("#0b4f8a"), 2))
        for day, value in k.series:
            values.append(_msecs(day), value)
        target = QLineSeries()
        target.setName(self.tr("Target %1").replace("%1", k.goal_text))
        pen = QPen(QColor("#b00020"), 2)
        pen.setStyle(Qt.DashLine)
        target.setPen(pen)
        target.append(_msecs(lo), k.goal if k.goal is not None else k.criterion.target_value)
        target.append(_msecs(hi), k.goal if k.goal is not None else k.criterion.target_value)
        chart.addSeries(values)
        chart.addSeries(target)
        axis_x = QDateTimeAxis()
        # Short labels that fit: days within a year, months over longer spans.
        axis_x.setFormat("dd/MM" if (hi - lo).days <= 200 and lo.year == hi.year
                         else "dd/MM/yy" if (hi - lo).days <= 400 else "MM/yyyy")
        axis_x.setTickCount(5)
        axis_x.setRange(QDateTime.fromMSecsSinceEpoch(int(_msecs(lo))),
                        QDateTime.fromMSecsSinceEpoch(int(_msecs(hi))))
        axis_y = QValueAxis()
        top = max([k.goal if k.goal is not None else k.criterion.target_value] + [v for _d, v in k.series])
        axis_y.setRange(0, top * 1.1 if top > 0 else 1)
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%g")
        chart.addAxis(axis_x, Qt.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignLeft)
        for series in (values, target):
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        self.values, self.target = values, target


class RunningCampaigns(QWidget):
    """Phong trào đang diễn ra: the list on the left, the selected campaign's progress on the right."""

    open_campaign = Signal(int)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.model = RunningModel(store, self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        self.empty = text_label(self.tr("No campaign is under way. Campaigns are imported from the department's "
                                        "plans on the “Emulation campaigns” page."),
                                style="color: #555; padding: 8px;")
        self.stack.addWidget(self.empty)

        body = QSplitter(Qt.Horizontal)
        body.setChildrenCollapsible(False)
        self.view = list_view(self.model, "running_campaigns", "4px")
        self.view.setSpacing(2)
        self.view.setMinimumWidth(180)
        self.view.doubleClicked.connect(lambda ix: self.open_campaign.emit(ix.data(CAMPAIGN_ID_ROLE)))
        body.addWidget(self.view)

        detail, dl = panel((6, 0, 0, 0), layout=QHBoxLayout)
        text = QVBoxLayout()
        self.title_label = text_label(selectable=True)
        text.addWidget(self.title_label)
        self.deadline_label = QLabel()
        text.addWidget(self.deadline_label)
        self.quota_label = text_label(selectable=True)
        text.addWidget(self.quota_label)
        self.criteria_model = CriterionProgressModel(self)
        self.criteria_view = list_view(self.criteria_model, "running_criteria", "3px")
        text.addWidget(self.criteria_view, 1)
        self.no_targets = text_label(self.tr("No criterion of this campaign has a numeric target to follow."),
                                     style="color: #555;")
        text.addWidget(self.no_targets)
        text.addStretch(0)
        dl.addLayout(text, 5)
        self.chart = CriterionChart()
        dl.addWidget(self.chart, 6)
        body.addWidget(detail)
        body.setStretchFactor(1, 1)
        body.setSizes([320, 760])
        self.stack.addWidget(body)
        lay.addWidget(self.stack)

        self.view.selectionModel().currentRowChanged.connect(self._campaign_changed)
        self.criteria_view.selectionModel().currentRowChanged.connect(self._criterion_changed)

    def refresh(self) -> None:
        current = self.view.currentIndex().data(CAMPAIGN_ID_ROLE)
        self.model.reload()
        self.stack.setCurrentIndex(1 if self.model.rowCount() else 0)
        row = select_row(self.view, self.model.row_of(current), first=True)
        self._show(self.model.progress_at(row) if row is not None else None)

    def _campaign_changed(self, current, _previous) -> None:
        self._show(self.model.progress_at(current.row()) if current.isValid() else None)

    def _show(self, p: campaigns.CampaignProgress | None) -> None:
        self.progress = p
        if p is None:
            for label in (self.title_label, self.deadline_label, self.quota_label):
                label.clear()
            self.criteria_model.set_progress(None)
            self.chart.show_progress(None, None, None)
            return
        c = p.campaign
        period = " – ".join(partial_text(v) or "…" for v in (c.period_start, c.period_end)) \
            if c.period_start or c.period_end else ""
        runs = " · " + self.tr("runs %1").replace("%1", period) if period else ""
        self.title_label.setText(f"<b>{_html(c.title)}</b><br>"
                                 f"<span style='color:#444'>{_html(c.reference)}{_html(runs)}</span>")
        if p.deadline is None:
            self.deadline_label.setText(self.tr("Dossier deadline: not set in the plan"))
        else:
            color = urgency_color(p.urgency)
            due = _html(deadline_text(p.deadline, p.days_left))
            if color is not None:
                due = f"<b style='color:{color.name()}'>{due}</b>"
            self.deadline_label.setText(self.tr("Dossier deadline: %1").replace("%1", due))
        if p.phase is not None:
            phase = f"<b>{_html(p.phase.name)}</b>"
            if p.phase_deadline is not None:
                phase += " · " + _html(self.tr("due %1").replace("%1", format_date(p.phase_deadline)))
            self.deadline_label.setText(self.deadline_label.text() + "<br>"
                                        + self.tr("Current phase: %1").replace("%1", phase))
        if p.awards:
            lines = [_html(quota_text(use) + (f" ({c.phase_records[use.award.phase].name})"
                                              if use.award.phase is not None else "")) for use in p.awards]
            self.quota_label.setText("<b>" + self.tr("Awards and quotas used:") + "</b><br>" + "<br>".join(lines))
        else:
            self.quota_label.setText(self.tr("The plan names no award."))
        self.criteria_model.set_progress(p)
        has_targets = self.criteria_model.rowCount() > 0
        self.criteria_view.setVisible(has_targets)
        self.no_targets.setVisible(not has_targets)
        self.chart.setVisible(has_targets)
        if has_targets:
            self.criteria_view.setCurrentIndex(self.criteria_model.index(0))
            self._criterion_changed(self.criteria_model.index(0), None)
        else:
            self.chart.show_progress(None, None, None)

    def _criterion_changed(self, current, _previous) -> None:
        p = self.progress
        k = self.criteria_model.progress_at(current.row()) if current.isValid() else None
        if p is None or k is None:
            return
        self.chart.show_progress(k, first_day(p.campaign.period_start) if (p.campaign.period_start or '--')[:2] != '--' else None, p.deadline)



class OverviewPage(QWidget):
    AREAS = ALL  # it sums up everything: refreshed (not reloaded) on any change
    edit_unit_requested = Signal()
    leave_demo_requested = Signal()
    open_achievement = Signal(int)
    open_campaign = Signal(int)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        lay = QVBoxLayout(self)
        # The demo's own file says so; its button (shown by the launcher) leads to the clerk's own ledger.
        self.demo_banner = QFrame(self)
        self.demo_banner.setObjectName("demo_banner")
        self.demo_banner.setStyleSheet("#demo_banner { background: #fff3cd; border: 1px solid #e0c36c; } "
                                       "#demo_banner QLabel { color: #6b4e00; font-size: 11pt; }")
        banner = QHBoxLayout(self.demo_banner)
        banner.setContentsMargins(10, 6, 10, 6)
        self.demo_text = text_label("<b>" + self.tr("SAMPLE DATA") + "</b> — " + self.tr(
            "a made-up unit for trying the program, kept in a file of its own. Nothing here mixes with "
            "your unit's records."))
        banner.addWidget(self.demo_text, 1)
        self.leave_demo_btn = button(self.tr("Open my unit's ledger…"), self.leave_demo_requested)
        self.leave_demo_btn.hide()
        banner.addWidget(self.leave_demo_btn)
        self.demo_banner.setVisible(start.is_demo(store))
        lay.addWidget(self.demo_banner)
        # Deadlines within seven days, said at the top when the window starts (and on every refresh);
        # the clerk may close it, and it stays closed for those deadlines until the next day.
        self.deadline_box = QFrame(self)
        self.deadline_box.setObjectName("deadline_box")
        self.deadline_box.setStyleSheet("#deadline_box { background: #fde2e1; border: 1px solid #d9534f; }")
        box = QHBoxLayout(self.deadline_box)
        box.setContentsMargins(0, 0, 6, 0)
        self.deadline_banner = QLabel(self.deadline_box)
        self.deadline_banner.setObjectName("deadline_reminder")
        self.deadline_banner.setWordWrap(True)
        self.deadline_banner.setStyleSheet("#deadline_reminder { color: #7a1c1a; padding: 6px 10px; "
                                           "font-size: 10.5pt; }")
        box.addWidget(self.deadline_banner, 1)
        self.dismiss_reminder_btn = QPushButton(self.tr("Dismiss"), self.deadline_box)
        self.dismiss_reminder_btn.setObjectName("dismiss_reminder")
        self.dismiss_reminder_btn.setToolTip(self.tr("Do not remind of these deadlines again today"))
        self.dismiss_reminder_btn.clicked.connect(self.dismiss_reminders)
        box.addWidget(self.dismiss_reminder_btn, 0, Qt.AlignTop)
        self.deadline_box.hide()
        self._reminded: list[deadlines.Deadline] = []
        self._reminded_on: dt.date | None = None
        lay.addWidget(self.deadline_box)
        head = QHBoxLayout()
        self.unit_label = text_label()
        head.addWidget(self.unit_label, 1)
        self.edit_unit = button(self.tr("Unit profile…"), self.edit_unit_requested)
        head.addWidget(self.edit_unit)
        top = QHBoxLayout()
        top_left = QVBoxLayout()
        top_left.addLayout(head)
        top.addLayout(top_left, 1)
        self.paper = PaperBox(self)     # Giấy in theo tháng, against the paperless campaigns' target
        top.addWidget(self.paper)
        lay.addLayout(top)

        grid = QGridLayout()
        self.cards = {
            "collectives": CountCard(self.tr("Collectives")),
            "people": CountCard(self.tr("People")),
            "achievements": CountCard(self.tr("Achievements")),
            "evidence_files": CountCard(self.tr("Evidence files")),
        }
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, i)
        top_left.addLayout(grid)
        self.backup_status = BackupStatus(store, self)   # last backup, and a reminder after 7 days
        top_left.addWidget(self.backup_status)

        lay.addWidget(QLabel("<b>" + self.tr("Campaigns under way") + "</b>"))
        self.running = RunningCampaigns(store, self)
        self.running.open_campaign.connect(self.open_campaign)
        lay.addWidget(self.running, 3)

        lay.addWidget(QLabel("<b>" + self.tr("Upcoming deadlines") + "</b>"))
        self.deadlines = DeadlinesModel(self)
        self.deadlines_view = table_view(self.deadlines, "deadlines")
        self.deadlines_view.doubleClicked.connect(
            lambda ix: self.open_campaign.emit(self.deadlines.item(ix.row()).campaign_id))
        lay.addWidget(self.deadlines_view, 1)

        lay.addWidget(QLabel("<b>" + self.tr("Latest entries") + "</b>"))
        self.latest = LedgerModel(store, self, limit=12, load=False)
        self.latest_view = table_view(self.latest, "latest")
        self.latest_view.doubleClicked.connect(lambda ix: self.open_achievement.emit(self.latest.id_at(ix.row())))
        lay.addWidget(self.latest_view, 2)
        # Filled by refresh(), which the window calls when it shows the page (at start too).

    def refresh(self) -> None:
        p = unit.get(self.store)
        if p.is_set:
            lines = [f"<span style='font-size:15pt; font-weight:600'>{p.name}</span>"]
            if p.governing_body:
                lines.append(p.governing_body)
            if p.head_name:
                lines.append(f"{p.head_title}: {p.head_name}" if p.head_title else p.head_name)
            self.unit_label.setText("<br>".join(lines))
        else:
            self.unit_label.setText(self.tr("No unit profile yet. Enter the unit's name, governing body and "
                                            "head so that documents carry the right header."))
        counts = self.store.counts(*self.cards)
        for key, card in self.cards.items():
            card.value.setText(f"{counts[key]:,}".replace(",", "."))
        self.latest.reload()
        self.running.refresh()
        running = self.running.model
        paperless = any(running.progress_at(i).campaign.paperless for i in range(running.rowCount()))
        self.paper.show_pages(printing.pages_per_month(self.store), paperless=paperless)
        self.backup_status.refresh()
        self.show_deadlines(clock.today())

    def show_deadlines(self, today: dt.date) -> None:
        """List every upcoming deadline; remind of those within seven days in the banner at the top,
        but those whose reminder the clerk dismissed today."""
        from desktop.ui.reminders import dismissed

        items = deadlines.upcoming(self.store, today)
        self.deadlines.set_items(items, today)
        closed = dismissed(self.store, today)
        soon = [d for d in items if d.days_left(today) <= deadlines.REMIND_DAYS and d.key not in closed]
        self._reminded, self._reminded_on = soon, today
        if soon:
            lines = [f"{format_date(d.date)} ({_html(days_text(d.days_left(today)))}): {_html(d.label)} — "
                     f"{_html(d.campaign)}" for d in soon]
            self.deadline_banner.setText("<b>" + self.tr("Deadlines within seven days:") + "</b><br>"
                                         + "<br>".join(lines))
        self.deadline_box.setVisible(bool(soon))

    def has_reminders(self) -> bool:
        """Whether the banner reminds of a deadline (none dismissed today)."""
        return bool(self._reminded)

    def dismiss_reminders(self) -> None:
        """Close the reminder: the deadlines it names are not reminded of again today."""
        from desktop.ui.reminders import dismiss

        if self._reminded and self._reminded_on is not None:
            dismiss(self.store, [d.key for d in self._reminded], self._reminded_on)
        self._reminded = []
        self.deadline_box.hide()

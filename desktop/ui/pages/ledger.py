"""Sổ thành tích: the ledger, searchable as you type, with the archive one click away."""
from __future__ import annotations

from desktop.records import achievements as ach
from desktop.ui.dialogs.achievement import AchievementDialog
from desktop.ui.models.campaigns import ID_ROLE as CAMPAIGN_ID_ROLE
from desktop.ui.models.campaigns import CriterionChoiceModel
from desktop.ui.models.ledger import LedgerCells, LedgerModel
from desktop.ui.models.people import ID_ROLE, CollectivesModel
from desktop.changes import Area
from desktop.ui.operations import attempt
from desktop.ui.build import at_current, button, hbox, select_row
from desktop.ui.widgets import CampaignChooser, open_dialog, setup_table
from desktop.ui.qt import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableView, QTimer, QVBoxLayout, QWidget, Qt,
)

SEARCH_DELAY_MS = 150


class LedgerPage(QWidget):
    AREAS = frozenset({Area.LEDGER, Area.PEOPLE, Area.CAMPAIGNS})  # achievements, whose, and the campaign filter

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.dialog: AchievementDialog | None = None  # the dialog open on this page, if any
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("ledger_search")
        self.search.setPlaceholderText(self.tr("Search achievements (no need to type diacritics)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        top.addWidget(self.search, 3)
        self.collective = QComboBox()
        self.collective.setObjectName("ledger_collective")
        self.collectives = CollectivesModel(store, self, with_all=True, counts=False)
        self.collective.setModel(self.collectives)
        self.collective.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.collective.setMinimumContentsLength(8)
        top.addWidget(self.collective, 2)
        self.chooser = CampaignChooser(store, "ledger_campaign", self, first=self.tr("All campaigns"), caption=False,
                                       min_chars=8)
        self.campaign, self.campaigns = self.chooser.combo, self.chooser.model
        self.criterion = QComboBox()
        self.criterion.setObjectName("ledger_criterion")
        self.criteria = CriterionChoiceModel(store, self.tr("All criteria"), self)
        self.criterion.setModel(self.criteria)
        self.criterion.setEnabled(False)
        self.criterion.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.criterion.setMinimumContentsLength(8)
        for combo in (self.campaign, self.criterion):
            combo.view().setTextElideMode(Qt.ElideNone)
            combo.view().setMinimumWidth(420)
        top.addWidget(self.chooser, 2)
        top.addWidget(self.criterion, 2)
        self.show_archive = QCheckBox(self.tr("Show archive"))
        lay.addLayout(top)

        self.add_btn = button(self.tr("Add achievement…"), self.add)
        self.edit_btn = button(self.tr("Edit…"), self.edit)
        self.archive_btn = button(self.tr("Archive"), self.toggle_archive)
        self.count_label = QLabel()
        lay.addLayout(hbox(self.add_btn, self.edit_btn, self.archive_btn, 12, self.show_archive, None,
                           self.count_label))

        self.model = LedgerModel(store, self, load=False)  # loaded when first shown
        self.view = QTableView()
        self.view.setObjectName("ledger")
        self.view.setModel(self.model)
        self.view.setItemDelegate(LedgerCells(self.model, self.view))
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.DescendingOrder)
        setup_table(self.view)
        self.view.doubleClicked.connect(self.edit)
        lay.addWidget(self.view, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.collective.currentIndexChanged.connect(self.apply_filter)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.criterion.currentIndexChanged.connect(self.apply_filter)
        self.show_archive.toggled.connect(self.apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_count)  # scrolled to the end: the count is exact now
        self._update_count()
        self._update_buttons()

    def showEvent(self, event) -> None:
        if not self.model.loaded:
            self.model.reload()
            self._update_count()
        super().showEvent(event)

    def apply_filter(self) -> None:
        """Run the search now (the search box calls this shortly after typing stops)."""
        self._timer.stop()
        self.model.set_filter(ach.LedgerFilter(
            text=self.search.text(),
            archived=self.show_archive.isChecked(),
            collective_id=self.collective.currentData(ID_ROLE),
            campaign_id=self.campaign.currentData(CAMPAIGN_ID_ROLE),
            criterion_id=self.criterion.currentData(CAMPAIGN_ID_ROLE),
        ))
        self._update_count()
        self._update_buttons()

    def _campaign_changed(self) -> None:
        """The criterion filter offers the criteria of the chosen campaign."""
        campaign_id = self.campaign.currentData(CAMPAIGN_ID_ROLE)
        self.criterion.blockSignals(True)
        self.criteria.set_campaign(campaign_id)
        self.criterion.setCurrentIndex(0)
        self.criterion.blockSignals(False)
        self.criterion.setEnabled(campaign_id is not None and self.criteria.rowCount() > 1)
        self.apply_filter()

    def show_campaign(self, campaign_id: int) -> None:
        """Show every achievement linked to one campaign (other filters cleared)."""
        self.campaigns.reload()
        for widget in (self.search, self.collective, self.campaign, self.criterion, self.show_archive):
            widget.blockSignals(True)
        self.search.clear()
        self.collective.setCurrentIndex(0)
        self.show_archive.setChecked(False)
        self.campaign.setCurrentIndex(self.campaigns.row_of(campaign_id))
        for widget in (self.search, self.collective, self.campaign, self.criterion, self.show_archive):
            widget.blockSignals(False)
        self._campaign_changed()

    def _reload_campaigns(self) -> None:
        """After campaigns changed: keep the chosen campaign and criterion when they still exist."""
        campaign_id = self.campaign.currentData(CAMPAIGN_ID_ROLE)
        criterion_id = self.criterion.currentData(CAMPAIGN_ID_ROLE)
        for widget in (self.campaign, self.criterion):
            widget.blockSignals(True)
        self.campaigns.reload()
        self.campaign.setCurrentIndex(self.campaigns.row_of(campaign_id))
        kept = self.campaign.currentData(CAMPAIGN_ID_ROLE)
        self.criteria.set_campaign(kept)
        self.criterion.setCurrentIndex(self.criteria.row_of(criterion_id))
        for widget in (self.campaign, self.criterion):
            widget.blockSignals(False)
        self.criterion.setEnabled(kept is not None and self.criteria.rowCount() > 1)
        if (kept, self.criterion.currentData(CAMPAIGN_ID_ROLE)) != (campaign_id, criterion_id):
            self.apply_filter()

    def _update_count(self) -> None:
        n = self.model.total
        if not self.model.total_is_exact:  # a common word in a large ledger: counted up to a limit
            n -= 1
            text = self.tr("More than %1 achievements")
        elif self.show_archive.isChecked():
            text = self.tr("%1 archived achievements")
        else:
            text = self.tr("%1 achievements")
        self.count_label.setText(text.replace("%1", f"{n:,}".replace(",", ".")))

    def _update_buttons(self, *_args) -> None:
        archived = self.show_archive.isChecked()
        self.archive_btn.setText(self.tr("Restore") if archived else self.tr("Archive"))
        has = self.view.currentIndex().isValid()
        self.archive_btn.setEnabled(has)
        self.edit_btn.setEnabled(has)
        self.add_btn.setEnabled(not archived)

    def reload(self) -> None:
        self.collectives.reload()
        self._reload_campaigns()
        if self.model.loaded:  # otherwise it loads when first shown
            self.model.reload()
            self._update_count()

    def selected(self) -> int | None:
        return at_current(self.view, lambda ix: self.model.id_at(ix.row()))

    def select(self, achievement_id: int) -> None:
        select_row(self.view, self.model.row_of(achievement_id))

    def add(self) -> None:
        # A new achievement joins the campaign (and criterion) the ledger is filtered by.
        self._open(AchievementDialog(self, self.store, campaign_id=self.campaign.currentData(CAMPAIGN_ID_ROLE),
                                     criterion_id=self.criterion.currentData(CAMPAIGN_ID_ROLE)))

    def edit(self, *_args) -> None:
        aid = self.selected()
        if aid is None:
            return
        self.open(aid)

    def open(self, achievement_id: int) -> None:
        self._open(AchievementDialog(self, self.store, achievement_id))

    def _open(self, dialog: AchievementDialog) -> None:
        """Show the dialog window-modally without blocking; the table follows when it saves."""
        dialog.saved.connect(self._after_save)
        open_dialog(self, dialog)

    def _after_save(self, achievement_id: int) -> None:
        self.model.reload()
        self._update_count()
        self.select(achievement_id)  # the dialog's operation announced the change

    def toggle_archive(self) -> None:
        aid = self.selected()
        if aid is None:
            return
        row = self.view.currentIndex().row()
        action = ach.restore if self.show_archive.isChecked() else ach.archive
        if attempt(self, lambda: action(self.store, aid), changes=Area.LEDGER):
            self.model.reload()
            self._update_count()
            if self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
            self._update_buttons()

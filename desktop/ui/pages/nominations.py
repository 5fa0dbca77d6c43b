"""Đề nghị khen thưởng: a campaign's candidates, the quota use of its awards, and each candidate's rule checks.

A nomination goes to the council (Trình họp xét) only when every rule
passes; a passed deadline is the one rule the clerk may override, with a
reason that stays on the nomination.
"""
from __future__ import annotations

import datetime as dt

from desktop.council import nominations
from desktop.errors import UserError
from desktop.council.nominations import RuleViolation
from desktop.ui.dialogs.nomination import NominationDialog, checks_view
from desktop.ui.dialogs.outcome import OutcomeDialog
from desktop.ui.models.nominations import ID_ROLE, ChecksModel, NominationsModel, QuotaModel
from desktop.changes import OUTCOME_RECORDED, Area
from desktop.ui.operations import announce, attempt, show_error
from desktop.ui.qt import (
    QAbstractItemView, QInputDialog, QLabel, QListView, QMessageBox, QVBoxLayout, QWidget, Qt,
)
from desktop.ui.build import button, group, hbox, select_row, splitter, text_label
from desktop.ui.widgets import CampaignChooser, PhaseChooser, open_dialog, table_view


class NominationsPage(QWidget):
    # The nominations, their checks (ledger, ratings, registration), the council's votes on them.
    AREAS = frozenset({Area.NOMINATIONS, Area.CAMPAIGNS, Area.PEOPLE, Area.LEDGER, Area.REGISTRATION, Area.MEETINGS})

    def __init__(self, store, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.store = store
        self.today = today
        self.dialog: NominationDialog | None = None  # the dialog open on this page, if any
        lay = QVBoxLayout(self)

        self.chooser = CampaignChooser(store, "nomination_campaign", self, min_chars=20)
        self.campaign, self.campaigns = self.chooser.combo, self.chooser.model
        # A campaign with phases (sơ kết, tổng kết): the nominations and quotas of one phase, or of all.
        self.phases = PhaseChooser("nomination_phase", self, whole=self.tr("All phases"))
        self.phase = self.phases.combo
        lay.addLayout(hbox((self.chooser, 1), self.phases))
        self.reference = text_label(style="color: #6b6b6b;")
        lay.addWidget(self.reference)

        quota_box, ql = group(self.tr("Quotas of the plan (proposed / allowed)"), margins=(6, 2, 6, 6))
        self.quotas = QuotaModel(store, self)
        self.quota_view = QListView()
        self.quota_view.setObjectName("quotas")
        self.quota_view.setModel(self.quotas)
        self.quota_view.setSelectionMode(QAbstractItemView.NoSelection)
        self.quota_view.setFocusPolicy(Qt.NoFocus)
        self.quota_view.setFrameShape(QListView.NoFrame)
        self.quota_view.setStyleSheet("QListView { background: transparent; }")
        ql.addWidget(self.quota_view)
        lay.addWidget(quota_box)

        self.add_btn = button(self.tr("Add nomination…"), self.add)
        self.edit_btn = button(self.tr("Edit…"), self.edit)
        self.delete_btn = button(self.tr("Delete"), self.delete)
        self.submit_btn = button(self.tr("Submit to the council"), self.submit)
        self.withdraw_btn = button(self.tr("Withdraw"), self.withdraw)
        self.outcome_btn = button(self.tr("Record outcome…"), self.record_outcome,
                                  tip=self.tr("Record the decision that came back on a sent nomination"))
        self.ad_hoc_btn = button(
            self.tr("Ad-hoc awards…"), self.open_ad_hoc,
            tip=self.tr("Khen thưởng đột xuất: a nomination for a one-off feat, outside any campaign"))
        self.count_label = QLabel()
        lay.addLayout(hbox(self.add_btn, self.edit_btn, self.delete_btn, self.submit_btn, self.withdraw_btn,
                           self.outcome_btn, self.ad_hoc_btn, None, self.count_label))

        self.model = NominationsModel(store, self, today=today)
        self.view = table_view(self.model, "nominations")
        self.view.doubleClicked.connect(self.edit)
        checks_box, cl = group(self.tr("Conditions of the selected nomination"), margins=(6, 2, 6, 6))
        self.checks = ChecksModel(self)
        self.checks_view = checks_view(self.checks)
        self.checks_view.setObjectName("selected_checks")
        cl.addWidget(self.checks_view)
        self.splitter = splitter(Qt.Vertical, self.view, checks_box, stretch=(3, 2), name="nominations_splitter",
                                 collapsible=False, parent=self)
        lay.addWidget(self.splitter, 1)

        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.phase.currentIndexChanged.connect(self._phase_changed)
        self.view.selectionModel().currentRowChanged.connect(self._selection_changed)
        self._campaign_changed()

    # -- campaign ---------------------------------------------------------------------------------

    def campaign_id(self) -> int | None:
        return self.chooser.campaign_id()

    def set_campaign(self, campaign_id: int) -> None:
        self.chooser.set_campaign(campaign_id)

    def phase_id(self) -> int | None:
        """The phase chosen (``None``: all the campaign's nominations)."""
        return self.phases.phase_id()

    def set_phase(self, phase_id: int | None) -> None:
        self.phases.set_phase(phase_id)

    def _campaign_changed(self, *_args, phase_id: int | None = None) -> None:
        c = self.chooser.campaign()
        if c is None:
            self.reference.setText(self.tr("There is no campaign yet: add the plan on the campaigns page first."))
        else:
            self.reference.setText(c.reference)
        self.phases.set_campaign(c, phase_id)
        self._phase_changed()

    def _phase_changed(self, *_args) -> None:
        c = self.chooser.campaign()
        phase_id = self.phase_id()
        self.quotas.set_campaign(c, phase_id)
        self._fit_quotas()
        self.model.set_campaign(c.id if c else None, phase_id, all_phases=phase_id is None)
        self.add_btn.setEnabled(c is not None)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._selection_changed()

    def _fit_quotas(self) -> None:
        rows = max(self.quotas.rowCount(), 1)
        self.quota_view.setFixedHeight(rows * (self.quota_view.fontMetrics().height() + 4) + 4)

    def reload(self) -> None:
        """Re-read everything (another page changed the data), keeping the campaign and the selection."""
        campaign_id, nomination_id, phase_id = self.campaign_id(), self.selected(), self.phase_id()
        self.chooser.reload(quiet=True)
        self._campaign_changed(phase_id=phase_id if self.campaign_id() == campaign_id else None)
        if nomination_id is not None:
            self.select(nomination_id)

    def _refresh(self, select: int | None = None, changed=(Area.NOMINATIONS,)) -> None:
        """After a change made on this page: counts, quotas and checks of every row; other pages hear of it."""
        c = self.chooser.campaign()
        self.quotas.set_campaign(c, self.phase_id())
        self._fit_quotas()
        self.model.reload()
        if select is not None:
            self.select(select)
        self._selection_changed()
        announce(self, changed)

    # -- selection ----------------------------------------------------------------------------------

    def selected(self) -> int | None:
        return self.view.currentIndex().data(ID_ROLE)

    def select(self, nomination_id: int) -> None:
        select_row(self.view, self.model.row_of(nomination_id))

    def _selection_changed(self, *_args) -> None:
        ix = self.view.currentIndex()
        r = self.model.row_at(ix.row()) if ix.isValid() else None
        if r is None:
            hint = self.tr("Select a nomination to see whether it meets the conditions.") \
                if self.model.rowCount() else self.tr("No nomination yet for this campaign.") \
                if self.campaign_id() is not None else ""
            self.checks.set_checks([], hint)
        else:
            # A deadline overridden on submission shows here with its reason (the check's message says it).
            self.checks.set_checks(self.model.checks_at(ix.row()))
        status = r.status if r else None
        self.edit_btn.setEnabled(r is not None)
        self.delete_btn.setEnabled(status in ("du_kien", "trinh_hop_xet", "khong_thong_qua"))
        self.submit_btn.setEnabled(status == "du_kien")
        self.withdraw_btn.setEnabled(status == "trinh_hop_xet")
        self.outcome_btn.setEnabled(status == "da_gui")
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%1 nominations").replace("%1", str(n)))

    # -- actions --------------------------------------------------------------------------------------

    def add(self) -> None:
        cid = self.campaign_id()
        if cid is not None:
            self._open(NominationDialog(self, self.store, cid, today=self.today, phase_id=self.phase_id()))

    def edit(self, *_args) -> None:
        nid, cid = self.selected(), self.campaign_id()
        if nid is not None and cid is not None:
            self._open(NominationDialog(self, self.store, cid, nid, today=self.today))

    def _open(self, dialog: NominationDialog) -> None:
        """Show the dialog window-modally without blocking; the table follows when it saves."""
        dialog.saved.connect(self._refresh_and_select)
        open_dialog(self, dialog)

    def _refresh_and_select(self, nomination_id: int) -> None:
        self._refresh(nomination_id)

    def delete(self) -> None:
        nid = self.selected()
        r = self.model.row_at(self.view.currentIndex().row()) if nid is not None else None
        if r is None:
            return
        if QMessageBox.question(self, self.tr("Delete nomination"), self.tr(
                "Delete the nomination of %1 for %2?").replace("%1", r.name).replace("%2", r.award)) \
                != QMessageBox.Yes:
            return
        if attempt(self, lambda: nominations.delete(self.store, nid)):
            self._refresh()

    def submit(self) -> None:
        """Put the selected nomination to the council; a passed deadline may be overridden with a reason."""
        nid = self.selected()
        if nid is None:
            return
        try:
            nominations.submit(self.store, nid, self.today)
        except RuleViolation as exc:
            if not all(f.code == "deadline" for f in exc.failures):
                show_error(self, exc)
                return
            reason, ok = QInputDialog.getText(
                self, self.tr("Submit after the deadline"),
                self.tr("%1\nThe deadline has passed. Why is this nomination submitted late?\n"
                        "The reason is kept with the nomination.").replace("%1", exc.failures[0].message))
            if not ok:
                return
            if not reason.strip():
                show_error(self, UserError(self.tr("A reason is needed to submit after the deadline.")))
                return
            if not attempt(self, lambda: nominations.submit(self.store, nid, self.today, override_reason=reason)):
                return
        except UserError as exc:
            show_error(self, exc)
            return
        self._refresh(nid)

    def record_outcome(self) -> None:
        """Open the outcome dialog of the selected sent nomination (window-modal, not blocking)."""
        r = self.model.row_at(self.view.currentIndex().row())
        if r is None or r.status != "da_gui":
            return
        dialog = OutcomeDialog(self, self.store, r.id, subject=r.name)
        dialog.saved.connect(lambda nomination_id: self._refresh(nomination_id, OUTCOME_RECORDED))
        open_dialog(self, dialog)

    def open_ad_hoc(self) -> None:
        from desktop.ui.dialogs.ad_hoc import AdHocDialog

        open_dialog(self, AdHocDialog(self, self.store))

    def withdraw(self) -> None:
        nid = self.selected()
        if nid is not None and attempt(self, lambda: nominations.withdraw(self.store, nid)):
            self._refresh(nid)

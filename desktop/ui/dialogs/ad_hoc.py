"""Khen thưởng đột xuất: nominations without a campaign for a one-off feat, sent on their own, and their outcome."""
from __future__ import annotations

from desktop import catalog
from desktop.council import nominations, outcomes
from desktop.errors import ValidationError
from desktop.council.nominations import Nomination
from desktop.ui.models.base import RowsTableModel
from desktop.ui.models.nominations import ID_ROLE, AchievementPickModel, status_text
from desktop.ui.models.people import CollectivesModel, PersonChoiceModel
from desktop.changes import OUTCOME_RECORDED, Area
from desktop.ui.operations import announce, attempt, run_op
from desktop.ui.qt import QComboBox, QCoreApplication, QDialog, QGroupBox, QLineEdit, QModelIndex, QVBoxLayout, Qt
from desktop.ui.build import button, close_buttons, hbox
from desktop.ui.widgets import FormPanel, open_dialog, table_view
from desktop.ui.dialogs.outcome import OutcomeDialog


class AdHocModel(RowsTableModel):
    """Every ad-hoc nomination, newest first, with its status and outcome."""

    KEYS = ["name", "award", "status", "outcome"]
    WIDE = ["name", "award"]

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self._rows: list[nominations.NominationRow] = []
        self._outcomes: dict = {}
        self.headers = [QCoreApplication.translate("AdHocDialog", "Name"),
                        QCoreApplication.translate("AdHocDialog", "Award"),
                        QCoreApplication.translate("AdHocDialog", "Status"),
                        QCoreApplication.translate("AdHocDialog", "Outcome")]
        self.reload()

    def reload(self) -> None:
        rows = nominations.list_ad_hoc(self._store)
        self._outcomes = {r.id: outcomes.get(self._store, r.id) for r in rows}
        self.set_rows(rows)

    def row_at(self, row: int) -> nominations.NominationRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if role == ID_ROLE:
            return r.id
        if role == Qt.DisplayRole:
            o = self._outcomes.get(r.id)
            return {"name": r.name, "award": r.award, "status": status_text(r.status),
                    "outcome": (outcomes.RESULTS[o.result] + f" — {o.decision_number}") if o else ""}[key]
        if role == Qt.ToolTipRole and key == "name":
            return r.summary or None
        return None


class AdHocDialog(QDialog):

    def __init__(self, parent, store):
        super().__init__(parent)
        self.setObjectName("ad_hoc_dialog")
        self.setWindowTitle(self.tr("Ad-hoc awards (khen thưởng đột xuất)"))
        self.store = store
        self.dialog: OutcomeDialog | None = None
        lay = QVBoxLayout(self)
        self.model = AdHocModel(store, self)
        self.view = table_view(self.model, "ad_hoc")
        lay.addWidget(self.view)
        self.send_btn = button(self.tr("Mark as sent"), self.send)
        self.outcome_btn = button(self.tr("Record outcome…"), self.record_outcome)
        # Its own short dossier: the Tờ trình and the report of the feat (Mẫu 01 and 06, NĐ 152/2025).
        self.to_trinh_btn = button(
            self.tr("Tờ trình…"), lambda: self.open_document("to_trinh_dot_xuat"),
            tip=self.tr("The Tờ trình proposing the ad-hoc award, drafted from the records"))
        self.report_btn = button(
            self.tr("Report of the feat…"), lambda: self.open_document("bao_cao_dot_xuat"),
            tip=self.tr("The Báo cáo thành tích đề nghị khen thưởng đột xuất, drafted from the records"))
        lay.addLayout(hbox(self.to_trinh_btn, self.report_btn, None, self.send_btn, self.outcome_btn))

        box = QGroupBox(self.tr("New ad-hoc award"))
        bl = QVBoxLayout(box)
        self.form = FormPanel(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("A person"), "person")
        self.kind.addItem(self.tr("A collective"), "collective")
        self.form.add("kind", self.tr("Proposed for"), self.kind)
        self.subject = QComboBox()
        self.people_model = PersonChoiceModel(store, self)
        self.collectives_model = CollectivesModel(store, self, counts=False)
        self.form.add("subject", self.tr("Who"), self.subject, required=True)
        self.award = QComboBox()
        self.form.add("award", self.tr("Award"), self.award, required=True)
        self.summary = self.form.add("summary", self.tr("The feat"), QLineEdit())
        self.achievements = AchievementPickModel(store, -1, self)
        self.achievements_view = table_view(self.achievements)
        self.achievements_view.setMaximumHeight(170)
        self.form.add("achievements", self.tr("Achievements it rests on"), self.achievements_view, required=True)
        bl.addWidget(self.form)
        self.add_btn = button(self.tr("Add the ad-hoc nomination"), self.add)
        bl.addWidget(self.add_btn)
        lay.addWidget(box)
        lay.addWidget(close_buttons(self))

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.view.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self._kind_changed()
        self._selection_changed()
        self.resize(820, 720)

    # -- the new nomination --------------------------------------------------------------------------

    def _kind(self) -> str:
        return self.kind.currentData()

    def _kind_changed(self, *_args) -> None:
        self.subject.setModel(self.people_model if self._kind() == "person" else self.collectives_model)
        self.subject.setCurrentIndex(-1)
        self.award.clear()
        self.award.addItems([a.name for a in catalog.load() if a.fits(self._kind())])
        self._subject_changed()

    def subject_id(self) -> int | None:
        return self.subject.currentData(ID_ROLE) if self.subject.currentIndex() >= 0 else None

    def _subject_changed(self, *_args) -> None:
        self.achievements.set_subject(self._kind(), self.subject_id(), [])

    def add(self) -> int | None:
        sid = self.subject_id()
        n = Nomination(None, None, person_id=sid if self._kind() == "person" else None,
                       collective_id=sid if self._kind() == "collective" else None, summary=self.summary.text(),
                       achievement_ids=self.achievements.checked_ids(), award=self.award.currentText())
        errors = {}
        if sid is None:
            errors["subject"] = self.tr("Choose who is proposed.")
        if not n.achievement_ids:
            errors["achievements"] = self.tr("Tick the achievement of the feat in the ledger.")

        def save() -> int:
            if errors:
                raise ValidationError(errors)
            return nominations.save(self.store, n)

        nid = run_op(self, save, fields=self.form.set_errors)
        if nid is None:
            return None
        self.form.set_errors({})
        self.summary.clear()
        self.subject.setCurrentIndex(-1)
        self.model.reload()
        announce(self, Area.NOMINATIONS)
        return nid

    # -- the list ------------------------------------------------------------------------------------

    def selected(self) -> nominations.NominationRow | None:
        return self.model.row_at(self.view.currentIndex().row())

    def select(self, nomination_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.index(i, 0).data(ID_ROLE) == nomination_id:
                self.view.setCurrentIndex(self.model.index(i, 0))

    def _selection_changed(self, *_args) -> None:
        r = self.selected()
        self.send_btn.setEnabled(r is not None and r.status != "da_gui")
        self.to_trinh_btn.setEnabled(r is not None)
        self.report_btn.setEnabled(r is not None)
        self.outcome_btn.setEnabled(r is not None and r.status == "da_gui")

    def send(self) -> None:
        r = self.selected()
        if r is None:
            return
        if attempt(self, lambda: nominations.send_ad_hoc(self.store, r.id)):
            self._reload(r.id, Area.NOMINATIONS)

    def open_document(self, kind: str):
        """Draft (or reopen the draft of) the selected nomination's Tờ trình or report, in its own window."""
        from desktop.ui.dialogs.unit_documents import open_document

        r = self.selected()
        if r is None:
            return None
        self.dialog = open_document(self, self.store, kind, r.id)
        return self.dialog

    def record_outcome(self) -> None:
        r = self.selected()
        if r is None or r.status != "da_gui":
            return
        dialog = OutcomeDialog(self, self.store, r.id, subject=r.name)
        dialog.saved.connect(lambda nomination_id: self._reload(nomination_id, OUTCOME_RECORDED))
        open_dialog(self, dialog)

    def _reload(self, nomination_id: int, changed) -> None:
        """After a nomination changed here: the list shows it, selected, and the window hears of ``changed``."""
        self.model.reload()
        self.select(nomination_id)
        announce(self, changed)

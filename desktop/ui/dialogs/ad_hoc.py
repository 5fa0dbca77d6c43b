"""Khen thưởng đột xuất: nominations without a campaign for a one-off feat, sent on their own, and their outcome."""
from __future__ import annotations

from desktop import catalog
from desktop.council import nominations, outcomes
from desktop.errors import UserError, ValidationError
from desktop.council.nominations import Nomination, RuleViolation
from desktop.ui.models.base import RowsTableModel
from desktop.ui.models.nominations import ID_ROLE, AchievementPickModel, status_text
from desktop.ui.models.people import CollectivesModel, PersonChoiceModel
from desktop.changes import OUTCOME_RECORDED, Area
from desktop.ui.operations import announce, show_error
from desktop.ui.qt import (
    QComboBox, QCoreApplication, QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QLineEdit, QModelIndex,
    QPushButton, QTableView, QVBoxLayout, Qt,
)
from desktop.ui.widgets import FormPanel, setup_table
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
        self.beginResetModel()
        self._rows = nominations.list_ad_hoc(self._store)
        self._outcomes = {r.id: outcomes.get(self._store, r.id) for r in self._rows}
        self.endResetModel()

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
        self.view = QTableView()
        self.view.setObjectName("ad_hoc")
        self.view.setModel(self.model)
        setup_table(self.view)
        lay.addWidget(self.view)
        row = QHBoxLayout()
        self.send_btn = QPushButton(self.tr("Mark as sent"))
        self.send_btn.clicked.connect(self.send)
        self.outcome_btn = QPushButton(self.tr("Record outcome…"))
        self.outcome_btn.clicked.connect(self.record_outcome)
        # Its own short dossier: the Tờ trình and the report of the feat (Mẫu 01 and 06, NĐ 152/2025).
        self.to_trinh_btn = QPushButton(self.tr("Tờ trình…"))
        self.to_trinh_btn.setToolTip(self.tr("The Tờ trình proposing the ad-hoc award, drafted from the records"))
        self.to_trinh_btn.clicked.connect(lambda: self.open_document("to_trinh_dot_xuat"))
        self.report_btn = QPushButton(self.tr("Report of the feat…"))
        self.report_btn.setToolTip(self.tr("The Báo cáo thành tích đề nghị khen thưởng đột xuất, drafted from the "
                                           "records"))
        self.report_btn.clicked.connect(lambda: self.open_document("bao_cao_dot_xuat"))
        row.addWidget(self.to_trinh_btn)
        row.addWidget(self.report_btn)
        row.addStretch(1)
        row.addWidget(self.send_btn)
        row.addWidget(self.outcome_btn)
        lay.addLayout(row)

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
        self.achievements_view = QTableView()
        self.achievements_view.setModel(self.achievements)
        setup_table(self.achievements_view)
        self.achievements_view.setMaximumHeight(170)
        self.form.add("achievements", self.tr("Achievements it rests on"), self.achievements_view, required=True)
        bl.addWidget(self.form)
        self.add_btn = QPushButton(self.tr("Add the ad-hoc nomination"))
        self.add_btn.clicked.connect(self.add)
        bl.addWidget(self.add_btn)
        lay.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

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
        try:
            if errors:
                raise ValidationError(errors)
            nid = nominations.save(self.store, n)
        except ValidationError as exc:
            self.form.set_errors(exc.fields)
            return None
        except UserError as exc:
            show_error(self, exc)
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
        try:
            nominations.send_ad_hoc(self.store, r.id)
        except RuleViolation as exc:
            show_error(self, exc)
            return
        except UserError as exc:
            show_error(self, exc)
            return
        self.model.reload()
        self.select(r.id)
        announce(self, Area.NOMINATIONS)

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
        self.dialog = OutcomeDialog(self, self.store, r.id, subject=r.name)
        self.dialog.saved.connect(self._outcome_saved)
        self.dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog.open()

    def _outcome_saved(self, nomination_id: int) -> None:
        self.model.reload()
        self.select(nomination_id)
        announce(self, OUTCOME_RECORDED)

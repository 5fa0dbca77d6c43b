"""Add or edit an achievement, with its evidence files (attach, drop, open, save a copy, remove).

Nothing is written until the clerk presses Save: the record, the files to
remove and the files to attach are then saved in one transaction on a worker
thread, with a progress bar and a cancel button for large files. Cancel or a
failure leaves the ledger exactly as it was.
"""
from __future__ import annotations

import os
from pathlib import Path

from desktop.records import achievements as ach
from desktop.records import evidence as evidence_mod
from desktop.errors import UserError, ValidationError
from desktop.ui.models.campaigns import ID_ROLE as CAMPAIGN_ID_ROLE
from desktop.ui.models.campaigns import CampaignChoiceModel, CriterionChoiceModel
from desktop.ui.models.people import ID_ROLE
from desktop.ui.models.records import EvidenceModel
from desktop.changes import Area
from desktop.ui.operations import Operation, run_op, show_error
from desktop.ui.qt import (
    QComboBox, QDesktopServices, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QLineEdit, QPlainTextEdit,
    QStringListModel, QUrl, QVBoxLayout, Signal,
)
from desktop.ui.build import button, hbox
from desktop.ui.widgets import DateField, FormPanel, SubjectChooser, read_date, table_view


class AchievementDialog(QDialog):
    saved = Signal(int)

    def __init__(self, parent, store, achievement_id: int | None = None, *,
                 campaign_id: int | None = None, criterion_id: int | None = None):
        super().__init__(parent)
        self.store = store
        self.record = ach.get(store, achievement_id) if achievement_id else None
        self.setWindowTitle(self.tr("Edit achievement") if self.record else self.tr("New achievement"))
        self.setAcceptDrops(True)
        self.pending: list[Path] = []      # files to attach on save
        self.removed: set[int] = set()     # evidence ids to remove on save
        self.task: Operation | None = None

        lay = QVBoxLayout(self)
        self.form = FormPanel(self)
        self.date = self.form.add("date", self.tr("Date"), DateField(), required=True)
        self.subject_box = SubjectChooser(store)
        self.subject_kind, self.subject = self.subject_box.kind, self.subject_box.combo
        self.people_model, self.collectives_model = self.subject_box.people_model, self.subject_box.collectives_model
        self.form.add("subject", self.tr("Achieved by"), self.subject_box, required=True)
        self.title = self.form.add("title", self.tr("Achievement"), QLineEdit(), required=True)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(80)
        self.form.add("description", self.tr("Description"), self.description)
        self.campaign = QComboBox()
        self.campaign.setObjectName("achievement_campaign")
        self.campaigns_model = CampaignChoiceModel(store, self, first=self.tr("(not part of a campaign)"))
        self.campaign.setModel(self.campaigns_model)
        self.campaign_criterion = QComboBox()
        self.campaign_criterion.setObjectName("achievement_campaign_criterion")
        self.campaign_criteria = CriterionChoiceModel(store, self.tr("(no particular criterion)"), self)
        self.campaign_criterion.setModel(self.campaign_criteria)
        for combo in (self.campaign, self.campaign_criterion):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(30)
        self.form.add("campaign", self.tr("Campaign"), self.campaign)
        self.form.add("criterion_id", self.tr("Campaign criterion"), self.campaign_criterion)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.campaign_criterion.currentIndexChanged.connect(self._campaign_criterion_changed)
        self.criterion = QComboBox()
        self.criterion.setEditable(True)
        self.criterion.setModel(QStringListModel([r["criterion"] for r in store.query(
            "SELECT DISTINCT criterion FROM achievement WHERE criterion <> '' ORDER BY criterion")], self))
        self.criterion.setCurrentIndex(-1)
        self.form.add("criterion", self.tr("Criterion"), self.criterion)
        self.measure = self.form.add("measure", self.tr("Measure"), QLineEdit())
        self.classification = QComboBox()
        self.classification.addItem(self.tr("Ordinary"), "thuong")
        self.classification.addItem(self.tr("Confidential (mật)"), "mat")
        self.classification.addItem(self.tr("Secret (tối mật)"), "toi_mat")
        self.classification.addItem(self.tr("Top secret (tuyệt mật)"), "tuyet_mat")
        self.form.add("classification", self.tr("Classification"), self.classification)
        self.measure.setPlaceholderText(self.tr("e.g. 98 % or 120 hồ sơ"))
        lay.addWidget(self.form)

        box = QGroupBox(self.tr("Evidence (drop files here)"))
        bl = QVBoxLayout(box)
        self.evidence_model = EvidenceModel(store, self.record.id if self.record else None, self)
        self.evidence_view = table_view(self.evidence_model, "evidence")
        self.evidence_view.doubleClicked.connect(self.open_selected)
        bl.addWidget(self.evidence_view)
        self.attach_btn = button(self.tr("Attach files…"), self.choose_files)
        self.open_btn = button(self.tr("Open"), self.open_selected)
        self.copy_btn = button(self.tr("Save a copy…"), self.save_copy)
        self.remove_btn = button(self.tr("Remove"), self.remove_selected)
        bl.addLayout(hbox(self.attach_btn, self.open_btn, self.copy_btn, self.remove_btn, None))
        lay.addWidget(box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        self.subject_kind.currentIndexChanged.connect(self._subject_kind_changed)
        self._load(campaign_id, criterion_id)
        self.resize(700, 700)

    # -- loading ---------------------------------------------------------------------------

    def _load(self, campaign_id: int | None = None, criterion_id: int | None = None) -> None:
        a = self.record
        kind = a.subject_kind if a else "person"
        self.subject_kind.setCurrentIndex(0 if kind == "person" else 1)
        self._subject_kind_changed()
        if a is not None:
            campaign_id, criterion_id = a.campaign_id, a.criterion_id
        self.campaign.setCurrentIndex(self.campaigns_model.row_of(campaign_id))
        self._campaign_changed()
        self.campaign_criterion.setCurrentIndex(self.campaign_criteria.row_of(criterion_id))
        if a is None:
            return
        self.date.set_date(a.date)
        if a.person_id:
            self.subject.setCurrentIndex(self.people_model.row_of(a.person_id))
        else:
            self.subject.setCurrentIndex(self.collectives_model.row_of(a.collective_id))
        self.title.setText(a.title)
        self.description.setPlainText(a.description)
        self.criterion.setEditText(a.criterion)
        self.measure.setText(a.measure_text)
        self.classification.setCurrentIndex(max(0, self.classification.findData(a.classification)))

    def _campaign_changed(self) -> None:
        """The criterion combo offers the criteria of the chosen campaign."""
        campaign_id = self.campaign.currentData(CAMPAIGN_ID_ROLE)
        self.campaign_criteria.set_campaign(campaign_id)
        self.campaign_criterion.setCurrentIndex(0)
        self.campaign_criterion.setEnabled(self.campaign_criteria.rowCount() > 1)

    def _campaign_criterion_changed(self) -> None:
        """Choosing a campaign criterion fills the free-text criterion when it is still empty."""
        if self.campaign_criterion.currentIndex() > 0 and not self.criterion.currentText().strip():
            self.criterion.setEditText(self.campaign_criterion.currentText()[:200])

    def _subject_kind_changed(self) -> None:
        self.subject_box.show_kind()

    # -- evidence ---------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.add_files(paths)
        event.acceptProposedAction()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose evidence files"))
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Queue files for attaching on save, refusing at once what cannot be attached."""
        limit = evidence_mod.max_bytes(self.store)
        problems = []
        for path in paths:
            try:
                if not path.is_file():
                    problems.append(self.tr("“%1” is not a file.").replace("%1", path.name))
                elif path.stat().st_size > limit:
                    problems.append(self.tr("“%1” is larger than the limit of %2 MB per evidence file.")
                                    .replace("%1", path.name).replace("%2", str(limit // (1024 * 1024))))
                elif not os.access(path, os.R_OK):
                    problems.append(self.tr("“%1” cannot be read.").replace("%1", path.name))
                else:
                    self.pending.append(path)
            except OSError as exc:
                problems.append(f"{path.name}: {exc.strerror}")
        self.evidence_model.set_pending(self.pending, self.removed)
        if problems:
            show_error(self, UserError("\n".join(problems)))

    def _selected_item(self):
        """The evidence file selected: a stored one, or the :class:`Path` of one to attach; ``None``."""
        rows = self.evidence_view.selectionModel().selectedRows()
        return self.evidence_model.item_at(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        path = item if isinstance(item, Path) else run_op(
            self, lambda: evidence_mod.export_for_viewing(self.store, item.id))
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def save_copy(self) -> None:
        item = self._selected_item()
        if item is None or isinstance(item, Path):
            return
        dest, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), item.file_name)
        if dest:
            run_op(self, lambda: evidence_mod.save_copy(self.store, item.id, dest))

    def remove_selected(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        if isinstance(item, Path):
            self.pending.remove(item)
        else:
            self.removed.add(item.id)
        self.evidence_model.set_pending(self.pending, self.removed)

    # -- saving -------------------------------------------------------------------------------

    def _collect(self) -> ach.Achievement:
        errors: dict[str, str] = {}
        date = read_date(self.date, "date", errors)
        subject_id = self.subject.currentData(ID_ROLE) if self.subject.currentIndex() >= 0 else None
        if subject_id is None and self.subject.currentText().strip():
            errors["subject"] = self.tr("Choose someone from the list.")
        try:
            value, unit_name = ach.parse_measure(self.measure.text())
        except ValidationError as exc:
            errors.update(exc.fields)
            value, unit_name = None, ""
        person = subject_id if self.subject_kind.currentData() == "person" else None
        collective = subject_id if self.subject_kind.currentData() == "collective" else None
        a = ach.Achievement(date, self.title.text(), person, collective, self.description.toPlainText(),
                            self.criterion.currentText(), value, unit_name,
                            id=self.record.id if self.record else None,
                            campaign_id=self.campaign.currentData(CAMPAIGN_ID_ROLE),
                            criterion_id=self.campaign_criterion.currentData(CAMPAIGN_ID_ROLE),
                            classification=self.classification.currentData() or "thuong")
        try:
            ach.validate(a)
        except ValidationError as exc:
            for key, message in exc.fields.items():
                errors.setdefault(key, message)
        if date is None and "date" not in errors:
            errors["date"] = self.tr("Enter the date of the achievement.")
        if errors:
            raise ValidationError(errors)
        return a

    def save(self) -> None:
        try:
            record = self._collect()
        except ValidationError as exc:
            self.form.set_errors(exc.fields)
            return
        self.form.set_errors({})
        pending = list(self.pending)
        removed = set(self.removed)
        total = sum(p.stat().st_size for p in pending if p.exists()) or 1

        def work(store, progress):
            done = 0
            with store.transaction():
                if record.id is None:
                    ach.add(store, record)
                else:
                    ach.update(store, record)
                for evidence_id in removed:
                    evidence_mod.remove(store, evidence_id)
                for path in pending:
                    base = done
                    evidence_mod.attach(store, record.id, path,
                                        progress=lambda n, _size, b=base, p=path: progress(b + n, total, p.name))
                    done += path.stat().st_size
                progress(total, total, "")
            return record.id

        self.buttons.setEnabled(False)
        self.task = Operation(self, self.store, work, title=self.tr("Saving achievement"), changes=Area.LEDGER)
        self.task.succeeded.connect(self._saved)
        self.task.failed.connect(lambda _e: self.buttons.setEnabled(True))
        self.task.cancelled.connect(lambda: self.buttons.setEnabled(True))
        self.task.start()

    def _saved(self, achievement_id: int) -> None:
        self.task = None
        self.saved.emit(achievement_id)
        self.accept()

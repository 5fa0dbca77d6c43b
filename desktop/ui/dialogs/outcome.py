"""Kết quả khen thưởng: the decision that came back on a sent nomination.

The clerk records whether the award was granted, the decision's number, date
and issuing authority, the award as decided (it may differ from the proposal)
and, optionally, the signed decision (PDF). The prize money follows the award
and the decision date as they are typed.
"""
from __future__ import annotations

from pathlib import Path

from desktop import catalog, clock
from desktop.council import nominations, outcomes, prizes
from desktop.dates import DateError
from desktop.errors import ValidationError
from desktop.ui.operations import attempt
from desktop.ui.qt import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, Signal,
)
from desktop.ui.build import button, panel, text_label, with_chosen_file
from desktop.ui.widgets import DateField, FormPanel, read_date


class OutcomeDialog(QDialog):
    saved = Signal(int)

    def __init__(self, parent, store, nomination_id: int, *, subject: str = ""):
        super().__init__(parent)
        self.setObjectName("outcome_dialog")
        self.setWindowTitle(self.tr("Outcome of the nomination"))
        self.setModal(True)
        self.store = store
        self.nomination_id = nomination_id
        self.nomination = nominations.get(store, nomination_id)
        self.proposed = outcomes.proposed_award(store, nomination_id)
        self.file: Path | None = None
        existing = outcomes.get(store, nomination_id)

        lay = QVBoxLayout(self)
        lay.addWidget(text_label(self.tr("%1 — proposed: %2").replace("%1", subject).replace("%2", self.proposed),
                                 style="font-weight: bold;"))

        self.form = FormPanel(self)
        self.result = QComboBox()
        self.result.setObjectName("outcome_result")
        self.result.addItem(self.tr("Granted"), "dat")
        self.result.addItem(self.tr("Not granted"), "khong_dat")
        self.form.add("result", self.tr("Result"), self.result, required=True)
        self.decision_number = self.form.add("decision_number", self.tr("Decision number"), QLineEdit(),
                                             required=True)
        self.decision_number.setPlaceholderText(self.tr("e.g. 123/QĐ-STP"))
        self.decision_date = self.form.add("decision_date", self.tr("Decision date"), DateField(), required=True)
        self.issuer = self.form.add("issuer", self.tr("Issued by"), QLineEdit())
        self.issuer.setPlaceholderText(self.tr("e.g. Giám đốc Sở Tư pháp"))
        self.award = QComboBox()
        self.award.setObjectName("outcome_award")
        self.award.addItems([a.name for a in catalog.load() if a.fits(self.nomination.subject_kind)])
        self.form.add("award", self.tr("Award as decided"), self.award)

        file_row, fl = panel(layout=QHBoxLayout)
        self.file_label = QLabel(self.tr("(none)"))
        self.file_label.setObjectName("outcome_file")
        fl.addWidget(self.file_label, 1)
        fl.addWidget(button(self.tr("Choose PDF…"), self.choose_file))
        self.form.add("file", self.tr("Signed decision"), file_row)
        self.prize = text_label(name="outcome_prize")
        self.form.add("prize", self.tr("Prize money"), self.prize)
        lay.addWidget(self.form)

        lay.addWidget(text_label(self.tr("A granted award is added to the awards received by the person or "
                                         "collective, and counts in their later nominations."), style="color: #555;"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        if existing is not None:
            self.result.setCurrentIndex(self.result.findData(existing.result))
            self.decision_number.setText(existing.decision_number)
            self.decision_date.set_date(existing.decision_date)
            self.issuer.setText(existing.issuer)
            if existing.file_name:
                self.file_label.setText(existing.file_name)
        award = existing.award if existing and existing.award else self.proposed
        self.award.setCurrentIndex(max(0, self.award.findText(award)))
        for signal in (self.result.currentIndexChanged, self.award.currentIndexChanged,
                       self.decision_date.textChanged):
            signal.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def choose_file(self) -> None:
        with_chosen_file(self, self.tr("Choose the signed decision"), "", self.tr("PDF files (*.pdf)"),
                         lambda name: self.set_file(Path(name)))

    def set_file(self, path: Path) -> None:
        self.file = path
        self.file_label.setText(path.name)

    def _update(self, *_args) -> None:
        granted = self.result.currentData() == "dat"
        self.award.setEnabled(granted)
        if not granted:
            self.prize.setText(self.tr("No prize: the award was not granted."))
            return
        try:
            on = self.decision_date.date() or clock.today()
        except DateError:
            on = clock.today()
        p = prizes.prize(self.award.currentText(), self.nomination.subject_kind, on)
        if p is None:
            self.prize.setText(self.tr("No prize multiple is known for this award."))
        else:
            self.prize.setText(self.tr("%1 (base salary in force on %2; %3)").replace("%1", p.explain()).replace(
                "%2", on.strftime("%d/%m/%Y")).replace("%3", p.source))

    def save(self) -> None:
        errors: dict[str, str] = {}
        date = read_date(self.decision_date, "decision_date", errors)
        if errors:
            raise ValidationError(errors)
        outcomes.record(self.store, self.nomination_id, result=self.result.currentData(),
                        decision_number=self.decision_number.text(), decision_date=date,
                        issuer=self.issuer.text(), award=self.award.currentText(), file=self.file)

    def _on_save(self) -> None:
        if attempt(self, self.save, fields=self.form.set_errors):
            self.saved.emit(self.nomination_id)
            self.accept()

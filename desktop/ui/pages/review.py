"""Bình xét cuối năm: the unit's year-end review of Lao động tiên tiến, Chiến sĩ thi đua cơ sở,
Tập thể lao động tiên tiến and the proposal of Tập thể lao động xuất sắc, and the head's decision."""
from __future__ import annotations

from desktop import clock
from desktop.council import review
from desktop.dossier import drafts
from desktop.errors import ValidationError
from desktop.council.prizes import format_vnd
from desktop.ui.dialogs.nomination import checks_view
from desktop.ui.models.nominations import ChecksModel
from desktop.ui.models.review import CandidatesModel, DecidedModel
from desktop.changes import Area
from desktop.ui.operations import announce, attempt, show_error
from desktop.ui.qt import (
    QCheckBox, QComboBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QVBoxLayout, QWidget, Qt,
)
from desktop.ui.build import button, group, hbox, panel, splitter
from desktop.ui.widgets import DateField, FormPanel, open_dialog, read_date, table_view


class ReviewPage(QWidget):
    # The year's candidates: people and collectives, their ratings, titles, achievements and initiatives.
    AREAS = frozenset({Area.REVIEW, Area.PEOPLE, Area.LEDGER, Area.NOMINATIONS})

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        lay = QVBoxLayout(self)
        self.year = QComboBox()
        self.year.setObjectName("review_year")
        self.year.currentIndexChanged.connect(self._year_changed)
        self.open_btn = button(self.tr("Open a review…"), self.open_review)
        self.status = QLabel()
        self.status.setObjectName("review_status")
        lay.addLayout(hbox(QLabel(self.tr("Year:")), self.year, self.open_btn, (self.status, 1)))

        self.only_eligible = QCheckBox(self.tr("Only those who qualify"))
        self.only_eligible.toggled.connect(lambda _on: self._year_changed())
        self.suggest_btn = button(self.tr("Choose everyone who qualifies"), self.choose_eligible)
        self.initiatives_btn = button(
            self.tr("Initiatives…"), self.edit_initiatives,
            tip=self.tr("The initiatives (sáng kiến) recognised in the year, which Chiến sĩ thi đua cơ sở may "
                        "rest on"))
        self.propose_btn = button(
            self.tr("Put to the council"), self.propose,
            tip=self.tr("The ticked titles become the list before the council (danh sách đề nghị); titles that "
                        "need a secret ballot get one at the meeting"))
        self.meeting_btn = button(
            self.tr("Council meeting…"), self.open_meeting,
            tip=self.tr("The council's meeting on the review: members, quorum, secret ballots; closing it records "
                        "the results on the list"))
        self.minutes_btn = button(
            self.tr("Minutes…"), self.open_minutes,
            tip=self.tr("The Biên bản bình xét of the latest closed council meeting, drafted from it: edit, number "
                        "and finalise it like any document"))
        self.count = QLabel()
        lay.addLayout(hbox(self.only_eligible, self.suggest_btn, self.initiatives_btn, self.propose_btn,
                           self.meeting_btn, self.minutes_btn, None, self.count))

        self.model = CandidatesModel(store, self)
        self.view = table_view(self.model, "review_candidates")
        self.view.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reset)

        lower, ll = panel(layout=QHBoxLayout)
        checks_box, cl = group(self.tr("Conditions of the selected candidate"))
        self.checks = ChecksModel(self)
        self.checks_view = checks_view(self.checks)
        cl.addWidget(self.checks_view)
        ll.addWidget(checks_box, 3)

        decide_box, dl = group(self.tr("The head's decision"))
        self.form = FormPanel(self)
        self.decision_number = self.form.add("decision_number", self.tr("Decision number"), QLineEdit(),
                                             required=True)
        self.decision_number.setPlaceholderText(self.tr("e.g. 05/QĐ-TTTGPL"))
        self.decision_date = self.form.add("decision_date", self.tr("Decision date"), DateField(), required=True)
        self.issuer = self.form.add("issuer", self.tr("Issued by"), QLineEdit())
        dl.addWidget(self.form)
        self.decide_btn = button(self.tr("Record the decision"), self.decide)
        dl.addWidget(self.decide_btn)
        self.decided = DecidedModel(store, self)
        self.decided_view = table_view(self.decided, "review_decided")
        dl.addWidget(self.decided_view)
        self.total = QLabel()
        self.total.setObjectName("review_total")
        self.print_btn = button(
            self.tr("Print certificates…"), self.print_certificates,
            tip=self.tr("The Giấy khen of each recipient, a page each; a paper award may be printed, and every "
                        "print goes to the print log"))
        self.decision_btn = button(
            self.tr("Decision document…"), self.open_decision,
            tip=self.tr("The head's decision with its list (Mẫu 1.2, NĐ 30/2020), drafted with the decision's "
                        "number and date: edit, finalise, save as PDF or Word"))
        dl.addLayout(hbox((self.total, 1), self.decision_btn, self.print_btn))
        ll.addWidget(decide_box, 4)
        self.splitter = splitter(Qt.Vertical, self.view, lower, stretch=(3, 2), parent=self)
        lay.addWidget(self.splitter, 1)
        self.reload()

    # -- years -------------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        for r in review.list_reviews(self.store):
            self.year.addItem(f"{r.year} — {review.STATUSES[r.status]}", r.year)
        i = self.year.findData(current) if current is not None else -1
        self.year.setCurrentIndex(i if i >= 0 else (0 if self.year.count() else -1))
        self.year.blockSignals(False)
        self._year_changed()

    def selected_year(self) -> int | None:
        return self.year.currentData()

    def set_year(self, year: int) -> None:
        i = self.year.findData(year)
        if i >= 0:
            self.year.setCurrentIndex(i)

    def _year_changed(self, *_args) -> None:
        year = self.selected_year()
        r = review.get(self.store, year) if year is not None else None
        decided = r is not None and r.status == "da_quyet_dinh"
        self.model.set_year(year, locked=decided, only_eligible=self.only_eligible.isChecked())
        self.decided.set_year(year)
        if r is None:
            self.status.setText(self.tr("No review yet: press “Open a review…”."))
        elif decided:
            self.status.setText(self.tr("Decided: %1").replace(
                "%1", f"{r.decision_number} ngày {r.decision_date:%d/%m/%Y}"))
        else:
            listed = review.proposals(self.store, year)
            held = self._held_meeting()
            if held is not None:
                passed = sum(1 for p in listed if p.status == "thong_qua")
                self.status.setText(self.tr("The council met on %1: %2 titles passed. Record the head's decision.")
                                    .replace("%1", f"{held.starts_at:%d/%m/%Y}").replace("%2", str(passed)))
            elif listed:
                self.status.setText(self.tr("%1 titles are before the council: hold its meeting with “Council "
                                            "meeting…”.").replace("%1", str(len(listed))))
            else:
                self.status.setText(self.tr("Under review: tick the titles, put them to the council, then record "
                                            "the head's decision."))
        self.initiatives_btn.setEnabled(r is not None and not decided)
        self.propose_btn.setEnabled(r is not None and not decided)
        self.meeting_btn.setEnabled(r is not None)
        self.minutes_btn.setEnabled(self._held_meeting() is not None)
        for w in (self.decision_number, self.decision_date, self.issuer, self.decide_btn, self.suggest_btn):
            w.setEnabled(r is not None and not decided)
        if r is not None and decided:
            self.decision_number.setText(r.decision_number)
            self.decision_date.set_date(r.decision_date)
            self.issuer.setText(r.issuer)
        elif r is not None:
            for w in (self.decision_number, self.decision_date, self.issuer):
                w.clear()
        self.print_btn.setEnabled(decided)
        self.decision_btn.setEnabled(decided)
        self.total.setText(self.tr("Total prizes: %1").replace("%1", format_vnd(self.decided.total()))
                           if decided else "")

    def open_review(self) -> None:
        year, ok = QInputDialog.getInt(self, self.tr("Open a review"), self.tr("Year reviewed:"),
                                       clock.today().year, 1950, clock.today().year + 1)
        if ok and attempt(self, lambda: review.open_review(self.store, year), changes=Area.REVIEW):
            self.reload()
            self.set_year(year)

    # -- candidates --------------------------------------------------------------------------------

    def _after_reset(self) -> None:
        n = len(self.model.chosen)
        self.count.setText(self.tr("%1 chosen of %2").replace("%1", str(n)).replace(
            "%2", str(self.model.rowCount())))
        self._selection_changed()

    def _selection_changed(self, *_args) -> None:
        c = self.model.candidate_at(self.view.currentIndex().row())
        if c is None:
            self.checks.set_checks([], self.tr("Select a candidate to see the title's conditions.")
                                   if self.model.rowCount() else "")
        else:
            self.checks.set_checks(list(c.checks))

    def choose_eligible(self) -> None:
        self.model.choose_eligible()

    def propose(self) -> None:
        """Put the ticked titles to the council (the list it reviews)."""
        year = self.selected_year()
        if year is None:
            return
        if attempt(self, lambda: review.propose(self.store, year, list(self.model.chosen)),
                   changes=(Area.REVIEW, Area.NOMINATIONS)):
            n = len(review.proposals(self.store, year))
            self.status.setText(self.tr("%1 titles are before the council: hold its meeting with “Council "
                                        "meeting…”.").replace("%1", str(n)))

    def _held_meeting(self):
        from desktop.council import meetings

        year = self.selected_year()
        held = [m for m in meetings.list_for_review(self.store, year) if m.held] if year is not None else []
        return held[0] if held else None

    def open_meeting(self) -> None:
        from desktop.ui.dialogs.unit_documents import ReviewMeetingDialog

        dialog = self._open_for_year(ReviewMeetingDialog)
        if dialog is not None:
            dialog.finished.connect(lambda _r: self._year_changed())

    def edit_initiatives(self) -> None:
        from desktop.ui.dialogs.initiatives import InitiativesDialog

        self._open_for_year(InitiativesDialog)

    def _open_for_year(self, dialog_class):
        """Open a dialog on the year's review (its initiatives, its council meeting), window-modal and not
        blocking; what it changes shows in the list of candidates."""
        year = self.selected_year()
        if year is None:
            return None
        dialog = dialog_class(self, self.store, year)
        dialog.changed.connect(self._initiatives_changed)
        open_dialog(self, dialog)
        return dialog

    def open_minutes(self):
        m = self._held_meeting()
        return self._open_document("bien_ban_binh_xet", m.id) if m is not None else None

    def open_decision(self):
        year = self.selected_year()
        return self._open_document("quyet_dinh", year) if year is not None else None

    def _open_document(self, kind: str, target_id: int):
        """Draft (or reopen the draft of) one of the review's documents, in its own window."""
        from desktop.ui.dialogs.unit_documents import open_document

        self.dialog = open_document(self, self.store, kind, target_id)
        return self.dialog

    def _initiatives_changed(self) -> None:
        chosen = list(self.model.chosen)
        self.model._load()
        self.model.chosen = chosen
        self._after_reset()
        announce(self, Area.REVIEW)

    def save_decision(self) -> None:
        from desktop.ui.qt import QFileDialog

        year = self.selected_year()
        if year is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the decision"), f"quyet-dinh-khen-thuong-{year}.pdf",
                                              self.tr("PDF or Word (*.pdf *.docx)"))
        if name:
            self.save_decision_to(name)

    def save_decision_to(self, path) -> bool:
        year = self.selected_year()
        return year is not None and attempt(self, lambda: drafts.render_decision(self.store, year, path))

    def print_certificates(self) -> None:
        from desktop.dossier import certificate
        from desktop.ui.qt import QMessageBox

        year = self.selected_year()
        if year is None or QMessageBox.question(
                self, self.tr("Print certificates"),
                self.tr("Print the %1 Giấy khen of the decision on the default printer?").replace(
                    "%1", str(self.decided.rowCount()))) != QMessageBox.Yes:
            return
        attempt(self, lambda: certificate.print_certificates(self.store, year), changes=Area.PRINT_LOG)

    def decide(self) -> None:
        year = self.selected_year()
        if year is None:
            return
        errors: dict[str, str] = {}
        date = read_date(self.decision_date, "decision_date", errors)
        if errors:
            self.form.set_errors(errors)
            return
        try:
            review.decide(self.store, year, list(self.model.chosen), decision_number=self.decision_number.text(),
                          decision_date=date, issuer=self.issuer.text())
        except ValidationError as exc:
            self.form.set_errors(exc.fields)
            if "chosen" in exc.fields:
                show_error(self, exc)
            return
        except Exception as exc:  # noqa: BLE001 - a UserError is shown; anything else goes up
            from desktop.errors import UserError

            if not isinstance(exc, UserError):
                raise
            show_error(self, exc)
            return
        self.form.set_errors({})
        self.reload()
        announce(self, (Area.REVIEW, Area.PEOPLE))  # the titles decided are now titles held

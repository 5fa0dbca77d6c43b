"""The unit's own documents in a window of their own: a year-end review's council meeting, and the drafts
that have no campaign (the Biên bản bình xét, the head's Quyết định, an ad-hoc award's Tờ trình and report).

The meeting is the campaign meeting's editor (:class:`~desktop.ui.pages.meeting.MeetingPage`) for the
review's year; a document is the same editor as on the documents page, with its finalise, reopen and
export buttons.
"""
from __future__ import annotations

from desktop.dossier import drafts
from desktop.ui.dialogs.document_editor import DocumentEditor
from desktop.ui.operations import announce, attempt
from desktop.ui.qt import QDialog, QFileDialog, QLabel, QMessageBox, QVBoxLayout, Signal
from desktop.ui.build import button, close_buttons, hbox
from desktop.ui.widgets import ReviewYearDialog


class ReviewMeetingDialog(ReviewYearDialog):
    """The council meeting of a year's review: members, quorum, the secret ballots, closing with results."""

    def __init__(self, parent, store, year: int):
        super().__init__(parent, store, year, "review_meeting_dialog")
        from desktop.ui.pages.meeting import MeetingPage

        self.setWindowTitle(self.tr("Council meeting of the %1 review").replace("%1", str(year)))
        self.resize(1000, 720)
        lay = QVBoxLayout(self)
        self.page = MeetingPage(store, self, review_year=year)
        lay.addWidget(self.page, 1)
        lay.addWidget(close_buttons(self))

    def apply_changes(self, areas, origin=None) -> None:
        """What the meeting page saved: the review page re-reads it, and the window hears of it too."""
        self.changed.emit()
        announce(self.parent(), areas)

    def reject(self) -> None:
        if self.page._may_discard():
            super().reject()


class UnitDocumentDialog(QDialog):
    """One draft without a campaign: edit its sections, number it, finalise it, save it as PDF or Word."""

    changed = Signal()

    def __init__(self, parent, store, draft_id: int):
        super().__init__(parent)
        self.setObjectName("unit_document_dialog")
        self.store = store
        self.draft_id = draft_id
        self.setWindowTitle(drafts.title(store, drafts.get(store, draft_id)))
        self.resize(1150, 760)
        lay = QVBoxLayout(self)
        self.editor = DocumentEditor(store, self)
        self.editor.saved.connect(lambda _id: self.changed.emit())
        lay.addWidget(self.editor, 1)
        self.status = QLabel()
        self.status.setObjectName("unit_document_status")
        self.finalise_btn = button(self.tr("Finalise"), self.finalise, name="unit_document_finalise")
        self.reopen_btn = button(self.tr("Reopen for editing"), self.reopen)
        self.export_btn = button(self.tr("Save as PDF or Word…"), self.export)
        lay.addLayout(hbox((self.status, 1), self.finalise_btn, self.reopen_btn, self.export_btn,
                           button(self.tr("Close"), self.reject)))
        self.editor.load(draft_id)
        self._update()

    def _update(self) -> None:
        d = drafts.get(self.store, self.draft_id)
        self.finalise_btn.setEnabled(not d.finalised)
        self.reopen_btn.setEnabled(d.finalised)
        self.status.setText(drafts.STATUSES[d.status])

    def finalise(self) -> bool:
        if self.editor.dirty and not self.editor.save():
            return False
        return self._change(lambda: drafts.finalise(self.store, self.draft_id))

    def reopen(self) -> None:
        if QMessageBox.question(self, self.tr("Reopen for editing"), self.tr(
                "Reopen the document as a draft? The finalised PDF and Word files are dropped.")) != QMessageBox.Yes:
            return
        self._change(lambda: drafts.reopen(self.store, self.draft_id))

    def _change(self, change) -> bool:
        """Run ``change`` (finalise, reopen) on the draft and show the draft as it then is."""
        if not attempt(self, change):
            return False
        self.editor.load(self.draft_id)
        self._update()
        self.changed.emit()
        return True

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the document"), "van-ban.pdf",
                                              self.tr("PDF or Word (*.pdf *.docx)"))
        if name:
            self.export_to(name)

    def export_to(self, path) -> bool:
        return attempt(self, lambda: drafts.render(self.store, self.draft_id, path))

    def reject(self) -> None:
        if self.editor.confirm_discard():
            super().reject()


def open_document(parent, store, kind: str, target_id: int) -> UnitDocumentDialog | None:
    """Draft the document (or find its draft) and open it; ``None`` (with the reason shown) when it cannot be."""
    found: list[int] = []
    if not attempt(parent, lambda: found.append(drafts.create(store, kind, target_id))):
        return None
    dialog = UnitDocumentDialog(parent, store, found[0])
    dialog.open()
    return dialog

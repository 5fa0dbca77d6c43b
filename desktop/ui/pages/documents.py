"""Hồ sơ: the award dossier of a campaign — which documents it needs, drafting, editing, finalising,
exporting and printing them.

The documents a campaign's dossier needs are a Tờ trình (or the Công văn đề nghị
the plan asks for), a Biên bản for each held council meeting and a Báo cáo thành
tích for each nomination the council passed (or that was sent); the papers of the
plan's list that the app does not draft are attached as files on their row; the
campaign's own documents to the Sở (Bản đăng ký thi đua, Báo cáo kết quả) follow.
A campaign with phases (sơ kết, tổng kết) offers "Đợt:": the dossier of one phase
(:func:`desktop.dossier.build.dossier_documents` with its ``phase_id``; its Tờ trình is
drafted for that phase) or of the whole campaign.
Above the editor, the form of the selected document can be chosen among those that
fit it on its date (:func:`desktop.dossier.drafts.form_options`), with the reason of the
choice and a warning when the plan's form was replaced. The editor of the selected
document sits under the list (:mod:`desktop.ui.dialogs.document_editor`). Printing asks
:func:`desktop.dossier.printing.permission` first: paperless campaigns print only
classified documents and state-level award dossiers; a refused print offers a
PDF export instead. An allowed print goes through Qt's print dialog and is drawn
page by page from the PDF into the printer, and the print is logged.
"""
from __future__ import annotations

from pathlib import Path

from desktop.dossier import drafts, printing
from desktop.package.names import safe_name
from desktop.errors import UserError
from desktop.ui.dialogs.document_editor import DocumentEditor
from desktop.ui.models.documents import ID_ROLE, DossierModel
from desktop.ui.models.package import file_size
from desktop.changes import Area
from desktop.ui.operations import Operation, announce, attempt, run_op, show_error
from desktop.ui.build import (
    at_current, button, documents_folder, panel, select_row, splitter, text_label, vbox, with_chosen_file,
)
from desktop.ui.widgets import CampaignPhasePage, table_view
from desktop.ui.qt import (
    HAVE_PDF, QAbstractPrintDialog, QApplication, QComboBox, QCoreApplication, QDialog, QFileDialog, QHBoxLayout,
    QLabel, QMessageBox, QPainter, QPrintDialog, QPrinter, QRectF, QSettings, QSize, QStackedWidget, QVBoxLayout,
    QWidget, Qt,
)

if HAVE_PDF:
    from desktop.ui.qt import QPdfDocument

PRINT_DPI = 300     # pages are drawn into the printer at most this fine


def qt_spooler(printer: QPrinter):
    """A :data:`desktop.dossier.printing.Spooler` that draws each page of the PDF into ``printer`` with Qt."""

    def spool(pdf: Path, _printer_name: str, copies: int) -> None:
        if not HAVE_PDF:  # pragma: no cover - the packaged app ships QtPdf
            printing.system_spooler(pdf, printer.printerName(), copies)
            return
        doc = QPdfDocument()
        if doc.load(str(pdf)) != QPdfDocument.Error.None_ or doc.pageCount() == 0:
            raise UserError(QCoreApplication.translate(
                "QtSpooler", "The document's PDF could not be read to send it to the printer."))
        # A printer that cannot make copies itself gets the pages as many times as asked.
        rounds = 1 if printer.supportsMultipleCopies() else copies
        printer.setCopyCount(copies if printer.supportsMultipleCopies() else 1)
        printer.setFullPage(True)
        dpi = min(printer.resolution(), PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(QCoreApplication.translate(
                "QtSpooler", "The printer could not be opened. Check that it is on and has paper, then print again."))
        try:
            first = True
            for _round in range(rounds):
                for page in range(doc.pageCount()):
                    if not first and not printer.newPage():
                        raise UserError(QCoreApplication.translate(
                            "QtSpooler", "The printer stopped part way; check it, then print again."))
                    first = False
                    points = doc.pagePointSize(page)
                    image = doc.render(page, QSize(round(points.width() * dpi / 72),
                                                   round(points.height() * dpi / 72)))
                    area = printer.paperRect(QPrinter.DevicePixel)
                    scale = min(area.width() / image.width(), area.height() / image.height())
                    w, h = image.width() * scale, image.height() * scale
                    painter.drawImage(QRectF((area.width() - w) / 2, (area.height() - h) / 2, w, h), image)
        finally:
            painter.end()
        doc.close()

    return spool


class DocumentsPage(CampaignPhasePage, QWidget):
    # The dossier a campaign requires: its documents, drafted from the nominations and meetings.
    AREAS = frozenset({Area.DOCUMENTS, Area.CAMPAIGNS, Area.NOMINATIONS, Area.MEETINGS, Area.PEOPLE})

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.dialog = None                      # the print dialog open on this page, if any
        self.task: Operation | None = None
        self.printer: QPrinter | None = None    # kept, so the print dialog remembers the printer chosen
        self._loaded = False
        self._row = -1
        lay = QVBoxLayout(self)
        # A campaign with phases (sơ kết, tổng kết): the dossier of one phase, or of the whole campaign.
        lay.addLayout(self.campaign_row(store, "documents"))

        upper, ul = panel(layout=QHBoxLayout)
        self.model = DossierModel(store, self)
        self.view = table_view(self.model, "dossier_documents")
        self.view.doubleClicked.connect(self._activated)
        ul.addWidget(self.view, 1)
        self.draft_btn = button(self.tr("Draft"), self.draft, tip=self.tr("Draft the document from the records"))
        self.finalise_btn = button(self.tr("Finalise"), self.finalise,
                                   tip=self.tr("Keep this version's PDF and Word files unchanged, for signing "
                                               "and sending"))
        self.reopen_btn = button(self.tr("Reopen for editing"), self.reopen)
        self.export_pdf_btn = button(self.tr("Export PDF…"), lambda: self.export(".pdf"))
        self.export_docx_btn = button(self.tr("Export Word…"), lambda: self.export(".docx"))
        self.print_btn = button(self.tr("Print…"), self.print_document,
                                tip=self.tr("Paperless campaigns print only classified documents and the "
                                            "dossiers of state-level awards"))
        self.attach_btn = button(self.tr("Attach file…"), self.attach, name="documents_attach",
                                 tip=self.tr("A paper the plan lists that the app does not draft (a confirmation from "
                                             "another body, an initiative's certificate…): PDF, Word or image"))
        self.remove_attachment_btn = button(self.tr("Remove attached file"), self.remove_attachment,
                                            name="documents_remove_attachment")
        ul.addLayout(vbox(self.draft_btn, self.finalise_btn, self.reopen_btn, self.export_pdf_btn,
                          self.export_docx_btn, self.print_btn, self.attach_btn, self.remove_attachment_btn, None))

        lower, lower_layout = panel()
        # The form of the selected document: those that fit its kind and date, the reason of the choice.
        self.form_row, fr = panel(layout=QHBoxLayout)
        fr.addWidget(QLabel(self.tr("Form:")))
        self.form_box = QComboBox()
        self.form_box.setObjectName("documents_form")
        self.form_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.form_box.setMinimumContentsLength(40)
        self.form_box.activated.connect(self._form_chosen)
        fr.addWidget(self.form_box, 1)
        self.form_current_btn = button("", self._use_current_form, name="documents_form_current")
        fr.addWidget(self.form_current_btn)
        lower_layout.addWidget(self.form_row)
        self.form_reason = text_label(name="documents_form_reason", selectable=True)
        lower_layout.addWidget(self.form_reason)
        self.form_options = None                # drafts.FormOptions of the selected document
        self._pending_forms: dict[tuple, str] = {}   # a form chosen for a document not drafted yet, by item key

        self.stack = QStackedWidget()
        self.empty_state = text_label(name="documents_empty_state", align=Qt.AlignCenter,
                                      style="color: #555; font-size: 11pt; padding: 24px;")
        self.stack.addWidget(self.empty_state)
        self.editor = DocumentEditor(store)
        self.editor.saved.connect(self._saved)
        self.stack.addWidget(self.editor)
        lower_layout.addWidget(self.stack, 1)
        self.splitter = splitter(Qt.Vertical, upper, lower, stretch=(0, 1), name="documents_splitter",
                                 collapsible=False, parent=self)
        self.splitter.setSizes([190, 560])
        lay.addWidget(self.splitter, 1)

        self.message = text_label(name="documents_message", selectable=True)
        lay.addWidget(self.message)

        self.view.selectionModel().currentRowChanged.connect(self._selection_changed)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------------------

    def first_row(self) -> int:
        """When first shown, the page opens on the campaign whose dossier was worked on last."""
        latest, row = "", 0
        for i in range(self.campaigns.rowCount()):
            worked = max((d.created_at for d in drafts.list_for_campaign(self.store, self.campaigns.campaign_at(i).id)),
                         default="")
            if worked > latest:
                latest, row = worked, i
        return row

    def set_campaign(self, campaign_id: int) -> None:
        self.ensure_loaded()
        row = self.campaigns.row_of(campaign_id)
        if row >= 0 and row == self.campaign.currentIndex():
            self._campaign_changed()   # already shown: show it as the records are now
        elif row >= 0:
            self.campaign.setCurrentIndex(row)

    def _campaign_changed(self, *_args) -> None:
        if not self.editor.confirm_discard():
            # Stay on the campaign of the document with the unsaved edits.
            self.chooser.show_row(self.campaigns.row_of(self.model.campaign_id))
            return
        # The same campaign shown again keeps its phase; another one starts on its whole dossier.
        keep = self.phase_id() if self.campaign_id() == self.model.campaign_id else None
        self.phases.set_campaign(self.chooser.campaign(), keep)
        self._show_dossier()

    def _phase_changed(self, *_args) -> None:
        if not self.editor.confirm_discard():
            # Stay on the phase of the document with the unsaved edits.
            self.phases.blockSignals(True)
            self.phases.set_phase(self.model.phase_id)
            self.phases.blockSignals(False)
            return
        self._show_dossier()

    def _show_dossier(self) -> None:
        """The dossier of the campaign (or phase) chosen, its first document selected."""
        self.model.set_campaign(self.campaign_id(), self.phase_id())
        self._row = -1
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self._selection_changed()

    def _reload_shown(self, *, phase_gone: bool) -> None:
        """Re-read everything (another page changed the data), keeping the document."""
        if phase_gone:
            self._show_dossier()        # the whole campaign's dossier
        elif not self.editor.dirty:
            item = self.current_item()
            self._refresh(item.key if item else None)

    def _refresh(self, key: tuple | None = None) -> None:
        """Re-read the list and the editor after a change, selecting the document given (by its item key)."""
        self.model.reload()
        self._row = -1
        select_row(self.view, self.model.row_of_key(key) if key else None, first=True)
        self._selection_changed()

    # -- selection --------------------------------------------------------------------------------------

    def current_item(self):
        return at_current(self.view, lambda ix: self.model.item_at(ix.row()))

    def selected_draft(self) -> int | None:
        return at_current(self.view, lambda ix: ix.data(ID_ROLE))

    def select_draft(self, draft_id: int) -> None:
        select_row(self.view, self.model.row_of_draft(draft_id))

    def _selection_changed(self, *_args) -> None:
        row = self.view.currentIndex().row()
        item = self.current_item()
        draft_id = item.draft_id if item else None
        if row != self._row or draft_id != self.editor.draft_id:
            if self.editor.draft_id is not None and draft_id != self.editor.draft_id \
                    and not self.editor.confirm_discard():
                # Stay on the document with the unsaved edits.
                self.view.selectionModel().blockSignals(True)
                self.view.setCurrentIndex(self.model.index(self._row, 0))
                self.view.selectionModel().blockSignals(False)
                return
            self._row = row
            self.editor.load(draft_id)
        if item is None:
            self.empty_state.setText(
                self.tr("There is no campaign yet: add the plan on the campaigns page first.")
                if self.campaign_id() is None else self.tr("Choose a document of the dossier."))
            self.stack.setCurrentWidget(self.empty_state)
        elif item.is_paper:
            if item.attachments:
                a = item.attachments[0]
                text = self.tr("“%1” is attached as “%2” (%3).").replace("%1", item.title).replace(
                    "%2", a.file_name).replace("%3", file_size(a.size))
                if a.signed:
                    text += "\n" + self.tr("The PDF carries a digital signature: it is kept as it is and travels "
                                           "unchanged with the dossier.")
            else:
                text = self.tr("“%1” is a paper the app does not draft.\nPress “Attach file…” to attach it (PDF, "
                               "Word or image); it then counts as present and travels with the dossier.").replace(
                    "%1", item.title)
            self.empty_state.setText(text)
            self.stack.setCurrentWidget(self.empty_state)
        elif draft_id is None:
            self.empty_state.setText(self.tr("“%1” is not drafted yet.\nPress “Draft” to draft it from the "
                                             "records.").replace("%1", item.title))
            self.stack.setCurrentWidget(self.empty_state)
        else:
            self.stack.setCurrentWidget(self.editor)
        self._show_forms(item)
        self._update_buttons()

    # -- the form of the selected document ----------------------------------------------------------------

    def _show_forms(self, item) -> None:
        """The forms that fit the document on its date, the chosen one selected, and why it was chosen."""
        self.form_options = None
        if item is None or item.is_paper:
            self.form_row.setVisible(False)
            self.form_reason.setVisible(False)
            return
        options = run_op(self, lambda: drafts.form_options(self.store, item.kind, item.target_id, item.draft_id))
        self.form_row.setVisible(options is not None)
        self.form_reason.setVisible(options is not None)
        if options is None:
            return
        self.form_options = options
        pending = self._pending_forms.get(item.key) if item.draft is None else None
        chosen = pending or options.chosen.id
        self.form_box.blockSignals(True)
        self.form_box.clear()
        for f in options.forms:
            label = f.label
            if not f.in_force(options.on):
                label += " " + self.tr("(replaced on this date)")
            self.form_box.addItem(label, f.id)
        self.form_box.setCurrentIndex(max(0, self.form_box.findData(chosen)))
        self.form_box.blockSignals(False)
        self.form_box.setEnabled(item.draft is None or not item.draft.finalised)
        reason = options.reason or self.tr("The form the plan cites, or the one in force on the document's date "
                                           "(%1).").replace("%1", options.on.strftime("%d/%m/%Y"))
        self.form_reason.setText(reason)
        self.form_reason.setStyleSheet("color: #b00020;" if options.replaced else "color: #555;")
        offer = options.current is not None and options.current.id != chosen
        self.form_current_btn.setVisible(offer and options.replaced)
        if offer:
            self.form_current_btn.setText(self.tr("Use the form in force: %1").replace(
                "%1", f"{options.current.decree} {options.current.form}"))
        self.form_current_btn.setEnabled(self.form_box.isEnabled())

    def _use_current_form(self) -> None:
        if self.form_options is not None and self.form_options.current is not None:
            self.form_box.setCurrentIndex(self.form_box.findData(self.form_options.current.id))
            self._form_chosen()

    def _form_chosen(self, *_args) -> None:
        """A form picked in the list: kept for drafting, or the draft is drafted again with it (asked first)."""
        item = self.current_item()
        form_id = self.form_box.currentData()
        if item is None or item.is_paper or form_id is None:
            return
        if item.draft is None:
            self._pending_forms[item.key] = form_id
            self.message.setText(self.tr("“%1” will be drafted with the form chosen.").replace("%1", item.title))
            return
        if item.draft.form == form_id or item.draft.finalised:
            return
        if not self.editor.confirm_discard() or QMessageBox.question(
                self, self.tr("Change the form"),
                self.tr("Draft “%1” again with the form “%2”?\nEvery section is composed again from the records; the "
                        "text so far stays in the document's history.").replace("%1", item.title).replace(
                    "%2", self.form_box.currentText())) != QMessageBox.Yes:
            self._show_forms(item)
            return
        draft_id = item.draft.id
        if attempt(self, lambda: drafts.change_form(self.store, draft_id, form_id)):
            self._after_change(item.key, self.tr("“%1” is drafted again with the form chosen.").replace(
                "%1", item.title))
            self.editor.load(draft_id)        # the same document, its new version

    def _update_buttons(self) -> None:
        item = self.current_item()
        d = item.draft if item else None
        paper = item is not None and item.is_paper
        self.draft_btn.setEnabled(item is not None and d is None and not paper)
        self.finalise_btn.setEnabled(d is not None and not d.finalised)
        self.reopen_btn.setEnabled(d is not None and d.finalised)
        for b in (self.export_pdf_btn, self.export_docx_btn, self.print_btn):
            b.setEnabled(d is not None)
        self.attach_btn.setVisible(paper)
        self.remove_attachment_btn.setVisible(paper)
        self.attach_btn.setEnabled(paper)
        self.remove_attachment_btn.setEnabled(paper and bool(item.attachments))

    def _activated(self, *_args) -> None:
        item = self.current_item()
        if item is not None and item.is_paper:
            self.attach()
        elif item is not None and item.draft is None:
            self.draft()

    def _saved(self, _draft_id: int) -> None:
        item = self.current_item()
        self.model.reload()
        if item is not None:
            row = self.model.row_of_key(item.key)
            if row is not None:
                self.view.selectionModel().blockSignals(True)
                self.view.setCurrentIndex(self.model.index(row, 0))
                self.view.selectionModel().blockSignals(False)
                self._row = row
        self._show_forms(self.current_item())    # a new date may bring other forms into force
        self._update_buttons()
        announce(self, Area.DOCUMENTS)  # the editor saved a version

    # -- actions ----------------------------------------------------------------------------------------

    def draft(self) -> None:
        """Soạn: draft the selected document from the records."""
        item = self.current_item()
        if item is None or item.draft is not None or item.is_paper:
            return
        form = self._pending_forms.get(item.key)
        if item.kind in drafts.CAMPAIGN_KINDS:
            def work():
                return drafts.create_for_campaign(self.store, item.kind, item.target_id, item.phase_id)
        else:
            def work():
                return drafts.create(self.store, item.kind, item.target_id, item.authority or None, form=form,
                                     phase_id=item.phase_id if item.kind == "to_trinh" else None)
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            draft_id = run_op(self, work, changes=Area.DOCUMENTS)
        finally:
            QApplication.restoreOverrideCursor()
        if draft_id is None:
            return
        self._pending_forms.pop(item.key, None)
        self._refresh(item.key)
        self.message.setText(self.tr("“%1” is drafted from the records (version 1).").replace("%1", item.title))

    def _settle_edits(self) -> bool:
        """Before exporting, printing or finalising: what is saved is what goes out."""
        return self.editor.confirm_discard()

    def finalise(self) -> None:
        item = self.current_item()
        if item is None or item.draft is None or item.draft.finalised or not self._settle_edits():
            return
        if QMessageBox.question(
                self, self.tr("Finalise the document"),
                self.tr("Finalise “%1”?\nIts PDF and Word files are made once and kept unchanged for signing and "
                        "sending; it can no longer be edited directly (reopen it to change it).").replace(
                    "%1", item.title)) != QMessageBox.Yes:
            return
        draft_id, key = item.draft.id, item.key
        self._run(self.tr("Finalising the document"), lambda store, _progress: drafts.finalise(store, draft_id),
                  lambda _result: self._after_change(key, self.tr("“%1” is finalised.").replace(
                      "%1", item.title)), changes=Area.DOCUMENTS)

    def reopen(self) -> None:
        item = self.current_item()
        if item is None or item.draft is None or not item.draft.finalised:
            return
        if QMessageBox.question(
                self, self.tr("Reopen for editing"),
                self.tr("Reopen “%1” as a draft to edit it?\nThe finalised PDF and Word files are dropped; "
                        "finalise it again when the edits are done.").replace("%1", item.title)) \
                != QMessageBox.Yes:
            return
        draft_id = item.draft.id
        if attempt(self, lambda: drafts.reopen(self.store, draft_id), changes=Area.DOCUMENTS):
            self._after_change(item.key, self.tr("“%1” is a draft again.").replace("%1", item.title))

    def attach(self) -> None:
        """Đính kèm: the file of a paper of the plan's list (replacing the one attached before, if any)."""
        from desktop.dossier import attachments

        item = self.current_item()
        campaign_id = self.campaign_id()
        if item is None or not item.is_paper or campaign_id is None:
            return
        number = item.target_id

        def attach(path: str) -> None:
            added = run_op(self, lambda: attachments.attach(self.store, campaign_id, str(number), path),
                           changes=Area.DOCUMENTS)
            if added is not None:
                self._after_change(item.key, self.tr("“%1” is attached to “%2”.").replace(
                    "%1", added.file_name).replace("%2", item.title))

        with_chosen_file(self, self.tr("Choose the file to attach"), self._export_folder(),
                         self.tr("PDF, Word or image (*.pdf *.docx *.png *.jpg *.jpeg)"), attach)

    def remove_attachment(self) -> None:
        from desktop.dossier import attachments

        item = self.current_item()
        if item is None or not item.is_paper or not item.attachments:
            return
        a = item.attachments[0]
        if QMessageBox.question(self, self.tr("Remove attached file"),
                                self.tr("Remove “%1” from “%2”? The paper is then missing from the dossier again.")
                                .replace("%1", a.file_name).replace("%2", item.title)) != QMessageBox.Yes:
            return
        if attempt(self, lambda: attachments.remove(self.store, a.id), changes=Area.DOCUMENTS):
            self._after_change(item.key, self.tr("“%1” is removed from “%2”.").replace(
                "%1", a.file_name).replace("%2", item.title))

    def _after_change(self, key: tuple, message: str) -> None:
        self._refresh(key)
        self.message.setText(message)

    def _run(self, title: str, work, done, changes=None) -> None:
        """Long work (rendering) on a worker thread; the buttons wait for it."""
        self._busy(True)
        self.task = Operation(self, self.store, work, title=title, changes=changes)

        def finished(outcome) -> None:
            self.task = None
            self._busy(False)
            if outcome.ok:
                done(outcome.value)

        self.task.done.connect(finished)
        self.task.start()

    def _busy(self, busy: bool) -> None:
        self.campaign.setEnabled(not busy)
        self.phase.setEnabled(not busy)
        self.splitter.setEnabled(not busy)

    def _export_folder(self) -> str:
        folder = QSettings().value("documents/export_folder")
        if folder and Path(str(folder)).is_dir():
            return str(folder)
        return documents_folder()

    def export(self, suffix: str) -> None:
        """Xuất PDF… / Xuất Word…: the saved version (a finalised document: its kept file)."""
        item = self.current_item()
        if item is None or item.draft is None or not self._settle_edits():
            return
        draft_id = item.draft.id
        name = safe_name(drafts.title(self.store, item.draft))
        if suffix == ".pdf":
            title, pattern = self.tr("Export as PDF"), self.tr("PDF documents (*.pdf)")
        else:
            title, pattern = self.tr("Export as Word"), self.tr("Word documents (*.docx)")
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(self._export_folder()) / (name + suffix)),
                                              pattern)
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        QSettings().setValue("documents/export_folder", str(out.parent))
        self._run(self.tr("Exporting the document"), lambda store, _progress: drafts.render(store, draft_id, out),
                  lambda result: self.message.setText(self.tr("Saved to %1").replace("%1", str(result))))

    def print_document(self) -> None:
        """In…: only where the rule allows; otherwise the reason, and a PDF export instead."""
        item = self.current_item()
        if item is None or item.draft is None or not self._settle_edits():
            return
        draft_id = item.draft.id
        allowed = run_op(self, lambda: printing.permission(self.store, draft_id))
        if allowed is None:
            return
        if not allowed.allowed:
            answer = QMessageBox.warning(
                self, self.tr("Printing not allowed"),
                allowed.reason + "\n\n" + self.tr("Export it as a PDF file instead?"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
            if answer == QMessageBox.Yes:
                self.export(".pdf")
            return
        if self.printer is None:
            self.printer = QPrinter(QPrinter.HighResolution)
        self.printer.setDocName(safe_name(item.title))
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("Print “%1”").replace("%1", item.title))
        dialog.setOptions(QAbstractPrintDialog.PrintToFile | QAbstractPrintDialog.PrintShowPageSize
                          | QAbstractPrintDialog.PrintCollateCopies)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._print(draft_id, item.title, allowed.reason))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        if isinstance(dialog, QDialog):
            QDialog.open(dialog)    # PySide's QPrintDialog.open(receiver, member) hides QDialog.open()
        else:
            dialog.open()

    def _print(self, draft_id: int, title: str, reason: str) -> None:
        printer = self.printer
        copies = max(1, printer.copyCount())
        name = printer.printerName() or printer.outputFileName()
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            pages = printing.print_document(self.store, draft_id, printer=name, copies=copies,
                                            spooler=qt_spooler(printer))
        except UserError as exc:
            QApplication.restoreOverrideCursor()
            show_error(self, exc)
            return
        QApplication.restoreOverrideCursor()
        self.message.setText(self.tr("Printed “%1”: %2 pages × %3 copies. %4 The print is in the print log.")
                             .replace("%1", title).replace("%2", str(pages)).replace("%3", str(copies))
                             .replace("%4", reason))
        announce(self, Area.PRINT_LOG)


"""The editor of one dossier document, and its live PDF preview.

The editor sits inside the "Hồ sơ" page rather than in a modal dialog, because
the clerk works in it every day: the sections of the document on the left, the
selected section's text in the clerk's markup (:mod:`desktop.dossier.documents.richtext`)
with a small toolbar, the header fields (number, date, classification), the
saved versions, and on the right the document as it will print, updated half a
second after typing stops.

The preview is composed on the GUI thread from the saved document with the
unsaved edits laid over it (a few milliseconds: no database work) and rendered
to a temporary PDF on a worker thread; only the newest request is rendered.
A finalised document shows its kept PDF, read-only, under a banner.
"""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from desktop.dossier import drafts
from desktop.dates import DateError, format_date
from desktop.dossier.documents.compose import date_parts
from desktop.dossier.documents.model import Document
from desktop.dossier.documents.richtext import parse
from desktop.errors import UserError
from desktop.ui.models.documents import (
    PAGE_ROLE, HistoryModel, SectionsModel, ThumbnailsModel, classification_keys, classification_label,
)
from desktop.ui.operations import Operation, attempt
from desktop.ui.qt import (
    HAVE_PDF, QHBoxLayout, QKeySequence, QLabel, QLineEdit, QListView, QMessageBox,
    QObject, QPlainTextEdit, QPointF, QShortcut, QSize, QTabWidget,
    QSizePolicy, QTextCursor, QTimer, QToolBar, QVBoxLayout, QWidget, Qt, Signal,
)
from desktop.ui.build import (
    button, caption, choice, error_label, hbox, list_view, panel, select_row, splitter, text_label,
)
from desktop.ui.widgets import DateField, table_view
from desktop.files import temp_prefix

if HAVE_PDF:
    from desktop.ui.qt import QPdfDocument, QPdfPageRenderer, QPdfView

PREVIEW_DELAY_MS = 500
BANNER_STYLE = ("background: #e6f2e6; color: #1b5e20; border: 1px solid #9ccc9c; border-radius: 3px; "
                "padding: 6px; font-weight: 600;")
TABLE_TEMPLATE = "| Cột 1 | Cột 2 |\n|-----|-----|\n|  |  |"


# -- rendering the preview off the GUI thread -------------------------------------------------------------

class PreviewRenderer(QObject):
    """Renders documents to PDF files off the GUI thread, one at a time; only the newest request counts.

    Each rendering is an :class:`~desktop.ui.operations.Operation` without the
    database (the document is composed already) and without a progress dialog.

    ``ready(path)`` or ``failed(message)`` arrives on the GUI thread. The files
    live in a private temporary folder removed with the renderer.
    """

    ready = Signal(str)
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._operation: Operation | None = None   # the rendering under way
        self._folder = tempfile.TemporaryDirectory(prefix=temp_prefix("thidua-xem-truoc-"))
        self._generation = 0
        self._busy = False
        self._pending: tuple[int, Document] | None = None
        self._files: list[Path] = []

    @property
    def busy(self) -> bool:
        return self._busy or self._pending is not None

    def request(self, document: Document) -> None:
        self._generation += 1
        if self._busy:
            self._pending = (self._generation, document)
        else:
            self._start(self._generation, document)

    def cancel(self) -> None:
        """Forget what is queued and ignore what is running (another document is shown now)."""
        self._generation += 1
        self._pending = None

    def _start(self, generation: int, document: Document) -> None:
        self._busy = True
        path = Path(self._folder.name) / f"xem-truoc-{generation}.pdf"

        def work(_store, _progress, document=document, path=path) -> str:
            from desktop.dossier.documents.render_pdf import render_pdf  # loaded when a preview is made

            render_pdf(document, path)
            return str(path)

        self._operation = Operation(self, None, work, show_errors=False)
        self._operation.done.connect(lambda outcome, generation=generation: self._done(generation, outcome))
        self._operation.start()

    def _done(self, generation: int, outcome) -> None:
        try:
            self._finished(generation, outcome)
        except RuntimeError:    # the editor closed while the last preview was being made
            pass

    def _finished(self, generation: int, outcome) -> None:
        self._operation = None
        self._busy = False
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(*pending)
            return
        if generation != self._generation:
            return      # cancelled meanwhile
        if outcome.ok:
            self._keep(Path(outcome.value))
            self.ready.emit(outcome.value)
        elif isinstance(outcome.error, UserError):
            self.failed.emit(str(outcome.error))
        else:       # shown in the preview, never fatal for the editor
            self.failed.emit(f"{type(outcome.error).__name__}: {outcome.error}")

    def kept_copy(self, store, draft_id: int) -> Path:
        """The finalised document's kept PDF, copied where the preview can open it."""
        self._generation += 1
        self._pending = None
        path = Path(self._folder.name) / f"hoan-thien-{draft_id}-{self._generation}.pdf"
        drafts.render(store, draft_id, path)
        self._keep(path)
        return path

    def _keep(self, path: Path) -> None:
        """Keep the two newest files (the one shown and the one before), remove the older ones."""
        self._files.append(path)
        while len(self._files) > 2:
            old = self._files.pop(0)
            try:
                old.unlink()
            except OSError:
                pass

    def wait(self) -> None:
        if self._operation is not None:
            self._operation.finish()


class PreviewPane(QWidget):
    """The PDF as it prints: every page in a ``QPdfView``, with page thumbnails on the left."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.path: str | None = None        # the PDF shown
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.status = QLabel()
        self.status.setObjectName("preview_status")
        self.status.setStyleSheet("color: #6b6b6b;")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.pdf = None
        if not HAVE_PDF:
            self.status.setText(self.tr("The preview needs Qt's PDF module (the PySide6-Pdf package). "
                                        "Export a PDF to see the document."))
            lay.addStretch(1)
            return
        self.pdf = QPdfDocument(self)
        body = QHBoxLayout()
        body.setSpacing(4)
        self.thumbnails = ThumbnailsModel(self)
        self.thumbnails.set_document(self.pdf)
        self.thumb_view = QListView()
        self.thumb_view.setObjectName("preview_thumbnails")
        self.thumb_view.setModel(self.thumbnails)
        self.thumb_view.setViewMode(QListView.IconMode)
        self.thumb_view.setFlow(QListView.TopToBottom)
        self.thumb_view.setWrapping(False)
        self.thumb_view.setMovement(QListView.Static)
        self.thumb_view.setResizeMode(QListView.Adjust)
        self.thumb_view.setIconSize(QSize(ThumbnailsModel.WIDTH, round(ThumbnailsModel.WIDTH * 297 / 210)))
        self.thumb_view.setSpacing(4)
        self.thumb_view.setUniformItemSizes(True)
        self.thumb_view.setFixedWidth(ThumbnailsModel.WIDTH + 30)
        self.thumb_view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.thumb_view.setStyleSheet("QListView { background: #eef0f2; }")
        body.addWidget(self.thumb_view)
        self.view = QPdfView(self)
        self.view.setObjectName("preview_view")
        # Pages are drawn as they are painted: a few milliseconds each, and no blank page flashes by
        # while the clerk types (the PDF itself is made on the worker thread).
        for renderer in self.view.findChildren(QPdfPageRenderer):
            renderer.setRenderMode(QPdfPageRenderer.RenderMode.SingleThreaded)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(8)
        self.view.setStyleSheet("QPdfView { background: #8a9099; }")
        body.addWidget(self.view, 1)
        lay.addLayout(body, 1)
        self.thumb_view.clicked.connect(self._jump)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)

    def page_count(self) -> int:
        return self.pdf.pageCount() if self.pdf is not None else 0

    def show_file(self, path: str | Path) -> None:
        """Show this PDF, staying on the page the clerk was reading."""
        self.path = str(path)
        if self.pdf is None:
            return
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self.pdf.load(str(path))
        self.status.clear()
        self.status.setVisible(False)
        self.view.viewport().update()
        QTimer.singleShot(0, bar, lambda: bar.setValue(min(position, bar.maximum())))

    def clear(self, message: str = "") -> None:
        self.path = None
        if self.pdf is not None:
            self.pdf.close()
        self.show_status(message)

    def show_status(self, message: str) -> None:
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def _jump(self, index) -> None:
        page = index.data(PAGE_ROLE)
        if page is not None:
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def _page_changed(self, page: int) -> None:
        if 0 <= page < self.thumbnails.rowCount():
            self.thumb_view.setCurrentIndex(self.thumbnails.index(page))


# -- the editor -------------------------------------------------------------------------------------------

class DocumentEditor(QWidget):
    """Edit one draft: sections, header, classification, versions; a live preview beside."""

    saved = Signal(int)     # a new version (or classification) of this draft was saved

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.draft: drafts.Draft | None = None
        self.base_document: Document | None = None    # the saved version, composed
        self.saved_sections: dict[str, str] = {}
        self.saved_header: dict[str, str] = {}
        self.texts: dict[str, str] = {}                # the working copy, unsaved edits included
        self.current_section: str | None = None
        self.version = 0
        self._loading = False

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.banner = text_label(
            self.tr("Finalised — not edited directly. To change it, use “Reopen for editing”."),
            name="finalised_banner", style=BANNER_STYLE)
        self.banner.hide()
        lay.addWidget(self.banner)
        # What is still blank ("……", an empty Số, "Chưa nhập …"): finalising is refused until it is filled.
        self.problems_label = text_label(name="draft_problems",
                                         style="color: #8a4b00; background: #fff4e5; padding: 4px;")
        self.problems_label.hide()
        self.problems: list = []
        lay.addWidget(self.problems_label)

        # Left: the sections.
        left, ll = panel()
        self.sections = SectionsModel(self)
        self.sections_view = list_view(self.sections, "document_sections", "5px 3px")
        ll.addWidget(caption("<b>" + self.tr("Sections") + "</b>", self.sections_view))
        ll.addWidget(self.sections_view, 1)
        left.setMinimumWidth(150)

        # Middle: header fields, toolbar, text.
        middle, ml = panel((4, 0, 4, 0))
        header = QHBoxLayout()
        self.number = QLineEdit()
        self.number.setObjectName("document_number")
        self.number.setPlaceholderText(self.tr("blank"))
        self.number.setToolTip(self.tr("Left blank, the number is given by the e-office system when the "
                                       "document is issued."))
        self.number.setMaximumWidth(70)
        self.date = DateField()
        self.date.setObjectName("document_date")
        self.date.setMaximumWidth(110)
        self.classification = choice("document_classification",
                                     [(classification_label(key), key) for key in classification_keys()])
        for text, field in ((self.tr("No.:"), self.number), (self.tr("Date:"), self.date),
                            (self.tr("Classification:"), self.classification)):
            header.addWidget(caption(text, field))
            header.addWidget(field)
        header.addStretch(1)
        ml.addLayout(header)
        # "Kính gửi": drafted from where the plan says to send the dossier; the clerk may change it.
        self.recipients = QLineEdit()
        self.recipients.setObjectName("document_recipients")
        self.recipients.setToolTip(self.tr("Who the document is addressed to; several separated by “;”. "
                                           "Left blank, it follows the campaign's plan."))
        self.recipients_label = caption(self.tr("To:"), self.recipients)
        ml.addLayout(hbox(self.recipients_label, (self.recipients, 1)))
        self.date_error = error_label()
        ml.addWidget(self.date_error)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("document_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.bold_action = self.toolbar.addAction(self.tr("Bold"))
        self.bold_action.setShortcut(QKeySequence.Bold)
        self.bold_action.setToolTip(self.tr("Bold: wraps the selection in **…** (Ctrl+B)"))
        self.italic_action = self.toolbar.addAction(self.tr("Italic"))
        self.italic_action.setShortcut(QKeySequence.Italic)
        self.italic_action.setToolTip(self.tr("Italic: wraps the selection in *…* (Ctrl+I)"))
        self.list_action = self.toolbar.addAction(self.tr("List"))
        self.list_action.setToolTip(self.tr("Turns the selected lines into a “- ” list (or back)"))
        self.table_action = self.toolbar.addAction(self.tr("Table"))
        self.table_action.setToolTip(self.tr("Inserts a table of two columns; add rows as “| … | … |”"))
        for action in (self.bold_action, self.italic_action):
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.addAction(action)      # Ctrl+B / Ctrl+I work while typing in the text
        self.bold_action.triggered.connect(lambda: self.wrap_selection("**"))
        self.italic_action.triggered.connect(lambda: self.wrap_selection("*"))
        self.list_action.triggered.connect(self.toggle_list)
        self.table_action.triggered.connect(self.insert_table)
        ml.addWidget(self.toolbar)

        self.text = QPlainTextEdit()
        self.text.setObjectName("section_text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("The text of this section. A blank line separates paragraphs; "
                                             "**bold**, *italic*, “- ” for a list, | a | b | for a table."))
        ml.addWidget(self.text, 1)

        bottom = QHBoxLayout()
        self.regenerate_btn = button(self.tr("Recompose this section from the records"), self.regenerate,
                                     name="regenerate_section",
                                     tip=self.tr("Replaces only this section's text with text composed afresh "
                                                 "from the ledger, nominations and meetings"))
        bottom.addWidget(self.regenerate_btn)
        self.state_label = QLabel()
        self.state_label.setObjectName("editor_state")
        self.state_label.setWordWrap(True)
        self.state_label.setMinimumWidth(60)
        self.state_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        bottom.addWidget(self.state_label, 1)
        self.save_btn = button(self.tr("Save"), self.save, name="save_document",
                               tip=self.tr("Save the edits as a new version (Ctrl+S)"))
        bottom.addWidget(self.save_btn)
        ml.addLayout(bottom)
        QShortcut(QKeySequence.Save, self, self.save, context=Qt.WidgetWithChildrenShortcut)

        # Right: the preview and the versions.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("document_tabs")
        self.preview = PreviewPane()
        self.tabs.addTab(self.preview, self.tr("Preview"))
        history, hl = panel((4, 4, 4, 4))
        self.history = HistoryModel(store, self)
        self.history_view = table_view(self.history, "document_history")
        hl.addWidget(self.history_view, 1)
        hb = QHBoxLayout()
        hb.addStretch(1)
        self.restore_btn = button(self.tr("Restore this version"), self.restore, name="restore_version")
        hb.addWidget(self.restore_btn)
        hl.addLayout(hb)
        self.tabs.addTab(history, self.tr("Versions"))
        self.tabs.setMinimumWidth(360)
        self.splitter = splitter(Qt.Horizontal, left, middle, self.tabs, stretch=(0, 5, 5),
                                 name="document_editor_splitter", collapsible=False, parent=self)
        self.splitter.setSizes([170, 470, 460])
        lay.addWidget(self.splitter, 1)

        self.renderer = PreviewRenderer(self)
        self.renderer.ready.connect(self.preview.show_file)
        self.renderer.failed.connect(lambda message: self.preview.show_status(
            self.tr("The preview could not be made: %1").replace("%1", message)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_preview)

        self.sections_view.selectionModel().currentRowChanged.connect(self._section_changed)
        self.history_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_state())
        self.text.textChanged.connect(self._text_changed)
        for signal in (self.number.textChanged, self.recipients.textChanged, self.date.textChanged,
                       self.classification.currentIndexChanged):
            signal.connect(self._header_changed)
        self._update_state()

    # -- loading ----------------------------------------------------------------------------------------

    @property
    def draft_id(self) -> int | None:
        return self.draft.id if self.draft else None

    @property
    def finalised(self) -> bool:
        return bool(self.draft and self.draft.finalised)

    def load(self, draft_id: int | None, section: str | None = None) -> None:
        """Show the current version of a draft (``None``: nothing), on ``section`` if given."""
        self._timer.stop()
        self.renderer.cancel()
        self._loading = True
        try:
            self.draft = drafts.get(self.store, draft_id) if draft_id is not None else None
            if self.draft is None:
                self.base_document = None
                self.saved_sections, self.saved_header, self.texts = {}, {}, {}
                self.version = 0
                self.sections.set_sections([], {})
                self.text.clear()
                self.number.clear()
                self.recipients.clear()
                self.date.clear()
                self.classification.setCurrentIndex(0)
                self.history.set_draft(None)
                self.preview.clear()
            else:
                v = drafts.current(self.store, draft_id)
                self.version = v.version
                self.saved_sections = dict(v.sections)
                self.saved_header = {"number": str(v.header.get("number") or ""),
                                     "date": str(v.header.get("date") or "")}
                kept = v.header.get("recipients")
                if kept:
                    self.saved_header["recipients"] = "; ".join(kept) if isinstance(kept, list) else str(kept)
                self.texts = dict(v.sections)
                self.base_document = drafts.document(self.store, draft_id)
                order = [(s.id, s.heading) for s in self.base_document.sections]
                order += [(sid, "") for sid in v.sections if sid not in {o[0] for o in order}]
                self.sections.set_sections(order, self.texts)
                self.number.setText(self.saved_header["number"])
                self.recipients.setText(self.saved_header.get("recipients", ""))
                self.recipients.setPlaceholderText("; ".join(r.rstrip(".") for r in self.base_document.recipients))
                self.date.setText(format_date(self.saved_header["date"]) if self.saved_header["date"] else "")
                self.classification.setCurrentIndex(max(0, self.classification.findData(self.draft.classification)))
                self.history.set_draft(draft_id)
            self.current_section = None
            row = select_row(self.sections_view, self.sections.row_of(section), first=True)
            self._show_section(self.sections.id_at(row) if row is not None else None)
        finally:
            self._loading = False
        read_only = self.finalised or self.draft is None
        self.banner.setVisible(self.finalised)
        self.problems = ([] if read_only or self.base_document is None
                         else drafts.document_problems(self.base_document))
        if self.problems:
            from html import escape

            self.problems_label.setText(self.tr("Still to fill in before finalising:") + "<br>" + "<br>".join(
                f"• <b>{escape(p.section)}</b>: {escape(p.message)} — <i>{escape(p.text[:90])}</i>"
                for p in self.problems))
        self.problems_label.setVisible(bool(self.problems))
        self.text.setReadOnly(read_only)
        for w in (self.number, self.date, self.classification, self.recipients):
            w.setEnabled(not read_only)
        has_recipients = bool(self.base_document is not None and self.base_document.recipients)
        self.recipients.setVisible(has_recipients)
        self.recipients_label.setVisible(has_recipients)
        self.date_error.hide()
        self._update_state()
        if self.draft is not None:
            if self.finalised:
                try:
                    self.preview.show_file(self.renderer.kept_copy(self.store, self.draft.id))
                except UserError as exc:
                    self.preview.clear(str(exc))
            else:
                self.preview.show_status(self.tr("Preparing the preview…") if self.preview.path is None else "")
                self.render_preview()

    def _show_section(self, section_id: str | None) -> None:
        self.current_section = section_id
        was = self._loading
        self._loading = True
        self.text.setPlainText(self.texts.get(section_id, "") if section_id else "")
        self._loading = was

    def _section_changed(self, current, _previous) -> None:
        if self._loading:
            return
        self._show_section(self.sections.id_at(current.row()) if current.isValid() else None)
        self._update_state()

    # -- editing ----------------------------------------------------------------------------------------

    def _text_changed(self) -> None:
        if self._loading or self.current_section is None or self.finalised:
            return
        sid = self.current_section
        text = self.text.toPlainText()
        self.texts[sid] = text
        self.sections.set_text(sid, text, text != self.saved_sections.get(sid, ""))
        self._update_state()
        self._timer.start()

    def _header_changed(self, *_args) -> None:
        if self._loading or self.draft is None:
            return
        self.date_error.hide()
        self._update_state()
        self._timer.start()

    def header_values(self) -> dict[str, str]:
        """Number and date as saved (the date ISO); raises :class:`DateError` for a date that is not one."""
        date = self.date.date()
        values = {"number": self.number.text().strip(), "date": date.isoformat() if date else ""}
        recipients = self.recipients.text().strip()
        if recipients or self.saved_header.get("recipients"):
            values["recipients"] = recipients
        return values

    def _header_dirty(self) -> bool:
        try:
            values = self.header_values()
        except DateError:
            return True
        return values != {k: self.saved_header.get(k, "") for k in values}

    @property
    def dirty(self) -> bool:
        if self.draft is None or self.finalised:
            return False
        return (any(t != self.saved_sections.get(sid, "") for sid, t in self.texts.items())
                or self._header_dirty()
                or self.classification.currentData() != self.draft.classification)

    def _update_state(self) -> None:
        editable = self.draft is not None and not self.finalised
        dirty = self.dirty
        for action in (self.bold_action, self.italic_action, self.list_action, self.table_action):
            action.setEnabled(editable and self.current_section is not None)
        self.regenerate_btn.setEnabled(editable and self.current_section is not None)
        self.save_btn.setEnabled(editable and dirty)
        row = self.history_view.currentIndex().row()
        self.restore_btn.setEnabled(editable and row > 0)
        if self.draft is None:
            self.state_label.clear()
        elif self.finalised:
            self.state_label.setText(self.tr("Finalised from version %1").replace("%1", str(self.version)))
        elif dirty:
            self.state_label.setText("<span style='color:#c25e00'>" + self.tr(
                "Edited, not saved yet (version %1 is the saved one)").replace("%1", str(self.version)) + "</span>")
        else:
            self.state_label.setText(self.tr("Saved: version %1").replace("%1", str(self.version)))

    def _edit_text(self, edit) -> None:
        """A toolbar's edit of the text: ``edit(cursor)`` changes it at the text's cursor and returns the
        cursor to show (``None``: the text's own); the text keeps the focus. Nothing changes a read-only text."""
        if self.text.isReadOnly():
            return
        cursor = edit(self.text.textCursor())
        if cursor is not None:
            self.text.setTextCursor(cursor)
        self.text.setFocus()

    def wrap_selection(self, marker: str) -> None:
        """Đậm / Nghiêng: wrap the selection in the marker, or put an empty pair at the cursor."""

        def wrap(cursor: QTextCursor) -> QTextCursor | None:
            selected = cursor.selectedText()
            if selected:
                # Keep the spaces the selection caught outside the markers: "**word** " not "**word **".
                core = selected.strip()
                lead = selected[:len(selected) - len(selected.lstrip())]
                trail = selected[len(selected.rstrip()):]
                cursor.insertText(f"{lead}{marker}{core}{marker}{trail}")
                return None
            cursor.insertText(marker * 2)
            cursor.movePosition(QTextCursor.Left, QTextCursor.MoveAnchor, len(marker))
            return cursor

        self._edit_text(wrap)

    def toggle_list(self) -> None:
        """Danh sách: the selected lines (or the cursor's line) become "- " items, or stop being."""
        self._edit_text(self._toggle_list)

    def _toggle_list(self, cursor: QTextCursor) -> QTextCursor:
        doc = self.text.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        blocks = []
        block = first
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
        lines = [b.text() for b in blocks]
        filled = [line for line in lines if line.strip()]
        remove = bool(filled) and all(line.lstrip().startswith("- ") for line in filled)
        if remove:
            new = [line.lstrip()[2:] if line.strip() else line for line in lines]
        else:
            new = [line if not line.strip() or line.lstrip().startswith("- ") else "- " + line.lstrip()
                   for line in lines] if filled else ["- "]
        edit = QTextCursor(doc)
        edit.setPosition(first.position())
        edit.setPosition(last.position() + last.length() - 1, QTextCursor.KeepAnchor)
        edit.insertText("\n".join(new))
        return edit

    def insert_table(self) -> None:
        """Bảng: a table of two columns with a header row, on lines of its own."""
        self._edit_text(self._insert_table)

    @staticmethod
    def _insert_table(cursor: QTextCursor) -> QTextCursor:
        cursor.clearSelection()
        block = cursor.block()
        before = "" if not block.text().strip() else "\n\n"
        if block.text().strip():
            cursor.movePosition(QTextCursor.EndOfBlock)
        after = "\n" if block.next().isValid() and block.next().text().strip() else ""
        cursor.insertText(f"{before}{TABLE_TEMPLATE}\n{after}")
        return cursor

    # -- saving, recomposing, restoring ---------------------------------------------------------------

    def save(self) -> bool:
        """Lưu: the edited sections and header as a new version; ``True`` when saved."""
        if self.draft is None or self.finalised:
            return False
        try:
            header = self.header_values()
        except DateError as exc:
            self.date_error.setText(str(exc))
            self.date_error.show()
            self.date.setFocus()
            return False
        if not self.dirty:
            return True
        draft_id = self.draft.id
        changed = {sid: t for sid, t in self.texts.items() if t != self.saved_sections.get(sid, "")}
        header_changed = header != {k: self.saved_header.get(k, "") for k in header}
        classification = self.classification.currentData()

        def work() -> None:
            if classification != self.draft.classification:
                drafts.set_classification(self.store, draft_id, classification)
            if changed or header_changed:
                drafts.edit(self.store, draft_id, sections=changed or None,
                            header=header if header_changed else None)

        if not attempt(self, work):
            return False
        self.load(draft_id, self.current_section)
        self.saved.emit(draft_id)
        return True

    def confirm_discard(self) -> bool:
        """Before leaving the document: save the edits, drop them, or stay (``False``)."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved edits"),
            self.tr("“%1” has edits that are not saved. Save them as a new version?").replace(
                "%1", drafts.title(self.store, self.draft)),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        if answer == QMessageBox.Discard:
            self.load(self.draft_id, self.current_section)
            return True
        return False

    def _unsaved(self, skip: str | None = None) -> dict[str, str]:
        return {sid: t for sid, t in self.texts.items()
                if sid != skip and t != self.saved_sections.get(sid, "")}

    def _reapply(self, edits: dict[str, str], section: str | None) -> None:
        """Lay unsaved section edits back over a freshly loaded version."""
        for sid, text in edits.items():
            if sid in self.texts:
                self.texts[sid] = text
                self.sections.set_text(sid, text, text != self.saved_sections.get(sid, ""))
        if section in edits:
            self._show_section(section)
        self._update_state()
        if edits:
            self.render_preview()

    def regenerate(self) -> None:
        """Soạn lại mục này từ dữ liệu: this section only, the others keep the clerk's text."""
        sid = self.current_section
        if self.draft is None or self.finalised or sid is None:
            return
        label = self.sections.label(self.sections.row_of(sid))
        if QMessageBox.question(
                self, self.tr("Recompose this section"),
                self.tr("Replace the text of “%1” with text composed afresh from the records?\n"
                        "Only this section changes; the other sections keep their text, and the present text "
                        "stays in the versions.").replace("%1", label)) != QMessageBox.Yes:
            return
        others = self._unsaved(skip=sid)
        draft_id = self.draft.id
        if attempt(self, lambda: drafts.regenerate(self.store, draft_id, sid)):
            self.load(draft_id, sid)
            self._reapply(others, sid)
            self.saved.emit(draft_id)

    def restore(self) -> None:
        """Khôi phục phiên bản này: the chosen version's text becomes a new version."""
        if self.draft is None or self.finalised:
            return
        version = self.history.version_at(self.history_view.currentIndex().row())
        if version is None:
            return
        text = self.tr("Restore version %1? Its text becomes a new version; the present text stays in the "
                       "versions.").replace("%1", str(version))
        if self.dirty:
            text += "\n" + self.tr("The edits not saved yet are dropped.")
        if QMessageBox.question(self, self.tr("Restore a version"), text) != QMessageBox.Yes:
            return
        draft_id, section = self.draft.id, self.current_section
        if attempt(self, lambda: drafts.restore(self.store, draft_id, version)):
            self.load(draft_id, section)
            self.saved.emit(draft_id)

    # -- the preview ------------------------------------------------------------------------------------

    def preview_document(self) -> Document | None:
        """The saved document with the unsaved edits laid over it (what "Lưu" would save)."""
        doc = self.base_document
        if doc is None or self.draft is None:
            return None
        for sid, text in self.texts.items():
            if text != self.saved_sections.get(sid, ""):
                try:
                    doc = doc.with_section_blocks(sid, parse(text))
                except (KeyError, ValueError):
                    continue
        header = doc.header
        number = self.number.text().strip()
        if number != header.number:
            header = dataclasses.replace(header, number=number)
        try:
            date = self.date.date()
        except DateError:
            date = None
        if date is not None:
            header = dataclasses.replace(header, date=date_parts(date))
        classification = self.classification.currentData() or doc.classification
        typed = [r.strip() for r in self.recipients.text().split(";") if r.strip()]
        if typed:
            doc = dataclasses.replace(doc, recipients=tuple(typed))
        return dataclasses.replace(doc, header=header, classification=classification)

    def render_preview(self) -> None:
        """Render now (the timer calls this half a second after the last keystroke)."""
        self._timer.stop()
        if self.draft is None or self.finalised:
            return
        doc = self.preview_document()
        if doc is not None:
            self.renderer.request(doc)


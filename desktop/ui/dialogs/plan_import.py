"""Review a plan read by the importer before it becomes a campaign.

The source text is on the left with every value the importer read
highlighted where it was read; the campaign editor is on the right with each
field editable. Entering a field scrolls the source to its place and
emphasises it; clicking a highlighted passage in the source goes to its field.
What the importer could not read is listed on top. Nothing is stored until
Lưu: then the campaign and its source file are saved in one transaction.
"""
from __future__ import annotations

from pathlib import Path

from desktop.campaigns import campaign as campaigns
from desktop.errors import ValidationError
from desktop.ui.operations import attempt
from desktop.ui.dialogs.campaign_editor import CampaignEditor
from desktop.ui.qt import (
    QAbstractItemView, QColor, QDialog, QDialogButtonBox, QLabel, QListView, QMessageBox, QPlainTextEdit,
    QSplitter, QStringListModel, QTextCharFormat, QTextCursor, QTextEdit, QVBoxLayout, Qt, Signal,
)

FOUND_COLOR = QColor("#fff1a8")      # every value read
PROBLEM_COLOR = QColor("#fbd3d6")    # what a problem is about
CURRENT_COLOR = QColor("#ffb347")    # the value of the field the clerk is in

# Editor keys whose span has another name in PlanExtraction.spans.
_SPAN_NAMES = {
    "doc_date": "date", "period_start": "period.start", "period_end": "period.end",
    "signer_authority": "signer.authority", "signer_title": "signer.title", "signer_name": "signer.name",
}
_EDITOR_NAMES = {v: k for k, v in _SPAN_NAMES.items()} | {"period": "period_start"}


def span_key(editor_key: str, spans: dict) -> str | None:
    """The key in ``spans`` of an editor key (``documents[1].form`` → ``dossier[1].form``), if any."""
    key = editor_key
    if key.startswith("documents["):
        key = "dossier[" + key[len("documents["):]
    key = _SPAN_NAMES.get(key, key)
    for candidate in (key, key.rsplit(".", 1)[0] if "." in key else None):
        if candidate and candidate in spans:
            return candidate
    return None


def editor_key(span_name: str) -> str:
    """The editor key of a span key (``dossier[1]`` → ``documents[1]``, ``date`` → ``doc_date``)."""
    if span_name.startswith("dossier["):
        return "documents[" + span_name[len("dossier["):]
    return _EDITOR_NAMES.get(span_name, span_name)


class PlanImportDialog(QDialog):
    saved = Signal(int)

    def __init__(self, parent, store, path: str | Path, extraction):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.extraction = extraction
        self.campaign_id: int | None = None
        self.current_span: tuple[int, int] | None = None
        self._moving = False       # the dialog moves the source's cursor itself
        self._from_source = False  # a click in the source is choosing the field
        self.setWindowTitle(self.tr("Review the plan — %1").replace("%1", self.path.name))
        self.setModal(True)
        lay = QVBoxLayout(self)

        intro = QLabel(self.tr(
            "Read from “%1”. Check every field against the document on the left: entering a field shows "
            "where its value was read. Correct what is wrong, then press Save; nothing is stored before that.")
            .replace("%1", self.path.name))
        intro.setWordWrap(True)
        lay.addWidget(intro)

        problems = list(extraction.problems)
        self.problems_label = QLabel()
        self.problems_model = QStringListModel(problems, self)
        self.problems_view = QListView()
        self.problems_view.setObjectName("problems")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problems_view.setWordWrap(True)
        self.problems_view.setStyleSheet("QListView { background: #fff4e5; }")
        self.problems_view.clicked.connect(self._problem_clicked)
        if problems:
            self.problems_label.setText("<b>" + self.tr("To check (%1):").replace("%1", str(len(problems)))
                                        + "</b>")
            self.problems_view.setFixedHeight(min(len(problems), 4) * 22 + 8)
        else:
            self.problems_label.setText(self.tr("The importer noted no problem; still check each field."))
            self.problems_view.hide()
        lay.addWidget(self.problems_label)
        lay.addWidget(self.problems_view)

        self.splitter = QSplitter(Qt.Horizontal, self)
        self.source = QPlainTextEdit()
        self.source.setObjectName("source")
        self.source.setReadOnly(True)
        self.source.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.source.setPlainText(extraction.source_text)
        self.source.cursorPositionChanged.connect(self._source_clicked)
        self.splitter.addWidget(self.source)
        self.editor = CampaignEditor(self, wide=False)
        campaign = campaigns.from_extraction(extraction)
        self.editor.set_campaign(campaign)
        self.editor.focused.connect(self.show_field)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 640])
        lay.addWidget(self.splitter, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

        # Spans of the fields, and of the problems; problems are listed, not fields.
        self._spans = {k: v for k, v in extraction.spans.items() if not k.startswith("problems[")}
        self._problem_spans = {k: v for k, v in extraction.spans.items() if k.startswith("problems[")}
        self._highlight()
        self.resize(1180, 760)

    # -- highlighting -----------------------------------------------------------------------------------

    def _selection(self, span: tuple[int, int], color: QColor) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.source.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        if color is CURRENT_COLOR:
            fmt.setForeground(QColor("#000000"))
            fmt.setFontUnderline(True)
        sel.format = fmt
        return sel

    def _highlight(self) -> None:
        """Every value read in light yellow, problems in pink, the current field in orange."""
        selections = [self._selection(span, PROBLEM_COLOR) for span in self._problem_spans.values()]
        selections += [self._selection(span, FOUND_COLOR) for span in self._spans.values()]
        if self.current_span is not None:
            selections.append(self._selection(self.current_span, CURRENT_COLOR))
        self.source.setExtraSelections(selections)

    def highlighted_spans(self) -> list[tuple[int, int]]:
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.source.extraSelections()]

    def show_field(self, key: str) -> None:
        """Scroll the source to where the field's value was read, and emphasise it."""
        name = span_key(key, self._spans)
        self._show_span(self._spans.get(name) if name else None)

    def _show_span(self, span: tuple[int, int] | None) -> None:
        self.current_span = tuple(span) if span else None
        self._highlight()
        if span is None or self._from_source:  # the clerk is looking at it already
            return
        cursor = self.source.textCursor()
        cursor.setPosition(span[0])
        self._moving = True
        try:
            self.source.setTextCursor(cursor)
            self.source.centerCursor()
        finally:
            self._moving = False       # the dialog moves the source's cursor itself
        self._from_source = False  # a click in the source is choosing the field

    def _source_clicked(self) -> None:
        """A click on a highlighted passage goes to the field that was read from it."""
        if self._moving or not self.source.hasFocus():
            return
        pos = self.source.textCursor().position()
        inside = [(end - start, name) for name, (start, end) in self._spans.items() if start <= pos < end]
        if not inside:
            return
        _length, name = min(inside)
        self.current_span = tuple(self._spans[name])
        self._highlight()
        self._from_source = True
        try:
            found = self.editor.focus_key(editor_key(name))
        finally:
            self._from_source = False
        if found:
            self.source.setFocus()  # keep reading; the field is in front

    def _problem_clicked(self, index) -> None:
        span = self._problem_spans.get(f"problems[{index.row()}]")
        if span is not None:
            self._show_span(span)

    # -- saving -----------------------------------------------------------------------------------------

    def save(self) -> None:
        try:
            c = self.editor.campaign()
        except ValidationError as exc:
            self.editor.set_errors(exc.fields)
            return
        existing = campaigns.same_plan(self.store, c)
        if existing is not None:
            # The plan already is a campaign: update that one rather than make a second.
            answer = QMessageBox.question(
                self, self.tr("Plan already imported"),
                self.tr("This plan is already campaign %1 “%2”. Update that campaign from this file? "
                        "Its achievements and nominations stay linked.")
                .replace("%1", str(existing.id)).replace("%2", existing.title),
                QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Yes)
            if answer != QMessageBox.Yes:
                return

        def write() -> None:
            if existing is not None:
                campaigns.update_from_plan(self.store, existing.id, c, self.path)
            else:
                with self.store.transaction():
                    campaigns.save(self.store, c)
                    campaigns.attach_source(self.store, c.id, self.path)

        if not attempt(self, write, fields=self.editor.set_errors):
            return
        self.campaign_id = c.id
        self.saved.emit(c.id)
        self.accept()

    def reject(self) -> None:
        if self.editor.dirty and QMessageBox.question(
                self, self.tr("Discard the review"),
                self.tr("Close without saving? The corrections made here will be lost."),
                QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel) != QMessageBox.Discard:
            return
        super().reject()


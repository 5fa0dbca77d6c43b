"""Phong trào thi đua: the campaigns the Sở launched, each editable field by field.

The list of campaigns is on top; the selected one is edited below in
:class:`CampaignEditor`, which the plan-import review dialog reuses. Nothing
is written until the clerk presses Lưu; a rule the domain refuses is shown
next to its field, or on its row of a table.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from ... import achievements, blobs, campaigns, catalog
from ...campaigns import Campaign
from ...errors import UserError, ValidationError
from ..models.campaigns import (
    KEY_ROLE, AwardsModel, CampaignListModel, CriteriaModel, DocumentsModel, PhasesModel, subject_labels,
)
from ...changes import CAMPAIGN_REMOVED, Area
from ..operations import Operation, announce, attempt, show_error
from ..qt import (
    QAbstractItemView, QApplication, QCheckBox, QComboBox, QDesktopServices, QFileDialog, QFormLayout, QFrame,
    QGridLayout,
    QHBoxLayout, QHeaderView, QKeySequence, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton,
    QRegularExpression, QRegularExpressionValidator, QScrollArea, QShortcut, QSplitter, QStackedWidget,
    QStyledItemDelegate, QTableView, QTabWidget, QUrl, QVBoxLayout, QWidget, Qt, Signal,
)
from ..widgets import ERROR_STYLE, FormPanel, PartialDateField, setup_table
from ...files import temp_prefix

DATE_KEYS = ("doc_date", "period_start", "period_end", "deadline", "registration_deadline", "report_deadline")


# -- cell editors of the tables ----------------------------------------------------------------------

class SubjectDelegate(QStyledItemDelegate):
    """Tập thể / Cá nhân / Cả hai."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for key, label in subject_labels().items():
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.EditRole)


class CatalogAwardDelegate(QStyledItemDelegate):
    """Every award of the catalog; the first entry leaves the plan's wording unmatched."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem(self.tr("(not in the catalog)"), "")
        for name in catalog.load().names():
            combo.addItem(name, name)
        combo.setMaxVisibleItems(20)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.EditRole) or "")))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.EditRole)


class PhaseDelegate(QStyledItemDelegate):
    """The whole campaign or one of its phases, as the phases table names them now."""

    def __init__(self, names, parent=None):
        super().__init__(parent)
        self._names = names

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem(self.tr("Whole campaign"), -1)
        for i, name in enumerate(self._names()):
            combo.addItem(name or self.tr("Phase %1").replace("%1", str(i + 1)), i)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.EditRole)


class PatternDelegate(QStyledItemDelegate):
    """A line edit that accepts only what ``pattern`` allows (whole numbers for quotas, decimals for targets)."""

    def __init__(self, pattern: str, placeholder: str = "", parent=None):
        super().__init__(parent)
        self._pattern = pattern
        self._placeholder = placeholder

    def createEditor(self, parent, option, index):
        edit = QLineEdit(parent)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(self._pattern), edit))
        edit.setPlaceholderText(self._placeholder)
        return edit


# -- the editor ------------------------------------------------------------------------------------------

class _TableBox(QWidget):
    """An editable table with its add/remove buttons and a line for the messages of its rows."""

    def __init__(self, model, add_text: str, stretch: int, widths: dict[int, int], parent=None):
        super().__init__(parent)
        self.model = model
        lay = QVBoxLayout(self)
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                  | QAbstractItemView.AnyKeyPressed | QAbstractItemView.SelectedClicked)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.Interactive)
        for col, width in widths.items():
            self.view.setColumnWidth(col, width)
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
        lay.addWidget(self.view, 1)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        row = QHBoxLayout()
        self.add_btn = QPushButton(add_text, self)
        self.remove_btn = QPushButton(self.tr("Remove row"), self)
        self.add_btn.clicked.connect(self.add_row)
        self.remove_btn.clicked.connect(self.remove_row)
        row.addWidget(self.add_btn)
        row.addWidget(self.remove_btn)
        row.addStretch(1)
        lay.addLayout(row)
        self.stretch = stretch

    def add_row(self) -> None:
        row = self.model.add()
        ix = self.model.index(row, self.stretch)
        self.view.setCurrentIndex(ix)
        self.view.scrollTo(ix)
        self.view.setFocus()
        self.view.edit(ix)

    def remove_row(self) -> None:
        ix = self.view.currentIndex()
        if ix.isValid():
            self.model.remove(ix.row())

    def set_errors(self, errors: dict[int, str]) -> None:
        self.model.set_errors(errors)
        lines = [self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", message)
                 for row, message in sorted(errors.items())]
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))
        if errors:
            self.view.setCurrentIndex(self.model.index(min(errors), self.stretch))


class CampaignEditor(QWidget):
    """Every field of a campaign, in tabs; shared by the Campaigns page and the plan-import review.

    ``focused(key)`` tells which field the clerk is in: the field's name
    (``title``, ``doc_date``…), ``recipients[i]`` for a line of the recipients,
    or a table cell such as ``awards[2].collective`` where 2 is the row's
    position when the campaign was loaded.
    """

    changed = Signal()
    focused = Signal(str)

    def __init__(self, parent=None, *, wide: bool = True):
        super().__init__(parent)
        self._base = Campaign("")
        self._loading = False
        self.dirty = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        lay.addWidget(self.tabs)

        # Document: identity, title, period and deadline.
        self.general = FormPanel()
        self.timing = FormPanel()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.setInsertPolicy(QComboBox.NoInsert)
        self.kind.addItems(campaigns.KINDS)
        self.general.add("kind", self.tr("Kind of document"), self.kind)
        self.number = self.general.add("number", self.tr("Number"), QLineEdit())
        self.number.setPlaceholderText(self.tr("e.g. 205/KH-STP; blank when the e-office system numbers it"))
        self.symbol = self.general.add("symbol", self.tr("Symbol"), QLineEdit())
        self.symbol.setPlaceholderText("KH-STP")
        self.place = self.general.add("place", self.tr("Place"), QLineEdit())
        self.doc_date = self.general.add("doc_date", self.tr("Date of the document"), PartialDateField())
        self.title = QPlainTextEdit()
        self.title.setTabChangesFocus(True)
        self.title.setFixedHeight(64)
        self.general.add("title", self.tr("Title (summary)"), self.title, required=True)
        self.period_start = self.timing.add("period_start", self.tr("Runs from"), PartialDateField())
        self.period_end = self.timing.add("period_end", self.tr("Runs until"), PartialDateField())
        self.deadline = self.timing.add("deadline", self.tr("Dossier deadline"), PartialDateField(yearly=True))
        self.registration_deadline = self.timing.add(
            "registration_deadline", self.tr("Registration deadline"), PartialDateField(yearly=True))
        self.report_deadline = self.timing.add(
            "report_deadline", self.tr("Report deadline"), PartialDateField(yearly=True))
        self.paperless = QCheckBox(self.tr("Paperless: dossiers are sent electronically"))
        self.timing.add("paperless", self.tr("Paperless"), self.paperless)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(64)
        self.timing.add("note", self.tr("Note"), self.note)
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(self.general, 0, 0)
        if wide:
            grid.addWidget(self.timing, 0, 1)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
        else:
            grid.addWidget(self.timing, 1, 0)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, self.tr("Document"))

        # Signer and recipients.
        self.signer = FormPanel()
        self.signer_authority = self.signer.add("signer_authority", self.tr("Signing authority"), QLineEdit())
        self.signer_authority.setPlaceholderText(self.tr("e.g. KT. GIÁM ĐỐC"))
        self.signer_title = self.signer.add("signer_title", self.tr("Signer's title"), QLineEdit())
        self.signer_name = self.signer.add("signer_name", self.tr("Signer"), QLineEdit())
        self.recipients = QPlainTextEdit()
        self.recipients.setTabChangesFocus(True)
        self.recipients.setPlaceholderText(self.tr("One recipient per line"))
        self.signer.add("recipients", self.tr("Recipients"), self.recipients)
        self.tabs.addTab(self.signer, self.tr("Signer, recipients"))

        # The three tables.
        self.criteria_model = CriteriaModel(parent=self)
        self.awards_model = AwardsModel(parent=self)
        self.phases_model = PhasesModel(parent=self)
        self.awards_model.phase_names = self.phases_model.names
        self.phases_model.rowsAboutToBeRemoved.connect(
            lambda _parent, first, _last: self.awards_model.phase_removed(first))
        self.documents_model = DocumentsModel(parent=self)
        self.criteria_box = _TableBox(self.criteria_model, self.tr("Add criterion"), 1, {0: 110, 2: 80, 3: 90})
        self.criteria_box.view.setObjectName("criteria")
        self.criteria_box.view.setItemDelegateForColumn(0, SubjectDelegate(self.criteria_box.view))
        self.criteria_box.view.setItemDelegateForColumn(2, PatternDelegate(r"\d{0,9}([,.]\d{0,4})?", "", self))
        self.awards_box = _TableBox(self.awards_model, self.tr("Add award"), 1,
                                    {0: 290 if wide else 210, 2: 105, 3: 105})
        self.awards_box.view.setObjectName("awards")
        self.awards_box.view.setItemDelegateForColumn(0, CatalogAwardDelegate(self.awards_box.view))
        quota = PatternDelegate(r"\d{0,5}", self.tr("no limit"), self)
        self.awards_box.view.setItemDelegateForColumn(2, quota)
        self.awards_box.view.setItemDelegateForColumn(3, quota)
        self.awards_box.view.setItemDelegateForColumn(4, PhaseDelegate(self.phases_model.names, self.awards_box.view))
        self.phases_box = _TableBox(self.phases_model, self.tr("Add phase"), 0, {1: 110, 2: 110, 3: 130})
        self.phases_box.view.setObjectName("phases")
        self.phases_model.edited.connect(self.awards_box.view.viewport().update)
        self.documents_box = _TableBox(self.documents_model, self.tr("Add document"), 0, {1: 90, 2: 190})
        self.documents_box.view.setObjectName("documents")
        self.tables = {"criteria": self.criteria_box, "awards": self.awards_box, "phases": self.phases_box,
                       "documents": self.documents_box}
        self._table_titles = {"criteria": self.tr("Criteria (%1)"), "awards": self.tr("Awards (%1)"),
                              "phases": self.tr("Phases (%1)"), "documents": self.tr("Dossier (%1)")}
        for key, box in self.tables.items():
            self.tabs.addTab(box, "")
            box.model.edited.connect(self._edited)
            box.model.modelReset.connect(self._update_tab_titles)
            box.model.rowsInserted.connect(self._update_tab_titles)
            box.model.rowsRemoved.connect(self._update_tab_titles)
            box.view.selectionModel().currentChanged.connect(
                lambda cur, _prev, v=box.view: self._cell_focused(v, cur))
        self._update_tab_titles()

        self.panels = (self.general, self.timing, self.signer)
        if not wide:
            # One column: the captions of the panels line up.
            captions = [panel.form.itemAt(row, QFormLayout.LabelRole).widget()
                        for panel in self.panels for row in range(panel.form.rowCount())]
            width = max(c.sizeHint().width() for c in captions)
            for caption in captions:
                caption.setMinimumWidth(width)
        self._fields: dict[QWidget, str] = {}
        for panel in self.panels:
            for key in panel.keys():
                self._fields[panel.widget(key)] = key
        for w in (self.number, self.symbol, self.place, self.signer_authority, self.signer_title, self.signer_name):
            w.textChanged.connect(self._edited)
        for w in (self.title, self.note, self.recipients):
            w.textChanged.connect(self._edited)
        self.kind.currentTextChanged.connect(self._edited)
        self.paperless.toggled.connect(self._edited)
        for key in DATE_KEYS:
            field = getattr(self, key)
            field.textChanged.connect(self._edited)
            field.editingFinished.connect(lambda k=key: self._check_date(k))
        self.recipients.cursorPositionChanged.connect(self._recipient_focused)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # -- loading and reading ------------------------------------------------------------------------

    def set_campaign(self, c: Campaign) -> None:
        """Show ``c`` (a copy is kept for its ids); clears errors and the unsaved mark."""
        self._loading = True
        try:
            self._base = c
            self.kind.setCurrentText(c.kind or campaigns.KINDS[0])
            self.number.setText(c.number or "")
            self.symbol.setText(c.symbol or "")
            self.place.setText(c.place or "")
            self.doc_date.set_value(c.doc_date)
            self.title.setPlainText(c.title or "")
            self.period_start.set_value(c.period_start)
            self.period_end.set_value(c.period_end)
            self.deadline.set_value(c.deadline)
            self.registration_deadline.set_value(c.registration_deadline)
            self.report_deadline.set_value(c.report_deadline)
            self.paperless.setChecked(bool(c.paperless))
            self.note.setPlainText(c.note or "")
            self.signer_authority.setText(c.signer_authority or "")
            self.signer_title.setText(c.signer_title or "")
            self.signer_name.setText(c.signer_name or "")
            self.recipients.setPlainText("\n".join(c.recipients))
            self.criteria_model.set_items(c.criteria)
            self.phases_model.set_items(c.phase_records)
            self.awards_model.set_items(c.awards)
            self.documents_model.set_items(c.documents)
            self.set_errors({})
        finally:
            self._loading = False
        self.dirty = False

    def campaign(self) -> Campaign:
        """The campaign as edited, checked by the domain; raises :class:`ValidationError` by field."""
        errors: dict[str, str] = {}
        base = self._base
        c = Campaign(
            title=self.title.toPlainText(), kind=self.kind.currentText(), number=self.number.text(),
            symbol=self.symbol.text(), place=self.place.text(),
            signer_authority=self.signer_authority.text(), signer_title=self.signer_title.text(),
            signer_name=self.signer_name.text(),
            recipients=self.recipients.toPlainText().splitlines(), paperless=self.paperless.isChecked(),
            note=self.note.toPlainText(), criteria=self.criteria_model.items(), awards=self.awards_model.items(),
            documents=self.documents_model.items(), source_name=base.source_name,
            source_sha256=base.source_sha256, id=base.id, phases=base.phases, issuer=base.issuer,
            phase_records=self.phases_model.items())
        for key in DATE_KEYS:
            try:
                setattr(c, key, getattr(self, key).value())
            except ValueError:
                errors[key] = self._date_message(key)
        try:
            campaigns.validate(c)
        except ValidationError as exc:
            for key, message in exc.fields.items():
                errors.setdefault(key, message)
        if errors:
            raise ValidationError(errors)
        return c

    @property
    def loaded(self) -> Campaign:
        """The campaign as it was loaded (its ids, its source file)."""
        return self._base

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.dirty = True
            self.changed.emit()

    def _update_tab_titles(self, *_args) -> None:
        for key, box in self.tables.items():
            self.tabs.setTabText(self.tabs.indexOf(box),
                                 self._table_titles[key].replace("%1", str(box.model.rowCount())))

    # -- errors -----------------------------------------------------------------------------------------

    def _date_message(self, key: str) -> str:
        text = getattr(self, key).text().strip()
        if key.endswith("deadline"):
            return self.tr("“%1” is not a date. Write day/month/year (28/7/2025), month/year (7/2025), "
                           "year (2025), or day/month (05/01) for a deadline every year.").replace("%1", text)
        return self.tr("“%1” is not a date. Write day/month/year (28/7/2025), month/year (7/2025) "
                       "or year (2025).").replace("%1", text)

    def _check_date(self, key: str) -> None:
        """Check a date as soon as the clerk leaves its field, and write it back the standard way."""
        field = getattr(self, key)
        try:
            value = field.value()
        except ValueError:
            self._panel_of(key).set_error(key, self._date_message(key))
            return
        self._panel_of(key).set_error(key, None)
        was = self._loading
        self._loading = True  # rewriting 7/2025 as 07/2025 is not an edit
        try:
            field.set_value(value)
        finally:
            self._loading = was

    def _panel_of(self, key: str) -> FormPanel:
        for panel in self.panels:
            if key in panel.keys():
                return panel
        return self.general

    def set_errors(self, errors: dict[str, str]) -> None:
        """Show the domain's messages next to their fields, and on the rows of the tables."""
        by_table: dict[str, dict[int, str]] = {key: {} for key in self.tables}
        fields: dict[str, str] = {}
        for key, message in errors.items():
            table, _, rest = key.partition("[")
            if table in self.tables and rest.rstrip("]").isdigit():
                by_table[table][int(rest.rstrip("]"))] = message
            else:
                fields[key] = message
        others = set(self.timing.keys()) | set(self.signer.keys())
        groups = [
            # The first panel also takes the messages that belong to no field.
            (self.general, {k: m for k, m in fields.items() if k not in others}),
            (self.timing, {k: m for k, m in fields.items() if k in self.timing.keys()}),
            (self.signer, {k: m for k, m in fields.items() if k in self.signer.keys()}),
        ]
        for panel, own in groups:
            panel.set_errors(own)
        for key, box in self.tables.items():
            box.set_errors(by_table[key])
        # Bring the first place with a message in front.
        for panel, own in groups:
            if own:
                first = next((k for k in panel.keys() if k in own), panel.keys()[0])
                self._show_tab_of(panel)
                panel.widget(first).setFocus()
                return
        for key, box in self.tables.items():
            if by_table[key]:
                self._show_tab_of(box)
                box.view.setFocus()
                return

    def _show_tab_of(self, widget: QWidget) -> None:
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is widget or page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
                return

    def error_text(self, key: str) -> str:
        """The message shown for a field (``title``) or a table (``awards``)."""
        if key in self.tables:
            return self.tables[key].error.text()
        return self._panel_of(key).error_text(key)

    # -- which field the clerk is in --------------------------------------------------------------------

    def _focus_changed(self, _old, new) -> None:
        w = new
        while w is not None and w is not self:
            if w in self._fields:
                key = self._fields[w]
                if key == "recipients":
                    self._recipient_focused()
                else:
                    self.focused.emit(key)
                return
            for box in self.tables.values():
                if w is box.view:
                    ix = box.view.currentIndex()
                    if ix.isValid():
                        self.focused.emit(ix.data(KEY_ROLE))
                    return
            w = w.parentWidget()

    def _cell_focused(self, view, current) -> None:
        if current.isValid() and (view.hasFocus() or view.isAncestorOf(QApplication.focusWidget())):
            self.focused.emit(current.data(KEY_ROLE))

    def _recipient_focused(self) -> None:
        if self.recipients.hasFocus():
            self.focused.emit(f"recipients[{self.recipients.textCursor().blockNumber()}]")

    def focus_key(self, key: str) -> bool:
        """Bring the field (or table cell) of an editor key in front and focus it."""
        table, _, rest = key.partition("[")
        if table in self.tables and rest:
            index, _, suffix = rest.partition("]")
            if not index.isdigit():
                return False
            box = self.tables[table]
            row = box.model.row_of_origin(int(index))
            if row is None:
                return False
            col = {".collective": 2, ".individual": 3, ".form": 1}.get(suffix, box.stretch)
            self._show_tab_of(box)
            box.view.setFocus()
            box.view.setCurrentIndex(box.model.index(row, col))
            return True
        if table == "recipients" and rest:
            line = rest.rstrip("]")
            if not line.isdigit():
                return False
            self._show_tab_of(self.recipients)
            self.recipients.setFocus()
            block = self.recipients.document().findBlockByNumber(int(line))
            if block.isValid():
                cursor = self.recipients.textCursor()
                cursor.setPosition(block.position())
                self.recipients.setTextCursor(cursor)
            return True
        for widget, name in self._fields.items():
            if name == key:
                self._show_tab_of(widget)
                widget.setFocus()
                return True
        return False


# -- the page --------------------------------------------------------------------------------------------

class CampaignsPage(QWidget):
    # The campaigns, and the progress line: achievements against the registered targets.
    AREAS = frozenset({Area.CAMPAIGNS, Area.LEDGER, Area.REGISTRATION})
    show_achievements = Signal(int)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.dialog = None          # the plan-import review open on this page, if any
        self.task: Operation | None = None
        self._shown_id: int | None = None
        self._new = False           # the editor holds a campaign not saved yet
        self._reverting = False
        self._progress_line = ""    # the phase under way and the targets reached, for the heading

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add campaign"))
        self.import_btn = QPushButton(self.tr("Import from a plan…"))
        self.delete_btn = QPushButton(self.tr("Delete"))
        self.add_btn.clicked.connect(self.add_campaign)
        self.import_btn.clicked.connect(self.import_plan)
        self.delete_btn.clicked.connect(self.delete_campaign)
        for b in (self.add_btn, self.import_btn, self.delete_btn):
            top.addWidget(b)
        top.addStretch(1)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        lay.addLayout(top)

        self.splitter = QSplitter(Qt.Vertical, self)
        self.splitter.setObjectName("campaigns_splitter")
        self.model = CampaignListModel(store, self)
        self.view = QTableView()
        self.view.setObjectName("campaigns")
        self.view.setModel(self.model)
        setup_table(self.view, stretch=0, widths={1: 170, 2: 190, 3: 200})
        self.splitter.addWidget(self.view)

        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr(
            "No campaigns yet. Press “Import from a plan…” to read the plan the department sent "
            "(.docx, .pdf, .txt), or “Add campaign” to enter one by hand."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setStyleSheet("color: #555; font-size: 11pt; padding: 24px;")
        self.stack.addWidget(self.empty)
        panel = QWidget()
        pl = QVBoxLayout(panel)
        pl.setContentsMargins(0, 4, 0, 0)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextSelectableByMouse)
        pl.addWidget(self.heading)
        self.editor = CampaignEditor(panel)
        self.editor.changed.connect(self._update_buttons)
        pl.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        self.source_btn = QPushButton(self.tr("Open source file"))
        self.achievements_btn = QPushButton(self.tr("Achievements"))
        self.achievements_btn.setToolTip(self.tr("Show the achievements linked to this campaign in the ledger"))
        self.revert_btn = QPushButton(self.tr("Undo changes"))
        self.save_btn = QPushButton(self.tr("Save"))
        self.save_btn.setDefault(True)
        self.source_btn.clicked.connect(self.open_source)
        self.achievements_btn.clicked.connect(self._show_achievements)
        self.revert_btn.clicked.connect(self.revert)
        self.save_btn.clicked.connect(self.save)
        bottom.addWidget(self.source_btn)
        bottom.addWidget(self.achievements_btn)
        bottom.addStretch(1)
        bottom.addWidget(self.revert_btn)
        bottom.addWidget(self.save_btn)
        pl.addLayout(bottom)
        self.stack.addWidget(panel)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 600])
        lay.addWidget(self.splitter, 1)

        save_shortcut = QShortcut(QKeySequence.Save, self)
        save_shortcut.setContext(Qt.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update_buttons()

    # -- the list ----------------------------------------------------------------------------------------

    def current_id(self) -> int | None:
        """The campaign in the editor (``None`` for a new one not saved yet)."""
        return None if self._new else self._shown_id

    def reload(self) -> None:
        """Re-read the list; the editor keeps unsaved changes, otherwise it shows the stored campaign."""
        self._reverting = True
        try:
            self.model.reload()
        finally:
            self._reverting = False
        if self._new or self.editor.dirty:
            self._select_quietly(None if self._new else self._shown_id)
            self._update_buttons()
            return
        keep = self._shown_id
        if keep is None or self.model.row_of(keep) is None:
            keep = self.model.id_at(0) if self.model.rowCount() else None
        self._show(keep)
        self._select_quietly(keep)

    def showEvent(self, event) -> None:
        # Campaigns change from other places too (the command line, the nominations): show the stored list.
        self.reload()
        super().showEvent(event)

    def select(self, campaign_id: int) -> None:
        row = self.model.row_of(campaign_id)
        if row is None:
            self.reload()
            row = self.model.row_of(campaign_id)
        if row is not None:
            ix = self.model.index(row, 0)
            self.view.setCurrentIndex(ix)
            self.view.scrollTo(ix)

    def _row_changed(self, current, _previous) -> None:
        if self._reverting:
            return
        cid = self.model.id_at(current.row()) if current.isValid() else None
        if cid == self._shown_id and not self._new:
            return
        if not self.confirm_discard():
            self._select_quietly(None if self._new else self._shown_id)
            return
        self._show(cid)

    def _select_quietly(self, campaign_id: int | None) -> None:
        self._reverting = True
        try:
            row = self.model.row_of(campaign_id)
            if row is None:
                self.view.selectionModel().clear()
            else:
                self.view.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._reverting = False

    def _show(self, campaign_id: int | None) -> None:
        self._new = False
        self._shown_id = campaign_id
        row = self.model.row_of(campaign_id)
        if row is None:
            self._shown_id = None
            self.editor.set_campaign(Campaign(""))
        else:
            self.editor.set_campaign(self.model.campaign_at(row))
        self._progress_line = self._progress_summary(self._shown_id)
        self._update_buttons()

    def _progress_summary(self, campaign_id: int | None) -> str:
        """The phase under way and how many targets are reached (the unit's registered ones where it has)."""
        if campaign_id is None:
            return ""
        from ... import clock

        p = campaigns.progress(self.store, campaign_id, clock.today())
        parts = []
        if p.phase is not None:
            parts.append(self.tr("current phase: %1").replace("%1", _html(p.phase.name)))
        measured = [k for k in p.criteria if k.goal is not None]
        if measured:
            reached = sum(1 for k in measured if k.reached)
            text = self.tr("targets reached: %1/%2").replace("%1", str(reached)).replace("%2", str(len(measured)))
            if any(k.registered is not None for k in measured):
                text += " " + self.tr("(against the registered targets)")
            parts.append(text)
        return " · ".join(parts)

    def confirm_discard(self) -> bool:
        if not self.editor.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The campaign has changes that are not saved. Discard them?"),
            QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Discard

    def _update_buttons(self, *_args) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%1 campaigns").replace("%1", str(n)))
        editing = self._new or self._shown_id is not None
        self.stack.setCurrentIndex(1 if editing else 0)
        stored = self.current_id()
        source = self.editor.loaded.source_name if stored is not None else None
        self.delete_btn.setEnabled(editing)
        self.source_btn.setEnabled(bool(source))
        self.source_btn.setToolTip(source or "")
        self.achievements_btn.setEnabled(stored is not None)
        self.revert_btn.setEnabled(self.editor.dirty)
        if self._new:
            text = "<b>" + self.tr("New campaign (not saved yet)") + "</b>"
        elif stored is not None:
            c = self.editor.loaded
            text = f"<b>{_html(c.reference)}</b>"
            if source:
                text += " · " + self.tr("source file: %1").replace("%1", _html(source))
            if self._progress_line:
                text += "<br>" + self._progress_line
        else:
            text = ""
        if self.editor.dirty:
            text += " · <span style='color:#c25e00'>" + self.tr("unsaved changes") + "</span>"
        self.heading.setText(text)

    # -- actions ----------------------------------------------------------------------------------------

    def add_campaign(self) -> None:
        if not self.confirm_discard():
            return
        self._select_quietly(None)
        self._new = True
        self._shown_id = None
        self.editor.set_campaign(Campaign(""))
        self._update_buttons()
        self.editor.tabs.setCurrentIndex(0)
        self.editor.title.setFocus()

    def revert(self) -> None:
        if self._new:
            self._new = False
            self._show(self.model.id_at(0) if self.model.rowCount() else None)
            self._select_quietly(self._shown_id)
        else:
            self._show(self._shown_id)

    def save(self) -> bool:
        if not (self._new or self._shown_id is not None):
            return False
        try:
            c = self.editor.campaign()
            campaigns.save(self.store, c)
        except ValidationError as exc:
            self.editor.set_errors(exc.fields)
            return False
        except UserError as exc:
            show_error(self, exc)
            return False
        self._new = False
        self._shown_id = c.id
        self.model.reload()
        self._select_quietly(c.id)
        self.editor.set_campaign(campaigns.get(self.store, c.id))
        self._progress_line = self._progress_summary(c.id)
        self._update_buttons()
        announce(self, Area.CAMPAIGNS)
        return True

    def delete_campaign(self) -> None:
        if self._new:
            self.editor.dirty = False
            self.revert()
            return
        cid = self._shown_id
        if cid is None:
            return
        title = self.editor.loaded.title
        linked = sum(len(achievements.query_ids(self.store, achievements.LedgerFilter(campaign_id=cid, archived=a)))
                     for a in (False, True))
        text = self.tr("Delete the campaign “%1”?").replace("%1", title)
        if linked:
            text += "\n\n" + self.tr("Its %1 linked achievements stay in the ledger, no longer linked to a "
                                     "campaign.").replace("%1", str(linked))
        if QMessageBox.question(self, self.tr("Delete campaign"), text) != QMessageBox.Yes:
            return
        if attempt(self, lambda: campaigns.delete(self.store, cid), changes=CAMPAIGN_REMOVED):
            self.editor.dirty = False
            self._shown_id = None
            self.reload()

    def open_source(self) -> None:
        """Open the plan file kept with the campaign in the system's viewer (a private temporary copy)."""
        c = self.editor.loaded
        if not c.source_sha256:
            return
        try:
            folder = Path(tempfile.mkdtemp(prefix=temp_prefix("thidua-ke-hoach-")))
            safe = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch
                           for ch in (c.source_name or "ke-hoach")).strip(" .") or "ke-hoach"
            path = folder / safe
            with open(path, "wb") as fh:
                for chunk in blobs.iter_chunks(self.store, c.source_sha256):
                    fh.write(chunk)
        except UserError as exc:
            show_error(self, exc)
            return
        except OSError as exc:
            show_error(self, UserError(self.tr("Cannot write a temporary copy of the file: %1")
                                       .replace("%1", exc.strerror or str(exc))))
            return
        self.last_opened = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _show_achievements(self) -> None:
        if self.current_id() is not None:
            self.show_achievements.emit(self.current_id())

    # -- importing a plan ------------------------------------------------------------------------------

    def import_plan(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a campaign plan"), "",
            self.tr("Plans and letters (*.docx *.pdf *.txt *.md);;All files (*)"))
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path) -> None:
        """Read the plan on a worker thread, then open the review; a file that cannot be read is explained."""
        from ...plans import parse_plan
        from ...plans.parser import require_something_read

        message = self.tr("Reading “%1”…").replace("%1", path.name)

        def work(_store, progress):
            progress(0, 0, message)
            # The parse reports each step, so a long file shows its progress and Cancel stops it.
            extraction = require_something_read(parse_plan(path, progress=progress), path.name)
            return extraction

        self.import_btn.setEnabled(False)
        self.task = Operation(self, self.store, work, title=self.tr("Reading the plan"), show_errors=False)
        self.task.succeeded.connect(lambda x: self._parsed(path, x))
        self.task.failed.connect(self._parse_failed)
        self.task.cancelled.connect(self._parse_done)
        self.task.start()

    def _parse_done(self) -> None:
        self.task = None
        self.import_btn.setEnabled(True)

    def _parse_failed(self, error) -> None:
        self._parse_done()
        if isinstance(error, UserError):
            QMessageBox.warning(self, self.tr("Cannot read the plan"),
                                str(error) + "\n\n" + self.tr("Nothing was saved."))
        else:
            show_error(self, error)

    def _parsed(self, path: Path, extraction) -> None:
        from ..dialogs.plan_import import PlanImportDialog  # the dialog reuses this page's editor

        self._parse_done()
        dialog = PlanImportDialog(self, self.store, path, extraction)
        self.dialog = dialog
        dialog.saved.connect(self._imported)
        dialog.finished.connect(lambda _result: self._review_closed(dialog))
        dialog.open()

    def _review_closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _imported(self, campaign_id: int) -> None:
        if self.editor.dirty or self._new:
            # Keep the clerk's unsaved edits; the new campaign is in the list.
            self.model.reload()
            self._select_quietly(None if self._new else self._shown_id)
            self._update_buttons()
        else:
            self.model.reload()
            self._show(campaign_id)
            self._select_quietly(campaign_id)
        announce(self, Area.CAMPAIGNS)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

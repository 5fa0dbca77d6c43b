"""Every field of a campaign, in tabs: the editor the Campaigns page and the plan-import review share.

Its own module so that the plan-import dialog does not import the Campaigns page
(which opens that dialog). Nothing is written here: the page or the dialog saves
:meth:`CampaignEditor.campaign`; a rule the domain refuses is shown next to its
field, or on its row of a table.
"""
from __future__ import annotations

from desktop.campaigns import campaign as campaigns
from desktop import catalog
from desktop.campaigns.campaign import Campaign
from desktop.errors import ValidationError
from desktop.ui.models.campaigns import (
    KEY_ROLE, AwardsModel, CriteriaModel, DocumentsModel, PhasesModel, subject_labels,
)
from desktop.ui.qt import (
    QAbstractItemView, QApplication, QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout,
    QHeaderView, QLineEdit, QPlainTextEdit, QRegularExpression, QRegularExpressionValidator,
    QScrollArea, QStyledItemDelegate, QTableView, QTabWidget, QVBoxLayout, QWidget, Signal,
)
from desktop.ui.columns import fit_columns
from desktop.ui.build import button, error_label, hbox
from desktop.ui.widgets import ComboDelegate, FormPanel, PartialDateField

DATE_KEYS = ("doc_date", "period_start", "period_end", "deadline", "registration_deadline", "report_deadline")


# -- cell editors of the tables ----------------------------------------------------------------------

class SubjectDelegate(ComboDelegate):
    """Tập thể / Cá nhân / Cả hai."""

    def choices(self):
        return [(label, key) for key, label in subject_labels().items()]


class CatalogAwardDelegate(ComboDelegate):
    """Every award of the catalog; the first entry leaves the plan's wording unmatched."""

    def choices(self):
        return [(self.tr("(not in the catalog)"), "")] + [(name, name) for name in catalog.load().names()]

    def createEditor(self, parent, option, index):
        combo = super().createEditor(parent, option, index)
        combo.setMaxVisibleItems(20)
        return combo


class PhaseDelegate(ComboDelegate):
    """The whole campaign or one of its phases, as the phases table names them now."""

    def __init__(self, names, parent=None):
        super().__init__(parent)
        self._names = names

    def choices(self):
        return [(self.tr("Whole campaign"), -1)] + [
            (name or self.tr("Phase %1").replace("%1", str(i + 1)), i) for i, name in enumerate(self._names())]


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

    def __init__(self, model, add_text: str, main: int, parent=None):
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
        self.view.horizontalHeader().setHighlightSections(False)
        fit_columns(self.view)
        lay.addWidget(self.view, 1)
        self.error = error_label()
        lay.addWidget(self.error)
        self.add_btn = button(add_text, self.add_row)
        self.remove_btn = button(self.tr("Remove row"), self.remove_row)
        lay.addLayout(hbox(self.add_btn, self.remove_btn, None))
        self.main = main            # the column a new row is typed in first

    def add_row(self) -> None:
        row = self.model.add()
        ix = self.model.index(row, self.main)
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
            self.view.setCurrentIndex(self.model.index(min(errors), self.main))


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
        self.criteria_box = _TableBox(self.criteria_model, self.tr("Add criterion"), 1)
        self.criteria_box.view.setObjectName("criteria")
        self.criteria_box.view.setItemDelegateForColumn(0, SubjectDelegate(self.criteria_box.view))
        self.criteria_box.view.setItemDelegateForColumn(2, PatternDelegate(r"\d{0,9}([,.]\d{0,4})?", "", self))
        self.awards_box = _TableBox(self.awards_model, self.tr("Add award"), 1)
        self.awards_box.view.setObjectName("awards")
        self.awards_box.view.setItemDelegateForColumn(0, CatalogAwardDelegate(self.awards_box.view))
        quota = PatternDelegate(r"\d{0,5}", self.tr("no limit"), self)
        self.awards_box.view.setItemDelegateForColumn(2, quota)
        self.awards_box.view.setItemDelegateForColumn(3, quota)
        self.awards_box.view.setItemDelegateForColumn(4, PhaseDelegate(self.phases_model.names, self.awards_box.view))
        self.phases_box = _TableBox(self.phases_model, self.tr("Add phase"), 0)
        self.phases_box.view.setObjectName("phases")
        self.phases_model.edited.connect(self.awards_box.view.viewport().update)
        self.documents_box = _TableBox(self.documents_model, self.tr("Add document"), 0)
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
            col = {".collective": 2, ".individual": 3, ".form": 1}.get(suffix, box.main)
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

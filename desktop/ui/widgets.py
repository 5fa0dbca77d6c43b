"""Small widgets shared by the pages and dialogs: date fields, a form that shows errors by its fields, tables,
the campaign and phase choosers and the pages about one campaign (and phase) built on them. The one-call
builders of buttons, labels, boxes and splitters are in :mod:`desktop.ui.build`."""
from __future__ import annotations

import datetime as dt

from desktop.dates import DateError, format_date, parse_date, parse_partial, partial_text
from desktop.ui.build import error_label, hbox, panel
from desktop.ui.qt import (
    HAVE_CHARTS, QComboBox, QCoreApplication, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSize,
    QSizePolicy, QStyledItemDelegate, QTimer, QVBoxLayout, QWidget, Qt, Signal,
)

def _typed_field(field: QLineEdit, placeholder: str, max_length: int | None = None) -> None:
    """The look of a field the clerk types a date into: its pattern as placeholder, a clear button."""
    field.setPlaceholderText(placeholder)
    if max_length is not None:
        field.setMaxLength(max_length)
    field.setClearButtonEnabled(True)


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _typed_field(self, QCoreApplication.translate("DateField", "dd/mm/yyyy"), 10)

    def set_date(self, value: dt.date | None) -> None:
        self.setText(format_date(value))

    def date(self) -> dt.date | None:
        """The date typed, ``None`` when empty; raises :class:`DateError` when invalid."""
        text = self.text().strip()
        if not text:
            return None
        return parse_date(text)


class DateTimeField(QLineEdit):
    """A date and time typed as dd/mm/yyyy hh:mm (the time may be left out: 00:00)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _typed_field(self, QCoreApplication.translate("DateTimeField", "dd/mm/yyyy hh:mm"), 16)

    def set_datetime(self, value: dt.datetime | None) -> None:
        self.setText(value.strftime("%d/%m/%Y %H:%M") if value else "")

    def datetime(self) -> dt.datetime | None:
        """The moment typed, ``None`` when empty; raises :class:`DateError` when invalid."""
        text = " ".join(self.text().split())
        if not text:
            return None
        day, _, clock = text.partition(" ")
        date = parse_date(day)
        if not clock:
            return dt.datetime.combine(date, dt.time())
        parts = clock.replace("h", ":").replace(".", ":").split(":")
        try:
            hour, minute = int(parts[0]), int(parts[1] or 0) if len(parts) > 1 else 0
            return dt.datetime.combine(date, dt.time(hour, minute))
        except (ValueError, IndexError):
            raise DateError(QCoreApplication.translate(
                "DateTimeField", "The time “%1” is not valid; write hours:minutes, e.g. 08:30.").replace(
                "%1", clock)) from None


class PartialDateField(QLineEdit):
    """A date as precise as a plan writes it: ``28/7/2025``, ``7/2025`` or ``2025``.

    With ``yearly`` it also takes a day that comes back every year, ``05/01``.
    Values are the stored forms of :func:`desktop.campaigns.campaign.parse_partial`.
    """

    def __init__(self, parent: QWidget | None = None, *, yearly: bool = False):
        super().__init__(parent)
        self.yearly = yearly
        _typed_field(self, QCoreApplication.translate("PartialDateField", "dd/mm/yyyy, mm/yyyy or yyyy")
                     if not yearly else
                     QCoreApplication.translate("PartialDateField", "dd/mm/yyyy, or dd/mm for every year"))

    def set_value(self, value: str | None) -> None:
        if value and value.startswith("--"):
            self.setText(f"{value[5:7]}/{value[2:4]}")
        else:
            self.setText(partial_text(value))

    def value(self) -> str | None:
        """The stored form of what was typed, ``None`` when empty; raises ``ValueError`` when invalid."""
        return parse_partial(self.text(), yearly=self.yearly)


class FormPanel(QWidget):
    """A form whose fields each have a place for an error message right under them.

    Required fields are marked with a red asterisk. ``set_errors`` shows the
    domain's Vietnamese messages by field name and focuses the first one.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, key: str, label: str, widget: QWidget, *, required: bool = False) -> QWidget:
        box, lay = panel(parent=self)
        lay.setSpacing(2)
        lay.addWidget(widget)
        error = error_label(f"error_{key}")
        lay.addWidget(error)
        text = f"{label} <span style='color:#b00020'>*</span>" if required else label
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        self._fields[key] = (widget, error)
        return widget

    def set_errors(self, errors: dict[str, str]) -> None:
        first = None
        for key, (widget, label) in self._fields.items():
            message = errors.get(key)
            label.setText(message or "")
            label.setVisible(bool(message))
            if message and first is None:
                first = widget
        unplaced = [m for k, m in errors.items() if k not in self._fields]
        if unplaced and self._fields:
            # A rule that concerns no single field is shown under the first one.
            key = next(iter(self._fields))
            widget, label = self._fields[key]
            label.setText("\n".join(filter(None, [errors.get(key), *unplaced])))
            label.setVisible(True)
            first = first or widget
        if first is not None:
            first.setFocus()

    def set_error(self, key: str, message: str | None) -> None:
        """Show (or clear) the message of one field, leaving the others as they are."""
        if key in self._fields:
            label = self._fields[key][1]
            label.setText(message or "")
            label.setVisible(bool(message))

    def keys(self) -> list[str]:
        return list(self._fields)

    def widget(self, key: str) -> QWidget:
        return self._fields[key][0]

    def error_text(self, key: str) -> str:
        return self._fields[key][1].text()


def read_date(field: DateField, key: str, errors: dict[str, str]) -> dt.date | None:
    try:
        return field.date()
    except DateError as exc:
        errors[key] = str(exc)
        return None


def setup_table(view) -> None:
    """The one look of every read-only table: whole-row selection, compact rows, no row numbers, and
    columns sized by what they hold (:func:`desktop.ui.columns.fit_columns`)."""
    from desktop.ui.columns import fit_columns
    from desktop.ui.qt import QAbstractItemView

    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    fit_columns(view)


def open_dialog(owner, dialog) -> None:
    """Show ``dialog`` window-modally without blocking; ``owner.dialog`` holds it until it closes."""
    owner.dialog = dialog
    dialog.finished.connect(lambda _result: setattr(owner, "dialog", None))
    dialog.open()


def table_view(model, object_name: str = ""):
    """A read-only table over ``model`` with the look of :func:`setup_table`."""
    from desktop.ui.qt import QTableView

    view = QTableView()
    if object_name:
        view.setObjectName(object_name)
    view.setModel(model)
    setup_table(view)
    return view


class CampaignChooser(QWidget):
    """The row "Phong trào: [campaign ▾]" that the pages about one campaign start with.

    ``combo`` shows ``model`` (a :class:`~desktop.ui.models.campaigns.CampaignChoiceModel`);
    ``changed(id)`` tells the campaign chosen (``None`` for none, or for the leading
    row ``first`` such as "All campaigns"). Without ``caption`` the combo stands
    alone, for a row of filters.
    """

    changed = Signal(object)

    def __init__(self, store, object_name: str, parent: QWidget | None = None, *, first: str | None = None,
                 caption: bool = True, min_chars: int = 40, placeholder: str | None = None):
        super().__init__(parent)
        from desktop.ui.models.campaigns import CampaignChoiceModel

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(QCoreApplication.translate("CampaignChooser", "Campaign:"), self)
        row.addWidget(self.caption)
        self.caption.setVisible(caption)
        self.combo = QComboBox(self)
        self.combo.setObjectName(object_name)
        self.model = CampaignChoiceModel(store, self, first=first)
        self.combo.setModel(self.model)
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(min_chars)
        self.combo.setPlaceholderText(placeholder if placeholder is not None else QCoreApplication.translate(
            "CampaignChooser", "(no campaign yet)"))
        self.caption.setBuddy(self.combo)
        row.addWidget(self.combo, 1)
        self.combo.currentIndexChanged.connect(lambda *_: self.changed.emit(self.campaign_id()))

    def campaign_id(self) -> int | None:
        """The campaign chosen (``None``: none, or the leading row)."""
        from desktop.ui.models.campaigns import ID_ROLE

        return self.combo.currentData(ID_ROLE) if self.combo.currentIndex() >= 0 else None

    def campaign(self):
        """The :class:`~desktop.campaigns.campaign.Campaign` chosen, or ``None``."""
        return self.model.campaign_at(self.combo.currentIndex())

    def set_campaign(self, campaign_id: int | None) -> bool:
        """Choose a campaign; ``False`` (and nothing changes) when it is not in the list."""
        row = self.model.row_of(campaign_id)
        if row < 0 or self.model.campaign_at(row) is None and campaign_id is not None:
            return False
        self.combo.setCurrentIndex(row)
        return True

    def reload(self, *, quiet: bool = False) -> None:
        """Re-read the campaigns, keeping the one chosen when it is still there (else the first);
        ``quiet``: the combo says nothing of it (the page compares the campaign before and after)."""
        keep = self.campaign_id()
        blocked = self.combo.blockSignals(True) if quiet else None
        self.model.reload()
        row = self.model.row_of(keep)
        self.combo.setCurrentIndex(row if row >= 0 else (0 if self.model.rowCount() else -1))
        if quiet:
            self.combo.blockSignals(blocked)

    def show_row(self, row: int) -> None:
        """Show a row of the list (``-1``: none) without the combo saying so."""
        blocked = self.combo.blockSignals(True)
        self.combo.setCurrentIndex(row)
        self.combo.blockSignals(blocked)


def start_chart(view, margin: int = 4):
    """Give a chart view the one look of the app's charts (antialiased, square, ``margin`` px around,
    legend below) and return its :class:`QChart`; ``None`` without QtCharts, where the view is a
    label that wraps its words and the caller writes the values as text."""
    from desktop.ui.qt import HAVE_CHARTS, QMargins, QPainter, Qt

    if not HAVE_CHARTS:
        view.setWordWrap(True)
        return None
    from desktop.ui.qt import QChart

    view.setRenderHint(QPainter.Antialiasing)
    chart = QChart()
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(margin, margin, margin, margin))
    chart.legend().setAlignment(Qt.AlignBottom)
    view.setChart(chart)
    return chart


def cleared_chart(view):
    """The chart of ``view`` (a chart view made by :func:`start_chart`) emptied of its series and axes,
    to be drawn afresh."""
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    return chart


class DeferredChart(QWidget):
    """A chart drawn just after its first paint: QtCharts loads, and the chart view is made, then,
    not before the window shows. Until then it holds the chart view's place (its size hints and
    policy), so nothing moves when the chart comes; its ``show_…`` method keeps the data and
    :meth:`plot` puts it on the chart once there is one. Without QtCharts the view is a label
    (:func:`start_chart`) that says the values (:meth:`as_text`)."""

    SIZE_HINT, MINIMUM_SIZE_HINT = (600, 480), (68, 68)  # what a QChartView with a chart asks for

    def __init__(self, parent=None, *, minimum_height: int, margin: int = 4):
        super().__init__(parent)
        self.setMinimumHeight(minimum_height)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.margin = margin
        self.view = None     # the chart view, once made (:meth:`ensure_view`)
        self._coming = False

    def sizeHint(self) -> QSize:
        return QSize(*self.SIZE_HINT)

    def minimumSizeHint(self) -> QSize:
        return QSize(*self.MINIMUM_SIZE_HINT)

    def paintEvent(self, event) -> None:
        if self.view is None and not self._coming:
            self._coming = True
            QTimer.singleShot(0, self.ensure_view)
        super().paintEvent(event)

    def ensure_view(self):
        """The chart view (``QChartView``, or a label without QtCharts), made and drawn now if it was not yet."""
        if self.view is None:
            if HAVE_CHARTS:
                from desktop.ui.qt import QChartView

                self.view = QChartView(self)
            else:
                self.view = QLabel(self)
            self.setup(start_chart(self.view, self.margin))
            self.layout().addWidget(self.view)
            self.draw()
        return self.view

    def setup(self, chart) -> None:
        """Once, when the chart is made (``None`` without QtCharts)."""

    def draw(self) -> None:
        """Show the data kept by the ``show_…`` method (called only once the view is made): :meth:`plot` it on
        the emptied chart, or without QtCharts write it in the label (:meth:`as_text`)."""
        if HAVE_CHARTS:
            self.plot(cleared_chart(self.view))
        else:
            self.view.setText(self.as_text())

    def plot(self, chart) -> None:
        """Put the data on ``chart``, emptied of what it showed."""

    def as_text(self) -> str:
        """The data as the label says it without QtCharts."""
        return ""

    def redraw(self) -> None:
        """The data changed: draw it now if the chart is made (else it is drawn when made)."""
        if self.view is not None:
            self.draw()


class LazyCampaignPage:
    """For a page about one campaign (``self.chooser``, a :class:`CampaignChooser`) that reads its
    data when first shown (``ensure_loaded``): it opens on :meth:`first_row` and shows the campaign
    chosen with ``_campaign_changed``. Put it before ``QWidget`` among the page's bases."""

    _loaded = False

    def showEvent(self, event) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        self.chooser.show_row(self.first_row() if self.chooser.model.rowCount() else -1)
        self._campaign_changed()

    def first_row(self) -> int:
        """The row of the campaign the page opens on."""
        return 0

    def campaign_id(self) -> int | None:
        return self.chooser.campaign_id()


class CampaignPhasePage(LazyCampaignPage):
    """A page about one campaign and, for a campaign with phases (sơ kết, tổng kết), one phase or the
    whole campaign: the row "Phong trào: [▾]  Đợt: [▾]" (:meth:`campaign_row`), the phase chosen, and
    reloading that keeps both. The page shows a campaign with ``_campaign_changed``, a phase with
    ``_phase_changed``, and refreshes what it shows with ``_reload_shown``."""

    def campaign_row(self, store, name: str) -> QHBoxLayout:
        """The row of the campaign and phase choices (object names ``{name}_campaign``, ``{name}_phase``)."""
        self.chooser = CampaignChooser(store, f"{name}_campaign", self, placeholder="")
        self.campaign, self.campaigns = self.chooser.combo, self.chooser.model
        self.phases = PhaseChooser(f"{name}_phase", self)
        self.phase = self.phases.combo
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.phases.changed.connect(self._phase_changed)
        return hbox((self.chooser, 1), self.phases)

    def phase_id(self) -> int | None:
        """The phase whose work is shown (``None``: the whole campaign's)."""
        return self.phases.phase_id()

    def set_phase(self, phase_id: int | None) -> None:
        self.phases.set_phase(phase_id)

    def reload(self) -> None:
        """Re-read the campaigns and their phases (another page changed the data), keeping the ones chosen."""
        if not self._loaded:
            self.campaigns.reload()
            return
        campaign_id, phase_id = self.campaign_id(), self.phase_id()
        self.chooser.reload(quiet=True)
        if self.campaign_id() != campaign_id:
            self._campaign_changed()
            return
        self.phases.set_campaign(self.chooser.campaign(), phase_id)   # the phases may have been edited
        self._reload_shown(phase_gone=self.phase_id() != phase_id)


class ReviewYearDialog(QDialog):
    """A dialog on one year's review (its initiatives, its council meeting) that the review page opens;
    ``changed`` tells the page to re-read what it shows of the year."""

    changed = Signal()

    def __init__(self, parent, store, year: int, object_name: str):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.store, self.year = store, year


class SubjectChooser(QGroupBox):
    """The row "[A person ▾] [name…]" that says whom an achievement or a nomination is for.

    ``kind`` chooses ``"person"`` or ``"collective"``; ``combo`` lists the people or the
    collectives (:meth:`show_kind` switches them) and completes what the clerk types.
    """

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        from desktop.ui.models.people import CollectivesModel, PersonChoiceModel

        self.setFlat(True)
        self.kind = QComboBox()
        self.kind.setObjectName("subject_kind")
        self.kind.addItem(QCoreApplication.translate("SubjectChooser", "A person"), "person")
        self.kind.addItem(QCoreApplication.translate("SubjectChooser", "A collective"), "collective")
        self.combo = QComboBox()
        self.combo.setObjectName("subject")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.NoInsert)
        self.people_model = PersonChoiceModel(store, self)
        self.collectives_model = CollectivesModel(store, self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.combo, 1)

    def show_kind(self) -> None:
        """List the people or the collectives, as ``kind`` says, with none chosen."""
        complete_from(self.combo, self.people_model if self.kind.currentData() == "person" else self.collectives_model)
        self.combo.setCurrentIndex(-1)


def complete_from(combo: QComboBox, model) -> None:
    """Let an editable combo list ``model`` and complete what the clerk types from any part of a name."""
    from desktop.ui.qt import QCompleter

    combo.setModel(model)
    completer = QCompleter(model, combo)
    completer.setCompletionRole(Qt.EditRole)
    completer.setFilterMode(Qt.MatchContains)
    completer.setCaseSensitivity(Qt.CaseInsensitive)
    combo.setCompleter(completer)


class ComboDelegate(QStyledItemDelegate):
    """A table cell edited with a combo box: ``choices()`` gives its ``(label, value)`` rows; the
    cell's edit value chooses the row (the first when none has it) and the row's value is written back."""

    def choices(self) -> list[tuple[str, object]]:  # pragma: no cover - each delegate defines it
        raise TypeError(f"{type(self).__name__} must define choices()")

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for label, value in self.choices():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.EditRole)


def offer_phases(combo: QComboBox, campaign, whole: str, phase_id: int | None = None) -> bool:
    """Fill ``combo`` with ``whole`` (for no phase, ``None``) and each phase of ``campaign`` (sơ kết, tổng kết…),
    choosing ``phase_id`` when it is one of them (else ``whole``) without the combo saying so;
    ``True`` when the campaign has phases."""
    blocked = combo.blockSignals(True)
    combo.clear()
    combo.addItem(whole, None)
    for p in campaign.phase_records if campaign else []:
        combo.addItem(p.name, p.id)
    combo.setCurrentIndex(max(0, combo.findData(phase_id)) if phase_id is not None else 0)
    combo.blockSignals(blocked)
    return bool(campaign and campaign.phase_records)


class PhaseChooser(QWidget):
    """The "Đợt: [Cả phong trào ▾]" choice next to the campaign of the pages whose work can be one phase's.

    ``set_campaign`` offers the whole campaign (``None``, first, said as ``whole``) and each of its
    phases; the row is hidden when the campaign has no phases.
    ``changed(phase_id)`` tells the phase the clerk chose.
    """

    changed = Signal(object)

    def __init__(self, object_name: str, parent: QWidget | None = None, *, whole: str | None = None):
        super().__init__(parent)
        self.whole = whole if whole is not None else self.tr("Whole campaign")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self.tr("Phase:"), self)
        row.addWidget(self.caption)
        self.combo = QComboBox(self)
        self.combo.setObjectName(object_name)
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.caption.setBuddy(self.combo)
        row.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda *_: self.changed.emit(self.phase_id()))
        self.set_campaign(None)

    def set_campaign(self, campaign, phase_id: int | None = None) -> None:
        """Offer ``campaign``'s phases, choosing ``phase_id`` when it is one of them (else the whole campaign);
        ``changed`` is not emitted."""
        self.setVisible(offer_phases(self.combo, campaign, self.whole, phase_id))

    def phase_id(self) -> int | None:
        """The phase chosen (``None``: the whole campaign)."""
        return self.combo.currentData() if self.combo.currentIndex() > 0 else None

    def set_phase(self, phase_id: int | None) -> None:
        """Choose a phase (``None``: the whole campaign); ``changed`` follows when the choice changes."""
        self.combo.setCurrentIndex(max(0, self.combo.findData(phase_id)) if phase_id is not None else 0)

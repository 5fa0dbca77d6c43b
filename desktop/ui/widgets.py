"""Small widgets shared by the dialogs: date fields and a form that shows errors by its fields."""
from __future__ import annotations

import datetime as dt

from .. import campaigns
from ..dates import DateError, format_date, parse_date
from .qt import QCoreApplication, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("DateField", "dd/mm/yyyy"))
        self.setMaxLength(10)
        self.setClearButtonEnabled(True)

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
        self.setPlaceholderText(QCoreApplication.translate("DateTimeField", "dd/mm/yyyy hh:mm"))
        self.setMaxLength(16)
        self.setClearButtonEnabled(True)

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
    Values are the stored forms of :func:`desktop.campaigns.parse_partial`.
    """

    def __init__(self, parent: QWidget | None = None, *, yearly: bool = False):
        super().__init__(parent)
        self.yearly = yearly
        self.setPlaceholderText(QCoreApplication.translate("PartialDateField", "dd/mm/yyyy, mm/yyyy or yyyy")
                                if not yearly else
                                QCoreApplication.translate("PartialDateField", "dd/mm/yyyy, or dd/mm for every year"))
        self.setClearButtonEnabled(True)

    def set_value(self, value: str | None) -> None:
        if value and value.startswith("--"):
            self.setText(f"{value[5:7]}/{value[2:4]}")
        else:
            self.setText(campaigns.format_partial(value))

    def value(self) -> str | None:
        """The stored form of what was typed, ``None`` when empty; raises ``ValueError`` when invalid."""
        return campaigns.parse_partial(self.text(), yearly=self.yearly)


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
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        error = QLabel(box)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setObjectName(f"error_{key}")
        error.hide()
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


def setup_table(view, *, stretch: int | None = None, widths: dict[int, int] | None = None) -> None:
    """The one look of every read-only table: whole-row selection, compact rows, no row numbers."""
    from .qt import QAbstractItemView, QHeaderView

    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setHighlightSections(False)
    for col, width in (widths or {}).items():
        view.setColumnWidth(col, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)


def campaign_chooser(page, store, object_name: str):
    """The row "Phong trào: [campaign ▾]" that pages about one campaign start with.

    Returns ``(layout, combo, model)``; the model is the campaigns list the
    combo shows (see :class:`desktop.ui.models.nominations.CampaignsModel`).
    """
    from .models.nominations import CampaignsModel
    from .qt import QComboBox, QCoreApplication, QHBoxLayout, QLabel

    row = QHBoxLayout()
    caption = QLabel(QCoreApplication.translate("CampaignChooser", "Campaign:"))
    row.addWidget(caption)
    combo = QComboBox()
    combo.setObjectName(object_name)
    model = CampaignsModel(store, page)
    combo.setModel(model)
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(40)
    caption.setBuddy(combo)
    row.addWidget(combo, 1)
    return row, combo, model

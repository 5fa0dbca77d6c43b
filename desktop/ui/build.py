"""The small pieces the pages and dialogs are built from, each set up in one call: buttons, labels, rows and
columns, panels, framed groups, splitters, lists and choices, the Close button of a dialog; the current row
of a view; the file the clerk picks.

Texts come in translated (``tr()`` stays in the page or dialog that shows them), so the translations keep
their contexts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from desktop.ui.qt import (
    QComboBox, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListView, QPushButton, QSplitter,
    QStandardPaths, QVBoxLayout, QWidget, Qt,
)

ERROR_STYLE = "color: #b00020;"


def button(text: str, clicked: Callable | None = None, *, name: str = "", tip: str = "") -> QPushButton:
    """A push button saying ``text``, running ``clicked`` when pressed, with its object name and tool tip when
    given."""
    b = QPushButton(text)
    if name:
        b.setObjectName(name)
    if tip:
        b.setToolTip(tip)
    if clicked is not None:
        b.clicked.connect(clicked)
    return b


def text_label(text: str = "", *, name: str = "", style: str = "", selectable: bool = False,
               align=None) -> QLabel:
    """A label whose text wraps: ``selectable`` by the mouse (to copy a message), ``align``-ed, in ``style``."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    if align is not None:
        label.setAlignment(align)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def error_label(name: str = "") -> QLabel:
    """The red, wrapping, hidden-until-needed line that says what is wrong."""
    label = text_label(name=name, style=ERROR_STYLE)
    label.hide()
    return label


def caption(text: str, widget: QWidget) -> QLabel:
    """The caption of ``widget``: its shortcut letter moves the focus there."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def hbox(*items) -> QHBoxLayout:
    """A row of ``items`` left to right: a widget, ``(widget, stretch)``, a number of pixels of space, or
    ``None`` for the stretch that pushes what follows to the right."""
    return _line_up(QHBoxLayout(), items)


def vbox(*items) -> QVBoxLayout:
    """A column of ``items`` top to bottom, as :func:`hbox` lines them up."""
    return _line_up(QVBoxLayout(), items)


def _line_up(layout, items):
    for item in items:
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        else:
            layout.addWidget(item)
    return layout


def panel(margins: tuple[int, int, int, int] = (0, 0, 0, 0), layout=QVBoxLayout,
          parent: QWidget | None = None) -> tuple[QWidget, object]:
    """A plain widget to fill (one side of a splitter, a part of a page), and its ``layout`` with these
    margins."""
    widget = QWidget(parent)
    lay = layout(widget)
    lay.setContentsMargins(*margins)
    return widget, lay


def group(title: str, layout=QVBoxLayout, margins: tuple[int, int, int, int] | None = None) -> tuple[QGroupBox, object]:
    """A framed group titled ``title``, and its ``layout`` (``margins`` around it, else the style's)."""
    box = QGroupBox(title)
    lay = layout(box)
    if margins is not None:
        lay.setContentsMargins(*margins)
    return box, lay


def splitter(orientation, *parts: QWidget, stretch: tuple[int, ...] = (), name: str = "",
             collapsible: bool = True, parent: QWidget | None = None) -> QSplitter:
    """A splitter holding ``parts`` in order, each growing by its factor in ``stretch``; without ``collapsible``
    its parts cannot be squeezed away. ``name`` is its object name, under which the window remembers where the
    clerk left the handle."""
    split = QSplitter(orientation, parent)
    if name:
        split.setObjectName(name)
    split.setChildrenCollapsible(collapsible)
    for part in parts:
        split.addWidget(part)
    for index, factor in enumerate(stretch):
        split.setStretchFactor(index, factor)
    return split


def list_view(model, name: str, item_padding: str) -> QListView:
    """A list over ``model`` whose items wrap their words to its width (no sideways scrolling)."""
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setWordWrap(True)
    view.setStyleSheet(f"QListView::item {{ padding: {item_padding}; }}")
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.Adjust)
    return view


def choice(name: str, items: list[tuple[str, object]], changed: Callable | None = None) -> QComboBox:
    """A drop-down of ``items`` (text, data), telling ``changed`` when the choice changes."""
    combo = QComboBox()
    combo.setObjectName(name)
    for text, data in items:
        combo.addItem(text, data)
    if changed is not None:
        combo.currentIndexChanged.connect(changed)
    return combo


def close_buttons(dialog) -> QDialogButtonBox:
    """The Close button at the foot of a dialog that has nothing to save on closing."""
    buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


def at_current(view, pick: Callable):
    """``pick(index)`` of the view's current index; ``None`` when none is current."""
    ix = view.currentIndex()
    return pick(ix) if ix.isValid() else None


def select_row(view, row: int | None, *, first: bool = False) -> int | None:
    """Make ``row`` of the view's model current and scroll to it; nothing for ``None`` or ``-1``, except that
    with ``first`` ``None`` stands for the first row. The row made current (``None``: none)."""
    model = view.model()
    if row is None and first and model.rowCount():
        row = 0
    if row is None or row < 0:
        return None
    index = model.index(row, 0)
    view.setCurrentIndex(index)
    view.scrollTo(index)
    return row


def documents_folder() -> str:
    """The user's Documents folder (the home folder when the system names none)."""
    return QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())


def with_chosen_file(parent: QWidget, title: str, start: str, pattern: str, then: Callable[[str], object], *,
                     save: bool = False) -> None:
    """Ask for a file to open (or where to ``save``), starting at ``start``, and ``then(path)`` unless the clerk
    cancelled."""
    ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
    path, _ = ask(parent, title, start, pattern)
    if path:
        then(path)

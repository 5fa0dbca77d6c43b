"""The pieces the pages and dialogs are built from: buttons, labels, panels, lists and choices set up
in one call, the file the clerk picks, and the page about one campaign and one of its phases.

Texts come in translated (``tr()`` stays in the page or dialog that shows them), so the
translations keep their contexts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from desktop.ui.qt import (
    QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QListView, QPushButton, QSplitter, QStandardPaths,
    QVBoxLayout, QWidget, Qt,
)
from desktop.ui.widgets import CampaignChooser, LazyCampaignPage, PhaseChooser


def button(text: str, clicked: Callable | None = None, *, name: str = "", tip: str = "") -> QPushButton:
    """A push button saying ``text``, running ``clicked`` when pressed."""
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


def caption(text: str, widget: QWidget) -> QLabel:
    """The caption of ``widget``: its shortcut letter moves the focus there."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def panel(margins: tuple[int, int, int, int] = (0, 0, 0, 0), layout=QVBoxLayout) -> tuple[QWidget, object]:
    """A plain widget to fill, and its ``layout`` with these margins."""
    widget = QWidget()
    lay = layout(widget)
    lay.setContentsMargins(*margins)
    return widget, lay


def group(title: str, layout=QVBoxLayout) -> tuple[QGroupBox, object]:
    """A framed group titled ``title``, and its ``layout``."""
    box = QGroupBox(title)
    return box, layout(box)


def splitter(orientation, name: str, parent: QWidget) -> QSplitter:
    """A splitter whose parts cannot be squeezed away."""
    s = QSplitter(orientation, parent)
    s.setObjectName(name)
    s.setChildrenCollapsible(False)
    return s


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
        row = QHBoxLayout()
        row.addWidget(self.chooser, 1)
        row.addWidget(self.phases)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.phases.changed.connect(self._phase_changed)
        return row

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


def at_current(view, pick: Callable):
    """``pick(index)`` of the view's current index; ``None`` when none is current."""
    ix = view.currentIndex()
    return pick(ix) if ix.isValid() else None


def select_row(view, row: int | None) -> int | None:
    """Make ``row`` of the view current, or its first row for ``None``; the row made current (``None``: the view
    has no rows)."""
    model = view.model()
    if row is None and model.rowCount():
        row = 0
    if row is not None:
        view.setCurrentIndex(model.index(row, 0))
    return row

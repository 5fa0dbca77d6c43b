"""Column widths by what the columns hold: names, award names and titles get the width, short columns stay narrow.

Every table of the window is sized by :class:`ColumnFitter` (installed by
:func:`desktop.ui.widgets.setup_table`). A short column (a date, a count, a
share, a status) is as wide as its longest cell or its caption, whichever is
wider, unless the caption is far longer than anything under it; the columns
the model names in ``WIDE`` (:class:`desktop.ui.models.base.RowsTableModel`:
names, award names, titles, running text) share the rest of the table's width.
When the table is too narrow for all of them, the longest texts give way first
(the shorter wide columns keep their whole text). The widths are worked out
again when the table gets new rows or a new size, until the clerk drags a
column's edge: from then on the table keeps the clerk's widths.
"""
from __future__ import annotations

from desktop.ui.qt import QApplication, QEvent, QFont, QFontMetrics, QHeaderView, QObject, QSortFilterProxyModel, Qt, QTimer

SAMPLE_ROWS = 80        # rows measured; the ledger pages its rows in, so never all of them
CELL_PADDING = 20       # the cell's margins and focus frame, both sides
HEADER_PADDING = 20     # the section's margins, and the sort arrow where there is one
NARROW_MAX = 280        # a short column never takes more (longer cells are elided, their tool tip has them)
NARROW_MIN = 36
WIDE_MIN = 110          # a wide column is never squeezed under this
AUTO_WIDE = 240         # a column of a model that does not say which are wide is wide when its text is this long
INDICATOR = 22          # a check box or an icon in the cell
# The roles measured, looked up once: each ``Qt.…`` lookup costs microseconds, and a fit asks four per cell.
_DISPLAY, _FONT, _CHECK, _DECORATION = Qt.DisplayRole, Qt.FontRole, Qt.CheckStateRole, Qt.DecorationRole


def source_model(model):
    """The model under any sort/filter proxies."""
    while isinstance(model, QSortFilterProxyModel) and model.sourceModel() is not None:
        model = model.sourceModel()
    return model


def wide_columns(model, measured: dict[int, int] | None = None) -> set[int]:
    """The columns that get the width: those the model names in ``WIDE``, otherwise those with long text."""
    named = getattr(source_model(model), "wide_columns", None)  # the app's proxies keep the columns in place
    if callable(named):
        wide = set(named())
        if wide:
            return wide
    measured = measured or {}
    wide = {c for c, w in measured.items() if w >= AUTO_WIDE}
    if not wide and measured:
        wide = {max(measured, key=measured.get)}
    return wide


def share_width(desired: dict[int, int], room: int, floor: int = WIDE_MIN) -> dict[int, int]:
    """Split ``room`` pixels among columns that would like ``desired`` widths.

    With room to spare every column gets what it likes and the rest is shared
    in proportion; without, the longest give way first: every column is cut to
    one common width (never under ``floor``) and the shorter ones keep theirs.
    """
    if not desired:
        return {}
    total = sum(desired.values())
    if room >= total:
        extra = room - total
        out = {c: w + extra * w // total for c, w in desired.items()}
    else:
        # The common width L with sum(min(w, L)) == room.
        widths = sorted(desired.values())
        left, count, level = room, len(widths), floor
        for w in widths:
            if w * count <= left:
                left -= w
                count -= 1
                continue
            level = max(floor, left // count)
            break
        out = {c: max(floor, min(w, level)) for c, w in desired.items()}
    spare = room - sum(out.values())
    if spare > 0:  # the rounding: to the widest
        widest = max(out, key=out.get)
        out[widest] += spare
    return out


def cell(model, index, role):
    """``index.data(role)`` asked of the Python model under any proxies.

    Not ``QModelIndex.data``: with PySide6 6.12 every call of it that answers ``None``
    takes a reference off ``None`` (after some thousands the interpreter aborts with
    "none_dealloc"), and measuring a table asks a great many cells for roles they
    do not have.
    """
    while isinstance(model, QSortFilterProxyModel) and model.sourceModel() is not None:
        index = model.mapToSource(index)
        model = model.sourceModel()
    return model.data(index, role)


def header_of(view):
    """The horizontal header of a table view, or a tree view's header."""
    return view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()


class ColumnFitter(QObject):
    """Keeps a table view's column widths fitted to what its columns hold (see the module's text)."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.manual = False           # the clerk dragged a column's edge: leave the widths alone
        self._model = None
        self._fitting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        header = header_of(view)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._section_resized)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self._watch(view.model())

    # -- when to fit ------------------------------------------------------------------------------------

    def _watch(self, model) -> None:
        if model is self._model:
            return
        if self._model is not None:
            for signal in self._signals(self._model):
                try:
                    signal.disconnect(self.schedule)
                except (RuntimeError, TypeError):
                    pass
        self._model = model
        if model is not None:
            for signal in self._signals(model):
                signal.connect(self.schedule)

    @staticmethod
    def _signals(model):
        return (model.modelReset, model.layoutChanged, model.rowsInserted, model.columnsInserted,
                model.columnsRemoved, model.headerDataChanged)

    def schedule(self, *_args) -> None:
        if not self.manual:
            self._timer.start()

    def eventFilter(self, obj, event) -> bool:
        # Only identities here: while the view is being destroyed its viewport still gets events.
        if obj is self._viewport and event.type() in (QEvent.Resize, QEvent.Show):
            self.schedule()
        return False

    def _section_resized(self, *_args) -> None:
        # Only a drag on the header (the mouse held down) is the clerk's own width; a restored
        # header state or a fit of ours is not.
        if not self._fitting and QApplication.mouseButtons() & Qt.LeftButton:
            self.manual = True

    # -- the widths -------------------------------------------------------------------------------------

    def measure(self) -> tuple[dict[int, int], dict[int, int]]:
        """``(content, caption)``: per column, the width its longest sampled cell and its caption need."""
        view, model = self.view, self.view.model()
        source = source_model(model)  # the app's proxies keep the columns in place
        fm, hfm = view.fontMetrics(), header_of(view).fontMetrics()
        indent = view.indentation() * 2 if hasattr(view, "indentation") else 0  # a tree's first column
        content: dict[int, int] = {}
        caption: dict[int, int] = {}
        rows = min(model.rowCount(), SAMPLE_ROWS)
        for col in range(model.columnCount()):
            if view.isColumnHidden(col):
                continue
            text = source.headerData(col, Qt.Horizontal, Qt.DisplayRole)
            caption[col] = hfm.horizontalAdvance(str(text or "")) + HEADER_PADDING
            widest = 0
            for row in range(rows):
                ix = model.index(row, col)
                shown = cell(model, ix, _DISPLAY)
                font = cell(model, ix, _FONT) if shown not in (None, "") else None
                metrics = QFontMetrics(font) if isinstance(font, QFont) else fm  # bold cells are wider
                width = metrics.horizontalAdvance(str(shown)) if shown not in (None, "") else 0
                if cell(model, ix, _CHECK) is not None:
                    width += INDICATOR
                if cell(model, ix, _DECORATION) is not None:
                    width += INDICATOR
                widest = max(widest, width)
            content[col] = widest + CELL_PADDING + (indent if col == 0 else 0) if widest else 0
        return content, caption

    def widths(self, room: int) -> dict[int, int]:
        """The width of every shown column for a table ``room`` pixels wide."""
        content, caption = self.measure()
        wide = wide_columns(self.view.model(), content) & set(content)
        out: dict[int, int] = {}
        for col in content:
            if col in wide:
                continue
            # A caption much longer than what is under it ("Ngưỡng thông qua" over "trên 50 %") is
            # shown whole up to twice the cells' width; past that it is elided (its tool tip has it).
            head = min(caption[col], max(2 * content[col], 90))
            out[col] = max(NARROW_MIN, min(NARROW_MAX, max(content[col], head)))
        desired = {col: max(content[col], caption[col], WIDE_MIN) for col in wide}
        out.update(share_width(desired, room - sum(out.values())))
        return out

    def fit(self) -> None:
        view = self.view
        self._watch(view.model())
        if self.manual or not view.isVisible() or view.model() is None or not view.model().columnCount():
            return  # a hidden table is fitted when it shows
        room = view.viewport().width()
        if room <= 0:
            return
        self._fitting = True
        try:
            for col, width in self.widths(room).items():
                if view.columnWidth(col) != width:
                    view.setColumnWidth(col, width)
        finally:
            self._fitting = False


def fit_columns(view) -> ColumnFitter:
    """Size ``view``'s columns by what they hold, now and whenever its rows or its size change."""
    fitter = getattr(view, "_column_fitter", None)
    if fitter is None:
        fitter = view._column_fitter = ColumnFitter(view)
    fitter.schedule()
    return fitter

"""The shared model bases: what a table's columns allow, finding a row by its id, lists of (id, text)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from desktop.ui.models.base import ID_ROLE, EditableRowsModel, IdTextListModel  # noqa: E402
from desktop.ui.qt import QModelIndex, Qt  # noqa: E402

pytestmark = pytest.mark.gui


class Awards(EditableRowsModel):
    KEYS = ["name", "quota", "done"]

    def __init__(self, rows):
        super().__init__()
        self.headers = ["Name", "Quota", "Done"]
        self._rows = list(rows)

    def row_id(self, row):
        return row[0]

    def column_flags(self, key):
        return {"quota": Qt.ItemIsEditable, "done": Qt.ItemIsUserCheckable}.get(key, Qt.NoItemFlags)

    def cell(self, row, key, role):
        return str(row[self.KEYS.index(key)]) if role == Qt.DisplayRole else None


class Criteria(IdTextListModel):
    MISSING_ROW = 0

    def __init__(self, items):
        super().__init__()
        self._items = list(items)


def test_a_table_adds_its_columns_flags_to_the_usual_ones(qapp, qtmodeltester):
    m = Awards([(7, 2, True), (9, 1, False)])
    qtmodeltester.check(m)
    usual = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemNeverHasChildren
    assert m.flags(m.index(1, 0)) == usual
    assert m.flags(m.index(1, 1)) == usual | Qt.ItemIsEditable
    assert m.flags(m.index(1, 2)) == usual | Qt.ItemIsUserCheckable
    assert m.flags(QModelIndex()) == Qt.NoItemFlags


def test_a_table_finds_a_row_by_its_id_and_shows_new_rows_in_one_reset(qapp, qtbot):
    m = Awards([(7, 2, True), (9, 1, False)])
    assert (m.row_of(9), m.row_of(8)) == (1, None)
    with qtbot.waitSignal(m.modelReset):
        m.set_rows([(8, 0, False)])
    assert (m.row_of(8), m.row_of(9), m.rowCount()) == (0, None, 1)


def test_an_id_text_list_shows_the_text_and_gives_the_id(qapp, qtmodeltester, qtbot):
    m = Criteria([(None, "All criteria"), (4, "Sáng kiến")])
    qtmodeltester.check(m)
    ix = m.index(1)
    assert [m.data(ix, r) for r in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, ID_ROLE)] == \
        ["Sáng kiến", "Sáng kiến", "Sáng kiến", 4]
    assert (m.row_of(4), m.row_of(None), m.row_of(99)) == (1, 0, 0)      # 99: not there, the leading row
    assert (m.id_at(1), m.id_at(2)) == (4, None)
    with qtbot.waitSignal(m.modelReset):
        m.set_items([(5, "Đổi mới")])
    assert (m.row_of(4), m.rowCount()) == (0, 1)

"""Tổng quan: the unit, its counts and the latest entries of the ledger."""
from __future__ import annotations

from ... import unit
from ..models.ledger import LedgerModel
from ..widgets import setup_table
from .ledger import LEDGER_COLUMN_WIDTHS
from ..qt import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QTableView,
    QVBoxLayout, QWidget, Signal,
)


class CountCard(QFrame):
    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        self.value = QLabel("0")
        self.value.setStyleSheet("font-size: 22pt; font-weight: 600; color: #0b4f8a;")
        lay.addWidget(self.value)
        lay.addWidget(QLabel(caption))


class OverviewPage(QWidget):
    edit_unit_requested = Signal()
    open_achievement = Signal(int)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        self.unit_label = QLabel()
        self.unit_label.setWordWrap(True)
        head.addWidget(self.unit_label, 1)
        self.edit_unit = QPushButton(self.tr("Unit profile…"))
        self.edit_unit.clicked.connect(self.edit_unit_requested)
        head.addWidget(self.edit_unit)
        lay.addLayout(head)

        grid = QGridLayout()
        self.cards = {
            "collectives": CountCard(self.tr("Collectives")),
            "people": CountCard(self.tr("People")),
            "achievements": CountCard(self.tr("Achievements")),
            "evidence_files": CountCard(self.tr("Evidence files")),
        }
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, i)
        lay.addLayout(grid)

        lay.addWidget(QLabel("<b>" + self.tr("Latest entries") + "</b>"))
        self.latest = LedgerModel(store, self, limit=12, load=False)
        self.latest_view = QTableView()
        self.latest_view.setObjectName("latest")
        self.latest_view.setModel(self.latest)
        setup_table(self.latest_view, stretch=2, widths=LEDGER_COLUMN_WIDTHS)
        self.latest_view.doubleClicked.connect(lambda ix: self.open_achievement.emit(self.latest.id_at(ix.row())))
        lay.addWidget(self.latest_view, 1)
        self.refresh()

    def refresh(self) -> None:
        p = unit.get(self.store)
        if p.is_set:
            lines = [f"<span style='font-size:15pt; font-weight:600'>{p.name}</span>"]
            if p.governing_body:
                lines.append(p.governing_body)
            if p.head_name:
                lines.append(f"{p.head_title}: {p.head_name}" if p.head_title else p.head_name)
            self.unit_label.setText("<br>".join(lines))
        else:
            self.unit_label.setText(self.tr("No unit profile yet. Enter the unit's name, governing body and "
                                            "head so that documents carry the right header."))
        counts = self.store.counts()
        for key, card in self.cards.items():
            card.value.setText(f"{counts[key]:,}".replace(",", "."))
        self.latest.reload()

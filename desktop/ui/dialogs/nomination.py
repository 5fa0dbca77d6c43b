"""Propose a candidate (a person or a collective) for one of a campaign's awards.

The clerk picks the subject, the award (only the campaign's awards the
catalog gives to that kind of subject), a summary and the ledger's
achievements the proposal rests on. The award rules are checked live as the
fields change (:func:`desktop.council.nominations.checks` on the unsaved nomination),
each failure in plain Vietnamese with the rule's source.
"""
from __future__ import annotations

import datetime as dt

from desktop.campaigns import campaign as campaigns
from desktop.council import nominations
from desktop.errors import ValidationError
from desktop.council.nominations import Nomination
from desktop.ui.models.nominations import (
    ID_ROLE, SOURCE_ROLE, AchievementPickModel, AwardChoiceModel, ChecksModel, MUTED_COLOR, unsaved,
)
from desktop.ui.qt import (
    QAbstractItemView, QComboBox, QFont, QFontMetrics, QIcon, QLabel,
    QListView, QPlainTextEdit, QSize, QSplitter, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
    QWidget, Qt, Signal,
)
from desktop.ui.build import group, text_label
from desktop.ui.widgets import FormPanel, SubjectChooser, table_view
from desktop.ui.dialogs.records import _Dialog


class CheckDelegate(QStyledItemDelegate):
    """Draws a rule check as its mark and message, with the rule's source below in smaller grey text."""

    PAD = 4

    def _fonts(self, option) -> tuple[QFont, QFont]:
        small = QFont(option.font)
        size = small.pointSizeF()
        if size > 0:
            small.setPointSizeF(max(size - 1.5, 7.0))
        return option.font, small

    def sizeHint(self, option, index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        font, small = self._fonts(opt)
        width = max(opt.rect.width(), 200) if opt.rect.width() > 0 else 600
        text_w = max(width - 32, 100)
        lines = QFontMetrics(font).boundingRect(0, 0, text_w, 10000, Qt.TextWordWrap, opt.text or "").height()
        source = index.data(SOURCE_ROLE) or ""
        if source:
            lines += QFontMetrics(small).boundingRect(0, 0, text_w, 10000, Qt.TextWordWrap, source).height()
        return QSize(width, max(lines, 20) + 2 * self.PAD)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        text, icon = opt.text, QIcon(opt.icon)
        opt.text = ""
        opt.icon = QIcon()
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        font, small = self._fonts(opt)
        rect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        if not icon.isNull():
            icon.paint(painter, rect.left(), rect.top() + 1, 16, 16)
        text_rect = rect.adjusted(24, 0, 0, 0)
        selected = bool(opt.state & QStyle.State_Selected)
        color = opt.palette.highlightedText().color() if selected else \
            (index.data(Qt.ForegroundRole) or opt.palette.text().color())
        painter.setFont(font)
        painter.setPen(color)
        used = painter.boundingRect(text_rect, Qt.TextWordWrap, text)
        painter.drawText(text_rect, Qt.TextWordWrap, text)
        source = index.data(SOURCE_ROLE) or ""
        if source:
            painter.setFont(small)
            painter.setPen(opt.palette.highlightedText().color() if selected else MUTED_COLOR)
            painter.drawText(text_rect.adjusted(0, used.height(), 0, 0), Qt.TextWordWrap, source)
        painter.restore()


def checks_view(model: ChecksModel, parent: QWidget | None = None) -> QListView:
    """A list of rule checks that wraps long messages and sizes its rows to them."""
    view = QListView(parent)
    view.setModel(model)
    view.setItemDelegate(CheckDelegate(view))
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.Adjust)
    view.setSelectionMode(QAbstractItemView.NoSelection)
    view.setFocusPolicy(Qt.NoFocus)
    view.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
    return view


class NominationDialog(_Dialog):
    saved = Signal(int)

    def __init__(self, parent, store, campaign_id: int, nomination_id: int | None = None, *,
                 today: dt.date | None = None, phase_id: int | None = None):
        self.store = store
        self.today = today
        self.campaign: campaigns.Campaign = campaigns.get(store, campaign_id)
        self.record: Nomination | None = nominations.get(store, nomination_id) if nomination_id else None
        # The phase (sơ kết, tổng kết) the nomination belongs to: the page's choice, or the one it has.
        self.phase_id = phase_id if self.record is None else self.record.phase_id
        phase = self.campaign.phase_by_id(self.phase_id)
        super().__init__(parent, self.tr("Edit nomination") if self.record else self.tr("New nomination"))
        self.nomination: Nomination | None = None   # what was saved

        self.layout_.addWidget(text_label(self.tr("Campaign: %1").replace("%1", self.campaign.title)
                                          + (" — " + self.tr("Phase: %1").replace("%1", phase.name) if phase else ""),
                                          style="color: #444;"))
        self.note = text_label(name="nomination_note")
        self.note.hide()
        self.layout_.addWidget(self.note)

        self.form = FormPanel(self)
        self.subject_box = SubjectChooser(store)
        self.subject_kind, self.subject = self.subject_box.kind, self.subject_box.combo
        self.people_model, self.collectives_model = self.subject_box.people_model, self.subject_box.collectives_model
        self.form.add("subject", self.tr("Proposed for"), self.subject_box, required=True)
        self.award = QComboBox()
        self.award.setObjectName("award")
        self.award_model = AwardChoiceModel(self.campaign, self, phase_id=self.phase_id)
        self.award.setModel(self.award_model)
        self.form.add("award", self.tr("Award"), self.award, required=True)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(64)
        self.summary.setPlaceholderText(self.tr("The main achievements in a few lines, as the proposal will say"))
        self.form.add("summary", self.tr("Summary"), self.summary)
        self.layout_.addWidget(self.form)

        body = QSplitter(Qt.Vertical, self)
        body.setChildrenCollapsible(False)
        box, bl = group(self.tr("Achievements it rests on (from the ledger)"))
        self.achievements = AchievementPickModel(store, self.campaign.id, self)
        self.achievements_view = table_view(self.achievements, "nomination_achievements")
        self.achievements_view.clicked.connect(self._toggle_clicked)
        bl.addWidget(self.achievements_view)
        self.achievements_hint = QLabel()
        self.achievements_hint.setStyleSheet("color: #6b6b6b;")
        bl.addWidget(self.achievements_hint)
        body.addWidget(box)

        checks_box, cl = group(self.tr("Award conditions"))
        self.checks = ChecksModel(self)
        self.checks_view = checks_view(self.checks)
        self.checks_view.setObjectName("nomination_checks")
        cl.addWidget(self.checks_view)
        body.addWidget(checks_box)
        body.setSizes([260, 200])
        self.layout_.addWidget(body, 1)
        self.finish_layout()

        self.subject_kind.currentIndexChanged.connect(self._subject_kind_changed)
        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.subject.editTextChanged.connect(self._subject_text_changed)
        for signal in (self.award.currentIndexChanged, self.achievements.checked_changed):
            signal.connect(self._update_checks)
        self._load()
        self.resize(820, 760)

    # -- loading --------------------------------------------------------------------------------

    def _load(self) -> None:
        n = self.record
        self._loading = True
        kind = n.subject_kind if n else "person"
        self.subject_kind.setCurrentIndex(0 if kind == "person" else 1)
        self._subject_kind_changed()
        if n is not None:
            if n.person_id is not None:
                self.subject.setCurrentIndex(self.people_model.row_of(n.person_id))
            else:
                self.subject.setCurrentIndex(self.collectives_model.row_of(n.collective_id))
            self.award.setCurrentIndex(self.award_model.row_of(n.campaign_award_id))
            self.summary.setPlainText(n.summary)
            self.achievements.set_subject(kind, n.person_id if kind == "person" else n.collective_id,
                                          n.achievement_ids)
            if n.status != "du_kien":
                # The council has it (or decided): who and for what stay as they were put to it.
                for w in (self.subject_kind, self.subject, self.award):
                    w.setEnabled(False)
                self.note.setText(self.tr(
                    "This nomination is “%1”; only its summary and achievements can be changed.").replace(
                    "%1", nominations.STATUSES[n.status]))
                self.note.show()
        self._loading = False
        self._update_checks()

    def _subject_kind_changed(self) -> None:
        kind = self.subject_kind.currentData()
        self.subject_box.show_kind()
        award_id = self.award.currentData(ID_ROLE)
        self.award_model.set_subject_kind(kind)
        row = self.award_model.row_of(award_id)
        self.award.setCurrentIndex(row if row >= 0 else (0 if self.award_model.rowCount() else -1))
        self._subject_changed()

    def _subject_changed(self, *_args) -> None:
        if getattr(self, "_loading", False) and self.record is not None:
            return
        self.achievements.set_subject(self.subject_kind.currentData(), self.subject_id())
        self._update_hint()
        self._update_checks()

    def _subject_text_changed(self, _text: str) -> None:
        shown = self.achievements.subject_id
        if not getattr(self, "_loading", False) and self.subject_id() != shown:
            self._subject_changed()

    def subject_id(self) -> int | None:
        """The chosen person or collective; ``None`` while the clerk types a name not (yet) chosen."""
        row = self.subject.currentIndex()
        if row < 0:
            return None
        ix = self.subject.model().index(row, 0)
        if self.subject.currentText().strip() != (ix.data(Qt.EditRole) or "").strip():
            return None
        return ix.data(ID_ROLE)

    def _toggle_clicked(self, index) -> None:
        """A click anywhere on a row ticks or unticks it (not only on the small box)."""
        if index.column() == 0:
            return  # the check box itself already toggled
        box = self.achievements.index(index.row(), 0)
        state = Qt.Unchecked if box.data(Qt.CheckStateRole) == Qt.Checked else Qt.Checked
        self.achievements.setData(box, state, Qt.CheckStateRole)

    def _update_hint(self) -> None:
        if self.subject_id() is None:
            self.achievements_hint.setText(self.tr("Choose who is proposed to see their achievements."))
        elif not self.achievements.rowCount():
            self.achievements_hint.setText(self.tr("The ledger has no achievement of this subject yet."))
        else:
            self.achievements_hint.setText(self.tr(
                "Achievements linked to this campaign come first. Tick those the proposal rests on."))

    # -- live checks ------------------------------------------------------------------------------

    def current(self) -> Nomination | None:
        award_id = self.award.currentData(ID_ROLE) if self.award.currentIndex() >= 0 else None
        return unsaved(self.campaign.id, award_id, self.subject_kind.currentData(), self.subject_id(),
                       self.achievements.checked_ids(), self.summary.toPlainText(), self.record, self.phase_id)

    def _update_checks(self, *_args) -> None:
        if getattr(self, "_loading", False):
            return
        self._update_hint()
        n = self.current()
        if n is None:
            hint = self.tr("Choose who is proposed and the award to see whether the conditions are met.")
            if self.award_model.rowCount() == 0:
                hint = self.tr("This campaign offers no award for this kind of subject.")
            self.checks.set_checks([], hint)
            return
        self.checks.set_checks(nominations.checks(self.store, n, self.today))

    # -- saving -----------------------------------------------------------------------------------

    def save(self) -> None:
        errors: dict[str, str] = {}
        if self.subject_id() is None:
            errors["subject"] = self.tr("Choose a person or a collective from the list.")
        if self.award.currentIndex() < 0:
            errors["award"] = self.tr("Choose one of the campaign's awards.")
        if errors:
            raise ValidationError(errors)
        n = self.current()
        nominations.save(self.store, n)
        self.nomination = n
        self.saved.emit(n.id)

"""Họp xét: the council meeting of a campaign — who sat, the quorum, the secret ballots and their results.

The page edits one meeting at a time (a working copy); Lưu writes it, and
"Kết thúc và ghi kết quả" closes it, which turns every voted nomination into
"Thông qua" or "Không thông qua" (:func:`desktop.council.meetings.close`). Results are
the yes-votes over ALL council members; guests do not count.
"""
from __future__ import annotations

import datetime as dt

from desktop.council import meetings, nominations, rules
from desktop.records import people
from desktop.dates import DateError
from desktop.errors import UserError, ValidationError
from desktop.council.meetings import Meeting, Member
from desktop.ui.models.meetings import BallotsModel, MeetingsModel, MembersModel
from desktop.ui.models.nominations import ERROR_COLOR, ID_ROLE, OK_COLOR
from desktop.ui.models.people import PersonChoiceModel
from desktop.changes import Area
from desktop.ui.operations import announce, attempt, show_error
from desktop.ui.qt import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit, QLocale, QMessageBox, QSizePolicy,
    QSpinBox, QStyledItemDelegate, QVBoxLayout, QWidget, Qt,
)
from desktop.ui.build import ERROR_STYLE, button, error_label, group, hbox, panel, splitter, text_label
from desktop.ui.widgets import (
    CampaignChooser, ComboDelegate, DateTimeField, FormPanel, complete_from, offer_phases, table_view,
)
from desktop import clock

EDIT_TRIGGERS = (QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                 | QAbstractItemView.AnyKeyPressed | QAbstractItemView.SelectedClicked)


def _vi_locale() -> QLocale:
    return QLocale(QLocale.Vietnamese, QLocale.Vietnam)


class RoleDelegate(ComboDelegate):
    """The member's role, chosen from the council's roles (and "Khách mời" for a guest)."""

    def choices(self) -> list[tuple[str, object]]:
        return [(label, key) for key, label in meetings.ROLES.items()]


class CountDelegate(QStyledItemDelegate):
    """A number of ballot papers."""

    def createEditor(self, parent, option, index):
        spin = QSpinBox(parent)
        spin.setRange(0, 9999)
        spin.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        return spin

    def setEditorData(self, editor, index):
        editor.setValue(int(index.data(Qt.EditRole) or 0))

    def setModelData(self, editor, model, index):
        editor.interpretText()
        model.setData(index, editor.value(), Qt.EditRole)


class ThresholdEditor(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.rule = QComboBox(self)
        self.rule.addItem(self.tr("at least"), "at_least")
        self.rule.addItem(self.tr("more than"), "more_than")
        self.percent = QDoubleSpinBox(self)
        self.percent.setLocale(_vi_locale())
        self.percent.setRange(1, 100)
        self.percent.setDecimals(2)
        self.percent.setSuffix(" %")
        lay.addWidget(self.rule)
        lay.addWidget(self.percent, 1)


class ThresholdDelegate(QStyledItemDelegate):
    """The rule ("từ … trở lên" or "trên") and the percentage of all council members."""

    def createEditor(self, parent, option, index):
        return ThresholdEditor(parent)

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), editor.sizeHint().width()), rect.height())

    def setEditorData(self, editor, index):
        rule, fraction = index.data(Qt.EditRole)
        editor.rule.setCurrentIndex(max(0, editor.rule.findData(rule)))
        editor.percent.setValue(fraction * 100)

    def setModelData(self, editor, model, index):
        editor.percent.interpretText()
        model.setData(index, (editor.rule.currentData(), round(editor.percent.value() / 100, 6)), Qt.EditRole)


class MeetingPage(QWidget):
    AREAS = frozenset({Area.MEETINGS, Area.NOMINATIONS, Area.CAMPAIGNS, Area.PEOPLE})  # the meeting, what it votes on

    def __init__(self, store, parent=None, review_year: int | None = None):
        super().__init__(parent)
        self.store = store
        # The council meeting of a year-end review (bình xét cuối năm) instead of a campaign's: the same editor.
        self.review_year = review_year
        self.meeting: Meeting | None = None   # the working copy shown in the editor
        self.dirty = False
        self._loading = False
        self._campaign_row = -1
        self._meeting_row = -1
        lay = QVBoxLayout(self)

        self.chooser = CampaignChooser(store, "meeting_campaign", self, min_chars=12)
        self.campaign, self.campaigns = self.chooser.combo, self.chooser.model
        lay.addWidget(self.chooser)
        if review_year is not None:   # a review's meeting belongs to no campaign
            self.chooser.hide()
            self.campaign.hide()
        caption = QLabel(self.tr("Meeting:"))
        self.meeting_combo = QComboBox()
        self.meeting_combo.setObjectName("meetings")
        self.meetings = MeetingsModel(store, self)
        self.meeting_combo.setModel(self.meetings)
        self.meeting_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.meeting_combo.setMinimumContentsLength(12)
        caption.setBuddy(self.meeting_combo)
        self.new_btn = button(self.tr("Add meeting"), self.new_meeting)
        self.delete_btn = button(self.tr("Delete meeting"), self.delete_meeting)
        lay.addLayout(hbox(caption, (self.meeting_combo, 1), self.new_btn, self.delete_btn))
        self.status = text_label(name="meeting_status")
        lay.addWidget(self.status)

        self.editor, el = panel()
        # -- the meeting itself: three short forms side by side, each field with its error under it
        fields = QHBoxLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        self.form = FormPanel()
        self.title = self.form.add("title", self.tr("Title"), QLineEdit())
        self.place = self.form.add("place", self.tr("Place"), QLineEdit())
        # A campaign with phases: the phase (sơ kết, tổng kết) whose nominations the meeting considers.
        self.meeting_phase = self.form.add("phase", self.tr("Phase"), QComboBox())
        self.meeting_phase.setObjectName("meeting_phase")
        self.time_form = FormPanel()
        self.starts_at = self.time_form.add("starts_at", self.tr("Starts"), DateTimeField(), required=True)
        self.ends_at = self.time_form.add("ends_at", self.tr("Ends"), DateTimeField())
        for w in (self.starts_at, self.ends_at):
            sample = max(w.placeholderText(), "00/00/0000 00:00", key=w.fontMetrics().horizontalAdvance)
            w.setMinimumWidth(w.fontMetrics().horizontalAdvance(sample) + 40)
        self.quorum = QDoubleSpinBox()
        self.quorum.setObjectName("quorum")
        self.quorum.setLocale(_vi_locale())
        self.quorum.setRange(1, 100)
        self.quorum.setDecimals(2)
        self.quorum.setSuffix(" %")
        self.quorum.setToolTip(self.tr("The share of council members who must be present for the meeting "
                                       "to decide.") + "\n" + rules.load().quorum_source)
        self.quorum_form = FormPanel()
        self.quorum_form.layout().setContentsMargins(0, 0, 0, 0)
        self.quorum_form.add("quorum", self.tr("Quorum"), self.quorum)
        self.quorum_form.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Preferred)
        fields.addWidget(self.form, 3)
        fields.addWidget(self.time_form, 1)
        el.addLayout(fields)

        # -- the council
        council, cl = group(self.tr("Council members and guests"))
        self.members = MembersModel(self)
        self.members_view = table_view(self.members, "members")
        self.members_view.setEditTriggers(EDIT_TRIGGERS)
        self.members_view.setItemDelegateForColumn(2, RoleDelegate(self.members_view))
        cl.addWidget(self.members_view, 1)
        self.person = QComboBox()
        self.person.setObjectName("member_person")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.NoInsert)
        self.people_model = PersonChoiceModel(store, self)
        complete_from(self.person, self.people_model)
        self.person.setCurrentIndex(-1)
        self.person.lineEdit().setPlaceholderText(self.tr("A person of the unit, or type a name"))
        self.role = QComboBox()
        self.role.setObjectName("member_role")
        for key, label in meetings.ROLES.items():
            self.role.addItem(label, key)
        self.role.setCurrentIndex(self.role.findData("uy_vien"))
        self.add_member_btn = button(self.tr("Add"), self.add_member)
        self.remove_member_btn = button(self.tr("Remove"), self.remove_member)
        cl.addLayout(hbox((self.person, 3), (self.role, 1), self.add_member_btn, self.remove_member_btn))
        self.members_error = error_label("members_error")
        cl.addWidget(self.members_error)
        self.quorum_label = text_label(name="quorum_label")
        # The rule, right by what it says of this meeting.
        cl.addLayout(hbox(self.quorum_form, (self.quorum_label, 1)))

        # -- the ballots
        ballots, bl = group(self.tr("Secret ballot results"))
        self.ballots = BallotsModel(self)
        self.ballots_view = table_view(self.ballots, "ballots")
        self.ballots_view.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.ballots_view.setEditTriggers(EDIT_TRIGGERS)
        count = CountDelegate(self.ballots_view)
        for col in range(2, 7):
            self.ballots_view.setItemDelegateForColumn(col, count)
        self.ballots_view.setItemDelegateForColumn(7, ThresholdDelegate(self.ballots_view))
        bl.addWidget(self.ballots_view, 1)
        self.ballots_error = error_label("ballots_error")
        bl.addWidget(self.ballots_error)
        self.ballots_hint = text_label(style="color: #6b6b6b;")
        bl.addWidget(self.ballots_hint)
        self.splitter = splitter(Qt.Vertical, council, ballots, stretch=(1, 1), name="meeting_splitter",
                                 collapsible=False, parent=self.editor)
        el.addWidget(self.splitter, 1)

        self.save_btn = button(self.tr("Save"), self.save, name="meeting_save")
        self.close_btn = button(self.tr("Close the meeting and record the results"), self.close_meeting,
                                name="meeting_close")
        el.addLayout(hbox(None, self.save_btn, self.close_btn))
        lay.addWidget(self.editor, 1)

        for w in (self.title, self.starts_at, self.ends_at, self.place):
            w.textEdited.connect(self._edited)
        self.quorum.valueChanged.connect(self._quorum_changed)
        self.meeting_phase.currentIndexChanged.connect(self._phase_changed)
        self.members.edited.connect(self._members_edited)
        self.ballots.edited.connect(self._ballots_edited)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.meeting_combo.currentIndexChanged.connect(self._meeting_changed)
        if review_year is not None:
            self.meetings.set_review(review_year)
            self.new_btn.setEnabled(True)
            self._set_combo(self.meeting_combo, 0 if self.meetings.rowCount() else -1)
            self._load(self.meetings.id_at(self.meeting_combo.currentIndex()))
            return
        # Open where the council last met (a page opened for a meeting most often continues it).
        latest = meetings.latest(store)
        latest_campaign = latest.campaign_id if latest else None
        self.chooser.show_row(max(self.campaigns.row_of(latest_campaign), 0) if self.campaigns.rowCount() else -1)
        self._campaign_changed()

    # -- choosing ---------------------------------------------------------------------------------

    def campaign_id(self) -> int | None:
        return self.chooser.campaign_id() if self.review_year is None else None

    def set_campaign(self, campaign_id: int) -> None:
        self.chooser.set_campaign(campaign_id)

    def _may_discard(self) -> bool:
        if not self.dirty:
            return True
        return QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The meeting has changes that are not saved. Discard them?")) == QMessageBox.Yes

    def _campaign_changed(self, *_args) -> None:
        if self.campaign.currentIndex() != self._campaign_row and not self._may_discard():
            self.chooser.show_row(self._campaign_row)
            return
        self._campaign_row = self.campaign.currentIndex()
        self.meetings.set_campaign(self.campaign_id())
        self.new_btn.setEnabled(self.campaign_id() is not None)
        self._set_combo(self.meeting_combo, 0 if self.meetings.rowCount() else -1)
        self._load(self.meetings.id_at(self.meeting_combo.currentIndex()))

    def _meeting_changed(self, *_args) -> None:
        if self.meeting_combo.currentIndex() == self._meeting_row:
            return
        if not self._may_discard():
            self._set_combo(self.meeting_combo, self._meeting_row)
            return
        self._load(self.meetings.id_at(self.meeting_combo.currentIndex()))

    @staticmethod
    def _set_combo(combo: QComboBox, row: int) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(row)
        combo.blockSignals(False)

    def reload(self) -> None:
        """Another page changed the data: keep unsaved edits, add nominations newly submitted."""
        if self.review_year is not None:
            self.meetings.reload()
            if not self.dirty:
                self._load(self.meeting.id if self.meeting and self.meeting.id else self.meetings.id_at(0))
            return
        campaign_id = self.campaign_id()
        meeting_id = self.meeting.id if self.meeting else None
        self.chooser.reload(quiet=True)
        self._campaign_row = self.campaign.currentIndex()
        if self.campaign_id() != campaign_id:
            self.dirty = False
            self._campaign_changed()
            return
        self.meetings.reload()
        old_people, self.people_model = self.people_model, PersonChoiceModel(self.store, self)
        self.person.setModel(self.people_model)
        self.person.completer().setModel(self.people_model)
        old_people.deleteLater()
        self.person.setCurrentIndex(-1)
        if self.dirty and self.meeting is not None:
            # Keep what the clerk typed; only the list of nominations to vote on follows.
            self._prepare(self.meeting)
            names, _statuses = self._names()
            self.ballots.set_meeting(self.meeting, names)
            self._update_live()
        else:
            self._load(meeting_id if self.meetings.row_of(meeting_id) >= 0 else self.meetings.id_at(0))
        self._select_meeting_row()

    def _select_meeting_row(self) -> None:
        row = self.meetings.row_of(self.meeting.id) if self.meeting and self.meeting.id else -1
        self._set_combo(self.meeting_combo, row)
        self._meeting_row = row

    # -- loading ------------------------------------------------------------------------------------

    def _names(self) -> tuple[dict[int, tuple[str, str]], dict[int, str]]:
        if self.review_year is not None:
            rows = self.store.query(
                "SELECT n.id, coalesce(p.full_name, c.name) AS name, n.award, n.status FROM nomination n "
                "LEFT JOIN person p ON p.id = n.person_id LEFT JOIN collective c ON c.id = n.collective_id "
                "WHERE n.review_year = ?", (self.review_year,))
            return {r["id"]: (r["name"], r["award"]) for r in rows}, {r["id"]: r["status"] for r in rows}
        rows = nominations.list_for_campaign(self.store, self.campaign_id()) if self.campaign_id() else []
        return {r.id: (r.name, r.award) for r in rows}, {r.id: r.status for r in rows}

    def _prepare(self, m: Meeting) -> None:
        """Before the vote: drop ballots of nominations taken back, add those newly submitted."""
        if m.held:
            return
        _names, statuses = self._names()
        m.ballots = [b for b in m.ballots if statuses.get(b.nomination_id, "du_kien") != "du_kien"]
        meetings.add_submitted(self.store, m)

    def _load(self, meeting_id: int | None) -> None:
        m = None
        if meeting_id is not None:
            try:
                m = meetings.get(self.store, meeting_id)
            except UserError as exc:
                show_error(self, exc)
        if m is not None:
            self._prepare(m)
        self.meeting = m
        self.dirty = False
        self._show_meeting()
        self._select_meeting_row()

    def new_meeting(self) -> None:
        cid = self.campaign_id()
        if (cid is None and self.review_year is None) or not self._may_discard():
            return
        start = dt.datetime.combine(clock.today() + dt.timedelta(days=1), dt.time(8, 0))
        m = Meeting(cid, start, self.tr("Meeting of the Emulation and Commendation Council"),
                    review_year=self.review_year)
        # The council is usually the same from one meeting to the next: start from the latest one.
        before = meetings.latest(self.store)
        if before is not None:
            m.place = before.place
            m.quorum = before.quorum
            m.members = [Member(x.name, x.title, x.role, True, "", x.person_id) for x in before.members]
        meetings.add_submitted(self.store, m)
        self.meeting = m
        self.dirty = True
        self._show_meeting()
        self._select_meeting_row()
        self.title.setFocus()

    def _show_meeting(self) -> None:
        m = self.meeting
        self._loading = True
        self.editor.setEnabled(m is not None)
        self.delete_btn.setEnabled(m is not None)
        self.show_errors({})
        if m is None:
            for w in (self.title, self.starts_at, self.ends_at, self.place):
                w.clear()
            self.quorum.setValue(rules.load().quorum * 100)
        else:
            self.title.setText(m.title)
            self.starts_at.set_datetime(m.starts_at)
            self.ends_at.set_datetime(m.ends_at)
            self.place.setText(m.place)
            for w in (self.title, self.place):
                w.setCursorPosition(0)  # show the beginning of a long title
            self.quorum.setValue(m.quorum * 100)
        self._show_phases(m)
        self.members.set_meeting(m, meetings.candidates_on_council(self.store, m) if m is not None else None)
        names, _statuses = self._names()
        self.ballots.set_meeting(m, names)
        if m is not None:
            # Share the height by what each table holds.
            self.splitter.setSizes([24 * min(len(m.members), 10) + 135, 24 * min(len(m.ballots), 12) + 90])
        self._loading = False
        self._update_live()

    def _show_phases(self, m: Meeting | None) -> None:
        """The campaign's phases to choose from (the row shows only for a campaign with phases)."""
        has_phases = offer_phases(self.meeting_phase, self.chooser.campaign(), self.tr("Whole campaign"),
                                  m.phase_id if m is not None else None)
        self.meeting_phase.setEnabled(m is not None and not m.held)
        row, _role = self.form.form.getWidgetPosition(self.meeting_phase.parentWidget())
        if row >= 0:
            self.form.form.setRowVisible(row, has_phases)

    def _phase_changed(self, *_args) -> None:
        """Another phase: the ballots become those of its nominations awaiting the council."""
        m = self.meeting
        if m is None or self._loading or m.held:
            return
        meetings.set_phase(self.store, m, self.meeting_phase.currentData() if self.meeting_phase.currentIndex() > 0
                           else None)
        self.dirty = True
        names, _statuses = self._names()
        self.ballots.set_meeting(m, names)
        self._update_live()

    # -- live feedback ------------------------------------------------------------------------------

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.dirty = True
            self._update_status()

    def _quorum_changed(self, value: float) -> None:
        if self.meeting is not None and not self._loading:
            self.meeting.quorum = round(value / 100, 4)
            self.dirty = True
            self._update_live()

    def _members_edited(self) -> None:
        self.dirty = True
        self.ballots.refresh()
        self._update_live()

    def _ballots_edited(self) -> None:
        self.dirty = True
        self._update_live()

    def _update_live(self) -> None:
        m = self.meeting
        if m is None:
            self.quorum_label.clear()
            self.ballots_error.hide()
            self.ballots_hint.clear()
            self._update_status()
            return
        q = meetings.quorum(m)
        self.quorum_label.setText(q.text)
        self.quorum_label.setStyleSheet(f"color: {(OK_COLOR if q.ok else ERROR_COLOR).name()}; font-weight: bold;")
        problems = [self.tr("%1: %2").replace("%1", self.ballots.name_of(nid)).replace("%2", " ".join(msgs))
                    for nid, msgs in self.ballots.errors()]
        self.ballots_error.setText("\n".join(problems))
        self.ballots_error.setVisible(bool(problems))
        if not m.ballots and self.review_year is not None:
            self.ballots_hint.setText(self.tr("No title awaiting the council needs a secret ballot. The titles put "
                                              "to the council without one are agreed when the meeting closes."))
        elif not m.ballots:
            self.ballots_hint.setText(self.tr("No nomination of this campaign is awaiting the council. Submit "
                                              "nominations on the nominations page first."))
        else:
            self.ballots_hint.setText(self.tr(
                "The yes share is taken over all %1 council members (guests are not counted). "
                "Double-click a number to change it.").replace("%1", str(len(m.council))))
        self._update_status()

    def _update_status(self) -> None:
        m = self.meeting
        self.status.setStyleSheet("")
        self.meeting_combo.setPlaceholderText(
            self.tr("(new meeting)") if m is not None and m.id is None else self.tr("(no meeting)"))
        if self.campaign_id() is None and self.review_year is None:
            text = self.tr("There is no campaign yet: add the plan on the campaigns page first.")
        elif m is None:
            text = self.tr("No meeting yet for this campaign: press “Add meeting”.") if self.review_year is None \
                else self.tr("No council meeting yet for this review: press “Add meeting”.")
        elif m.held:
            text = self.tr("This meeting is closed; its results are recorded on the nominations.")
        elif m.id is None:
            text = self.tr("New meeting, not saved yet.")
        else:
            text = ""
        if m is not None and self.dirty and m.id is not None:
            text = (text + " " if text else "") + self.tr("There are unsaved changes.")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # -- members ----------------------------------------------------------------------------------

    def add_member(self) -> None:
        if self.meeting is None:
            return
        role = self.role.currentData()
        text = self.person.currentText().strip()
        ix = self.person.currentIndex()
        pid = self.person.currentData(ID_ROLE) if ix >= 0 else None
        if pid is not None and text != self.people_model.index(ix, 0).data(Qt.EditRole):
            pid = None  # the clerk typed over the chosen name
        if pid is not None:
            p = people.get_person(self.store, pid)
            member = Member(p.full_name, p.position, role, person_id=p.id)
        else:
            member = Member(text, "", role)
        row = self.members.add(member)
        self.person.setCurrentIndex(-1)
        self.person.clearEditText()
        ix = self.members.index(row, 0 if not member.name else 1)
        self.members_view.setCurrentIndex(ix)
        if not member.name:
            self.members_view.edit(ix)

    def remove_member(self) -> None:
        ix = self.members_view.currentIndex()
        if ix.isValid():
            self.members.remove(ix.row())

    # -- saving and closing -----------------------------------------------------------------------

    def _collect(self) -> Meeting:
        errors: dict[str, str] = {}
        m = self.meeting
        try:
            starts = self.starts_at.datetime()
        except DateError as exc:
            errors["starts_at"], starts = str(exc), None
        if starts is None and "starts_at" not in errors:
            errors["starts_at"] = self.tr("Enter when the meeting starts.")
        try:
            ends = self.ends_at.datetime()
        except DateError as exc:
            errors["ends_at"], ends = str(exc), None
        if errors:
            raise ValidationError(errors)
        m.title, m.place = self.title.text(), self.place.text()
        m.starts_at, m.ends_at = starts, ends
        m.quorum = round(self.quorum.value() / 100, 4)
        return m

    def show_errors(self, errors: dict[str, str]) -> None:
        for form in (self.form, self.time_form, self.quorum_form):
            form.set_errors({k: v for k, v in errors.items() if k in form.keys()})
        members = errors.get("members")
        self.members_error.setText(members or "")
        self.members_error.setVisible(bool(members))
        ballots = [v for k, v in errors.items() if k.startswith("ballot[")]
        if ballots:
            self._update_live()
            self.ballots_error.setVisible(True)

    def save(self) -> bool:
        """Write the meeting; ``False`` (with the reasons shown) when it cannot be saved."""
        if self.meeting is None:
            return False
        try:
            m = self._collect()
            meetings.save(self.store, m)
        except ValidationError as exc:
            self.show_errors(exc.fields)
            self.status.setText(self.tr("Not saved: correct what is marked in red."))
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setVisible(True)
            return False
        except UserError as exc:
            show_error(self, exc)
            return False
        self.show_errors({})
        self.dirty = False
        self.meetings.reload()
        self._select_meeting_row()
        self._show_meeting()
        return True

    def close_meeting(self) -> None:
        m = self.meeting
        if m is None:
            return
        if QMessageBox.question(self, self.tr("Close the meeting"), self.tr(
                "Close the meeting and record the results of %1 ballots on the nominations?\n"
                "Those that reach the threshold become “Thông qua”, the others “Không thông qua”.").replace(
                "%1", str(len(m.ballots)))) != QMessageBox.Yes:
            return
        if not self.save():
            return
        try:
            results = meetings.close(self.store, self.meeting.id)
        except UserError as exc:
            show_error(self, exc)
            return
        self._load(self.meeting.id)
        self.meetings.reload()
        self._select_meeting_row()
        passed = sum(1 for r in results.values() if r.passed)
        self.status.setText(self.tr("Results recorded: %1 passed, %2 not passed.")
                            .replace("%1", str(passed)).replace("%2", str(len(results) - passed)))
        self.status.setVisible(True)
        announce(self, (Area.MEETINGS, Area.NOMINATIONS))  # the results are on the nominations

    def delete_meeting(self) -> None:
        m = self.meeting
        if m is None:
            return
        if m.id is None:
            self.dirty = False
            self._load(self.meetings.id_at(0))
            return
        if QMessageBox.question(self, self.tr("Delete meeting"),
                                self.tr("Delete the meeting “%1” and its ballots?").replace("%1", m.title)) \
                != QMessageBox.Yes:
            return
        if not attempt(self, lambda: meetings.delete(self.store, m.id)):
            return
        self.dirty = False
        self.meetings.reload()
        self._load(self.meetings.id_at(0))

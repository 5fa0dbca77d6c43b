"""Models of the council meeting page: the meetings of a campaign, who sits on the council, the ballots.

The members and ballots models edit the page's working :class:`~desktop.council.meetings.Meeting` in place;
nothing is written until the page saves it through :mod:`desktop.council.meetings`.
"""
from __future__ import annotations

from desktop.council import meetings
from desktop.council.meetings import Ballot, Meeting, Member
from desktop.ui.models.base import ID_ROLE, EditableRowsModel, IdTextListModel
from desktop.ui.qt import QColor, QCoreApplication, QModelIndex, Qt, Signal
from desktop.ui.models.nominations import ERROR_COLOR, MUTED_COLOR, OK_COLOR

ERROR_BACKGROUND = QColor("#fde2e4")


def meeting_label(m: Meeting) -> str:
    """``05/12/2025 08:00 — Họp Hội đồng …`` and whether it is over."""
    text = f"{m.starts_at:%d/%m/%Y %H:%M} — {m.title or QCoreApplication.translate('MeetingModels', '(untitled)')}"
    if m.held:
        text += " " + QCoreApplication.translate("MeetingModels", "(closed)")
    return text


class MeetingsModel(IdTextListModel):
    """The meetings of one campaign, newest first, for a combo box."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self.campaign_id: int | None = None
        self.review_year: int | None = None     # the meetings of a year's review instead of a campaign's
        self._items: list[tuple[int, str]] = []

    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.reload()

    def set_review(self, year: int | None) -> None:
        self.review_year = year
        self.reload()

    def reload(self) -> None:
        if self.review_year is not None:
            found = meetings.list_for_review(self._store, self.review_year)
        elif self.campaign_id is not None:
            found = meetings.list_for_campaign(self._store, self.campaign_id)
        else:
            found = []
        self.set_items((m.id, meeting_label(m)) for m in found)


class MembersModel(EditableRowsModel):
    """The council and guests: name, title, role (combo), present (check box), written opinion."""

    KEYS = ["name", "title", "role", "present", "written_opinion"]
    WIDE = ["name", "title", "role", "written_opinion"]
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._meeting: Meeting | None = None
        self.candidates: dict[int, str] = {}
        self.headers = [self.tr("Full name"), self.tr("Title"), self.tr("Role"), self.tr("Present"),
                        self.tr("Written opinion")]

    def set_meeting(self, m: Meeting | None, candidates: dict[int, str] | None = None) -> None:
        """``candidates``: members proposed at this meeting (:func:`meetings.candidates_on_council`), flagged."""
        self.beginResetModel()
        self._meeting = m
        self.candidates = dict(candidates or {})
        self.endResetModel()

    def is_candidate(self, row: int) -> bool:
        x = self.member_at(row)
        return x is not None and self._proposed(x)

    def _proposed(self, x: Member) -> bool:
        """A council member who is also proposed at this meeting."""
        return x.is_member and x.person_id in self.candidates

    @property
    def _rows(self) -> list[Member]:
        return self._meeting.members if self._meeting is not None else []

    def add(self, member: Member) -> int:
        if self._meeting is None:
            return -1
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._meeting.members.append(member)
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._meeting.members[row]
            self.endRemoveRows()
            self.edited.emit()

    def member_at(self, row: int) -> Member | None:
        return self.row_at(row)

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return Qt.ItemIsUserCheckable if key == "present" else Qt.ItemIsEditable

    def cell(self, x: Member, key: str, role: int):
        if role == Qt.DisplayRole:
            if key == "role":
                if self._proposed(x):
                    return QCoreApplication.translate("MeetingModels", "%1 — also proposed").replace(
                        "%1", meetings.ROLES.get(x.role, x.role))
                return meetings.ROLES.get(x.role, x.role)
            if key == "present":
                if x.present:
                    return QCoreApplication.translate("MeetingModels", "present")
                return QCoreApplication.translate("MeetingModels", "absent")
            return getattr(x, key)
        if role == Qt.EditRole:
            return None if key == "present" else getattr(x, key)
        if role == Qt.CheckStateRole and key == "present":
            return Qt.Checked if x.present else Qt.Unchecked
        if role == Qt.ToolTipRole:
            if key == "written_opinion" and x.written_opinion:
                return x.written_opinion
            if not x.is_member:
                return QCoreApplication.translate(
                    "MeetingModels", "A guest attends the meeting but is not a council member: not counted for "
                    "the quorum nor the votes.")
            if key == "name" and not x.name:
                return QCoreApplication.translate("MeetingModels", "Type the member's full name.")
            if key in ("name", "role") and self._proposed(x):
                return QCoreApplication.translate(
                    "MeetingModels", "This member is also proposed at this meeting (%1); the minutes record it.").replace(
                    "%1", self.candidates[x.person_id])
        if role == Qt.ForegroundRole:
            if not x.is_member:
                return MUTED_COLOR
            if key == "role" and self._proposed(x):
                return ERROR_COLOR
            if key == "present" and not x.present:
                return ERROR_COLOR
        if role == Qt.BackgroundRole and key == "name" and not x.name.strip():
            return ERROR_BACKGROUND
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        x = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if key == "present":
            if role != Qt.CheckStateRole:
                return False
            x.present = Qt.CheckState(value) == Qt.Checked
        elif role != Qt.EditRole:
            return False
        elif key == "role":
            if value not in meetings.ROLES:
                return False
            x.role = value
        else:
            setattr(x, key, str(value or ""))
        left, right = self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        self.dataChanged.emit(left, right)
        self.edited.emit()
        return True


# -- the secret ballots ----------------------------------------------------------------------------------

COUNTS = ("issued", "returned", "yes", "no", "invalid")


def bad_counts(m: Meeting, b: Ballot) -> set[str]:
    """The count cells to mark (the domain says which fields each problem concerns)."""
    return meetings.bad_fields(m, b)


def threshold_short(b: Ballot) -> str:
    """The threshold as the column shows it: ``từ 80% trở lên`` (the header says "of all council members")."""
    return meetings.ballot_rule(b).threshold_short()


class BallotsModel(EditableRowsModel):
    """One row per nomination put to the vote: the counts (editable), the threshold and the live result.

    The share is of ALL council members (guests excluded), as the domain computes it.
    """

    KEYS = ["name", "award", *COUNTS, "threshold", "share", "result"]
    WIDE = ["name", "award"]
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._meeting: Meeting | None = None
        self._names: dict[int, tuple[str, str]] = {}    # nomination id: (subject, award)
        self.headers = [self.tr("Candidate"), self.tr("Award"), self.tr("Issued"), self.tr("Returned"),
                        self.tr("Yes"), self.tr("No"), self.tr("Invalid"), self.tr("Threshold"),
                        self.tr("Yes share"), self.tr("Result")]

    def set_meeting(self, m: Meeting | None, names: dict[int, tuple[str, str]]) -> None:
        self.beginResetModel()
        self._meeting = m
        self._names = dict(names)
        self.endResetModel()

    def set_names(self, names: dict[int, tuple[str, str]]) -> None:
        self._names = dict(names)
        self.refresh()

    def refresh(self) -> None:
        """Redraw every row (members or the quorum changed, so errors and results may too)."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    @property
    def _rows(self) -> list[Ballot]:
        return self._meeting.ballots if self._meeting is not None else []

    def ballot_at(self, row: int) -> Ballot | None:
        return self.row_at(row)

    def row_id(self, b: Ballot) -> int:
        return b.nomination_id

    def errors(self) -> list[tuple[int, list[str]]]:
        """(nomination id, Vietnamese messages) of every ballot whose counts cannot be."""
        if self._meeting is None:
            return []
        out = []
        for b in self._rows:
            problems = meetings.ballot_errors(self._meeting, b)
            if problems:
                out.append((b.nomination_id, problems))
        return out

    def name_of(self, nomination_id: int) -> str:
        return self._names.get(nomination_id, (f"#{nomination_id}", ""))[0]

    def header_tip(self, section: int) -> str | None:
        if self.KEYS[section] in ("share", "threshold"):
            return QCoreApplication.translate(
                "MeetingModels", "Yes-votes as a share of ALL council members (not only those present).")
        return super().header_tip(section)

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return Qt.ItemIsEditable if key in (*COUNTS, "threshold") else Qt.NoItemFlags

    def cell(self, b: Ballot, key: str, role: int):
        m = self._meeting       # there are rows only when there is a meeting
        problems = meetings.ballot_errors(m, b)
        voted = b.issued or b.returned or b.yes or b.no or b.invalid
        if role == ID_ROLE:
            return b.nomination_id
        if role == Qt.DisplayRole:
            if key == "name":
                return self.name_of(b.nomination_id)
            if key == "award":
                return self._names.get(b.nomination_id, ("", ""))[1]
            if key in COUNTS:
                return str(getattr(b, key))
            if key == "threshold":
                return threshold_short(b)
            if not voted:
                return QCoreApplication.translate("MeetingModels", "not voted yet") if key == "result" else ""
            if problems:
                return QCoreApplication.translate("MeetingModels", "counts do not add up") if key == "result" else ""
            res = meetings.result(m, b)
            if key == "share":
                return res.share_text
            if res.passed:
                return QCoreApplication.translate("MeetingModels", "Passed")
            return QCoreApplication.translate("MeetingModels", "Not passed")
        if role == Qt.EditRole:
            if key in COUNTS:
                return getattr(b, key)
            if key == "threshold":
                return (b.rule, b.fraction)
            return None
        if role == Qt.ToolTipRole:
            if key in COUNTS and key in bad_counts(m, b):
                return " ".join(problems)
            if key == "threshold":
                text = meetings.ballot_rule(b).threshold_text()
                return f"{text}\n{b.rule_source}" if b.rule_source else text
            if key in ("share", "result") and voted and not problems:
                res = meetings.result(m, b)
                text = QCoreApplication.translate("MeetingModels", "%1 yes of %2 council members; needs %3.")
                return text.replace("%1", str(b.yes)).replace("%2", str(len(m.council))).replace(
                    "%3", res.threshold)
            if key == "result" and problems:
                return " ".join(problems)
            if key == "name":
                return self.name_of(b.nomination_id)
        if role == Qt.BackgroundRole and key in COUNTS and key in bad_counts(m, b):
            return ERROR_BACKGROUND
        if role == Qt.ForegroundRole:
            if key in COUNTS and key in bad_counts(m, b):
                return ERROR_COLOR
            if key == "result":
                if not voted:
                    return MUTED_COLOR
                if problems:
                    return ERROR_COLOR
                return OK_COLOR if meetings.result(m, b).passed else ERROR_COLOR
        if role == Qt.TextAlignmentRole and key in (*COUNTS, "share"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if not index.isValid() or role != Qt.EditRole or not 0 <= index.row() < len(self._rows):
            return False
        b = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if key in COUNTS:
            try:
                setattr(b, key, int(value))
            except (TypeError, ValueError):
                return False
        elif key == "threshold":
            try:
                rule, fraction = value
                fraction = float(fraction)
            except (TypeError, ValueError):
                return False
            if rule not in ("at_least", "more_than") or not 0 < fraction <= 1:
                return False
            if (rule, fraction) != (b.rule, b.fraction):
                b.rule, b.fraction = rule, fraction
                b.rule_source = meetings.MEETING_THRESHOLD_SOURCE
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.edited.emit()
        return True

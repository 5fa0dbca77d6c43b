"""Models over emulation campaigns: the list, the editable tables of one campaign, the progress of those running.

The editable tables (criteria, awards, dossier documents) work on copies of
the domain's dataclasses and hand copies back; nothing is written until the
editor's owner saves through :mod:`desktop.campaigns.campaign`. Each loaded row keeps
its *origin* (its position when loaded), so the plan-import review can find
the place in the source text a row was read from even after rows were added
or removed.
"""
from __future__ import annotations

import copy
import datetime as dt

from desktop.campaigns import campaign as campaigns, deadlines
from desktop import catalog
from desktop.campaigns.campaign import (
    AwardUse, Campaign, CampaignAward, CampaignPhase, CampaignProgress, Criterion, DossierDocument,
)
from desktop.dates import format_date, parse_partial, partial_text
from desktop.errors import NotFound
from desktop.ui.models.base import ID_ROLE, EditableRowsModel, IdTextListModel, ItemsListModel, RowsTableModel
from desktop.ui.format import days_text, deadline_text, number_text, parse_number  # noqa: F401 (used by pages too)
from desktop.ui.qt import QColor, QCoreApplication, QModelIndex, Qt, Signal
from desktop import clock

KEY_ROLE = Qt.UserRole + 2        # the editor key of a cell, e.g. "awards[2].quota_collective"
OBJECT_ROLE = Qt.UserRole + 3     # the domain object behind a row

PAST_COLOR = QColor("#b00020")
SOON_COLOR = QColor("#c25e00")
DONE_COLOR = QColor("#6b6b6b")
ERROR_BACKGROUND = QColor("#fde2e4")
UNMATCHED_COLOR = QColor("#b00020")
PLACEHOLDER_COLOR = QColor("#8a8a8a")


# -- texts shared by the page, the overview and the tests ------------------------------------------------

def subject_labels() -> dict[str, str]:
    return {
        "tap_the": QCoreApplication.translate("CampaignModels", "Collectives"),
        "ca_nhan": QCoreApplication.translate("CampaignModels", "Individuals"),
        "ca_hai": QCoreApplication.translate("CampaignModels", "Both"),
    }


def document_text(c: Campaign) -> str:
    """Kind and number: ``Kế hoạch 205/KH-STP``, or ``Kế hoạch …/KH-STP`` when the number is blank."""
    number = c.number or (f"…/{c.symbol}" if c.symbol else "")
    return f"{c.kind} {number}".strip()


def period_text(c: Campaign) -> str:
    start, end = partial_text(c.period_start), partial_text(c.period_end)
    if not start and not end:
        return ""
    return f"{start or '…'} – {end or '…'}"


def urgency_of(days_left: int | None) -> str | None:
    if days_left is None:
        return None
    return "past" if days_left < 0 else "soon" if days_left < campaigns.SOON_DAYS else "ok"


def urgency_color(urgency: str | None) -> QColor | None:
    return {"past": PAST_COLOR, "soon": SOON_COLOR}.get(urgency or "")


def quota_text(use: AwardUse) -> str:
    """``Bằng khen …: 1/2 tập thể, 0/1 cá nhân``, or ``…: không giới hạn``."""
    a = use.award
    name = a.award or a.text
    if a.quota_collective is None and a.quota_individual is None:
        return QCoreApplication.translate("CampaignModels", "%1: no limit").replace("%1", name)
    parts = []
    collectives = QCoreApplication.translate("CampaignModels", "collectives")
    individuals = QCoreApplication.translate("CampaignModels", "individuals")
    for quota, used, label in ((a.quota_collective, use.used_collective, collectives),
                               (a.quota_individual, use.used_individual, individuals)):
        if quota is None:
            parts.append(QCoreApplication.translate("CampaignModels", "%1 no limit").replace("%1", label))
        else:
            parts.append(f"{used}/{quota} {label}")
    return f"{name}: {', '.join(parts)}"


# -- the list of campaigns -------------------------------------------------------------------------------

class CampaignListModel(RowsTableModel):
    """Every campaign, newest plan first: title, kind and number, period, deadline with days left."""

    KEYS = ["title", "document", "period", "deadline"]
    WIDE = ["title", "document"]

    def __init__(self, store, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self._store = store
        self._today = today
        self._rows: list[tuple[Campaign, dt.date | None, int | None, bool]] = []
        self.headers = [self.tr("Campaign"), self.tr("Document"), self.tr("Period"), self.tr("Deadline")]
        self.reload()

    def reload(self) -> None:
        today = self._today or clock.today()
        rows = []
        for c in campaigns.list_campaigns(self._store):
            due = campaigns.deadline_date(c, today)
            rows.append((c, due, (due - today).days if due else None, campaigns.is_running(c, today)))
        self.set_rows(rows)

    def row_id(self, row) -> int:
        return row[0].id

    def id_at(self, row: int) -> int:
        return self._rows[row][0].id

    def campaign_at(self, row: int) -> Campaign:
        return copy.deepcopy(self._rows[row][0])

    def cell(self, row, key: str, role: int):
        c, due, days, running = row
        if role == ID_ROLE:
            return c.id
        if role == Qt.DisplayRole:
            if key == "title":
                return c.title
            if key == "document":
                return document_text(c)
            if key == "period":
                return period_text(c)
            if due is None:
                return ""
            if not running and days is not None and days < 0:
                return QCoreApplication.translate("CampaignModels", "%1 (ended)").replace("%1", format_date(due))
            return deadline_text(due, days)
        if role == Qt.ToolTipRole:
            return f"{c.title}\n{c.reference}"
        if role == Qt.ForegroundRole and key == "deadline":
            if not running and days is not None and days < 0:
                return DONE_COLOR
            return urgency_color(urgency_of(days))
        return None


class CampaignChoiceModel(ItemsListModel):
    """Every campaign (newest plan first) for a combo box, the one list of campaigns to choose from.

    With ``first`` (such as "All campaigns" or "(not part of a campaign)") a
    row without a campaign (id ``None``) leads the list.
    """

    def __init__(self, store, parent=None, *, first: str | None = None):
        super().__init__(parent)
        self._store = store
        self._first = first
        self.MISSING_ROW = 0 if first is not None else -1    # a campaign not in the list: the leading row
        self._items: list[Campaign | None] = []
        self.reload()

    def reload(self) -> None:
        lead: list[Campaign | None] = [None] if self._first is not None else []
        self.set_items(lead + list(campaigns.list_campaigns(self._store)))

    def row_id(self, c: Campaign | None) -> int | None:
        return c.id if c is not None else None

    def campaign_at(self, row: int) -> Campaign | None:
        return self.row_at(row)

    def item_data(self, c, role: int):
        if role in (Qt.DisplayRole, Qt.EditRole):
            return self._first if c is None else c.title
        if role == Qt.ToolTipRole:
            return self._first if c is None else f"{c.title}\n{c.reference}" if c.reference else c.title
        if role == ID_ROLE:
            return None if c is None else c.id
        return None


class CriterionChoiceModel(IdTextListModel):
    """The criteria of one campaign for a combo box, led by a row without a criterion (id ``None``)."""

    MISSING_ROW = 0

    def __init__(self, store, first: str, parent=None):
        super().__init__(parent)
        self._store = store
        self._first = first
        self.campaign_id: int | None = None
        self._items: list[tuple[int | None, str]] = [(None, first)]

    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        criteria = []
        if campaign_id is not None:
            try:
                criteria = campaigns.get(self._store, campaign_id).criteria
            except NotFound:
                self.campaign_id = None
        self.set_items([(None, self._first)] + [(k.id, k.text) for k in criteria])


# -- the editable tables of one campaign -------------------------------------------------------------

class _RowsModel(EditableRowsModel):
    """Rows of dataclass copies, every cell editable, with a message per row from the last save."""

    PREFIX = ""
    KEYS: tuple[str, ...] = ()
    TIP_KEY = ""            # the column of running text whose whole text is its cell's tool tip
    ROW_NUMBERS = True
    edited = Signal()

    def __init__(self, items=(), parent=None):
        super().__init__(parent)
        self.headers: list[str] = []
        self._rows: list = []
        self._origins: list[int | None] = []
        self._errors: dict[int, str] = {}
        self.set_items(list(items))

    # -- for the editor --------------------------------------------------------------------------

    def set_items(self, items: list) -> None:
        """Load rows (their origins are their positions in ``items``)."""
        self.beginResetModel()
        self._rows = [copy.copy(i) for i in items]
        self._origins = list(range(len(items)))
        self._errors = {}
        self.endResetModel()

    def items(self) -> list:
        return [copy.copy(i) for i in self._rows]

    def add(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(self.blank())
        self._origins.append(None)
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._origins[row]
        self._errors = {(r - 1 if r > row else r): m for r, m in self._errors.items() if r != row}
        self.endRemoveRows()
        self.edited.emit()

    def origin(self, row: int) -> int | None:
        return self._origins[row] if 0 <= row < len(self._origins) else None

    def row_of_origin(self, origin: int) -> int | None:
        try:
            return self._origins.index(origin)
        except ValueError:
            return None

    def set_errors(self, errors: dict[int, str]) -> None:
        self._errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.KEYS) - 1),
                                  [Qt.BackgroundRole, Qt.ToolTipRole])

    def error(self, row: int) -> str | None:
        return self._errors.get(row)

    def key_at(self, index: QModelIndex) -> str:
        """The editor key of a cell: ``awards[2]`` plus the column's suffix (see :meth:`suffix`)."""
        origin = self.origin(index.row())
        where = f"{self.PREFIX}[{origin}]" if origin is not None else f"{self.PREFIX}[new]"
        return where + self.suffix(self.KEYS[index.column()])

    def suffix(self, key: str) -> str:
        return ""

    # -- what subclasses define ----------------------------------------------------------------

    def blank(self):  # pragma: no cover - each model defines it
        """A new, empty item for an added row."""
        raise TypeError(f"{type(self).__name__} must define blank()")

    def display(self, item, key: str):
        value = getattr(item, key)
        return "" if value is None else str(value)

    def edit_value(self, item, key: str):
        return self.display(item, key)

    def set_value(self, item, key: str, value) -> bool:
        setattr(item, key, str(value or ""))
        return True

    def extra(self, item, key: str, role: int):
        if role == Qt.ToolTipRole and key == self.TIP_KEY:
            return getattr(item, key) or None
        return None

    # -- Qt model interface ----------------------------------------------------------------------

    def column_flags(self, key: str) -> Qt.ItemFlag:
        return Qt.ItemIsEditable

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.DisplayRole:
            return self.display(item, key)
        if role == Qt.EditRole:
            return self.edit_value(item, key)
        if role == KEY_ROLE:
            return self.key_at(index)
        error = self._errors.get(index.row())
        if error and role == Qt.BackgroundRole:
            return ERROR_BACKGROUND
        if error and role == Qt.ToolTipRole:
            return error
        return self.extra(item, key, role)

    def setData(self, index: QModelIndex, value, role: int = Qt.EditRole) -> bool:
        if role != Qt.EditRole or not index.isValid():
            return False
        item = self._rows[index.row()]
        if not self.set_value(item, self.KEYS[index.column()], value):
            return False
        if self._errors.pop(index.row(), None) is not None:
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.KEYS) - 1))
        else:
            self.dataChanged.emit(index, index, [Qt.DisplayRole, Qt.EditRole])
        self.edited.emit()
        return True


class CriteriaModel(_RowsModel):
    """Criteria: for whom, what, and the numeric target when the plan sets one."""

    PREFIX = "criteria"
    KEYS = ("subject", "text", "target_value", "target_unit")
    TIP_KEY = "text"
    WIDE = ["text"]

    def __init__(self, items=(), parent=None):
        super().__init__(items, parent)
        self.headers = [self.tr("For"), self.tr("Criterion"), self.tr("Target"), self.tr("Unit")]

    def blank(self) -> Criterion:
        return Criterion("", "ca_hai")

    def display(self, item: Criterion, key: str):
        if key == "subject":
            return subject_labels().get(item.subject, item.subject)
        if key == "target_value":
            return number_text(item.target_value)
        return getattr(item, key) or ""

    def edit_value(self, item: Criterion, key: str):
        return item.subject if key == "subject" else self.display(item, key)

    def set_value(self, item: Criterion, key: str, value) -> bool:
        if key == "subject":
            if value not in campaigns.SUBJECTS:
                return False
            item.subject = value
        elif key == "target_value":
            try:
                item.target_value = parse_number(str(value or ""))
            except ValueError:
                return False
        else:
            setattr(item, key, str(value or ""))
        return True

    def extra(self, item, key, role):
        if role == Qt.TextAlignmentRole and key == "target_value":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return super().extra(item, key, role)


class AwardsModel(_RowsModel):
    """The awards the plan offers with their quotas; an award that matched no catalog entry is red."""

    PREFIX = "awards"
    KEYS = ("award", "text", "quota_collective", "quota_individual", "phase")
    TIP_KEY = "text"
    WIDE = ["award", "text"]

    def __init__(self, items=(), parent=None):
        self.phase_names = lambda: []   # the editor's phases, in their current order
        super().__init__(items, parent)
        self.headers = [self.tr("Award (catalog)"), self.tr("As the plan writes it"), self.tr("Collectives"),
                        self.tr("Individuals"), self.tr("Phase")]

    def phase_removed(self, row: int) -> None:
        """A phase row went: its awards become the whole campaign's, later phases move up one."""
        for a in self._rows:
            if a.phase == row:
                a.phase = None
            elif a.phase is not None and a.phase > row:
                a.phase -= 1
        if self._rows:
            col = self.KEYS.index("phase")
            self.dataChanged.emit(self.index(0, col), self.index(len(self._rows) - 1, col))

    def blank(self) -> CampaignAward:
        return CampaignAward(None, "")

    def suffix(self, key: str) -> str:
        return {"quota_collective": ".collective", "quota_individual": ".individual"}.get(key, "")

    def display(self, item: CampaignAward, key: str):
        if key == "phase":
            names = self.phase_names()
            if item.phase is None or not 0 <= item.phase < len(names):
                return QCoreApplication.translate("CampaignModels", "Whole campaign")
            return names[item.phase]
        if key == "award":
            return item.award or QCoreApplication.translate("CampaignModels", "(not in the catalog: choose one)")
        if key in ("quota_collective", "quota_individual"):
            value = getattr(item, key)
            return QCoreApplication.translate("CampaignModels", "no limit") if value is None else str(value)
        return item.text or ""

    def edit_value(self, item: CampaignAward, key: str):
        if key == "phase":
            return -1 if item.phase is None else item.phase
        if key == "award":
            return item.award or ""
        if key in ("quota_collective", "quota_individual"):
            value = getattr(item, key)
            return "" if value is None else str(value)
        return item.text or ""

    def set_value(self, item: CampaignAward, key: str, value) -> bool:
        if key == "phase":
            index = int(value) if value is not None else -1
            if index >= len(self.phase_names()):
                return False
            item.phase = None if index < 0 else index
            return True
        text = str(value or "").strip()
        if key == "award":
            if not text:
                item.award = None
                return True
            known = catalog.load().get(text)
            if known is None:
                return False
            item.award = known.name
        elif key in ("quota_collective", "quota_individual"):
            if text and not text.isdigit():
                return False
            setattr(item, key, int(text) if text else None)
        else:
            item.text = str(value or "")
        return True

    def extra(self, item: CampaignAward, key: str, role: int):
        if key == "award" and item.award is None:
            if role == Qt.ForegroundRole:
                return UNMATCHED_COLOR
            if role == Qt.ToolTipRole:
                text = QCoreApplication.translate(
                    "CampaignModels", "“%1” matched no award in the catalog; choose the award it means.")
                return text.replace("%1", item.text or "")
        if key in ("quota_collective", "quota_individual"):
            if role == Qt.TextAlignmentRole:
                return int(Qt.AlignRight | Qt.AlignVCenter)
            if role == Qt.ForegroundRole and getattr(item, key) is None:
                return PLACEHOLDER_COLOR
        return super().extra(item, key, role)


class PhasesModel(_RowsModel):
    """The campaign's phases (sơ kết, tổng kết, yearly rounds), each with its period and deadline."""

    PREFIX = "phases"
    KEYS = ("name", "period_start", "period_end", "deadline", "report_deadline")
    WIDE = ["name"]

    def __init__(self, items=(), parent=None):
        super().__init__(items, parent)
        self.headers = [self.tr("Phase"), self.tr("From"), self.tr("Until"), self.tr("Deadline"),
                        self.tr("Report due")]

    def names(self) -> list[str]:
        return [p.name for p in self._rows]

    def blank(self) -> CampaignPhase:
        return CampaignPhase("")

    def display(self, item: CampaignPhase, key: str):
        if key == "name":
            return item.name or ""
        return partial_text(getattr(item, key))

    def set_value(self, item: CampaignPhase, key: str, value) -> bool:
        text = str(value or "").strip()
        if key == "name":
            item.name = text
            return True
        try:
            setattr(item, key, parse_partial(text, yearly=key.endswith("deadline")))
        except ValueError:
            return False
        return True


class DocumentsModel(_RowsModel):
    """The documents the award dossier must hold, in order, with the form and decree each follows."""

    PREFIX = "documents"
    KEYS = ("name", "form", "decree")
    TIP_KEY = "name"
    WIDE = ["name", "decree"]

    def __init__(self, items=(), parent=None):
        super().__init__(items, parent)
        self.headers = [self.tr("Dossier document"), self.tr("Form no."), self.tr("Decree / circular")]

    def blank(self) -> DossierDocument:
        return DossierDocument("")

    def suffix(self, key: str) -> str:
        return ".form" if key == "form" else ""

    def display(self, item: DossierDocument, key: str):
        return getattr(item, key) or ""

    def set_value(self, item: DossierDocument, key: str, value) -> bool:
        text = str(value or "")
        setattr(item, key, text if key == "name" else (text or None))
        return True


# -- the overview: campaigns under way -----------------------------------------------------------------

class RunningModel(ItemsListModel):
    """The campaigns under way (``campaigns.running``), nearest deadline first: title and days left."""

    MISSING_ROW = None

    def __init__(self, store, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self._store = store
        self._today = today
        self._items: list[CampaignProgress] = []

    def reload(self) -> None:
        self.set_items(campaigns.running(self._store, self._today))

    def progress_at(self, row: int) -> CampaignProgress | None:
        return self.row_at(row)

    def row_id(self, p: CampaignProgress) -> int:
        return p.campaign.id

    def item_data(self, p, role: int):
        if role == Qt.DisplayRole:
            due = (deadline_text(p.deadline, p.days_left)
                   or QCoreApplication.translate("CampaignModels", "no deadline set"))
            deadline = QCoreApplication.translate("CampaignModels", "Deadline: %1").replace("%1", due)
            return f"{p.campaign.title}\n{deadline}"
        if role == Qt.ToolTipRole:
            return f"{p.campaign.title}\n{p.campaign.reference}"
        if role == Qt.ForegroundRole:
            return urgency_color(p.urgency)
        if role == ID_ROLE:
            return p.campaign.id
        if role == OBJECT_ROLE:
            return p
        return None


class CriterionProgressModel(ItemsListModel):
    """The criteria of one running campaign that have a numeric target: latest measured value vs target."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[campaigns.CriterionProgress] = []

    def set_progress(self, p: CampaignProgress | None) -> None:
        self.set_items(k for k in (p.criteria if p else []) if k.criterion.target_value is not None
                       or k.registered is not None)

    def progress_at(self, row: int) -> campaigns.CriterionProgress | None:
        return self.row_at(row)

    def item_data(self, k, role: int):
        if role == Qt.DisplayRole:
            return f"{k.criterion.text}\n{latest_text(k)}"
        if role == Qt.ToolTipRole:
            return k.criterion.text
        if role == Qt.ForegroundRole and k.reached is not None:
            return QColor("#1b6e20") if k.reached else None
        if role == ID_ROLE:
            return k.criterion.id
        return None


def latest_text(k: campaigns.CriterionProgress) -> str:
    """``Mới nhất: 85 % / mục tiêu 100 %`` (or that nothing is measured yet)."""
    target = k.goal_text
    if k.latest is None:
        return QCoreApplication.translate("CampaignModels", "No measured value yet; target %1").replace("%1", target)
    latest = number_text(k.latest) + (f" {k.criterion.target_unit}" if k.criterion.target_unit else "")
    text = QCoreApplication.translate("CampaignModels", "Latest: %1 / target %2")
    text = text.replace("%1", latest).replace("%2", target)
    if k.reached:
        text += " ✓"
    return text


# -- the deadlines ahead (Tổng quan) ---------------------------------------------------------------------

class DeadlinesModel(RowsTableModel):
    """Upcoming deadlines of every campaign, nearest first: date, days left, what, campaign."""

    KEYS = ["date", "days_left", "what", "campaign"]
    WIDE = ["what", "campaign"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[deadlines.Deadline] = []
        self._today = dt.date.min
        self.headers = [self.tr("Date"), self.tr("Days left"), self.tr("What"), self.tr("Campaign")]

    def set_items(self, items: list[deadlines.Deadline], today: dt.date) -> None:
        self.beginResetModel()
        self._rows, self._today = list(items), today
        self.endResetModel()

    def item(self, row: int):
        return self._rows[row]

    def cell(self, d: deadlines.Deadline, key: str, role: int):
        left = d.days_left(self._today)
        if role == Qt.DisplayRole:
            return {"date": format_date(d.date), "days_left": days_text(left), "what": d.label,
                    "campaign": d.campaign}[key]
        if role == Qt.ToolTipRole and key == "campaign":
            return d.campaign
        if role == Qt.ForegroundRole:
            return urgency_color(urgency_of(left))
        return None

"""Models of the nominations page and dialog: campaigns to choose from, quota use, nominations, rule checks,
and the ledger's achievements a nomination rests on (checkable)."""
from __future__ import annotations

import datetime as dt

from desktop.records import achievements as ach
from desktop.campaigns import campaign as campaigns
from desktop import catalog
from desktop.council import nominations, outcomes, prizes
from desktop.dates import format_date
from desktop.errors import NotFound
from desktop.council.nominations import Check, Nomination, NominationRow
from desktop.ui.models.base import ID_ROLE, CheckableRowsModel, ItemsListModel, RowsTableModel
from desktop.ui.qt import (
    QAbstractListModel, QColor, QCoreApplication, QModelIndex, QPainter, QPen, QPixmap, QIcon,
    QPointF, Qt,
)

SOURCE_ROLE = Qt.UserRole + 2     # a check's rule source, drawn small and grey under its message
STATE_ROLE = Qt.UserRole + 3      # "ok", "failed" (blocking), "warning" (overridable, or not known yet) or "" (a hint)

ERROR_COLOR = QColor("#b00020")
OK_COLOR = QColor("#1b6e20")
WARNING_COLOR = QColor("#c25e00")
MUTED_COLOR = QColor("#6b6b6b")
STATUS_COLORS = {"thong_qua": OK_COLOR, "khong_thong_qua": ERROR_COLOR, "trinh_hop_xet": QColor("#0b57a4"),
                 "da_gui": MUTED_COLOR}


def status_text(status: str) -> str:
    return nominations.STATUSES.get(status, status)


def award_label(a: campaigns.CampaignAward) -> str:
    return a.award or a.text


# -- icons drawn once, so they look the same on every platform and style ---------------------------------

_ICONS: dict[str, QIcon] = {}


def state_icon(state: str) -> QIcon:
    """A small round mark: a white tick on green, a cross on red, an exclamation mark on orange."""
    if state in _ICONS:
        return _ICONS[state]
    size = 32
    pix = QPixmap(size, size)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    color = {"ok": OK_COLOR, "failed": ERROR_COLOR, "warning": WARNING_COLOR}.get(state, MUTED_COLOR)
    p.setPen(Qt.NoPen)
    p.setBrush(color)
    p.drawEllipse(1, 1, size - 2, size - 2)
    pen = QPen(QColor("white"), 4)
    pen.setCapStyle(Qt.RoundCap)
    pen.setJoinStyle(Qt.RoundJoin)
    p.setPen(pen)
    if state == "ok":
        p.drawPolyline([QPointF(9, 17), QPointF(14, 22), QPointF(23, 11)])
    elif state == "failed":
        p.drawLine(QPointF(11, 11), QPointF(21, 21))
        p.drawLine(QPointF(21, 11), QPointF(11, 21))
    elif state == "warning":
        p.drawLine(QPointF(16, 8), QPointF(16, 18))
        p.drawPoint(QPointF(16, 24))
    else:
        p.drawPoint(QPointF(16, 16))
    p.end()
    _ICONS[state] = QIcon(pix)
    return _ICONS[state]


def check_state(c: Check) -> str:
    """ok, failed, or warning: a failure the clerk may override, or a condition not known yet (the council's)."""
    if not c.ok:
        return "failed" if c.blocking else "warning"
    return "warning" if c.result == "unknown" else "ok"


# -- quota use per award ------------------------------------------------------------------------------------

class QuotaModel(ItemsListModel):
    """One line per award of the campaign: "Giấy khen … — tập thể 2/2, cá nhân 3/5", red when over.

    Counts are :func:`desktop.campaigns.campaign.nomination_counts` (every nomination not turned down).
    """

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self._items: list[tuple[str, bool, str]] = []   # text, over, tooltip

    def set_campaign(self, campaign: campaigns.Campaign | None, phase_id: int | None = None) -> None:
        """The quotas of the campaign's awards; with ``phase_id``, of that phase's awards and the whole
        campaign's (each phase's award has its own quota, named with its phase)."""
        self.beginResetModel()
        self._items = []
        if campaign is not None:
            used = campaigns.nomination_counts(self._store, campaign.id)
            for a in campaign.awards:
                if phase_id is not None and a.phase_id not in (None, phase_id):
                    continue
                phase = campaign.award_phase(a)
                self._items.append(self._line(a, *used.get(a.id, (0, 0)), phase=phase.name if phase else ""))
        self.endResetModel()

    @staticmethod
    def _line(a: campaigns.CampaignAward, collectives: int, individuals: int,
              phase: str = "") -> tuple[str, bool, str]:
        name = award_label(a) + (f" ({phase})" if phase else "")
        if a.quota_collective is None and a.quota_individual is None:
            text = QCoreApplication.translate("NominationModels", "%1 — no limit").replace("%1", name)
            return (text, False, a.text or name)
        parts, over = [], False
        for quota, used, label in (
                (a.quota_collective, collectives, QCoreApplication.translate("NominationModels", "collectives %1")),
                (a.quota_individual, individuals, QCoreApplication.translate("NominationModels", "individuals %1"))):
            if quota is None:
                parts.append(label.replace("%1", QCoreApplication.translate("NominationModels", "no limit")))
            else:
                parts.append(label.replace("%1", f"{used}/{quota}"))
                over = over or used > quota
        tip = a.text or name
        if over:
            tip += "\n" + QCoreApplication.translate(
                "NominationModels", "More candidates are proposed than the plan allows.")
        return (f"{name} — {', '.join(parts)}", over, tip)

    def over_at(self, row: int) -> bool:
        return self._items[row][1]

    def item_data(self, item, role: int):
        text, over, tip = item
        if role == Qt.DisplayRole:
            return text
        if role == Qt.ToolTipRole:
            return tip
        if role == Qt.ForegroundRole and over:
            return ERROR_COLOR
        return None


# -- the nominations of a campaign ------------------------------------------------------------------------

class NominationsModel(RowsTableModel):
    """The campaign's nominations (``nominations.list_for_campaign``) with the result of their rule checks."""

    KEYS = ["no", "name", "where", "award", "status", "achievements", "rules", "outcome", "prize"]
    WIDE = ["name", "where", "award"]

    def __init__(self, store, parent=None, *, today: dt.date | None = None):
        super().__init__(parent)
        self._store = store
        self._today = today
        self.campaign_id: int | None = None
        self.phase_id: int | None = None     # with ``all_phases`` False: only this phase's nominations
        self.all_phases = True
        self._rows: list[NominationRow] = []
        self._checks: list[list[Check]] = []
        self.headers = [self.tr("No."), self.tr("Name"), self.tr("Position / collective"), self.tr("Award"),
                        self.tr("Status"), self.tr("Achievements"), self.tr("Conditions"), self.tr("Outcome"),
                        self.tr("Prize")]
        self._outcomes: dict = {}
        self._prizes: list = []

    def set_campaign(self, campaign_id: int | None, phase_id: int | None = None, *, all_phases: bool = True) -> None:
        self.campaign_id, self.phase_id, self.all_phases = campaign_id, phase_id, all_phases
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._checks = [], []
        if self.campaign_id is not None:
            try:
                self._rows = nominations.list_for_campaign(self._store, self.campaign_id, self.phase_id,
                                                           all_phases=self.all_phases)
                self._checks = [nominations.checks(self._store, nominations.get(self._store, r.id), self._today)
                                for r in self._rows]
                self._outcomes = outcomes.for_campaign(self._store, self.campaign_id)
                self._prizes = [outcomes.prize_for(self._store, r.id, self._today) for r in self._rows]
            except NotFound:
                self.campaign_id, self._rows, self._checks = None, [], []
                self._outcomes, self._prizes = {}, []
        self.endResetModel()

    def row_id(self, r: NominationRow) -> int:
        return r.id

    def outcome_at(self, row: int):
        r = self.row_at(row)
        return self._outcomes.get(r.id) if r else None

    def checks_at(self, row: int) -> list[Check]:
        return self._checks[row] if 0 <= row < len(self._checks) else []

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        key = self.KEYS[index.column()]
        failed = [c for c in self._checks[index.row()] if not c.ok]
        if role == ID_ROLE:
            return r.id
        if role == Qt.DisplayRole:
            if key == "no":
                return str(index.row() + 1)
            if key == "name":
                return r.name
            if key == "where":
                if r.subject_kind == "collective":
                    return QCoreApplication.translate("NominationModels", "(collective)")
                return ", ".join(x for x in (r.position, r.collective) if x)
            if key == "award":
                return r.award
            if key == "status":
                return status_text(r.status)
            if key == "achievements":
                return str(r.achievements)
            if key == "rules":
                return "✓" if not failed else str(len(failed))
            if key == "outcome":
                o = self._outcomes.get(r.id)
                if o is None:
                    return ""
                return outcomes.RESULTS[o.result] + (f" ({o.award})" if o.approved and o.award != r.award else "")
            if key == "prize":
                p = self._prizes[index.row()] if index.row() < len(self._prizes) else None
                return prizes.format_vnd(p.amount) if p else ""
        if role == Qt.ToolTipRole:
            if key == "outcome" and r.id in self._outcomes:
                return self._outcomes[r.id].decision_text()
            if key == "prize":
                p = self._prizes[index.row()] if index.row() < len(self._prizes) else None
                return f"{p.explain()}\n{p.base.source}\n{p.source}" if p else None
            if key == "rules":
                if not failed:
                    return QCoreApplication.translate("NominationModels", "Every condition is met.")
                return "\n".join(f"• {c.message}" for c in failed)
            if key == "name" and r.summary:
                return r.summary
            if key == "award":
                return r.award
        if role == Qt.ForegroundRole:
            if key == "rules":
                return OK_COLOR if not failed else ERROR_COLOR
            if key == "status":
                return STATUS_COLORS.get(r.status)
        if role == Qt.ForegroundRole and key == "outcome" and r.id in self._outcomes:
            return OK_COLOR if self._outcomes[r.id].approved else ERROR_COLOR
        if role == Qt.TextAlignmentRole and key in ("no", "achievements", "rules"):
            return int(Qt.AlignCenter)
        if role == Qt.TextAlignmentRole and key == "prize":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


# -- rule checks -------------------------------------------------------------------------------------

class ChecksModel(QAbstractListModel):
    """The checks of one nomination, each with a mark, its message and (small, grey) its rule's source."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[Check] = []
        self._hint = ""

    def set_checks(self, checks: list[Check], hint: str = "") -> None:
        """Show ``checks``; with none, a single line ``hint`` (what to do to see them)."""
        self.beginResetModel()
        self._items = list(checks)
        self._hint = hint if not checks else ""
        self.endResetModel()

    def checks(self) -> list[Check]:
        return list(self._items)

    def failures(self) -> list[Check]:
        return [c for c in self._items if not c.ok]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._items) if self._items else (1 if self._hint else 0)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if not self._items:
            if role == Qt.DisplayRole:
                return self._hint
            if role == Qt.ForegroundRole:
                return MUTED_COLOR
            if role == STATE_ROLE:
                return ""
            return None
        c = self._items[index.row()]
        state = check_state(c)
        if role == Qt.DisplayRole:
            # A group of conditions lists the result of each condition inside it.
            return "\n".join([c.headline] + [line for child in c.children for line in child.lines(1)])
        if role == SOURCE_ROLE:
            return c.source
        if role == STATE_ROLE:
            return state
        if role == Qt.DecorationRole:
            return state_icon(state)
        if role == Qt.ToolTipRole:
            return "\n".join(x for x in (c.message, *(f"• {f}" for f in c.facts), c.source,
                                          c.period and f"({c.period})", c.note) if x)
        if role == Qt.ForegroundRole and state != "ok":
            return ERROR_COLOR if state == "failed" else WARNING_COLOR
        return None


# -- awards of the campaign that fit a subject --------------------------------------------------------------

class AwardChoiceModel(ItemsListModel):
    """The campaign's awards that the catalog gives to the chosen kind of subject."""

    def __init__(self, campaign: campaigns.Campaign, parent=None, *, phase_id: int | None = None):
        super().__init__(parent)
        self._campaign = campaign
        self._phase_id = phase_id      # a phase's nomination: that phase's awards and the whole campaign's
        self._items: list[campaigns.CampaignAward] = []
        self.set_subject_kind("person")

    def set_subject_kind(self, kind: str) -> None:
        cat = catalog.load()
        self.set_items(a for a in self._campaign.awards
                       if a.award and (known := cat.get(a.award)) is not None and known.fits(kind)
                       and (self._phase_id is None or a.phase_id in (None, self._phase_id)))

    def row_id(self, a: campaigns.CampaignAward) -> int:
        return a.id

    def item_data(self, a, role: int):
        if role in (Qt.DisplayRole, Qt.EditRole):
            phase = self._campaign.award_phase(a)
            return award_label(a) + (f" ({phase.name})" if phase is not None else "")
        if role == Qt.ToolTipRole:
            return a.text or award_label(a)
        if role == ID_ROLE:
            return a.id
        return None


# -- the achievements a nomination rests on --------------------------------------------------------------

class AchievementPickModel(CheckableRowsModel):
    """A subject's achievements from the ledger, those linked to the campaign first, each with a check box."""

    KEYS = ["date", "title", "criterion", "measure", "campaign"]
    WIDE = ["title", "criterion", "campaign"]

    def __init__(self, store, campaign_id: int, parent=None):
        super().__init__(parent)
        self._store = store
        self._campaign_id = campaign_id
        self._rows: list[dict] = []
        self._checked: set[int] = set()
        self.subject_id: int | None = None
        self.headers = [self.tr("Date"), self.tr("Achievement"), self.tr("Criterion"), self.tr("Measure"),
                        self.tr("Campaign")]

    def set_subject(self, kind: str, subject_id: int | None, checked: list[int] | None = None) -> None:
        """Load the subject's live achievements (and any already chosen ones, even archived)."""
        self.beginResetModel()
        self._rows = []
        self.subject_id = subject_id
        if checked is not None:
            self._checked = set(checked)
        if subject_id is not None:
            flt = ach.LedgerFilter(person_id=subject_id) if kind == "person" else \
                ach.LedgerFilter(collective_id=subject_id)
            ids = ach.query_ids(self._store, flt)
            ids += [i for i in sorted(self._checked) if i not in set(ids)]
            found = ach.rows(self._store, ids)
            subject_col = "person_id" if kind == "person" else "collective_id"
            rows = [found[i] for i in ids if i in found and found[i][subject_col] == subject_id]
            # Linked to this campaign first, then newest first (query_ids gave newest first; sort is stable).
            rows.sort(key=lambda r: r["campaign_id"] != self._campaign_id)
            self._rows = rows
        self._checked &= {r["id"] for r in self._rows}
        self.endResetModel()
        self.checked_changed.emit()

    def row_id(self, row: dict) -> int:
        return row["id"]

    def cell(self, r, key: str, role: int):
        linked = r["campaign_id"] == self._campaign_id
        if role == ID_ROLE:
            return r["id"]
        if role == Qt.CheckStateRole and key == "date":
            return self.check_state(r)
        if role == Qt.DisplayRole:
            if key == "date":
                return format_date(r["date"])
            if key == "title":
                return r["title"]
            if key == "criterion":
                return r["criterion"]
            if key == "measure":
                return ach.format_measure(r["measure_value"], r["measure_unit"])
            if key == "campaign":
                if r["archived_at"]:
                    return QCoreApplication.translate("NominationModels", "archived")
                if linked:
                    return QCoreApplication.translate("NominationModels", "this campaign")
                return ""
        if role == Qt.ToolTipRole and key == "title":
            return r["description"] or r["title"]
        if role == Qt.ForegroundRole and key == "campaign":
            return OK_COLOR if linked and not r["archived_at"] else MUTED_COLOR
        if role == Qt.TextAlignmentRole and key == "measure":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


def unsaved(campaign_id: int, award_id: int | None, kind: str, subject_id: int | None, achievement_ids: list[int],
            summary: str = "", base: Nomination | None = None, phase_id: int | None = None) -> Nomination | None:
    """The nomination as the dialog stands, for live checks; ``None`` until a subject and an award are chosen."""
    if award_id is None or subject_id is None:
        return None
    return Nomination(campaign_id, award_id, subject_id if kind == "person" else None,
                      subject_id if kind == "collective" else None, summary, list(achievement_ids),
                      base.status if base else "du_kien", base.override_reason if base else None,
                      base.id if base else None,
                      phase_id=phase_id if phase_id is not None else base.phase_id if base else None)

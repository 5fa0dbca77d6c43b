"""Models of the two package pages: the dossier checklist, the evidence to include, the signing tokens and
keys, and a verification report (its checks and files) with the trust anchors it is judged against."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop.records import achievements as ach
from desktop.dossier import build as dossier, drafts
from desktop.records import evidence
from desktop.errors import UserError
from desktop.ui.models.base import ID_ROLE, CheckableRowsModel, ItemsListModel, RowsTableModel
from desktop.ui.format import file_size, local_date  # noqa: F401 (file_size: the send page too)
from desktop.ui.qt import QAbstractItemModel, QColor, QCoreApplication, QFont, \
    QModelIndex, Qt
from desktop.ui.models.nominations import state_icon

# ID_ROLE (the id behind a row) holds here: an evidence file's id; a token's label; a key's id (hex) or label
STATE_ROLE = Qt.UserRole + 2     # a checklist line: thieu / ban_nhap / hoan_thien; a check: "ok" / "failed"

OK_COLOR = QColor("#1b6e20")
DRAFT_COLOR = QColor("#c25e00")
MISSING_COLOR = QColor("#b00020")
MUTED_COLOR = QColor("#6b6b6b")
STATE_COLORS = {"hoan_thien": OK_COLOR, "ban_nhap": DRAFT_COLOR, "thieu": MISSING_COLOR}
STATE_ICONS = {"hoan_thien": "ok", "ban_nhap": "warning", "thieu": "failed"}


def state_label(state: str) -> str:
    """Thiếu, Bản nháp, Đã hoàn thiện."""
    return {"thieu": QCoreApplication.translate("PackageModels", "Missing"), "ban_nhap": QCoreApplication.translate("PackageModels", "Draft"), "hoan_thien": QCoreApplication.translate("PackageModels", "Finalised")}.get(state, state)


# -- the dossier the plan requires ------------------------------------------------------------------------

@dataclass
class _Line:
    """A line under a required document: a document drafted for it, or what is still missing."""

    text: str
    state: str            # the draft's state, or "thieu" for a missing item


class ChecklistModel(QAbstractItemModel):
    """The plan's required documents (:func:`desktop.dossier.build.required`) as a two-level tree.

    Each top row is a required document with its state (Thiếu / Bản nháp / Đã
    hoàn thiện, coloured); under it, the documents drafted for it and, in red,
    what is still missing.
    """

    COLUMNS = 2

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self.campaign_id: int | None = None
        self.phase_id: int | None = None          # None: the whole campaign's dossier
        self._items: list[dossier.RequiredItem] = []
        self._lines: list[list[_Line]] = []
        self.headers = [self.tr("Required document"), self.tr("State")]

    def set_campaign(self, campaign_id: int | None, phase_id: int | None = None) -> None:
        self.campaign_id, self.phase_id = campaign_id, phase_id if campaign_id is not None else None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._items = dossier.required(self._store, self.campaign_id, self.phase_id) \
            if self.campaign_id is not None else []
        self._lines = []
        for item in self._items:
            lines = [_Line(drafts.title(self._store, d), "hoan_thien" if d.finalised else "ban_nhap")
                     for d in item.drafts]
            lines += [_Line(a.file_name, "hoan_thien") for a in item.attachments]
            lines += [_Line(text, "thieu") for text in item.missing]
            self._lines.append(lines)
        self.endResetModel()

    def item_at(self, row: int) -> dossier.RequiredItem:
        return self._items[row]

    def states(self) -> list[str]:
        return [i.state for i in self._items]

    # A top row carries internal id 0; a line under top row r carries r + 1.
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._items)
        if parent.internalId() == 0 and parent.column() == 0 and 0 <= parent.row() < len(self._lines):
            return len(self._lines[parent.row()])
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return self.COLUMNS

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < self.COLUMNS:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        top = index.internalId() == 0
        if top:
            if not 0 <= index.row() < len(self._items):
                return None
            item = self._items[index.row()]
            text, state = item.name, item.state
        else:
            lines = self._lines[index.internalId() - 1]
            if not 0 <= index.row() < len(lines):
                return None
            line = lines[index.row()]
            text, state = line.text, line.state
        col = index.column()
        if role == Qt.DisplayRole:
            if col == 0:
                return text
            if top or state != "thieu":
                return state_label(state)
            return ""
        if role == Qt.ToolTipRole:
            return text
        if role == STATE_ROLE:
            return state
        if role == Qt.ForegroundRole:
            if col == 1 or (not top and state == "thieu"):
                return STATE_COLORS.get(state)
            return None
        if role == Qt.DecorationRole and col == 1 and top:
            return state_icon(STATE_ICONS.get(state, ""))
        if role == Qt.FontRole and top:
            font = QFont()
            font.setBold(True)
            return font
        return None


# -- the evidence files of a campaign, to include or not ------------------------------------------------------

@dataclass
class EvidenceRow:
    evidence: evidence.Evidence
    achievement: str         # "title — person or collective"


class EvidenceChoiceModel(CheckableRowsModel):
    """The evidence files of the achievements linked to a campaign, each checkable for the package."""

    KEYS = ("file", "size", "achievement")
    WIDE = ["file", "achievement"]

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self.campaign_id: int | None = None
        self._rows: list[EvidenceRow] = []
        self._checked: set[int] = set()
        self.headers = [self.tr("File"), self.tr("Size"), self.tr("Achievement")]

    def set_campaign(self, campaign_id: int | None) -> None:
        if campaign_id != self.campaign_id:
            self._checked = set()
        self.campaign_id = campaign_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        if self.campaign_id is not None:
            ids = ach.query_ids(self._store, ach.LedgerFilter(campaign_id=self.campaign_id), sort="date",
                                descending=False)
            found = ach.rows(self._store, ids)
            for aid in ids:
                r = found.get(aid)
                if r is None:
                    continue
                label = f"{r['title']} — {r['subject_name']}" if r.get("subject_name") else r["title"]
                for ev in evidence.list_for(self._store, aid):
                    self._rows.append(EvidenceRow(ev, label))
        self._checked &= {r.evidence.id for r in self._rows}
        self.endResetModel()
        self.checked_changed.emit()

    def row_id(self, row: EvidenceRow) -> int:
        return row.evidence.id

    def checked_size(self) -> int:
        return sum(r.evidence.size for r in self._rows if r.evidence.id in self._checked)

    def cell(self, r, key: str, role: int):
        if role == ID_ROLE:
            return r.evidence.id
        if role == Qt.CheckStateRole and key == "file":
            return self.check_state(r)
        if role == Qt.DisplayRole:
            if key == "file":
                return r.evidence.file_name
            if key == "size":
                return file_size(r.evidence.size)
            return r.achievement
        if role == Qt.ToolTipRole:
            return r.achievement if key == "achievement" else r.evidence.file_name
        if role == Qt.TextAlignmentRole and key == "size":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


# -- signing tokens and their keys --------------------------------------------------------------------------

class TokensModel(RowsTableModel):
    """The tokens a PKCS#11 module sees (:func:`desktop.signing.keys.list_tokens`), with their PIN state."""

    KEYS = ("label", "serial", "model", "pin")
    WIDE = ["label", "model"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self.headers = [self.tr("Token"), self.tr("Serial number"), self.tr("Maker"), self.tr("PIN")]

    def set_tokens(self, tokens: list) -> None:
        self.set_rows(tokens)

    def token_at(self, row: int):
        return self.row_at(row)

    def cell(self, t, key: str, role: int):
        if role == ID_ROLE:
            return t.label
        if role == Qt.DisplayRole:
            status = t.pin_status
            pin = status[:1].upper() + status[1:] if status else QCoreApplication.translate("PackageModels", "OK")
            return {"label": t.label, "serial": t.serial, "model": " ".join(filter(None, (t.manufacturer, t.model))),
                    "pin": pin}[key]
        if role == Qt.ToolTipRole:
            return t.slot_description or t.label
        if role == Qt.ForegroundRole and key == "pin":
            if t.pin_locked or t.pin_final_try:
                return MISSING_COLOR
            return DRAFT_COLOR if t.pin_count_low else OK_COLOR
        return None


class KeysModel(RowsTableModel):
    """The signing keys on a token (:func:`desktop.signing.keys.list_keys`); a key that cannot sign is red."""

    KEYS = ("label", "subject", "issuer", "valid", "status")
    WIDE = ["subject", "issuer"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self.headers = [self.tr("Key"), self.tr("Holder"), self.tr("Issued by"), self.tr("Valid until"),
                        self.tr("Can sign")]

    def set_keys(self, keys: list) -> None:
        self.set_rows(keys)

    def key_at(self, row: int):
        return self.row_at(row)

    def first_usable(self) -> int | None:
        return next((i for i, k in enumerate(self._rows) if k.can_sign), None)

    def cell(self, k, key: str, role: int):
        if role == ID_ROLE:
            return f"id {k.key_id}" if k.key_id else k.label
        if role == Qt.DisplayRole:
            if key == "label":
                return k.label
            if key == "subject":
                return ", ".join(filter(None, (k.subject, k.organisation))) or QCoreApplication.translate("PackageModels", "(no certificate)")
            if key == "issuer":
                return k.issuer or ""
            if key == "valid":
                return local_date(k.not_after)
            return QCoreApplication.translate("PackageModels", "Yes") if k.can_sign else k.problem
        if role == Qt.ToolTipRole:
            return k.problem or ", ".join(filter(None, (k.subject, k.organisation, k.issuer)))
        if role == Qt.ForegroundRole and key == "status":
            return OK_COLOR if k.can_sign else MISSING_COLOR
        if role == Qt.DecorationRole and key == "status":
            return state_icon("ok" if k.can_sign else "failed")
        return None


# -- verifying a package ------------------------------------------------------------------------------------

class TrustStoreModel(ItemsListModel):
    """The certificates of the trust store (:mod:`desktop.signing.trust`): roots first, each with its validity."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._items: list = []
        self.refresh()

    def refresh(self) -> None:
        from desktop.signing import trust

        self.set_items(trust.list_all(self.store) if self.store is not None else [])

    def certificate_at(self, row: int):
        return self._items[row]

    def has_root(self) -> bool:
        return any(t.is_root for t in self._items)

    def item_data(self, t, role: int):
        expired = t.not_after < dt.datetime.now(dt.timezone.utc).isoformat()
        if role == Qt.DisplayRole:
            kind = (QCoreApplication.translate("PackageModels", "Root") if t.is_root
                    else QCoreApplication.translate("PackageModels", "Intermediate"))
            until = dt.datetime.fromisoformat(t.not_after).strftime("%d/%m/%Y")
            return (QCoreApplication.translate("PackageModels", "%1: %2 (valid until %3)")
                    .replace("%1", kind).replace("%2", t.subject).replace("%3", until))
        if role == Qt.ToolTipRole:
            return (QCoreApplication.translate("PackageModels", "Issued by: %1\nSHA-256: %2\nImported from: %3")
                    .replace("%1", t.issuer).replace("%2", t.sha256).replace("%3", t.source or "—"))
        if role == Qt.ForegroundRole and expired:
            return MISSING_COLOR
        if role == Qt.DecorationRole:
            return state_icon("warning" if expired else "ok")
        if role == ID_ROLE:
            return t.id
        return None


class ChecksModel(RowsTableModel):
    """One row per check of a :class:`~desktop.package.verify.VerificationReport`: ✓/✗, message, file."""

    KEYS = ("mark", "message", "subject")
    WIDE = ["message"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self.headers = ["", self.tr("Check"), self.tr("File")]

    def set_checks(self, checks: list) -> None:
        self.set_rows(checks)

    def check_at(self, row: int):
        return self._rows[row]

    def cell(self, c, key: str, role: int):
        if role == Qt.DisplayRole:
            if key == "mark":
                return "✓" if c.ok else "✗"
            if key == "message":
                return c.message
            return (c.subject or "").rpartition("/")[2]
        if role == Qt.ToolTipRole:
            return f"{c.message}\n{c.subject}\n[{c.code}]" if c.subject else f"{c.message}\n[{c.code}]"
        if role == STATE_ROLE:
            return "ok" if c.ok else "failed"
        if role == Qt.ForegroundRole and key in ("mark", "message"):
            return OK_COLOR if c.ok else MISSING_COLOR
        if role == Qt.FontRole and (key == "mark" or not c.ok):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.TextAlignmentRole and key == "mark":
            return int(Qt.AlignCenter)
        return None


def folder_label(name: str) -> str:
    """What a file of a package made by this app (:func:`desktop.dossier.build`) is, by its folder."""
    folder = name.rpartition("/")[0]
    if folder == "van-ban":
        return QCoreApplication.translate("PackageModels", "Signed document (PDF)")
    if folder == "van-ban-word":
        return QCoreApplication.translate("PackageModels", "Document (Word)")
    if folder == "danh-sach":
        return QCoreApplication.translate("PackageModels", "List of nominations")
    if folder == "minh-chung":
        return QCoreApplication.translate("PackageModels", "Evidence")
    if not folder and name.lower().endswith(".pdf"):   # the PDFs sent one by one, or a PDF opened alone
        return QCoreApplication.translate("PackageModels", "PDF document")
    if not folder and name.lower().endswith(".xlsx"):
        return QCoreApplication.translate("PackageModels", "Excel list (not signed)")
    return folder


class PackageFilesModel(RowsTableModel):
    """The files a package carries: name and what they are (by the folder they are in)."""

    KEYS = ["file", "kind"]
    WIDE = ["file", "kind"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[str] = []
        self.headers = [self.tr("File"), self.tr("Kind")]

    def set_files(self, files: list[str]) -> None:
        self.set_rows(files)

    def cell(self, name: str, key: str, role: int):
        if role == Qt.DisplayRole:
            return name.rpartition("/")[2] if key == "file" else folder_label(name)
        if role == Qt.ToolTipRole:
            return name
        return None

"""Models of the dossier pages: the documents a campaign needs, the sections and versions of one
document, the page thumbnails of its preview, and the print log."""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.dossier import build, drafts
from desktop.dossier.documents.model import CLASSIFICATIONS, block_text_lines
from desktop.dossier.documents.richtext import parse
from desktop.ui.models.base import ID_ROLE, IdTextListModel, RowsTableModel
from desktop.ui.format import local_time
from desktop.ui.qt import (
    QAbstractListModel, QColor, QCoreApplication, QFont, QImage, QModelIndex, QSize, Qt,
)

# ID_ROLE (the id behind a row) holds here: the draft's id (None while the document is not drafted)
KIND_ROLE = Qt.UserRole + 2      # to_trinh | cong_van | bien_ban | bao_cao | dang_ky | bao_cao_ket_qua | kem_theo
TARGET_ROLE = Qt.UserRole + 3    # the campaign, meeting or nomination the document is drafted for
PAGE_ROLE = Qt.UserRole + 4      # a thumbnail's page number (0-based)

MUTED_COLOR = QColor("#6b6b6b")
DRAFT_COLOR = QColor("#0b57a4")
FINAL_COLOR = QColor("#1b6e20")
SECRET_COLOR = QColor("#b00020")


def _font(*, bold: bool = False, italic: bool = False) -> QFont:
    """The default font, bold or italic."""
    font = QFont()
    if bold:
        font.setBold(True)
    if italic:
        font.setItalic(True)
    return font


def _item_role(item, role: int):
    """What a dossier row says in the roles every row has (its kind, what it is drafted for)."""
    if role == KIND_ROLE:
        return item.kind
    if role == TARGET_ROLE:
        return item.target_id
    return None


def classification_label(key: str) -> str:
    """Thường, Mật, Tối mật, Tuyệt mật."""
    return {
        "thuong": QCoreApplication.translate("DocumentModels", "Ordinary"),
        "mat": QCoreApplication.translate("DocumentModels", "Confidential"),
        "toi_mat": QCoreApplication.translate("DocumentModels", "Secret"),
        "tuyet_mat": QCoreApplication.translate("DocumentModels", "Top secret"),
    }.get(key, key)


def classification_keys() -> list[str]:
    return list(CLASSIFICATIONS)


def state_text(draft: drafts.Draft | None, version: int | None) -> str:
    if draft is None:
        return QCoreApplication.translate("DocumentModels", "Not drafted")
    if draft.finalised:
        return QCoreApplication.translate("DocumentModels", "Finalised")
    return QCoreApplication.translate("DocumentModels", "Draft (version %1)").replace("%1", str(version or 1))


# -- the documents of a campaign's dossier ----------------------------------------------------------------

PAPER = "kem_theo"      # the kind of a row for a paper of the plan's list that the app does not draft (attached)


@dataclass
class DossierItem:
    """One document the dossier needs (or has): what it is drafted for and its draft, if any."""

    kind: str
    target_id: int
    title: str
    draft: drafts.Draft | None = None
    version: int | None = None
    note: str = ""          # why it is listed although no longer needed (e.g. a nomination withdrawn)
    authority: str = ""     # a Tờ trình's approving authority (one Tờ trình each)
    phase_id: int | None = None                        # a Báo cáo kết quả of one phase
    attachments: list = field(default_factory=list)    # a paper's attached files (kind PAPER)

    @property
    def draft_id(self) -> int | None:
        return self.draft.id if self.draft else None

    @property
    def is_paper(self) -> bool:
        return self.kind == PAPER

    @property
    def key(self) -> tuple:
        return (self.kind, self.target_id, self.authority, self.phase_id)


def document_title(x: build.DossierDocument) -> str:
    """How the Hồ sơ page names a document of the dossier."""
    if x.kind == "to_trinh":
        if x.needed and x.authority:
            return QCoreApplication.translate("DocumentModels", "Submission for awards — %1").replace("%1", x.approver)
        return QCoreApplication.translate("DocumentModels", "Submission for awards")
    if x.kind == "cong_van":
        return QCoreApplication.translate("DocumentModels", "Official letter proposing awards")
    if x.kind == "bien_ban":
        if x.needed:
            return QCoreApplication.translate("DocumentModels", "Minutes of the council meeting of %1").replace(
                "%1", x.meeting_day.strftime("%d/%m/%Y"))
        return QCoreApplication.translate("DocumentModels", "Minutes of a council meeting")
    return QCoreApplication.translate("DocumentModels", "Achievement report — %1").replace("%1", x.nominee or "?")


def dossier_items(store, campaign_id: int, phase_id: int | None = None) -> list[DossierItem]:
    """What the Hồ sơ page lists, in order: :func:`desktop.dossier.build.dossier_documents` (the unit's
    proposal, each Biên bản and Báo cáo; drafts no longer needed marked so), titled and with the current
    version of each draft; a phase's own Tờ trình; the papers of the plan's list the app does not draft
    (attached files); then the campaign's own documents to the Sở (Bản đăng ký thi đua, Báo cáo kết quả of
    the campaign and of each phase).

    With ``phase_id``, the dossier of that phase (sơ kết, tổng kết): its Tờ trình (drafted for the phase),
    the Biên bản of the meetings held for it, the Báo cáo of its nominations, the papers of the plan's list,
    then the phase's own Báo cáo kết quả."""
    from desktop.campaigns import campaign as campaigns

    def version(d):
        return drafts.current(store, d.id).version if d is not None else None

    items = []
    for x in build.dossier_documents(store, campaign_id, phase_id):
        note = "" if x.needed else QCoreApplication.translate(
            "DocumentModels", "No longer needed by the dossier (the nomination or meeting changed).")
        items.append(DossierItem(x.kind, x.target_id, document_title(x), x.draft, version(x.draft), note,
                                 x.authority, phase_id=phase_id if x.kind == "to_trinh" else None))
    every = drafts.list_for_campaign(store, campaign_id)
    if phase_id is None:
        # A phase's own Tờ trình (thidua draft to-trinh --phase) is listed after the campaign's dossier.
        items += [DossierItem("to_trinh", campaign_id, drafts.title(store, d), d, version(d), "", d.authority,
                              phase_id=d.phase_id)
                  for d in every if d.kind == "to_trinh" and d.phase_id is not None]
    for number, req in enumerate(build.required(store, campaign_id, phase_id), 1):
        if req.kind is None:
            items.append(DossierItem(PAPER, number, req.name, attachments=list(req.attachments)))
    own = {(d.kind, d.phase_id): d for d in every if d.kind in drafts.CAMPAIGN_KINDS}
    phases = campaigns.get(store, campaign_id).phase_records
    reports = [] if phase_id is not None else [
        DossierItem("dang_ky", campaign_id, QCoreApplication.translate("DocumentModels", "Emulation registration")),
        DossierItem("bao_cao_ket_qua", campaign_id,
                    QCoreApplication.translate("DocumentModels", "Report of results — whole campaign"))]
    reports += [DossierItem("bao_cao_ket_qua", campaign_id,
                            QCoreApplication.translate("DocumentModels", "Report of results — %1").replace(
                                "%1", phase.name), phase_id=phase.id)
                for phase in phases if phase_id is None or phase.id == phase_id]
    for item in reports:
        item.draft = own.get((item.kind, item.phase_id))
        item.version = version(item.draft)
    return items + reports


class DossierModel(RowsTableModel):
    """The documents of one campaign's dossier (or of one of its phases) with their state and classification."""

    KEYS = ["document", "state", "classification"]
    WIDE = ["document"]

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self.campaign_id: int | None = None
        self.phase_id: int | None = None         # None: the whole campaign's dossier
        self._rows: list[DossierItem] = []
        self.headers = [self.tr("Document"), self.tr("State"), self.tr("Classification")]

    def set_campaign(self, campaign_id: int | None, phase_id: int | None = None) -> None:
        self.campaign_id, self.phase_id = campaign_id, phase_id if campaign_id is not None else None
        self.reload()

    def reload(self) -> None:
        self.set_rows(dossier_items(self._store, self.campaign_id, self.phase_id)
                      if self.campaign_id is not None else [])

    def item_at(self, row: int) -> DossierItem | None:
        return self.row_at(row)

    def row_of_draft(self, draft_id: int | None) -> int | None:
        for i, item in enumerate(self._rows):
            if draft_id is not None and item.draft_id == draft_id:
                return i
        return None

    def row_of_target(self, kind: str, target_id: int, phase_id: int | None = None) -> int | None:
        for i, item in enumerate(self._rows):
            if item.kind == kind and item.target_id == target_id and item.phase_id == phase_id:
                return i
        return None

    def row_of_key(self, key: tuple) -> int | None:
        for i, item in enumerate(self._rows):
            if item.key == key:
                return i
        return None

    def cell(self, item: DossierItem, key: str, role: int):
        d = item.draft
        if item.is_paper:
            return self._paper_cell(item, key, role)
        if role == Qt.DisplayRole:
            if key == "document":
                return item.title
            if key == "state":
                return state_text(d, item.version)
            return classification_label(d.classification) if d else ""
        if role == Qt.ToolTipRole:
            tip = [item.title]
            if d is not None:
                tip.append(drafts.KINDS[d.kind] + f" · {d.form}")
            if item.kind in drafts.CAMPAIGN_KINDS:
                tip.append(QCoreApplication.translate(
                    "DocumentModels", "Sent to the Sở during the campaign; not part of the award dossier."))
            if item.note:
                tip.append(item.note)
            return "\n".join(tip)
        if role == Qt.ForegroundRole:
            if key == "state":
                return MUTED_COLOR if d is None else FINAL_COLOR if d.finalised else DRAFT_COLOR
            if key == "classification" and d is not None and d.classification != "thuong":
                return SECRET_COLOR
            if item.note:
                return MUTED_COLOR
            return None
        if role == Qt.FontRole and key == "state" and d is None:
            return _font(italic=True)
        if role == ID_ROLE:
            return item.draft_id
        return _item_role(item, role)

    @staticmethod
    def _paper_cell(item: DossierItem, key: str, role: int):
        """A paper of the plan's list that the app does not draft: its attached file, or that it is missing."""
        files = ", ".join(a.file_name for a in item.attachments)
        if role == Qt.DisplayRole:
            if key == "document":
                return item.title
            if key == "state":
                return (QCoreApplication.translate("DocumentModels", "Attached: %1").replace("%1", files)
                        if files else QCoreApplication.translate("DocumentModels", "Not attached"))
            return ""
        if role == Qt.ToolTipRole:
            tip = [item.title, QCoreApplication.translate(
                "DocumentModels", "A paper the app does not draft: attach its file (PDF, Word or image).")]
            tip += [a.file_name + (QCoreApplication.translate("DocumentModels", " (signed PDF, kept as it is)")
                                   if a.signed else "") for a in item.attachments]
            return "\n".join(tip)
        if role == Qt.ForegroundRole and key == "state":
            return FINAL_COLOR if files else MUTED_COLOR
        if role == Qt.FontRole and key == "state" and not files:
            return _font(italic=True)
        return _item_role(item, role)


# -- the sections of one document -------------------------------------------------------------------------

def first_words(markup: str, limit: int = 48) -> str:
    """The first words of a section's text, for sections whose form gives them no heading."""
    for block in parse(markup or ""):
        for line in block_text_lines(block):
            text = " ".join(line.split())
            if text:
                return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
    return ""


class SectionsModel(IdTextListModel):
    """The sections of the document in the editor: their heading (or first words), marked when edited."""

    MISSING_ROW = None

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []   # id, heading
        self._texts: dict[str, str] = {}
        self._edited: set[str] = set()

    def set_sections(self, sections: list[tuple[str, str]], texts: dict[str, str]) -> None:
        self.beginResetModel()
        self._items = list(sections)
        self._texts = dict(texts)
        self._edited = set()
        self.endResetModel()

    def set_text(self, section_id: str, text: str, edited: bool) -> None:
        """Follow the editor: the label of a headingless section and the "not saved" mark."""
        row = self.row_of(section_id)
        if row is None:
            return
        self._texts[section_id] = text
        if edited:
            self._edited.add(section_id)
        else:
            self._edited.discard(section_id)
        ix = self.index(row)
        self.dataChanged.emit(ix, ix)

    def label(self, row: int) -> str:
        sid, heading = self._items[row]
        if heading.strip():
            return heading.strip()
        words = first_words(self._texts.get(sid, ""))
        number = QCoreApplication.translate("DocumentModels", "Part %1").replace("%1", str(row + 1))
        return f"{number}: {words}" if words else number

    def item_data(self, item: tuple[str, str], role: int):
        sid = item[0]
        edited = sid in self._edited
        if role == Qt.DisplayRole:
            return self.label(self.row_of(sid)) + (" •" if edited else "")
        if role == Qt.ToolTipRole:
            tip = self.label(self.row_of(sid))
            return tip + "\n" + QCoreApplication.translate("DocumentModels", "Edited, not saved yet") if edited else tip
        if role == Qt.FontRole and edited:
            return _font(bold=True)
        if role == ID_ROLE:
            return sid
        return None


# -- the versions of one document -------------------------------------------------------------------------

class HistoryModel(RowsTableModel):
    """``drafts.history``: every saved version, newest first."""

    KEYS = ["version", "saved_at", "saved_by", "note"]
    WIDE = ["note"]

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self._rows: list[drafts.Version] = []
        self.headers = [self.tr("Version"), self.tr("Saved at"), self.tr("Saved by"), self.tr("Note")]

    def set_draft(self, draft_id: int | None) -> None:
        self.set_rows(drafts.history(self._store, draft_id) if draft_id is not None else [])

    def version_at(self, row: int) -> int | None:
        v = self.row_at(row)
        return v.version if v is not None else None

    def cell(self, v: drafts.Version, key: str, role: int):
        if role == Qt.DisplayRole:
            return {"version": str(v.version), "saved_at": local_time(v.created_at), "saved_by": v.os_user,
                    "note": v.note}[key]
        if role == Qt.ToolTipRole and key == "note":
            return v.note
        if role == Qt.TextAlignmentRole and key == "version":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.FontRole and v is self._rows[0]:      # the newest version
            return _font(bold=True)
        if role == ID_ROLE:
            return v.version
        return None


# -- the pages of the preview ------------------------------------------------------------------------------

class ThumbnailsModel(QAbstractListModel):
    """The pages of a ``QPdfDocument`` as small images, rendered when first shown and kept."""

    WIDTH = 76

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pdf = None
        self._count = 0
        self._cache: dict[int, QImage] = {}

    def set_document(self, pdf) -> None:
        if self._pdf is not None:
            self._pdf.pageCountChanged.disconnect(self.refresh)
            self._pdf.statusChanged.disconnect(self.refresh)
        self._pdf = pdf
        if pdf is not None:
            pdf.pageCountChanged.connect(self.refresh)
            pdf.statusChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        """The document was (re)loaded: drop the old images."""
        try:
            count = self._pdf.pageCount() if self._pdf is not None else 0
        except RuntimeError:        # the document is being destroyed with its window
            self._pdf, count = None, 0
        self.beginResetModel()
        self._cache = {}
        self._count = count
        self.endResetModel()

    def thumbnail_size(self, page: int = 0) -> QSize:
        if self._pdf is None or not 0 <= page < self._count:
            return QSize(self.WIDTH, round(self.WIDTH * 297 / 210))
        size = self._pdf.pagePointSize(page)
        if size.width() <= 0:
            return QSize(self.WIDTH, round(self.WIDTH * 297 / 210))
        return QSize(self.WIDTH, round(self.WIDTH * size.height() / size.width()))

    def image(self, page: int) -> QImage:
        if page not in self._cache:
            image = self._pdf.render(page, self.thumbnail_size(page))
            if image.isNull():
                image = QImage(self.thumbnail_size(page), QImage.Format_RGB32)
                image.fill(QColor("white"))
            self._cache[page] = image
        return self._cache[page]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        if role == Qt.DisplayRole:
            return str(index.row() + 1)
        if role == Qt.DecorationRole:
            return self.image(index.row())
        if role == Qt.ToolTipRole:
            return QCoreApplication.translate("DocumentModels", "Page %1 of %2").replace(
                "%1", str(index.row() + 1)).replace("%2", str(self._count))
        if role == Qt.SizeHintRole:
            size = self.thumbnail_size(index.row())
            return QSize(size.width() + 12, size.height() + 26)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignHCenter | Qt.AlignBottom)
        if role == PAGE_ROLE:
            return index.row()
        return None


# -- the print log ------------------------------------------------------------------------------------------

class PrintLogModel(RowsTableModel):
    """``printing.entries``: every print, newest first."""

    KEYS = ["at", "os_user", "document", "pages", "copies", "printer", "reason"]
    WIDE = ["document", "reason"]

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self._rows: list[dict] = []
        self.headers = [self.tr("Printed at"), self.tr("Printed by"), self.tr("Document"), self.tr("Pages"),
                        self.tr("Copies"), self.tr("Printer"), self.tr("Why printing was allowed")]

    def reload(self) -> None:
        from desktop.dossier import printing

        self.set_rows(printing.entries(self._store))

    def cell(self, r, key: str, role: int):
        if role == Qt.DisplayRole:
            if key == "at":
                return local_time(r["at"])
            if key == "printer":
                return r["printer"] or QCoreApplication.translate("DocumentModels", "(default printer)")
            return str(r[key]) if key in ("pages", "copies") else r[key]
        if role == Qt.ToolTipRole and key in ("document", "reason", "printer"):
            return r[key] or None
        if role == Qt.TextAlignmentRole and key in ("pages", "copies"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == ID_ROLE:
            return r["draft_id"]
        return None

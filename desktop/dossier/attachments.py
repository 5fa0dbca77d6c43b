"""Documents of a campaign's dossier that the app does not draft, attached as files.

A plan's dossier list often names papers that come from elsewhere: a confirmation
from another body, an initiative's certificate, a tax or social-insurance
confirmation, a list in the Sở's own template. The clerk attaches the file (a PDF,
kept byte for byte so a signature in it stays valid, a DOCX or an image) to the
list item; it then counts as present in the checklist and travels in the package.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.records import blobs
from desktop.campaigns import campaign as campaigns
from desktop.errors import NotFound, UserError
from desktop.files import read_head
from desktop.text import clean, fold

MEDIA = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}
MAGIC = {".pdf": (b"%PDF-",), ".docx": (b"PK\x03\x04",), ".png": (b"\x89PNG\r\n\x1a\n",),
         ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}
FOLDER = "kem-theo/"
"""Where attached documents go in the package (signed by the package's own signature)."""


@dataclass
class Attachment:
    campaign_id: int
    item: str            # the plan's list item, as the plan names it
    file_name: str
    media_type: str
    sha256: str
    size: int
    signed: bool = False  # a PDF that already carries a digital signature (kept as it is)
    id: int | None = None


def _is_signed_pdf(data: bytes) -> bool:
    return b"/ByteRange" in data and (b"/Sig" in data or b"/DocTimeStamp" in data)


def resolve_item(store, campaign_id: int, item: str) -> str:
    """The plan's list item that ``item`` names: its number in the checklist (1, 2, …) or its name."""
    c = campaigns.get(store, campaign_id)
    names = [d.name for d in c.documents]
    if not names:
        raise UserError(f"Phong trào số {campaign_id} không có danh mục hồ sơ; không có mục nào để đính kèm.")
    text = clean(item)
    if text.isdigit():
        n = int(text)
        if not 1 <= n <= len(names):
            raise UserError(f"Danh mục hồ sơ của phong trào số {campaign_id} có {len(names)} mục; không có mục {n}.")
        return names[n - 1]
    matches = [n for n in names if fold(text) in fold(n)]
    if len(matches) != 1:
        listing = "; ".join(f"{i}. {n}" for i, n in enumerate(names, 1))
        what = "không khớp mục nào" if not matches else "khớp nhiều mục"
        raise UserError(f"“{text}” {what} trong danh mục hồ sơ. Ghi số thứ tự của mục: {listing}.")
    return matches[0]


def attach(store, campaign_id: int, item: str, path: str | Path) -> Attachment:
    """Attach ``path`` to the list item (replacing an earlier file for that item), in one transaction."""
    from desktop.dossier.build import kind_of

    path = Path(path)
    name = resolve_item(store, campaign_id, item)
    if kind_of(name) is not None:
        raise UserError(f"“{name}” do ứng dụng soạn (lệnh thidua draft); không đính kèm tệp thay cho văn bản này.")
    ext = path.suffix.lower()
    if ext not in MEDIA:
        raise UserError(f"Tệp “{path.name}” không đính kèm được: chỉ nhận PDF, DOCX hoặc ảnh (PNG, JPG).")
    if not read_head(path, 16, f"Không đọc được tệp “{path}”").startswith(MAGIC[ext]):
        raise UserError(f"Tệp “{path.name}” không phải tệp {ext[1:].upper()} hợp lệ (nội dung không khớp đuôi tệp).")
    with store.transaction() as conn:
        sha, size = blobs.put_file(store, path, path.name)
        signed = ext == ".pdf" and _is_signed_pdf(blobs.read_bytes(store, sha))
        old = conn.execute("SELECT id, sha256 FROM dossier_attachment WHERE campaign_id = ? AND item = ?",
                           (campaign_id, name)).fetchone()
        if old:
            conn.execute("DELETE FROM dossier_attachment WHERE id = ?", (old[0],))
        cur = conn.execute(
            "INSERT INTO dossier_attachment(campaign_id, item, file_name, media_type, sha256, size, signed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", (campaign_id, name, clean(path.name), MEDIA[ext], sha, size, int(signed)))
        if old and old[1] != sha:
            blobs.drop_if_unused(store, old[1])
    return Attachment(campaign_id, name, clean(path.name), MEDIA[ext], sha, size, signed, cur.lastrowid)


def _row(r) -> Attachment:
    return Attachment(r["campaign_id"], r["item"], r["file_name"], r["media_type"], r["sha256"], r["size"],
                      bool(r["signed"]), r["id"])


def list_for_campaign(store, campaign_id: int) -> list[Attachment]:
    return [_row(r) for r in store.query("SELECT * FROM dossier_attachment WHERE campaign_id = ? ORDER BY id",
                                         (campaign_id,))]


def remove(store, attachment_id: int) -> None:
    r = store.one("SELECT * FROM dossier_attachment WHERE id = ?", (attachment_id,))
    if r is None:
        raise NotFound(f"Không có tệp đính kèm số {attachment_id}.")
    with store.transaction() as conn:
        conn.execute("DELETE FROM dossier_attachment WHERE id = ?", (attachment_id,))
        blobs.drop_if_unused(store, r["sha256"])

"""Paper only where allowed: who may print what, the printing itself, and the print log.

A document may be printed only when it is classified (mật, tối mật, tuyệt
mật) or when it belongs to the dossier of a state-level award (catalog level
``nha_nuoc``), the records the paperless campaigns exempt. Every other print is
refused with the reason and the way to send it instead. Every print is logged:
who, when, what, pages, copies and printer.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from desktop.errors import UserError
from desktop.store.db import os_user
from desktop.files import temp_prefix

if TYPE_CHECKING:
    from desktop.dossier import drafts

# drafts (reportlab, python-docx) and the catalogue load when a document is printed or
# checked, not when the overview asks how many pages were printed this month.


class PrintRefused(UserError):
    """Printing this document is not allowed; the message says why and what to do instead."""


@dataclass(frozen=True)
class Permission:
    allowed: bool
    reason: str


def state_level_awards(store, d: drafts.Draft) -> list[str]:
    """The state-level awards whose dossier this document belongs to."""
    if d.kind in ("bao_cao", "to_trinh_dot_xuat", "bao_cao_dot_xuat"):   # an ad-hoc one proposes its own award
        rows = store.query("SELECT coalesce(ca.award, n.award) AS award FROM nomination n LEFT JOIN campaign_award ca "
                           "ON ca.id = n.campaign_award_id WHERE n.id = ?", (d.nomination_id,))
    elif d.kind == "bien_ban":
        rows = store.query("SELECT DISTINCT ca.award FROM ballot b JOIN nomination n ON n.id = b.nomination_id "
                           "JOIN campaign_award ca ON ca.id = n.campaign_award_id WHERE b.meeting_id = ?",
                           (d.meeting_id,))
    else:
        rows = store.query("SELECT DISTINCT ca.award FROM nomination n JOIN campaign_award ca "
                           "ON ca.id = n.campaign_award_id WHERE n.campaign_id = ? AND n.status IN "
                           "('thong_qua', 'da_gui')", (d.campaign_id,))
    from desktop import catalog
    from desktop.dossier import drafts

    cat = catalog.load()
    if d.kind == "to_trinh" and d.authority:  # a Tờ trình carries only the awards of its own authority
        rows = [r for r in rows if drafts.authority_of(r["award"]) == d.authority]
    return [r["award"] for r in rows if r["award"] and cat.get(r["award"]) and cat.get(r["award"]).state_level]


def permission(store, draft_id: int) -> Permission:
    from desktop.dossier import drafts
    from desktop.dossier.documents.model import CLASSIFICATIONS

    d = drafts.get(store, draft_id)
    if d.classification != "thuong":
        return Permission(True, f"Văn bản {CLASSIFICATIONS[d.classification].lower()}: được in.")
    state = state_level_awards(store, d)
    if state:
        return Permission(True, f"Hồ sơ đề nghị khen thưởng cấp Nhà nước ({', '.join(dict.fromkeys(state))}): được in.")
    return Permission(False, (
        "Không in văn bản này: phong trào không dùng văn bản giấy, chỉ in văn bản mật và hồ sơ đề nghị khen "
        "thưởng cấp Nhà nước. Hãy xuất tệp PDF hoặc ký số rồi gửi qua hệ thống quản lý văn bản."))


Spooler = Callable[[Path, str, int], None]


def system_spooler(pdf: Path, printer: str, copies: int) -> None:
    """Send a PDF to the operating system's printing (CUPS ``lp`` or the Windows shell)."""
    if sys.platform == "win32":
        windows_shell_print(pdf, printer, copies)
        return
    lp = shutil.which("lp")
    if lp is None:
        raise UserError("Máy này chưa cài dịch vụ in (CUPS); không gửi được lệnh in.")
    args = [lp, "-n", str(copies)] + (["-d", printer] if printer else []) + [str(pdf)]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise UserError(f"Máy in báo lỗi: {done.stderr.strip() or done.stdout.strip()}")


SPOOL_KEEP_SECONDS = 24 * 3600


def windows_shell_print(pdf: Path, printer: str, copies: int, *, now: float | None = None) -> Path:
    """Print through the program Windows associates with PDF files (its "print"/"printto" verb).

    The shell starts that program and returns at once; the program reads the file later.
    So the PDF is first copied out of the caller's temporary folder into the data folder's
    ``in`` folder, where it stays for a day (older copies are removed on the next print).
    ``printto`` names the chosen printer; ``print`` uses the default one. Returns the copy.
    """
    import time

    from desktop.paths import print_spool_dir

    now = time.time() if now is None else now
    spool = print_spool_dir()
    spool.mkdir(parents=True, exist_ok=True)
    for old in spool.glob("*.pdf"):
        try:
            if now - old.stat().st_mtime > SPOOL_KEEP_SECONDS:
                old.unlink()
        except OSError:
            pass  # still open in the PDF program: removed next time
    target = spool / f"{int(now * 1000)}-{os.getpid()}-{pdf.name}"
    shutil.copyfile(pdf, target)
    try:
        for _ in range(copies):
            if printer:
                os.startfile(str(target), "printto", f'"{printer}"')  # type: ignore[attr-defined]
            else:
                os.startfile(str(target), "print")  # type: ignore[attr-defined]
    except OSError as exc:
        raise UserError(
            "Windows không in được tệp PDF: máy chưa có chương trình đọc PDF nhận lệnh in (ví dụ Adobe Acrobat "
            f"Reader, Foxit Reader) hoặc máy in không sẵn sàng ({exc.strerror or exc}). Hãy cài chương trình đọc "
            f"PDF rồi in lại, hoặc mở tệp {target} và in từ đó.") from exc
    return target


def print_document(store, draft_id: int, *, printer: str = "", copies: int = 1,
                   spooler: Spooler | None = None) -> int:
    """Print the document if the rule allows it, log the print, and return the pages printed."""
    if copies < 1:
        raise UserError("Số bản in phải từ 1 trở lên.")
    allowed = permission(store, draft_id)
    if not allowed.allowed:
        raise PrintRefused(allowed.reason)
    from desktop.dossier import drafts

    d = drafts.get(store, draft_id)
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix=temp_prefix("thidua-in-")) as tmp:
        pdf = drafts.render(store, draft_id, Path(tmp) / "van-ban.pdf")
        pages = len(PdfReader(str(pdf)).pages)
        (spooler or system_spooler)(pdf, printer, copies)
    log(store, draft_id, drafts.title(store, d), pages, copies, printer, allowed.reason)
    return pages


def log(store, draft_id: int | None, document: str, pages: int, copies: int, printer: str, reason: str) -> None:
    with store.transaction() as conn:
        conn.execute("INSERT INTO print_log(draft_id, document, os_user, printer, pages, copies, reason) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", (draft_id, document, os_user(), printer, pages, copies, reason))


def entries(store) -> list[dict]:
    return store.query("SELECT * FROM print_log ORDER BY at DESC, id DESC")


def pages_per_month(store) -> dict[str, int]:
    """Sheets of paper used per month (pages × copies), oldest month first."""
    out: dict[str, int] = defaultdict(int)
    for r in store.query("SELECT substr(datetime(at, 'localtime'), 1, 7) AS month, pages * copies AS n FROM print_log"):
        out[r["month"]] += r["n"]
    return dict(sorted(out.items()))

"""The Giấy khen certificate of each title the unit's year-end decision awards, and printing it.

A certificate is a paper award by nature: printing it is exempt from the
paperless rule, and every print is logged in the print log (Sổ in) like any other.

The design follows NĐ 98/2023/NĐ-CP Điều 104 as legal.md E.2 reads it (whether NĐ
152/2025 kept it is not known, so it is a default): A4 landscape, white, with a
decorative border; the national name and motto at the top; the awarding
official's title in red capitals; "TẶNG" ("TẶNG DANH HIỆU" for an emulation
title); the award's name in red capitals; the recipient, their position and unit;
bottom left the decision's number and date with the "Số sổ vàng" (the recipient's
line in the decision's list); bottom right place, date, signer's title and name.
The national emblem is not drawn (no licensed image is bundled); the seal and
signature are added by hand.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from desktop import catalog
from desktop.records import people, unit
from desktop.council import review
from desktop.dossier import printing
from desktop.files import atomic_write
from desktop.dossier.documents.fonts import FontFamily, find_family
from desktop.dossier.documents.render_pdf import register_family
from desktop.errors import NotFound, UserError

DESIGN_SOURCE = "NĐ 98/2023/NĐ-CP Điều 104 (mẫu Giấy khen), theo legal.md E.2"
PRINT_REASON = "Giấy khen là hình thức khen thưởng bằng giấy: được in (không thuộc quy định hạn chế in)."
RED = (0.75, 0.05, 0.05)


@dataclass(frozen=True)
class Certificate:
    prior_award_id: int
    golden_book_no: int        # số sổ vàng: the line in the decision's list
    award: str
    is_title: bool
    recipient: str
    position: str
    where: str
    issuer_title: str
    signer_title: str
    signer_name: str
    place: str
    decision_number: str
    decision_date: object
    year: int


def certificates(store, year: int) -> list[Certificate]:
    """One certificate per line of the year's decided list, in the decision's order."""
    r = review.get(store, year)
    if r is None or r.status != "da_quyet_dinh":
        raise NotFound(f"Đợt bình xét năm {year} chưa có quyết định; chưa in được Giấy khen.")
    profile = unit.get(store)
    order = {row.name + "\x00" + row.title: row.no for row in review.decided_list(store, year)}
    out = []
    for a in store.query(
            "SELECT pa.*, p.full_name, p.position, pc.name AS pcname, c.name AS cname FROM review_award ra "
            "JOIN prior_award pa ON pa.id = ra.prior_award_id LEFT JOIN person p ON p.id = pa.person_id "
            "LEFT JOIN collective pc ON pc.id = p.collective_id LEFT JOIN collective c ON c.id = pa.collective_id "
            "WHERE ra.review_year = ?", (year,)):
        person = a["person_id"] is not None
        name = a["full_name"] if person else a["cname"]
        known = catalog.load().get(a["award"])
        head = (profile.head_title or "Thủ trưởng đơn vị").strip()
        out.append(Certificate(
            a["id"], order.get(name + "\x00" + a["award"], 0), a["award"], bool(known and known.type == "danh_hieu"),
            name, (a["position"] or "") if person else "",
            (a["pcname"] or "") if person else profile.name, f"{head} {profile.name}".strip(), head,
            profile.head_name,
            profile.province, a["decision_number"], r.decision_date, year))
    out.sort(key=lambda c: c.golden_book_no)
    return out


def render(items: list[Certificate], path: str | os.PathLike[str], family: FontFamily | None = None) -> Path:
    """Write the certificates to one PDF, a page each (A4 landscape), atomically."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    if not items:
        raise UserError("Không có Giấy khen nào để in.")
    fonts = register_family(family or find_family())
    width, height = landscape(A4)
    with atomic_write(Path(path), make_parents=True) as tmp:
        c = canvas.Canvas(str(tmp), pagesize=(width, height))
        c.setTitle("Giấy khen")
        for item in items:
            _page(c, item, fonts, width, height)
            c.showPage()
        c.save()
    return Path(path)


def _page(c, item: Certificate, fonts: dict[str, str], width: float, height: float) -> None:
    from reportlab.lib.units import mm

    # A decorative border: a thick red frame with a thin one inside, corners marked.
    c.setStrokeColorRGB(*RED)
    c.setLineWidth(4)
    c.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    c.setLineWidth(1)
    c.rect(14 * mm, 14 * mm, width - 28 * mm, height - 28 * mm)
    for x, y in ((14, 14), (width / mm - 14, 14), (14, height / mm - 14), (width / mm - 14, height / mm - 14)):
        c.circle(x * mm, y * mm, 3 * mm, stroke=1, fill=0)

    def centre(text: str, y: float, font: str, size: float, color=(0, 0, 0)) -> None:
        c.setFillColorRGB(*color)
        c.setFont(font, size)
        c.drawCentredString(width / 2, y, text)

    y = height - 32 * mm
    centre("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", y, fonts["bold"], 14)
    centre("Độc lập - Tự do - Hạnh phúc", y - 7 * mm, fonts["bold"], 14)
    c.setStrokeColorRGB(0, 0, 0)
    c.line(width / 2 - 30 * mm, y - 9 * mm, width / 2 + 30 * mm, y - 9 * mm)
    centre(item.issuer_title.upper(), y - 22 * mm, fonts["bold"], 16, RED)
    centre("TẶNG DANH HIỆU" if item.is_title else "TẶNG", y - 34 * mm, fonts["bold"], 15)
    centre(item.award.upper(), y - 50 * mm, fonts["bold"], 26, RED)
    centre(item.recipient, y - 66 * mm, fonts["bold"], 20)
    line = ", ".join(x for x in (item.position, item.where) if x)
    if line:
        centre(line, y - 75 * mm, fonts["italic"], 14)
    centre(f"Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {item.year}", y - 86 * mm, fonts["regular"], 14)

    c.setFillColorRGB(0, 0, 0)
    c.setFont(fonts["italic"], 12)
    d = item.decision_date
    c.drawString(28 * mm, 36 * mm, f"Quyết định số {item.decision_number}")
    c.drawString(28 * mm, 30 * mm, f"ngày {d:%d/%m/%Y}" if d else "")
    c.drawString(28 * mm, 24 * mm, f"Số sổ vàng: {item.golden_book_no}")
    right = width - 75 * mm
    c.setFont(fonts["italic"], 13)
    place = f"{item.place}, " if item.place else ""
    c.drawCentredString(right, 44 * mm, f"{place}ngày {d.day:02d} tháng {d.month:02d} năm {d.year}" if d else "")
    c.setFont(fonts["bold"], 13)
    c.drawCentredString(right, 37 * mm, item.signer_title.upper())
    c.drawCentredString(right, 16 * mm, item.signer_name)


Spooler = Callable[[Path, str, int], None]


def print_certificates(store, year: int, *, only: list[int] | None = None, printer: str = "", copies: int = 1,
                       spooler: Spooler | None = None, family: FontFamily | None = None) -> int:
    """Print the year's certificates (or those of the awards ``only``) and log each one; returns pages printed."""
    if copies < 1:
        raise UserError("Số bản in phải từ 1 trở lên.")
    items = [c for c in certificates(store, year) if only is None or c.prior_award_id in only]
    with tempfile.TemporaryDirectory(prefix="thidua-giay-khen-") as tmp:
        pdf = render(items, Path(tmp) / "giay-khen.pdf", family)
        (spooler or printing.system_spooler)(pdf, printer, copies)
    with store.transaction():
        for item in items:
            printing.log(store, None, f"Giấy khen {item.award} — {item.recipient} (QĐ số {item.decision_number}, "
                                      f"số sổ vàng {item.golden_book_no})", 1, copies, printer, PRINT_REASON)
    return len(items)

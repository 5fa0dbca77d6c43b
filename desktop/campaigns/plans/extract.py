"""Text out of the files a Sở sends: Word (.docx), PDF, plain text or Markdown.

Every failure the clerk can meet (a damaged or password-protected file, a
scanned PDF without text, an unknown format) becomes a
:class:`~desktop.errors.UserError` that says in Vietnamese what to do.
The text comes back in NFC so that rules and search see one spelling.
"""
from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

from desktop.errors import UserError, explain_pdf_error, os_reason
from desktop.text import nfc

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUPPORTED = ".docx, .pdf, .txt, .md"
# A PDF page with fewer letters than this has no usable text layer.
_MIN_LETTERS = 20


def extract_text(path: str | Path) -> str:
    """The text of the plan at ``path``, NFC-normalised.

    .docx: paragraphs and table cells in document order, list numbers and
    footnotes included; .pdf: the text layer; .txt/.md: decoded from UTF-8
    (with or without BOM), UTF-16 with BOM, or the Windows Vietnamese code page.
    """
    path = Path(path)
    if path.is_dir():
        raise UserError(f"“{path}” là một thư mục, không phải tệp.")
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp “{path}”.")
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise UserError(
            f"Tệp “{path.name}” là định dạng Word cũ (.doc). Hãy mở bằng Word và lưu thành .docx "
            "hoặc PDF rồi nhập lại."
        )
    if suffix not in TEXT_SUFFIXES | {".docx", ".pdf"}:
        raise UserError(
            f"Không đọc được loại tệp “{path.suffix or path.name}”. Hãy dùng tệp {SUPPORTED}."
        )
    data = _read_bytes(path)
    if not data.strip():
        raise UserError(f"Tệp “{path.name}” trống, không có nội dung để đọc.")
    if suffix == ".docx":
        text = _docx(path, data)
    elif suffix == ".pdf":
        text = _pdf(path, data)
    else:
        text = decode_text(data)
    text = nfc(text)
    if not text.strip():
        raise UserError(f"Tệp “{path.name}” không có chữ nào để đọc.")
    return text


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy tệp “{path}”.") from None
    except IsADirectoryError:
        raise UserError(f"“{path}” là một thư mục, không phải tệp.") from None
    except OSError as exc:
        raise UserError(f"Không mở được tệp “{path}”: {os_reason(exc)}.") from None


def decode_text(data: bytes) -> str:
    """Decode a text file the way Vietnamese offices save them.

    A BOM decides (UTF-8, UTF-16 LE/BE, UTF-32); otherwise strict UTF-8; a file
    full of NUL bytes is UTF-16 without BOM; anything else is the Windows
    Vietnamese code page 1258 (its combining tone marks become precomposed
    letters under NFC), and as a last resort Latin-1, which never fails.
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00") > len(data) // 4:
        even, odd = data[0::2].count(b"\x00"), data[1::2].count(b"\x00")
        return data.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace")
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _docx(path: Path, data: bytes) -> str:
    from desktop.campaigns.plans.docx_text import docx_text

    if not zipfile.is_zipfile(path):
        raise UserError(
            f"Tệp “{path.name}” không phải tệp Word .docx hợp lệ (tệp hỏng hoặc sai định dạng). "
            "Hãy mở lại bằng Word và lưu thành .docx."
        )
    try:
        return docx_text(path)
    except UserError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on damaged parts
        raise UserError(
            f"Không đọc được tệp Word “{path.name}”: tệp bị hỏng hoặc không phải văn bản Word. "
            "Hãy mở lại bằng Word, lưu thành .docx rồi nhập lại."
        ) from exc


def _pdf(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UserError(f"Tệp “{path.name}” không phải tệp PDF hợp lệ.")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure to open with an empty password means "locked"
                opened = 0
            if not opened:
                raise UserError(
                    f"Tệp PDF “{path.name}” được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu "
                    "(hoặc xin bản không khóa) rồi nhập lại."
                )
        pages = [page.extract_text() or "" for page in reader.pages]
    except UserError:
        raise
    except FileNotDecryptedError as exc:
        raise UserError(
            f"Tệp PDF “{path.name}” được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi nhập lại."
        ) from exc
    except Exception as exc:  # pypdf raises many types on damaged files
        raise UserError(explain_pdf_error(path.name)) from exc
    text = "\n".join(pages)
    letters = sum(ch.isalpha() for ch in text)
    if letters < _MIN_LETTERS * max(1, len(pages)) // 2:
        raise UserError(
            "Tệp PDF không có lớp văn bản (có thể là bản quét), nên không đọc được chữ. "
            "Hãy dùng bản Word hoặc PDF xuất trực tiếp từ Word, hoặc nhận dạng chữ (OCR) trước khi nhập."
        )
    return text

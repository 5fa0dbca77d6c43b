"""File names inside a dossier package and of the package itself.

Documents are titled in Vietnamese ("Tờ trình đề nghị khen thưởng năm 2026")
and those titles become file names, so that the Sở's clerk sees what each
file is. A title can hold characters no file system accepts, and the package
will be opened on Windows, where ``CON``, a trailing dot or ``a:b`` break
extraction. :func:`safe_name` keeps the Vietnamese letters (in NFC, the form
Windows and Linux store) and removes only what cannot be a file name.
:func:`archive_path_problem` is the rule both the builder and the verifier
apply to paths inside the ZIP.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

__all__ = [
    "safe_name",
    "package_file_name",
    "archive_path_problem",
    "collision_key",
    "name_clashes",
    "FALLBACK_NAME",
]

FALLBACK_NAME = "Tài liệu"
MAX_NAME_CHARS = 100
# ext4 and most file systems cap a name at 255 bytes; Vietnamese letters take
# up to 3 bytes in UTF-8, so the byte budget binds before the character one.
MAX_NAME_BYTES = 240

_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]
}
_REPLACED = {"/": "-", "\\": "-", "|": "-", ":": " -", "\"": "", "<": "", ">": "", "*": "", "?": ""}
_SPACES = re.compile(r"\s+")
_SUFFIX = re.compile(r"^(\.[A-Za-z0-9]{1,10})*$")
_DRIVE = re.compile(r"^[A-Za-z]:")


def _clean_chars(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if ch in _REPLACED:
            out.append(_REPLACED[ch])
        elif category in ("Cc", "Zl", "Zp"):
            out.append(" ")  # tabs and line breaks separate words
        elif category in ("Cf", "Cs", "Co", "Cn"):
            continue  # invisible, unpaired or unassigned: nothing a reader would miss
        else:
            out.append(ch)
    return _SPACES.sub(" ", "".join(out))


def _cut(text: str, max_chars: int, max_bytes: int) -> str:
    """Shorten to both limits without leaving a combining mark without its letter."""
    while len(text) > max_chars or len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
        while text and unicodedata.combining(text[-1]):
            text = text[:-1]
    return text


def _is_reserved(name: str) -> bool:
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    return stem in _RESERVED


def safe_name(title: str, *, max_chars: int = MAX_NAME_CHARS, suffix: str = "") -> str:
    """A file name from a document title: Vietnamese kept, nothing a file system refuses.

    The one helper for every file name the app makes from a title (exports, packages, the PDFs sent).

    Path separators and Windows' forbidden characters are replaced, control
    characters dropped, white space collapsed; leading and trailing dots and
    spaces go (a trailing dot vanishes on Windows, a leading one hides the
    file on Linux); reserved device names (``CON``, ``COM1``…) get a ``_``
    prefix; the result fits ``max_chars`` characters and 240 bytes including
    ``suffix`` (such as ``".pdf"``), which is kept whole.
    """
    if not _SUFFIX.match(suffix):
        raise ValueError(f"unsafe suffix {suffix!r}")
    stem = _clean_chars(title or "").strip(" .")
    budget_chars = max(1, max_chars - len(suffix))
    budget_bytes = max(1, MAX_NAME_BYTES - len(suffix.encode("utf-8")))
    stem = _cut(stem, budget_chars, budget_bytes).rstrip(" .")
    if not stem:
        stem = FALLBACK_NAME
    if _is_reserved(stem):
        stem = _cut("_" + stem, budget_chars, budget_bytes)
    return stem + suffix


def package_file_name(unit_abbrev: str, campaign_title: str, day: date) -> str:
    """The package's own file name: unit, campaign and date, e.g. ``UBND-XA - Tổng kết 2026 - 2026-11-22.asice``.

    The campaign title is shortened first so that the unit and date always survive.
    """
    unit = safe_name(unit_abbrev, max_chars=30)
    campaign = safe_name(campaign_title, max_chars=80)
    return safe_name(f"{unit} - {campaign} - {day.isoformat()}", max_chars=130, suffix=".asice")


def collision_key(name: str) -> str:
    """Names equal under this key would overwrite each other on Windows or macOS."""
    return unicodedata.normalize("NFC", name).casefold()


def name_clashes(names: Iterable[str]) -> list[str]:
    """Each name whose :func:`collision_key` an earlier one already has, as "“earlier” và “later”" (Vietnamese)."""
    seen: dict[str, str] = {}
    clashes = []
    for name in names:
        key = collision_key(name)
        if key in seen:
            clashes.append(f"“{seen[key]}” và “{name}”")
        else:
            seen[key] = name
    return clashes


def archive_path_problem(name: str) -> str | None:
    """Why ``name`` is not acceptable as a path inside a package, in Vietnamese, or ``None``.

    Refused: absolute paths, drive letters, backslashes, empty, ``.`` and
    ``..`` segments (zip-slip: extraction outside the target folder),
    control characters, names not in NFC, segments Windows cannot create.
    """
    if not name:
        return "tên rỗng"
    if name.startswith("/"):
        return "đường dẫn tuyệt đối"
    if "\\" in name:
        return "có dấu gạch chéo ngược (\\)"
    if _DRIVE.match(name):
        return "có ký hiệu ổ đĩa"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs") for ch in name):
        return "có ký tự điều khiển"
    if unicodedata.normalize("NFC", name) != name:
        return "tên không ở dạng chuẩn Unicode NFC"
    for part in name.split("/"):
        if part == "":
            return "có đoạn đường dẫn rỗng"
        if part in (".", ".."):
            return "có đoạn “.” hoặc “..” (trỏ ra ngoài thư mục)"
        if part != part.rstrip(" ."):
            return "có đoạn kết thúc bằng dấu chấm hoặc khoảng trắng"
        if any(ch in part for ch in '<>:"|?*'):
            return "có ký tự Windows không cho phép trong tên tệp"
        if _is_reserved(part):
            return f"dùng tên thiết bị dành riêng của Windows ({part})"
        if len(part.encode("utf-8")) > 255:
            return "có đoạn tên quá dài"
    return None

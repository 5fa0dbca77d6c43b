"""Which TrueType files the PDF is set in.

NĐ 30/2020 asks for Times New Roman. It is not free to ship, so the PDF uses the
system's copy when one is installed (every Windows machine has it) and falls
back to the bundled Liberation Serif, which has the same metrics, so line breaks
and page breaks do not move between the two. The DOCX always names Times New
Roman and lets Word substitute; only the PDF needs the files.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.resources import resource

__all__ = ["STYLES", "FontFamily", "face", "find_family", "system_font_dirs"]

STYLES = ("regular", "bold", "italic", "bold_italic")


def face(bold: bool, italic: bool) -> str:
    """The one of :data:`STYLES` that writes text bold and / or italic."""
    return "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"

# File names of Times New Roman as Windows, macOS and the Linux msttcorefonts
# package install them, per style.
_TIMES_NAMES: dict[str, tuple[str, ...]] = {
    "regular": ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf", "TimesNewRoman.ttf"),
    "bold": ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf", "TimesNewRomanBold.ttf"),
    "italic": ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf", "TimesNewRomanItalic.ttf"),
    "bold_italic": (
        "timesbi.ttf",
        "Times New Roman Bold Italic.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
        "TimesNewRomanBoldItalic.ttf",
    ),
}

_LIBERATION = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}


@dataclass(frozen=True)
class FontFamily:
    """Four TrueType files of one family and the name the PDF registers them under."""

    name: str
    files: dict[str, Path]

    @property
    def is_times(self) -> bool:
        return self.name == "TimesNewRoman"


def system_font_dirs() -> list[Path]:
    """Folders where an installed Times New Roman may be, most likely first."""
    dirs: list[Path] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    if sys.platform == "win32":
        dirs.append(Path("C:/Windows/Fonts"))
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    home = Path.home()
    dirs += [
        Path("/System/Library/Fonts/Supplemental"),
        Path("/Library/Fonts"),
        home / "Library" / "Fonts",
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/msttcore"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/share/fonts/truetype"),
        home / ".fonts",
        home / ".local" / "share" / "fonts",
    ]
    seen: set[Path] = set()
    unique = []
    for d in dirs:
        if d not in seen:
            seen.add(d)
            unique.append(d)
    return unique


def _find_times(dirs: list[Path]) -> dict[str, Path] | None:
    for folder in dirs:
        if not folder.is_dir():
            continue
        try:
            present = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
        except OSError:
            continue
        files: dict[str, Path] = {}
        for style, names in _TIMES_NAMES.items():
            for name in names:
                hit = present.get(name.lower())
                if hit:
                    files[style] = hit
                    break
        if len(files) == len(STYLES):
            return files
    return None


def find_family(prefer_system: bool = True, dirs: list[Path] | None = None) -> FontFamily:
    """Times New Roman when all four styles are installed, else bundled Liberation Serif.

    ``prefer_system=False`` forces the bundled family (tests use it so that their
    results do not depend on the machine).
    """
    if prefer_system:
        files = _find_times(system_font_dirs() if dirs is None else dirs)
        if files:
            return FontFamily("TimesNewRoman", files)
    return FontFamily(
        "LiberationSerif", {style: resource("fonts", name) for style, name in _LIBERATION.items()}
    )

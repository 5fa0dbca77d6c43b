"""A Vietnamese-capable font for signature appearances, as pyHanko needs it.

The standard PDF fonts lack Vietnamese letters, so appearances embed the
bundled Liberation Serif through pyHanko's OpenType engine (HarfBuzz shaping,
subset embedding, ToUnicode map so the text can be copied and searched).

pyHanko 0.38 writes glyph widths (/W) in the font's own units, which is right
only for fonts with 1000 units per em. Liberation has 2048, and its text came
out letter-spaced by a factor of two. The font is therefore rescaled to 1000
units per em (fontTools) once per process before pyHanko sees it; the
TrueType hinting programs refer to the old grid, so they are dropped (PDF
viewers render unhinted outlines well).
"""
from __future__ import annotations

import functools
import io
from pathlib import Path

from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator

from desktop.errors import UserError
from desktop.resources import resource

__all__ = ["APPEARANCE_FONT", "VietnameseFontFactory", "font_for_pdf"]

APPEARANCE_FONT = ("fonts", "LiberationSerif-Regular.ttf")

# Tables that are meaningless after rescaling (hinting) or that the subsetter
# cannot handle and would only warn about (FFTM, a FontForge time stamp).
_DROPPED_TABLES = ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "FFTM")


@functools.lru_cache(maxsize=4)
def font_for_pdf(path: str) -> bytes:
    """The font at ``path`` as TrueType bytes with 1000 units per em."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem
    from fontTools.ttLib.tables import ttProgram

    try:
        font = TTFont(path)
    except Exception as exc:  # fontTools raises assorted error types for damaged files
        raise UserError(f"Không đọc được phông chữ {Path(path).name}; hãy cài lại ứng dụng.") from exc
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
        for tag in _DROPPED_TABLES:
            if tag in font:
                del font[tag]
        if "glyf" in font:
            glyf = font["glyf"]
            for name in glyf.keys():
                glyph = glyf[name]
                if hasattr(glyph, "program"):
                    glyph.program = ttProgram.Program()
                    glyph.program.fromBytecode(b"")
    else:
        for tag in ("FFTM",):
            if tag in font:
                del font[tag]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


class VietnameseFontFactory(FontEngineFactory):
    """Creates pyHanko glyph accumulators from the rescaled bundled font."""

    def __init__(self, font_size: int = 10, font_path: Path | None = None):
        self.font_size = font_size
        self.font_path = font_path or resource(*APPEARANCE_FONT)
        if not self.font_path.exists():
            raise UserError(f"Thiếu phông chữ {self.font_path.name} trong bản cài đặt; hãy cài lại ứng dụng.")

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return GlyphAccumulator(
            writer=writer,
            font_handle=io.BytesIO(font_for_pdf(str(self.font_path))),
            font_size=self.font_size,
            bcp47_lang_code="vi",
            obj_stream=obj_stream,
        )

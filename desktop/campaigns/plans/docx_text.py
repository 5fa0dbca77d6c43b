"""Text of a Word (.docx) document in reading order, as the importer needs it.

``python-docx``'s ``paragraph.text`` loses what the plan rules depend on:
automatic list numbers and bullets ("I.", "1.", "a)", "-" are often Word
numbering, not typed text), footnotes (dossier forms are often cited in one),
text in tables (the header and signature of a Vietnamese document are
two-column tables) and in text boxes. This module walks the document XML
itself and writes:

- each paragraph on its own line, its list label in front;
- tables of at most two filled columns (layout tables) column by column,
  each cell's paragraphs in turn; wider tables as Markdown pipe rows;
- footnote marks as ``[^n]`` and, at the end, the footnotes as ``[^n]: text``
  (the pandoc Markdown form, which :mod:`desktop.campaigns.plans.source` reads).
"""
from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


_SKIP = {_q("del"), _q("moveFrom"), _q("delText"), _q("instrText"), _q("rPr"), _q("pPr"),
         f"{{{MC}}}Fallback", _q("footnotePr"), _q("endnotePr")}


def docx_text(path: str | Path) -> str:
    document = docx.Document(str(path))
    reader = _Reader(document)
    lines: list[str] = []
    reader.container(document.element.body, lines)
    if reader.notes_used:
        lines.append("")
        for label, kind, note_id in reader.notes_used:
            lines.append(f"[^{label}]: {reader.notes[kind].get(note_id, '')}")
    return "\n".join(lines)


class _Reader:
    def __init__(self, document):
        self.document = document
        self.numbering = _Numbering(document)
        self.notes = {"foot": self._notes(RT.FOOTNOTES, "footnote"), "end": self._notes(RT.ENDNOTES, "endnote")}
        self.notes_used: list[tuple[str, str, str]] = []
        self._labels: dict[tuple[str, str], str] = {}

    # -- notes ----------------------------------------------------------------

    def _notes(self, reltype: str, tag: str) -> dict[str, str]:
        """Footnote (or endnote) texts by id, one line each."""
        out: dict[str, str] = {}
        for rel in self.document.part.rels.values():
            if rel.reltype != reltype or rel.is_external:
                continue
            root = etree.fromstring(rel.target_part.blob)
            for note in root.iter(_q(tag)):
                if note.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                paragraphs = []
                for p in note.iter(_q("p")):
                    text = "".join(self._runs(p, [], [])).strip()
                    if text:
                        paragraphs.append(" ".join(text.split()))
                out[note.get(_q("id"))] = " ".join(paragraphs)
        return out

    def _note_mark(self, kind: str, note_id: str) -> str:
        """The ``[^n]`` mark of a note, numbered in order of first reference as Word shows it."""
        key = (kind, note_id)
        if key not in self._labels:
            label = str(len(self._labels) + 1)
            self._labels[key] = label
            self.notes_used.append((label, kind, note_id))
        return f"[^{self._labels[key]}]"

    # -- body -----------------------------------------------------------------

    def container(self, element, lines: list[str]) -> None:
        for child in element:
            if child.tag == _q("p"):
                self.paragraph(child, lines)
            elif child.tag == _q("tbl"):
                self.table(child, lines)
            elif child.tag == _q("sdt"):
                content = child.find(_q("sdtContent"))
                if content is not None:
                    self.container(content, lines)
            elif child.tag in (_q("customXml"), _q("ins")):
                self.container(child, lines)

    def paragraph(self, p, lines: list[str]) -> None:
        boxes: list = []
        text = "".join(self._runs(p, boxes, []))
        label = self.numbering.label(p)
        parts = text.split("\n")
        if label and parts[0].strip():
            parts[0] = f"{label} {parts[0].lstrip()}"
        lines.extend(parts)
        for box in boxes:
            self.container(box, lines)

    def _runs(self, element, boxes: list, out: list[str]) -> list[str]:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _q("t"):
                out.append(child.text or "")
            elif tag == _q("tab"):
                out.append("\t")
            elif tag in (_q("br"), _q("cr")):
                out.append("\n")
            elif tag == _q("noBreakHyphen"):
                out.append("-")
            elif tag == _q("footnoteReference"):
                out.append(self._note_mark("foot", child.get(_q("id"))))
            elif tag == _q("endnoteReference"):
                out.append(self._note_mark("end", child.get(_q("id"))))
            elif tag == _q("txbxContent"):
                boxes.append(child)
            else:
                self._runs(child, boxes, out)
        return out

    def table(self, tbl, lines: list[str]) -> None:
        rows = []
        for tr in tbl.iter(_q("tr")):
            if tr.getparent() is not tbl:
                continue
            rows.append([tc for tc in tr if tc.tag == _q("tc")])
        texts = [[self._cell_lines(tc) for tc in row] for row in rows]
        filled = max((sum(1 for c in row if any(s.strip() for s in c)) for row in texts), default=0)
        if filled <= 2 or len(rows) < 2:
            width = max((len(r) for r in texts), default=0)
            for col in range(width):
                for row in texts:
                    if col < len(row):
                        lines.extend(row[col])
            return
        lines.append("")
        for row in texts:
            cells = [" ".join(s.strip() for s in c if s.strip()).replace("|", "\\|") for c in row]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")

    def _cell_lines(self, tc) -> list[str]:
        out: list[str] = []
        self.container(tc, out)
        return out


class _Numbering:
    """Labels of Word's automatic numbering ("I.", "1.", "a)", bullets as "-")."""

    def __init__(self, document):
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        part = None
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            part = None
        if part is not None:
            root = part.element
            for an in root.iter(_q("abstractNum")):
                levels = {}
                for lvl in an.iter(_q("lvl")):
                    ilvl = int(lvl.get(_q("ilvl"), "0"))
                    fmt = _val(lvl.find(_q("numFmt"))) or "decimal"
                    text = _val(lvl.find(_q("lvlText")))
                    start = int(_val(lvl.find(_q("start"))) or "1")
                    levels[ilvl] = (fmt, text if text is not None else f"%{ilvl + 1}.", start)
                self.abstract[an.get(_q("abstractNumId"))] = levels
            for num in root.iter(_q("num")):
                abstract_id = _val(num.find(_q("abstractNumId")))
                overrides = {}
                for ov in num.iter(_q("lvlOverride")):
                    start = ov.find(_q("startOverride"))
                    if start is not None:
                        overrides[int(ov.get(_q("ilvl"), "0"))] = int(_val(start) or "1")
                self.nums[num.get(_q("numId"))] = (abstract_id, overrides)
        try:
            for style in document.styles.element.iter(_q("style")):
                ppr = style.find(_q("pPr"))
                num_pr = ppr.find(_q("numPr")) if ppr is not None else None
                based = _val(style.find(_q("basedOn")))
                num_id = ilvl = None
                if num_pr is not None:
                    num_id = _val(num_pr.find(_q("numId")))
                    ilvl = _val(num_pr.find(_q("ilvl")))
                self.styles[style.get(_q("styleId"))] = (num_id, ilvl, based)
        except (NotImplementedError, KeyError, AttributeError):
            pass

    def _style_num(self, style_id: str | None) -> tuple[str | None, str | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based = self.styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None

    def label(self, p) -> str | None:
        ppr = p.find(_q("pPr"))
        num_id = ilvl_text = None
        if ppr is not None:
            num_pr = ppr.find(_q("numPr"))
            if num_pr is not None:
                num_id = _val(num_pr.find(_q("numId")))
                ilvl_text = _val(num_pr.find(_q("ilvl")))
            if num_id is None:
                num_id, style_ilvl = self._style_num(_val(ppr.find(_q("pStyle"))))
                ilvl_text = ilvl_text or style_ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = int(ilvl_text or "0")
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        start = overrides.get(ilvl, start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return None
        label = text
        for k in range(9):
            if f"%{k + 1}" in label:
                lfmt, _, lstart = levels.get(k, ("decimal", "", 1))
                value = counters.get(k, overrides.get(k, lstart))
                label = label.replace(f"%{k + 1}", _format_number(value, lfmt))
        return label.strip() or None


def _val(element) -> str | None:
    return None if element is None else element.get(_q("val"))


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        letter = letters[(value - 1) % 26] * (1 + (value - 1) // 26) if value > 0 else "a"
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = []
    for number, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out) or "0"

"""The small markup the clerk types section text in, and its conversion to blocks.

The editor shows a section as plain text so it works in any text box and can be
pasted from an e-mail or a Word file:

* each non-blank line is a paragraph; a blank line only separates blocks;
* ``**bold**``, ``*italic*``, ``***bold italic***`` inside a line;
* lines starting with ``- `` form a bullet ("gạch đầu dòng") list;
* lines starting with ``|`` form a table: ``| a | b |``. The first row is a header
  when the second row is a rule such as ``|-----|------------|``; the number of
  dashes in each rule cell is the column's relative width. A table whose first
  line is the rule has no header row. Header cells print bold; other cells are
  plain text (stars in a cell are printed as typed);
* a backslash makes the next ``\\``, ``*``, ``|`` or ``-`` an ordinary character.

:func:`serialise` writes blocks in a canonical form that :func:`parse` reads back
to the same blocks (``parse(serialise(b)) == b``), so opening and saving a
section never changes it. Text the clerk typed loosely (a star that never
closes, a table row with a missing cell) is read leniently: the stray star
stays a star, the missing cell is blank.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.dossier.documents.model import Block, BulletList, Paragraph, Run, Table, nfc

__all__ = ["normalise_runs", "parse", "parse_inline", "serialise", "serialise_inline"]

_ESCAPABLE = "\\*|-"
_RULE_CELL = re.compile(r"^-+$")


# ---------------------------------------------------------------- inline text


def normalise_runs(runs: list[Run] | tuple[Run, ...]) -> tuple[Run, ...]:
    """Drop empty runs and merge neighbours with the same style (the canonical form)."""
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].bold == run.bold and out[-1].italic == run.italic:
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    return tuple(out)


def _escape(text: str) -> str:
    return re.sub(r"([\\*|])", r"\\\1", text)


def _marker(bold: bool, italic: bool) -> str:
    return "*" * (2 * bold + italic)


def serialise_inline(runs: tuple[Run, ...]) -> str:
    """Runs → marked-up text. Each styled run is wrapped on its own, so the closing
    and the next opening markers of neighbouring runs touch (``**a*****b***``);
    :func:`parse_inline` reads such a star run as "close, then open"."""
    parts = []
    for run in normalise_runs(runs):
        mark = _marker(run.bold, run.italic)
        parts.append(f"{mark}{_escape(run.text)}{mark}")
    return "".join(parts)


def _unescaped(text: str) -> Iterator[tuple[str, bool]]:
    """The characters of ``text`` with escapes resolved, each with whether it may be markup: an
    escaped one (``\\*``) stands for itself."""
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            yield text[i + 1], False
            i += 2
        else:
            yield text[i], True
            i += 1


def _tokens(text: str) -> list[tuple[str, str]]:
    """Split into ("text", s) and ("stars", "**") tokens, resolving escapes."""
    tokens: list[tuple[str, str]] = []
    buf: list[str] = []
    for ch, markup in _unescaped(text):
        if not (markup and ch == "*"):
            buf.append(ch)
        elif buf or not tokens or tokens[-1][0] != "stars":
            if buf:
                tokens.append(("text", "".join(buf)))
                buf = []
            tokens.append(("stars", ch))
        else:  # the star run goes on
            tokens[-1] = ("stars", tokens[-1][1] + ch)
    if buf:
        tokens.append(("text", "".join(buf)))
    return tokens


def _apply(tokens: list[tuple[str, str]], literal: set[int]) -> tuple[list[Run], int | None]:
    """Walk the tokens; return the runs and, if a style is left open, the index of
    the star token that opened it (so the caller can retry with it as text).

    A star token first closes what is open (``***`` closes bold and italic,
    ``**`` bold, ``*`` italic) and what is left of it opens a new style.
    """
    bold_at: int | None = None
    italic_at: int | None = None
    runs: list[Run] = []
    for index, (kind, value) in enumerate(tokens):
        bold, italic = bold_at is not None, italic_at is not None
        if kind == "text" or index in literal:
            runs.append(Run(value, bold, italic))
            continue
        count = len(value)
        close = 2 * bold + italic
        if close and count < close:
            # Inside bold italic, "**" ends the bold and "*" the italic; inside
            # bold alone, "*" opens a nested italic.
            if count == 2:
                bold_at = None
            elif italic:
                italic_at = None
            else:
                italic_at = index
            continue
        if close == 1 and count == 2:
            # "*a **b** c*": bold nested in italic.
            bold_at = index
            continue
        count -= close
        bold_at = italic_at = None
        if count > 3:
            # More stars than any marker: the surplus is literal text.
            runs.append(Run("*" * (count - 3)))
            count = 3
        if count >= 2:
            bold_at = index
        if count in (1, 3):
            italic_at = index
    open_at = [i for i in (bold_at, italic_at) if i is not None]
    return runs, (max(open_at) if open_at else None)


def parse_inline(text: str) -> tuple[Run, ...]:
    """Marked-up text of one line → runs (lenient with stars that never close)."""
    tokens = _tokens(nfc(text))
    literal: set[int] = set()
    while True:
        runs, unclosed = _apply(tokens, literal)
        if unclosed is None:
            return normalise_runs(runs)
        literal.add(unclosed)


# ---------------------------------------------------------------- blocks


def _split_cells(line: str) -> list[str]:
    """``| a | b \\| c |`` → ["a", "b | c"]; outer pipes optional at the end."""
    body = line.strip()
    body = body.removeprefix("|")
    cells: list[str] = []
    buf: list[str] = []
    for ch, markup in _unescaped(body):
        if markup and ch == "|":
            cells.append("".join(buf).strip())
            buf = []
        else:
            buf.append(ch)
    rest = "".join(buf).strip()
    if rest:
        cells.append(rest)
    return cells


def _is_rule(line: str) -> bool:
    cells = _split_cells(line)
    return bool(cells) and all(_RULE_CELL.match(c) for c in cells) and "\\" not in line


def _table(lines: list[str]) -> Table:
    header: list[str] = []
    widths: list[int] | None = None
    body = lines
    if _is_rule(lines[0]):
        widths = [len(c) for c in _split_cells(lines[0])]
        body = lines[1:]
    elif len(lines) > 1 and _is_rule(lines[1]):
        header = _split_cells(lines[0])
        widths = [len(c) for c in _split_cells(lines[1])]
        body = lines[2:]
    rows = [_split_cells(line) for line in body]
    columns = max(1, len(header), len(widths or []), *(len(r) for r in rows))
    if widths is None:
        widths = [3] * columns
    widths = widths + [3] * (columns - len(widths))
    pad = lambda cells: tuple(cells + [""] * (columns - len(cells)))
    return Table(
        header=pad(header) if header else (),
        rows=tuple(pad(r) for r in rows),
        widths=tuple(widths),
    )


def parse(text: str) -> tuple[Block, ...]:
    """Markup → blocks. See the module docstring for the rules."""
    blocks: list[Block] = []
    bullets: list[tuple[Run, ...]] = []
    table_lines: list[str] = []

    def flush() -> None:
        nonlocal bullets, table_lines
        if bullets:
            blocks.append(BulletList(tuple(bullets)))
            bullets = []
        if table_lines:
            blocks.append(_table(table_lines))
            table_lines = []

    for raw in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("|"):
            if bullets:
                flush()
            table_lines.append(line)
            continue
        if line == "-" or line.startswith("- "):
            if table_lines:
                flush()
            runs = parse_inline(line[2:].strip())
            bullets.append(runs)
            continue
        flush()
        runs = parse_inline(line)
        if runs:
            blocks.append(Paragraph(runs))
    flush()
    return tuple(blocks)


def _escape_line_start(text: str) -> str:
    """Keep a paragraph that starts like a list item or a table row a paragraph."""
    if text.startswith("- ") or text == "-":
        return "\\" + text
    return text


def _cell(text: str) -> str:
    escaped = re.sub(r"([\\|])", r"\\\1", text)
    # A cell of dashes alone would make its row look like the width rule.
    return "\\" + escaped if _RULE_CELL.match(text) else escaped


def serialise(blocks: tuple[Block, ...] | list[Block]) -> str:
    """Blocks → canonical markup; blocks are separated by one blank line."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(_escape_line_start(serialise_inline(block.runs)))
        elif isinstance(block, BulletList):
            out.append("\n".join(f"- {serialise_inline(item)}".rstrip() for item in block.items))
        elif isinstance(block, Table):
            lines = []
            if block.header:
                lines.append("| " + " | ".join(_cell(c) for c in block.header) + " |")
            lines.append("|" + "|".join("-" * w for w in block.widths) + "|")
            lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows)
            out.append("\n".join(lines))
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(type(block))
    return "\n\n".join(out)

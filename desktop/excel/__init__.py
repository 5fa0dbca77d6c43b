"""Excel workbooks: import templates, all-or-nothing imports, and printable exports.

* :mod:`.templates` writes the import templates (``thidua template``);
* :mod:`.importer` reads a filled workbook into a preview and saves it in one
  transaction (``thidua import``);
* :mod:`.export` writes the ledger of a campaign or a period (``thidua export ledger``);
* :mod:`.style` holds the shared look (title block, table, print setup) and the
  atomic save every export uses;
* :mod:`.workbook` opens workbooks from outside defensively (zip and XML bombs,
  encrypted files, huge sheets) before :mod:`openpyxl` reads them.

Nothing here imports Qt.
"""
from __future__ import annotations

from desktop.excel.importer import (
    ImportIssue,
    ImportPreview,
    ImportRejected,
    PreviewRow,
    apply,
    read_achievements,
    read_people,
)

__all__ = [
    "ImportIssue", "ImportPreview", "ImportRejected", "PreviewRow",
    "apply", "read_achievements", "read_people",
]

"""One cancel protocol for long domain work: a Progress that raises Cancelled at the next report.

The window's operations (:mod:`desktop.ui.operations`) pass a
:class:`desktop.progress.Progress`; these tests drive the domain functions with
one directly, without Qt: what each reports, and that a cancel leaves nothing.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.records import backup as backup_mod
from desktop.excel import templates
from desktop.excel.importer import read
from desktop.campaigns.plans import parse_plan_text
from desktop.progress import Cancelled, Progress, progress_of

TODAY = dt.date(2025, 6, 1)
PLANS = Path(__file__).resolve().parent / "data" / "plans"


def cancelled_after(n: int) -> tuple[Progress, list]:
    """A progress whose user presses Cancel while the ``n``-th report is shown."""
    heard: list = []

    def report(done, total, message):
        heard.append((done, total, message))
        if len(heard) >= n:
            progress.cancel()

    progress = Progress(report)
    return progress, heard


def test_progress_of_takes_none_a_callable_or_a_progress():
    assert progress_of(None)(1, 2, "x") is None            # reports to nobody, never fails
    heard = []
    wrapped = progress_of(lambda *a: heard.append(a))
    wrapped(1, 2)
    assert heard == [(1, 2, "")]
    same = Progress()
    assert progress_of(same) is same


def test_reading_a_workbook_reports_its_rows_and_stops_when_cancelled(demo_store, tmp_path):
    from openpyxl import load_workbook

    path = templates.write_template(demo_store, "people", tmp_path / "mau.xlsx", today=TODAY)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for i in range(120):
        sheet.cell(row=2 + i, column=1, value=f"Người Thứ {i + 1}")
    book.save(path)

    heard = []
    preview = read(demo_store, "people", path, Progress(lambda *a: heard.append(a)))
    assert preview.count == 120
    assert [done for done, _total, _m in heard] == [0, 50, 100, 120] and heard[0][1] == 120
    assert "dòng 2" in heard[0][2]

    progress, heard = cancelled_after(2)
    with pytest.raises(Cancelled):
        read(demo_store, "people", path, progress)
    assert len(heard) == 2


def test_reading_a_plan_stops_between_its_steps(tmp_path):
    text = next(p for p in sorted(PLANS.iterdir()) if p.suffix == ".txt").read_text(encoding="utf-8")
    heard = []
    parse_plan_text(text, progress=Progress(lambda *a: heard.append(a)))
    assert len(heard) >= 3
    progress, heard = cancelled_after(3)
    with pytest.raises(Cancelled):
        parse_plan_text(text, progress=progress)
    assert len(heard) == 3


@pytest.mark.parametrize("when", [1, 2])
def test_a_cancelled_backup_leaves_no_file(demo_store, tmp_path, when):
    progress, heard = cancelled_after(when)
    out = tmp_path / "sao-luu"
    out.mkdir()
    with pytest.raises(Cancelled):
        backup_mod.backup(demo_store, out, progress=progress)
    assert list(out.iterdir()) == [] and len(heard) == when


def test_a_cancel_after_the_backup_is_saved_comes_too_late(demo_store, tmp_path):
    progress, heard = cancelled_after(3)   # pressed while "Đang lưu bản sao lưu…" shows
    result = backup_mod.backup(demo_store, tmp_path / "b.sqlite", progress=progress)
    assert result.path.is_file() and heard[-1] == (3, 3, "")

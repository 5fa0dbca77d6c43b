"""Dates as clerks type them (dd/mm/yyyy) and as the database stores them (ISO)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.dates import DateError, format_date, from_iso, parse_date, to_iso


@pytest.mark.parametrize("typed", [
    "05/09/2025", "5/9/2025", "05.09.2025", "05-09-2025", " 05 / 09 / 2025 ", "5.9.2025", "2025-09-05", " 2025-09-05 ",
])
def test_parse_date_variants(typed):
    assert parse_date(typed) == dt.date(2025, 9, 5)


def test_day_comes_before_month():
    # 03/04 is the 3rd of April in Vietnam, never the 4th of March.
    assert parse_date("03/04/2025") == dt.date(2025, 4, 3)
    assert parse_date("31/12/2024") == dt.date(2024, 12, 31)


def test_parse_date_accepts_a_date():
    d = dt.date(2024, 2, 29)
    assert parse_date(d) is d


@pytest.mark.parametrize("typed, message", [
    ("31/02/2025", "Không có ngày 31/02/2025"),
    ("29/02/2025", "Không có ngày 29/02/2025"),
    ("00/01/2025", "Không có ngày 00/01/2025"),
    ("15/13/2025", "Không có ngày 15/13/2025"),
    ("32/01/2025", "Không có ngày 32/01/2025"),
    ("2025-02-30", "Không có ngày 30/02/2025"),
    ("01/01/1899", "Năm 1899 không hợp lệ"),
    ("01/01/2201", "Năm 2201 không hợp lệ"),
])
def test_impossible_dates_are_refused_in_vietnamese(typed, message):
    with pytest.raises(DateError) as info:
        parse_date(typed)
    assert message in str(info.value)


@pytest.mark.parametrize("typed", ["", "   ", "hôm nay", "5 tháng 9", "05/09/25", "05/09", "2025/09/05",
                                   "05/09/2025 10:00", "0x/09/2025", None])
def test_text_that_is_not_a_date_is_refused_in_vietnamese(typed):
    with pytest.raises(DateError) as info:
        parse_date(typed)
    assert str(info.value) == "Ngày phải có dạng ngày/tháng/năm, ví dụ 05/09/2025."


def test_date_error_is_a_value_error():
    assert issubclass(DateError, ValueError)


def test_leap_day():
    assert parse_date("29/02/2024") == dt.date(2024, 2, 29)


def test_iso_round_trip_and_display():
    assert to_iso("05/09/2025") == "2025-09-05"
    assert to_iso(dt.date(2025, 9, 5)) == "2025-09-05"
    assert to_iso(None) is None
    assert to_iso("") is None
    assert from_iso("2025-09-05") == dt.date(2025, 9, 5)
    assert from_iso(None) is None
    assert from_iso("") is None
    assert format_date("2025-09-05") == "05/09/2025"
    assert format_date(dt.date(2025, 1, 2)) == "02/01/2025"
    assert format_date(None) == ""


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_display_then_parse_is_identity(d):
    assert parse_date(format_date(d)) == d
    assert from_iso(to_iso(format_date(d))) == d


# -- PartialDate: the one type for dates as precise as written (plans, campaigns, registration) -----------

from desktop.dates import PartialDate  # noqa: E402


@pytest.mark.parametrize("stored, text, worded, first, last", [
    ("2025-07-28", "28/07/2025", "ngày 28/07/2025", dt.date(2025, 7, 28), dt.date(2025, 7, 28)),
    ("2025-02", "02/2025", "tháng 02/2025", dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
    ("2024-02", "02/2024", "tháng 02/2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2025", "2025", "năm 2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
])
def test_a_partial_date_is_written_and_bounded_as_precisely_as_stored(stored, text, worded, first, last):
    date = PartialDate.from_iso(stored)
    assert (date.iso(), date.text(), date.worded()) == (stored, text, worded)
    assert (date.first_day(), date.last_day()) == (first, last)


def test_a_yearly_day_is_read_only_where_a_yearly_day_is_allowed():
    assert PartialDate.parse("05/01", yearly=True) == PartialDate(None, 1, 5)
    assert PartialDate.parse("05/01", yearly=True).worded() == "ngày 05/01 hằng năm"
    with pytest.raises(ValueError):
        PartialDate.parse("05/01")
    assert PartialDate.parse("29/02", yearly=True).exists()
    with pytest.raises(ValueError):
        PartialDate.parse("30/02", yearly=True)


@pytest.mark.parametrize("stored", ["2025-7", "28/07/2025", "--1-05", "năm 2025"])
def test_text_that_is_no_stored_partial_date_is_refused(stored):
    with pytest.raises(ValueError):
        PartialDate.from_iso(stored)


def test_the_day_before_a_yearly_first_of_march_is_the_28th():
    assert PartialDate(None, 3, 1).day_before() == PartialDate(None, 2, 28)
    assert PartialDate(2024, 3, 1).day_before() == PartialDate(2024, 2, 29)

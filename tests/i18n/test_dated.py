"""Dates shown with month and weekday names: English exactly as before (strftime), Chinese by CLDR (Babel)."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.core.formats import dated
from sellertui.core.i18n import set_language
from sellertui.domain.profit.periods import label

DAY = date(2026, 12, 5)
CASES = [("%A %d %B %Y", "yMMMEd", "Saturday 05 December 2026", "2026年12月5日周六"),
         ("%a %d %b", "MMMEd", "Sat 05 Dec", "12月5日周六"),
         ("%d %b", "MMMd", "05 Dec", "12月5日"),
         ("%b %Y", "yMMM", "Dec 2026", "2026年12月"),
         ("%b", "MMM", "Dec", "12月"),
         ("%a", "E", "Sat", "周六")]


@pytest.mark.parametrize("english, skeleton, en, zh", CASES)
def test_english_keeps_its_layout(english, skeleton, en, zh) -> None:
    assert dated(DAY, english, skeleton) == en


@pytest.mark.parametrize("english, skeleton, en, zh", CASES)
def test_chinese_months_and_weekdays(chinese, english, skeleton, en, zh) -> None:
    assert dated(DAY, english, skeleton) == zh


def test_a_pnl_column_heading(chinese) -> None:
    assert label("2026-11", "month") == "2026年11月"
    set_language("en")
    assert label("2026-11", "month") == "Nov 2026"

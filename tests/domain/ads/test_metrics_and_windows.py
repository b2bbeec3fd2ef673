"""Ratios (blank, never zero, when undefined), ASIN terms, sources, windows and multi-day rows."""

from __future__ import annotations

import math
from datetime import date

import pytest

from sellertui.domain.ads.metrics import is_asin, pct, source_of
from sellertui.domain.ads.days import clip, counted, day_number, report_table
from sellertui.domain.ads.terms import build_frame
from sellertui.domain.ads.window import Window
from tests.domain.ads.helpers import row, terms


def test_ratios_by_hand_and_blank_when_undefined() -> None:
    frame = terms(row("a", clicks=20, orders=2, spend=1000, sales=4000, impressions=2000),
                  row("b", clicks=0, impressions=0), row("c", clicks=5, spend=300, impressions=100))
    a, b, c = (frame[frame["term"] == t].iloc[0] for t in "abc")
    assert (a["ctr"], a["cpc_minor"], a["cvr"], a["acos"], a["roas"]) == (0.01, 50.0, 0.1, 0.25, 4.0)
    assert all(math.isnan(b[k]) for k in ("ctr", "cpc_minor", "cvr", "acos", "roas"))  # zero clicks, zero impressions
    assert math.isnan(c["acos"]) and c["roas"] == 0.0 and pct(c["acos"]) == ""  # no sales: ACoS blank, not 0 %


@pytest.mark.parametrize("term, expected", [("b0abc12345", True), ("B0ABC12345", True), (" b0abc12345 ", True),
                                            ("b0abc1234", False), ("bamboo b0abc12345", False), ("a0abc12345", False)])
def test_asin_terms(term: str, expected: bool) -> None:
    assert is_asin(term) is expected


@pytest.mark.parametrize("match, targeting, source", [
    ("EXACT", "bamboo board", "exact"), ("PHRASE", "bamboo", "phrase"), ("BROAD", "bamboo", "broad"),
    ("-", "close-match", "auto"), ("BROAD", "*", "auto"),  # old files: auto with BROAD
    ("-", 'asin="B0ABC12345"', "product"), ("-", 'category="123"', "product"),
])
def test_sources(match: str, targeting: str, source: str) -> None:
    assert source_of(match, targeting) == source


def test_window_presets_steps_and_months() -> None:
    window = Window.last(30, date(2026, 11, 21))
    assert (window.start, window.days, window.preset) == (date(2026, 10, 23), 30, 30)
    earlier = window.step(-1)
    assert (earlier.start, earlier.end) == (date(2026, 9, 23), date(2026, 10, 22))
    assert window.next_preset().days == 60 and Window.last(90, window.end).next_preset().days == 7
    assert Window.last(90, window.end).months() == ["2026-08", "2026-09", "2026-10", "2026-11"]
    custom = Window.custom(date(2026, 10, 1), date(2026, 10, 31))
    assert custom.preset is None and custom.label.startswith("custom") and custom.next_preset().days == 60
    with pytest.raises(ValueError):
        Window.custom(date(2026, 10, 2), date(2026, 10, 1))


def test_a_window_holds_whole_rows_and_the_share_of_the_days_of_rows_reaching_past_it() -> None:
    rows = build_frame([row("daily", day="2026-11-01", spend=100), row("summary", day="2026-10-20", end="2026-10-26",
                                                                          spend=700),
                        row("inside", day="2026-10-23", end="2026-11-21", spend=3000)])
    window = Window.last(30, date(2026, 11, 21))  # Oct 23 – Nov 21
    cut = clip(counted(rows, report_table([])), day_number(window.start), day_number(window.end), ("spend_minor",))
    held = dict(zip(cut["term"], zip(cut["spend_minor"], cut["partial"], cut["date"])))
    assert held == {"daily": (100, False, "2026-11-01"), "inside": (3000, False, "2026-10-23"),
                    "summary": (400, True, "2026-10-23")}  # Oct 23–26: 4 of its 7 days


def test_aggregation_sums_by_term_campaign_group_and_match_and_keeps_ids() -> None:
    frame = terms(row("t", clicks=3, spend=90, campaign_id="", ad_group_id=""),  # a summary row: no ids
                  row("t", clicks=2, spend=60, day="2026-11-11", targeting="loose-match"),
                  row("t", clicks=1, spend=30, match="BROAD", targeting="bamboo"))
    auto = frame[frame["match_type"] == "-"].iloc[0]
    assert (auto["clicks"], auto["spend_minor"], auto["campaign_id"], auto["ad_group_id"]) == (5, 150, "111", "222")
    assert len(frame) == 2


def test_fourteen_day_attribution_is_carried_and_mixed_windows_say_so() -> None:
    frame = terms(row("t", clicks=3, attribution=14), row("t", clicks=2, attribution=14, day="2026-11-11"),
                  row("m", clicks=1, attribution=7), row("m", clicks=1, attribution=14, day="2026-11-11"))
    t = frame[frame["term"] == "t"].iloc[0]
    m = frame[frame["term"] == "m"].iloc[0]
    assert (t["attribution_min"], t["attribution_max"]) == (14, 14)
    assert (m["attribution_min"], m["attribution_max"]) == (7, 14)

"""The ledger's flag on negated terms that sold elsewhere later; weekly spend, sales, ACoS, TACoS."""

from __future__ import annotations

import math
from datetime import date

import pytest

from sellertui.domain.ads.days import counted, per_day, report_table
from sellertui.domain.ads.ledger import converted_later, ledger_frame
from sellertui.domain.ads.overview import sales_frame, weekly, weeks_window
from sellertui.domain.ads.terms import build_frame
from tests.domain.ads.helpers import row

NEGATION = {"id": "n1", "kind": "negate", "status": "exported", "term": "oak board", "campaign": "SP | Auto | ABC",
            "ad_group": "Auto – ABC", "decided_at": "2026-11-05T10:00:00+00:00"}


def test_a_negated_term_that_sold_elsewhere_later_is_flagged() -> None:
    later = build_frame([
        row("oak board", orders=2, sales=4000, campaign="SP | Exact | ABC", ad_group="Exact – ABC",
            day="2026-11-08"),
        row("Oak Board", orders=1, sales=2000, campaign="SP | Broad | ABC", ad_group="Broad – ABC",
            day="2026-11-09"),
        row("oak board", orders=5, sales=9000, day="2026-11-08"),  # in its own source: not "elsewhere"
        row("oak board", orders=3, sales=6000, campaign="SP | Exact | ABC", day="2026-11-04"),  # before
    ])
    flags = converted_later([NEGATION], later)
    assert flags == {"n1": "sold 3 elsewhere ($60.00): SP | Exact | ABC (2), SP | Broad | ABC (1)"}
    rejected = {**NEGATION, "id": "r1", "status": "rejected"}
    assert converted_later([rejected], later) == {}
    frame = ledger_frame([NEGATION, {**NEGATION, "id": "n0", "decided_at": "2026-10-01T10:00:00+00:00"}], flags)
    assert list(frame["id"]) == ["n1", "n0"] and list(frame["flag"]) == [flags["n1"], ""]
    assert list(frame["day"]) == ["2026-11-05", "2026-10-01"]


def test_weeks_run_monday_to_sunday_and_end_with_the_week_of_the_day() -> None:
    weeks = weeks_window(date(2026, 11, 21), 2)  # a Saturday
    assert (weeks.start, weeks.end) == (date(2026, 11, 9), date(2026, 11, 22))


def by_day(*rows: dict):
    """Rows (each its own report) as the days ``spend.spend_days`` gives."""
    return per_day(counted(build_frame(list(rows)), report_table([])), ("spend_minor", "sales_minor", "orders", "clicks"))


def test_weekly_spend_sales_acos_and_tacos_by_hand() -> None:
    weeks = weeks_window(date(2026, 11, 21), 2)
    ads = by_day(
        row("a", spend=1000, sales=4000, orders=2, day="2026-11-10"),
        row("b", spend=500, sales=0, day="2026-11-15"),
        row("c", spend=2000, sales=5000, orders=1, day="2026-11-17"),
        row("s", spend=9999, sales=9999, day="2026-11-14", end="2026-11-17"),  # spans two weeks: 2 days in each
        row("e", spend=100, sales=100, currency="EUR", day="2026-11-17"),  # another currency
    )
    orders = sales_frame([
        {"purchase_date": "2026-11-11T10:00:00+00:00", "item_price_minor": 20000, "currency": "USD"},
        {"purchase_date": "2026-11-12T10:00:00+00:00", "item_price_minor": 5000, "currency": "USD",
         "status": "Cancelled"},
        {"purchase_date": "2026-11-18T10:00:00+00:00", "item_price_minor": 10000, "currency": "USD"},
        {"purchase_date": "2026-11-01T10:00:00+00:00", "item_price_minor": 77777, "currency": "USD"},  # before
    ])
    frame = weekly(ads, orders, weeks, "USD")
    assert list(frame["week"]) == ["2026-11-09", "2026-11-16"]
    assert list(frame["spend_minor"]) == [1500 + 4999, 2000 + 5000]  # 9999 over 4 days: 4999 + 5000
    assert list(frame["sales_minor"]) == [4000 + 4999, 5000 + 5000]
    assert list(frame["spread_minor"]) == [4999, 5000]
    assert list(frame["total_sales_minor"]) == [20000, 10000]  # the cancelled line counts nothing
    assert frame["acos"].tolist() == pytest.approx([6499 / 8999, 0.7])
    assert frame["tacos"].tolist() == pytest.approx([6499 / 20000, 0.7])


def test_a_week_without_sales_has_blank_ratios() -> None:
    weeks = weeks_window(date(2026, 11, 21), 1)
    frame = weekly(by_day(row("a", spend=300, day="2026-11-17")), sales_frame([]), weeks, "USD")
    assert math.isnan(frame["acos"].iloc[0]) and math.isnan(frame["tacos"].iloc[0])

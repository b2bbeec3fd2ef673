"""Where a report's period and marketplace come from when the cells do not say."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.core.errors import UserError
from sellertui.importers.locale import decide, market_of_marketplace
from sellertui.importers.period import choices, dates_in_name, download_day, resolve


@pytest.mark.parametrize("name, day_first, expected", [
    ("BusinessReport-15-10-2025.csv", True, [date(2025, 10, 15)]),
    ("BusinessReport-10-15-2025.csv", False, [date(2025, 10, 15)]),
    ("BusinessReport-03-04-2025.csv", True, [date(2025, 4, 3)]),
    ("BusinessReport-03-04-2025.csv", False, [date(2025, 3, 4)]),
    ("bulk-2026-01-01-2026-01-31.xlsx", False, [date(2026, 1, 1), date(2026, 1, 31)]),
    ("report_20260105_20260111.csv", False, [date(2026, 1, 5), date(2026, 1, 11)]),
    ("settlement 50034020328.txt", False, []),  # an id is no date
    ("BusinessReport-31-02-2025.csv", True, []),  # no such day
])
def test_dates_in_file_names(name, day_first, expected) -> None:
    assert dates_in_name(name, day_first) == expected


def test_the_period_option_wins_and_says_so() -> None:
    assert str(resolve("2026-01-01..2026-01-31", "BusinessReport-15-10-2025.csv", True)) == "2026-01-01..2026-01-31"
    named = resolve(None, "BusinessReport-2026-01-31-2026-01-01.csv", True)
    assert (str(named), named.source) == ("2026-01-01..2026-01-31", "the file name")
    assert resolve(None, "report.csv", True) is None


def test_one_date_in_a_name_is_the_download_day_not_a_period() -> None:
    assert resolve(None, "BusinessReport-15-10-2025.csv", True) is None
    assert download_day("BusinessReport-10-15-2025.csv", False) == date(2025, 10, 15)
    assert download_day("bulk-2026-01-01-2026-01-31.xlsx", False) is None


@pytest.mark.parametrize("saved, month, days", [
    (date(2025, 10, 15), ("2025-09-01", "2025-09-30"), ("2025-09-15", "2025-10-14")),
    (date(2026, 1, 1), ("2025-12-01", "2025-12-31"), ("2025-12-02", "2025-12-31")),
    (date(2024, 3, 1), ("2024-02-01", "2024-02-29"), ("2024-01-31", "2024-02-29")),
])
def test_the_periods_offered_for_a_download(saved, month, days) -> None:
    (label, *offered_month), (_, *offered_days) = choices(saved)
    assert tuple(offered_month) == month and tuple(offered_days) == days and label.startswith("the last full month")
    with pytest.raises(UserError, match="--period '2026-13-01' is not a period"):
        resolve("2026-13-01", "x.csv", False)


def test_market_hints_in_order() -> None:
    assert decide("de", "US", ["USD"], [], [], [], []).source == "--market DE"
    by_place = decide(None, "US", [], [], ["Amazon.co.uk"], ["$1"], [])
    assert (by_place.market.code, by_place.currency, by_place.source) == ("UK", "GBP", "the file's marketplace column")
    assert decide(None, "US", ["JPY"], [], [], [], []).market.code == "JP"
    assert decide(None, "US", [], ["Germany"], [], [], []).market.code == "DE"
    assert decide(None, "US", [], [], [], ["", "Rs.961.62"], []).market.code == "IN"
    assert decide(None, "US", [], [], [], [], ['"All amounts in CAD, unless specified"']).currency == "CAD"
    fallback = decide(None, "FR", [], [], [], ["12,00"], [])
    assert (fallback.market.code, fallback.decimal_comma, fallback.source) == ("FR", True, "your settings")


@pytest.mark.parametrize("written, code", [("Amazon.com", "US"), ("amazon.co.uk", "UK"), ("www.amazon.de", "DE"),
                                           ("GB", "UK"), ("Non-Amazon", None), ("", None), ("India", "IN")])
def test_marketplace_names(written, code) -> None:
    assert market_of_marketplace(written) == code

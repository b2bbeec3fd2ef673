"""The P&L's ad spend from imported ads reports: overlapping reports counted once, spread to the cent, marked ~."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.core.split import share
from sellertui.domain.profit.pnl import working
from tests.ads_files import each_day, sb_daily, sp_daily, sp_summary, sp_targeting
from tests.domain.profit.conftest import MUG, order
from tests.importers.conftest import run_import


def months(statement, key: str = "ads") -> dict[str, int]:
    return {p: statement.values[key][i] for i, p in enumerate(statement.periods) if statement.values[key][i]}


def marks(statement) -> dict[str, bool]:
    """Per period with ad spend: is it marked ~?"""
    return {p: statement.estimated["ads"][i] for i, p in enumerate(statement.periods) if statement.values["ads"][i]}


@pytest.fixture
def shop(profit):
    """A P&L with an order each month from November to January (so every month shows)."""
    return lambda: profit(products=[{"id": "MUG", **MUG}],
                          orders=[order(o, d, 1, 2000) for o, d in (("N", "2025-11-20"), ("D", "2025-12-10"),
                                                                     ("J", "2026-01-10"))])


def test_two_61_day_reports_sharing_53_days_count_the_shared_days_once(shop, store, tmp_path: Path) -> None:
    # the case: 89.17 + 222.21 was booked as 311.38; the newer report answers for the days both cover
    run_import(store, sp_summary(tmp_path / "a.csv", "2025-11-24", "2026-01-23", {"bamboo board": 8917}))
    run_import(store, sp_summary(tmp_path / "b.csv", "2025-12-02", "2026-01-31", {"bamboo board": 22221}))
    service = shop()
    statement = service.statement("month")
    older = share(8917, 61, 0, 7)  # Nov 24 – Dec 1, the only days no newer report covers
    assert months(statement) == {
        "2025-11": -share(8917, 61, 0, 6),
        "2025-12": -(share(8917, 61, 7, 7) + share(22221, 61, 0, 29)),
        "2026-01": -share(22221, 61, 30, 60),
    }
    assert sum(months(statement).values()) == -(older + 22221) == -23390
    # every month holds part of a report that reaches past it: marked ~, and the working says why
    assert marks(statement) == {"2025-11": True, "2025-12": True, "2026-01": True}
    _, paragraphs = working(statement, statement.periods.index("2026-01"), service.ledger()[0])
    spread = [p for p in paragraphs if p.startswith("~ ad spend: ")]
    assert len(spread) == 1 and "2025-12-02..2026-01-31" in spread[0]
    assert spread[0].startswith(f"~ ad spend: -${share(22221, 61, 30, 60) / 100:,.2f} of it")  # January's share


def test_a_report_of_exactly_a_month_is_exact_for_the_month_and_spread_for_its_weeks(shop, store, tmp_path) -> None:
    run_import(store, sp_summary(tmp_path / "jan.csv", "2026-01-01", "2026-01-31", {"bamboo board": 3100}))
    service = shop()
    monthly = service.statement("month")
    assert months(monthly)["2026-01"] == -3100 and not marks(monthly)["2026-01"]
    weekly = service.statement("week")
    assert sum(months(weekly).values()) == -3100 and all(marks(weekly)[p] for p in months(weekly))


def test_a_daily_report_and_a_newer_summary_meet_on_the_day_grain(shop, store, tmp_path: Path) -> None:
    run_import(store, sp_daily(tmp_path / "daily.csv", {d: {"bamboo board": 100} for d in each_day("2026-01-01",
                                                                                                      "2026-01-20")}))
    run_import(store, sp_summary(tmp_path / "summary.csv", "2026-01-11", "2026-01-31", {"bamboo board": 2100}))
    january = months(shop().statement("month"))["2026-01"]
    assert january == -(10 * 100 + 2100)  # the daily report's Jan 1–10, then the summary's 21 days


def test_sponsored_brands_spend_counts_beside_sponsored_products(shop, store, tmp_path: Path) -> None:
    run_import(store, sp_summary(tmp_path / "sp.csv", "2026-01-01", "2026-01-31", {"bamboo board": 3100}))
    run_import(store, sb_daily(tmp_path / "sb.csv", {"2026-01-10": {"maple moss": 450}, "2026-01-11": {"maple": 50}}))
    service = shop()
    assert months(service.statement("month"))["2026-01"] == -3600
    records = service.records("2026-01", "month", "ads")
    assert int(records["home_minor"].sum()) == -3600
    assert set(records["collection"]) == {"search_terms"} and any("SB" in r for r in records["ref"])


def test_a_targeting_report_of_the_same_days_does_not_count_the_spend_again(shop, store, tmp_path: Path) -> None:
    run_import(store, sp_summary(tmp_path / "terms.csv", "2026-01-01", "2026-01-31", {"a": 1000, "b": 2000}))
    run_import(store, sp_targeting(tmp_path / "targets.csv", "2026-01-11", "2026-01-31", {"close-match": 2500}))
    service = shop()
    # Jan 1–10 from the search terms (the targeting report does not cover them), Jan 11–31 from the targeting one
    assert months(service.statement("month"))["2026-01"] == -(share(3000, 31, 0, 9) + 2500)
    kinds = set(service.records("2026-01", "month", "ads")["collection"])
    assert kinds == {"search_terms", "ad_targeting"}


def test_the_settlements_cost_of_advertising_wins_for_every_ad_product(shop, store, profit, tmp_path) -> None:
    run_import(store, sb_daily(tmp_path / "sb.csv", {"2026-01-10": {"maple moss": 450}}))
    service = profit(settlements=[{"id": "S1|ads", "settlement_id": "S1", "posted_date": "2026-01-15T00:00:00+00:00",
                                   "transaction_type": "ServiceFee", "amount_description": "Cost of Advertising",
                                   "amount_type": "Cost of Advertising", "amount_minor": -5000, "currency": "USD",
                                   "marketplace": "US"}],
                     orders=[order("J", "2026-01-10", 1, 2000)], products=[{"id": "MUG", **MUG}])
    assert months(service.statement("month"))["2026-01"] == -5000  # the settlement's, not both


def test_a_kind_with_daily_reports_answers_for_its_days_before_summaries(shop, store, tmp_path: Path) -> None:
    run_import(store, sp_daily(tmp_path / "daily.csv", {d: {"bamboo board": 100} for d in each_day("2026-01-01",
                                                                                                      "2026-01-20")}))
    run_import(store, sp_summary(tmp_path / "summary.csv", "2026-01-11", "2026-01-31", {"bamboo board": 2100}))
    run_import(store, sp_targeting(tmp_path / "targets.csv", "2026-01-01", "2026-01-31", {"close-match": 3100}))
    # Jan 1–20: the search terms (a daily report covers them; the summary wins Jan 11–20 within them);
    # Jan 21–31: the targeting report, the only kind left to answer for them
    expected = 10 * 100 + share(2100, 21, 0, 9) + share(3100, 31, 20, 30)
    assert months(shop().statement("month"))["2026-01"] == -expected

"""Subscription and storage are estimated in months no settlement covers; a missing settlement is flagged."""

from __future__ import annotations

from datetime import date

from sellertui.domain.profit.account_fees import uncovered_months
from sellertui.domain.profit.flags import settlement_gaps
from tests.domain.profit.conftest import MUG, order


def _statement(profit, **collections):
    statement = profit(**collections).statement("month")
    return statement, {p: i for i, p in enumerate(statement.periods)}


def test_storage_is_units_times_cubic_feet_times_the_months_rate(profit) -> None:
    stocked = {"id": "MUG", **MUG, "cubic_feet": 0.25, "stock": {"fba_available": 90, "reserved": 10}}
    plain = {"id": "CUP", **MUG, "sku": "CUP", "stock": {"fba_available": 40}}  # no size: the default 0.1 ft³
    statement, at = _statement(profit, products=[stocked, plain],
                               orders=[order("A", "2026-09-10", 1, 2000), order("B", "2026-10-10", 1, 2000)])
    # September: 100 × 0.25 × $0.78 + 40 × 0.1 × $0.78 = 19.50 + 3.12; October (peak): × $2.40 = 60.00 + 9.60
    assert statement.values["storage"][at["2026-09"]] == -(1950 + 312)
    assert statement.values["storage"][at["2026-10"]] == -(6000 + 960)
    assert statement.figure("storage", at["2026-10"]) == "~-$69.60"
    assert statement.values["subscription"][at["2026-09"]] == -3999
    codes = {f.code: f.text for f in statement.flags[at["2026-09"]]}
    assert "subscription and storage estimated" in codes["no_settlement"]


def test_a_month_a_settlement_covers_carries_its_own_fees_only(profit) -> None:
    summary = {"id": "S9", "settlement_id": "S9", "start": "2026-09-01", "end": "2026-09-14", "marketplace": "US"}
    statement, at = _statement(profit, products=[{"id": "MUG", **MUG, "stock": {"fba_available": 100}}],
                               orders=[order("A", "2026-09-10", 1, 2000), order("B", "2026-10-10", 1, 2000)],
                               settlement_summaries=[summary])
    assert statement.values["subscription"][at["2026-09"]] == 0  # in the settlement, if Amazon charged it
    assert statement.values["subscription"][at["2026-10"]] == -3999
    gaps = [f.text for f in statement.flags[at["2026-09"]] if f.code == "settlement_missing"]
    assert gaps == ["no settlement covers Sep 15–Sep 30 though Amazon settles every 14 days: import it (i) or sync"]


def test_gaps_between_settlements_by_hand() -> None:
    spans = [("US", "2026-08-01", "2026-08-14"), ("US", "2026-08-15", "2026-08-28"), ("US", "2026-09-12", "2026-09-25")]
    assert settlement_gaps(spans, date(2026, 10, 20)) == [
        ("2026-08", date(2026, 8, 29), date(2026, 8, 31)), ("2026-09", date(2026, 9, 1), date(2026, 9, 11)),
        ("2026-09", date(2026, 9, 26), date(2026, 9, 30)), ("2026-10", date(2026, 10, 1), date(2026, 10, 6))]
    assert settlement_gaps([], date(2026, 10, 20)) == []
    assert settlement_gaps([("US", "2026-10-01", "2026-10-14")], date(2026, 10, 20)) == []  # not due yet
    assert uncovered_months(spans, date(2026, 7, 20), date(2026, 10, 20)) == ["2026-07", "2026-10"]


def test_a_yuan_home_converts_the_dollar_subscription_and_storage_at_the_months_rate(profit) -> None:
    """The [profit] estimates are what Amazon charges in the marketplace's currency (USD for US), not yuan."""
    from tests.domain.profit.conftest import write_ecb
    from tests.domain.profit.test_one_conversion import assert_skus_add_up_to_the_pnl

    write_ecb({"2026-08-14": {"USD": "1.1000", "CNY": "7.8000"}})  # August: no rate of the user's, the ECB's
    stocked = {"id": "MUG", **MUG, "cubic_feet": 0.25, "stock": {"fba_available": 90, "reserved": 10}}
    plain = {"id": "CUP", **MUG, "sku": "CUP", "stock": {"fba_available": 40}}
    service = profit(home="CNY", products=[stocked, plain],
                     orders=[order("A", "2026-08-10", 1, 2000), order("B", "2026-09-10", 1, 2000, sku="CUP")],
                     fx_rates=[{"id": "2026-09|USD", "month": "2026-09", "currency": "USD", "rate": "7.1320"}])
    statement = service.statement("month")
    at = {p: i for i, p in enumerate(statement.periods)}
    # September, your rate: $39.99 × 7.1320 = ¥285.20868 → ¥285.21 (not ¥39.99)
    assert statement.values["subscription"][at["2026-09"]] == -28521
    # August, the ECB's: 7.8 / 1.1 = 7.090909 (6 places) × $39.99 = ¥283.5654... → ¥283.57
    assert statement.values["subscription"][at["2026-08"]] == -28357
    # storage: 100 × 0.25 × $0.78 + 40 × 0.1 × $0.78 = $22.62, converted as one sum: × 7.1320 = ¥161.32584 → ¥161.33
    assert statement.values["storage"][at["2026-09"]] == -16133
    records = service.records("2026-09", "month", "subscription")
    assert set(records["currency"]) == {"USD"} and int(records["amount_minor"].sum()) == -3999
    assert int(records["home_minor"].sum()) == -28521
    assert assert_skus_add_up_to_the_pnl(service) >= 2  # every month to today: Σ SKUs + unspread = the P&L

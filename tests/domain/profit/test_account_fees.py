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

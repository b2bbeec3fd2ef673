"""The P&L on hand-worked months: refunds, effective-dated costs, mixed currencies, estimated vs settled fees."""

from __future__ import annotations

from sellertui.domain.profit import pnl
from tests.domain.profit.conftest import MUG, order, write_ecb


def month(statement, period: str) -> dict:
    i = statement.periods.index(period)
    return {k: statement.values[k][i] for k in statement.values} | {"units": statement.units[i],
                                                                     "orders": statement.orders[i]}


def test_a_month_by_hand(profit) -> None:
    service = profit(
        products=[{"id": "MUG", **MUG}],
        orders=[order("A", "2026-10-10", 2, 2000), order("B", "2026-10-20", 1, 1000)],
        returns=[{"id": "R1", "order_id": "A", "sku": "MUG", "quantity": 1, "refund_minor": 1000, "currency": "USD",
                  "marketplace": "US", "refunded_at": "2026-10-25T10:00:00+00:00"}],
        expenses=[{"date": "2026-10-05", "category": "tools", "description": "tool", "amount_minor": 500,
                   "currency": "USD", "recurring": None}],
        search_terms=[{"id": "T1", "date": "2026-10-12", "campaign": "SP", "spend_minor": 700, "currency": "USD",
                       "marketplace": "US"}],
    )
    got = month(service.statement("month"), "2026-10")
    # sales 2000 + 1000; referral 15%; FBA 300 × 3 units; landed cost 500 before Oct 15, 600 from it
    assert got["sales"] == 3000
    assert got["refunds"] == -1000
    assert got["referral"] == -450
    assert got["fulfilment"] == -900
    assert got["cogs"] == -(2 * 500 + 1 * 600)
    assert got["ads"] == -700
    assert got["expenses"] == -500
    assert got["subscription"] == -3999 and got["storage"] == 0  # no settlement: the plan's fee, estimated; no stock
    assert got["net"] == 3000 - 1000 - 450 - 900 - 1600 - 700 - 500 - 3999
    assert (got["units"], got["orders"]) == (3, 2)
    statement = service.statement("month")
    i = statement.periods.index("2026-10")
    assert statement.estimated["referral"][i] and not statement.estimated["cogs"][i]
    assert statement.estimated["subscription"][i] and statement.figure("subscription", i) == "~-$39.99"
    assert statement.margin(i) == got["net"] / 3000


def test_the_records_behind_a_figure_add_up_to_it(profit) -> None:
    service = profit(products=[{"id": "MUG", **MUG}],
                     orders=[order("A", "2026-10-10", 2, 2000), order("B", "2026-10-20", 1, 1000)])
    records = service.records("2026-10", "month", "cogs")
    assert sorted(records["ref"]) == ["A|MUG", "B|MUG"]
    assert int(records["home_minor"].sum()) == -1600
    net = service.records("2026-10", "month", "net")
    assert int(net["home_minor"].sum()) == month(service.statement("month"), "2026-10")["net"]


def test_foreign_money_is_converted_at_its_months_rate_and_a_missing_rate_is_flagged(profit) -> None:
    write_ecb({"2026-10-30": {"USD": "1.1", "CAD": "1.5"}})  # the ECB has nothing for September
    service = profit(
        products=[{"id": "MUG", **MUG, "fees": {"referral_pct": 10.0, "fba_fee_minor": 0}, "costs": []}],
        orders=[order("A", "2026-09-10", 1, 2000, "CAD", "CA", channel="FBM"),
                order("B", "2026-10-10", 1, 2000, "CAD", "CA", channel="FBM"),
                order("C", "2026-10-11", 1, 1000, channel="FBM")],
        fx_rates=[{"id": "2026-10|CAD", "month": "2026-10", "currency": "CAD", "rate": "0.75"}],
    )
    statement = service.statement("month")
    october = month(statement, "2026-10")
    assert october["sales"] == 1500 + 1000  # CAD 20.00 × 0.75 + USD 10.00
    assert october["referral"] == -150 - 100
    september = month(statement, "2026-09")
    assert september["sales"] == 0  # no rate at all: left out of the totals, and flagged
    codes = {f.code for f in statement.flags[statement.periods.index("2026-09")]}
    assert "no_rate" in codes


def test_the_ecb_rate_of_the_month_when_the_user_set_none_and_the_users_own_wins(profit) -> None:
    # two September days: CAD in USD = USD/EUR ÷ CAD/EUR = 1.10/1.50 and 1.20/1.50 -> average 0.766667
    write_ecb({"2026-09-10": {"USD": "1.10", "CAD": "1.50"}, "2026-09-11": {"USD": "1.20", "CAD": "1.50"},
               "2026-10-30": {"USD": "1.10", "CAD": "1.60"}})
    service = profit(
        products=[{"id": "MUG", **MUG, "fees": {"referral_pct": 10.0, "fba_fee_minor": 0}, "costs": []}],
        orders=[order("A", "2026-09-10", 1, 2000, "CAD", "CA", channel="FBM"),
                order("B", "2026-10-10", 1, 2000, "CAD", "CA", channel="FBM")],
        fx_rates=[{"id": "2026-10|CAD", "month": "2026-10", "currency": "CAD", "rate": "0.75"}],
    )
    statement = service.statement("month")
    assert month(statement, "2026-09")["sales"] == 1533  # CAD 20.00 × 0.766667 = 15.33
    assert month(statement, "2026-10")["sales"] == 1500  # the user's 0.75 wins over the ECB's 0.6875
    september = [f for f in statement.flags[statement.periods.index("2026-09")] if f.code == "ecb_rate"]
    assert [f.text for f in september] == [
        "CAD converted at the ECB rate of 2026-09-11: CAD→USD 0.766667, the average of 2 daily ECB reference rate(s) "
        "in 2026-09 (no rate of yours for the month; add one in Rates to use it instead)"]
    assert not [f for f in statement.flags[statement.periods.index("2026-10")] if f.code == "ecb_rate"]
    _, paragraphs = pnl.working(statement, statement.periods.index("2026-09"), service.ledger()[0])
    assert any("ECB rate of 2026-09-11" in p for p in paragraphs)


def test_a_month_past_the_ecb_rates_borrows_their_latest_and_says_so(profit) -> None:
    write_ecb({"2026-10-30": {"USD": "1.10", "CAD": "1.60"}})
    service = profit(products=[{"id": "MUG", **MUG, "costs": []}],
                     orders=[order("A", "2026-11-02", 1, 2000, "CAD", "CA", channel="FBM")])
    statement = service.statement("month")
    assert month(statement, "2026-11")["sales"] == 1375  # 20.00 × 1.10/1.60
    assert "no CAD→USD rate for 2026-11: the ECB rate of 2026-10-30 used" in [f.text for f in statement.flags[-1]]


def test_a_borrowed_rate_is_used_and_flagged(profit) -> None:
    write_ecb({"2026-09-30": {"USD": "1.10", "CAD": "1.60"}})  # older than the user's own rate
    service = profit(products=[{"id": "MUG", **MUG, "costs": []}],
                     orders=[order("A", "2026-11-02", 1, 2000, "CAD", "CA", channel="FBM")],
                     fx_rates=[{"id": "2026-10|CAD", "month": "2026-10", "currency": "CAD", "rate": "0.5"}])
    statement = service.statement("month")
    assert month(statement, "2026-11")["sales"] == 1000
    assert "borrowed_rate" in {f.code for f in statement.flags[-1]}


def test_a_settled_order_uses_the_settlements_fees_not_the_fee_table(profit) -> None:
    lines = [
        {"id": "s1", "settlement_id": "9", "posted_date": "2026-10-14T00:00:00+00:00", "transaction_type": "Order",
         "order_id": "A", "sku": "MUG", "amount_type": "ItemPrice", "amount_description": "Principal",
         "amount_minor": 2000, "quantity": 2, "currency": "USD", "marketplace": "US"},
        {"id": "s2", "settlement_id": "9", "posted_date": "2026-10-14T00:00:00+00:00", "transaction_type": "Order",
         "order_id": "A", "sku": "MUG", "amount_type": "ItemFees", "amount_description": "Commission",
         "amount_minor": -333, "currency": "USD", "marketplace": "US"},
        {"id": "s3", "settlement_id": "9", "posted_date": "2026-10-14T00:00:00+00:00", "transaction_type": "Order",
         "order_id": "A", "sku": "MUG", "amount_type": "ItemFees", "amount_description": "FBAPerUnitFulfillmentFee",
         "amount_minor": -640, "currency": "USD", "marketplace": "US"},
        {"id": "s4", "settlement_id": "9", "posted_date": "2026-10-30T00:00:00+00:00",
         "transaction_type": "Storage Fee", "amount_type": "other-transaction", "amount_description": "Storage Fee",
         "amount_minor": -120, "currency": "USD", "marketplace": "US"},
    ]
    service = profit(products=[{"id": "MUG", **MUG}], settlements=lines,
                     orders=[order("A", "2026-10-10", 2, 2000), order("B", "2026-10-20", 1, 1000)])
    statement = service.statement("month")
    got = month(statement, "2026-10")
    assert got["sales"] == 2000 + 1000  # A from the settlement, B from its order
    assert got["referral"] == -333 - 150  # A settled, B estimated (15% of 1000)
    assert got["fulfilment"] == -640 - 300
    assert got["storage"] == -120
    assert got["cogs"] == -(2 * 500 + 600)
    a_referral = service.records("2026-10", "month", "referral")
    assert dict(zip(a_referral["ref"], a_referral["estimated"])) == {"s2": False, "B|MUG": True}


def test_a_month_without_orders_is_flagged_not_zero(profit) -> None:
    service = profit(products=[{"id": "MUG", **MUG}],
                     orders=[order("A", "2026-08-10", 1, 1000), order("B", "2026-10-10", 1, 1000)])
    statement = service.statement("month")
    assert statement.missing(statement.periods.index("2026-09"))
    assert "no_orders" in {f.code for f in statement.flags[statement.periods.index("2026-09")]}


def test_a_monthly_expense_counts_its_share_of_each_period() -> None:
    from datetime import date

    from sellertui.domain.profit.expenses import occurrences

    salary = {"date": "2026-09-16", "amount_minor": 3000, "recurring": "monthly", "until": "2026-10-31"}
    days = list(occurrences(salary, date(2026, 9, 1), date(2026, 11, 30)))
    assert sum(m for d, m in days if d.month == 9) == 1500  # half of September (15 of 30 days)
    assert sum(m for d, m in days if d.month == 10) == 3000
    assert not [d for d, _ in days if d.month == 11]


def test_weeks_and_quarters_add_up_to_the_months(profit) -> None:
    service = profit(products=[{"id": "MUG", **MUG}],
                     orders=[order("A", "2026-07-10", 1, 1000), order("B", "2026-08-20", 2, 3000),
                             order("C", "2026-09-30", 1, 500)])
    months = service.statement("month")
    quarter = service.statement("quarter")
    weeks = service.statement("week")
    q3 = quarter.periods.index("2026-Q3")
    in_q3 = [i for i, p in enumerate(months.periods) if p in ("2026-07", "2026-08", "2026-09")]
    assert quarter.values["net"][q3] == sum(months.values["net"][i] for i in in_q3)
    assert sum(weeks.values["sales"]) == sum(months.values["sales"]) == 4500


def test_tiles_are_compared_with_the_period_before_them(profit) -> None:
    from tests.domain.profit.conftest import MUG, order

    service = profit(products=[{"id": "MUG", **MUG}], orders=[
        order("1", "2026-11-22", 1, 2000), order("2", "2026-11-21", 2, 4000), order("3", "2026-11-20", 1, 2000),
        order("4", "2026-10-05", 1, 2000), order("5", "2026-10-25", 3, 6000), order("6", "2026-09-10", 1, 2000)])
    today, yesterday, mtd, forecast, last_month = service.tiles()  # the clock: Sunday 2026-11-22
    assert (today.vs, yesterday.vs, mtd.vs, forecast.vs, last_month.vs) == (
        "vs Sat", "vs Fri", "vs 1–22 Oct", "vs Oct", "vs Sep")
    assert today.before is yesterday and today.change("sales") == -0.5  # $20 against $40
    assert mtd.before.sales == 2000  # 1–22 October: order 4 only
    assert last_month.before.sales == 2000 and last_month.change("sales") == 3.0  # $80 against $20


def test_reimbursements_are_their_own_line_and_never_counted_twice(profit) -> None:
    summary = {"id": "S1", "settlement_id": "S1", "start": "2026-10-15", "end": "2026-10-28", "marketplace": "US"}
    settled = {"id": "S1|1", "settlement_id": "S1", "posted_date": "2026-10-20T08:00:00+00:00",
               "transaction_type": "other-transaction", "amount_type": "", "amount_description": "WAREHOUSE_DAMAGE",
               "amount_minor": 912, "currency": "USD", "marketplace": "US", "order_id": "", "sku": "MUG", "quantity": 1}
    service = profit(
        products=[{"id": "MUG", **MUG}], orders=[order("A", "2026-10-10", 1, 2000)],
        settlement_summaries=[summary], settlements=[settled],
        reimbursements=[
            {"id": "R1|MUG", "reimbursement_id": "R1", "approved_at": "2026-10-03T17:20:11+00:00", "sku": "MUG",
             "amount_minor": 4274, "currency": "USD", "marketplace": "US", "qty_cash": 2, "reason": "Lost_Warehouse"},
            {"id": "R2|MUG", "reimbursement_id": "R2", "approved_at": "2026-10-19T09:00:00+00:00", "sku": "MUG",
             "amount_minor": 912, "currency": "USD", "marketplace": "US", "qty_cash": 1, "reason": "Damaged_Warehouse"},
        ])
    statement = service.statement("month")
    # R1 from the report (no settlement covers Oct 3); R2 is the settlement's WAREHOUSE_DAMAGE line, counted once
    assert month(statement, "2026-10")["reimbursements"] == 4274 + 912
    records = service.records("2026-10", "month", "reimbursements")
    assert sorted(records["source"]) == ["reimbursements report", "settlement"]

"""One conversion path: the per-SKU view adds up to the P&L's lines to the cent, whatever the currencies."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.domain.profit.lines import KEYS
from tests.domain.profit.conftest import MUG, order, write_ecb

SKU_COLUMNS = ("sales", "refunds", "referral", "fulfilment", "promo_fees", "other_fees", "cogs", "storage", "ads")


def assert_skus_add_up_to_the_pnl(service) -> int:
    """Every month: Σ SKUs + what was not spread = each P&L line (returns the months checked)."""
    statement = service.statement("month")
    for index, period in enumerate(statement.periods):
        table, unallocated = service.skus(period, "month")
        for key in KEYS:
            spread = int(table[key].sum()) if key in SKU_COLUMNS and len(table) else 0
            assert spread + unallocated.get(key, 0) == statement.values[key][index], (period, key)
    return len(statement.periods)


def test_every_month_of_the_demo_shop(demo_copy: Path) -> None:
    from sellertui import config
    from sellertui.domain.frames import FrameCache
    from sellertui.domain.profit.service import ProfitService
    from sellertui.store import open_store

    store = open_store(demo_copy, user="ana")
    service = ProfitService(store, FrameCache.for_store(store), config.load(), "ana")
    assert assert_skus_add_up_to_the_pnl(service) >= 6
    store.close()


def test_a_hand_made_month_in_three_currencies(profit) -> None:
    """CAD and EUR sales, fees, refunds, storage and ads in one USD shop: each line converted once per currency."""
    write_ecb({"2026-10-15": {"USD": "1.1000", "CAD": "1.5000"}, "2026-10-16": {"USD": "1.1000", "CAD": "1.5300"}})
    cup = {"id": "CUP", **MUG, "sku": "CUP", "currency": "EUR"}
    settlement = [  # a CAD settlement with storage and a fee without a SKU
        {"id": f"S1|{i}", "settlement_id": "S1", "posted_date": "2026-10-20T08:00:00+00:00", "transaction_type": t,
         "amount_type": "", "amount_description": d, "amount_minor": a, "currency": "CAD", "marketplace": "CA",
         "order_id": o, "sku": k, "quantity": 0}
        for i, (t, d, a, o, k) in enumerate([("Storage Fee", "Storage Fee", -1003, "", ""),
                                             ("ServiceFee", "Subscription", -3999, "", ""),
                                             ("other-transaction", "Vine enrolment fee", -20001, "", "")])]
    service = profit(
        products=[{"id": "MUG", **MUG}, cup],
        orders=[order(f"C{i}", "2026-10-1" + str(i % 9), 1 + i % 3, 1333 + i * 7, "CAD", "CA") for i in range(17)]
        + [order(f"E{i}", "2026-10-2" + str(i % 9), 1, 999 + i, "EUR", "DE", sku="CUP") for i in range(11)]
        + [order(f"U{i}", "2026-10-0" + str(1 + i % 9), 1, 1875, sku="CUP") for i in range(5)],
        settlements=settlement,
        returns=[{"id": "R1", "order_id": "C3", "sku": "MUG", "channel": "FBM", "quantity": 1, "refund_minor": 1001,
                  "currency": "CAD", "refunded_at": "2026-10-25T10:00:00+00:00", "status": "refunded"}],
        fx_rates=[{"id": "2026-10|EUR", "month": "2026-10", "currency": "EUR", "rate": "1.0873"}],
        expenses=[{"id": "X1", "date": "2026-10-03", "category": "storage", "description": "3PL", "amount_minor": 20000,
                   "currency": "CAD", "recurring": "monthly"}],
        search_terms=[{"id": f"T{i}", "date": f"2026-10-{10 + i}", "campaign": "SP | MUG", "spend_minor": 333 + i,
                       "sales_minor": 0, "currency": "CAD", "marketplace": "CA"} for i in range(7)],
    )
    assert assert_skus_add_up_to_the_pnl(service) >= 1
    statement = service.statement("month")
    october = statement.periods.index("2026-10")
    # the CAD storage fee converted once: 10.03 × (1.10/1.50 + 1.10/1.53)/2 = 10.03 × 0.725926 = 7.28
    assert statement.values["storage"][october] == -728


@pytest.mark.parametrize("grain", ["week", "quarter"])
def test_records_behind_a_figure_add_up_to_it(demo_copy: Path, grain: str) -> None:
    from sellertui import config
    from sellertui.domain.frames import FrameCache
    from sellertui.domain.profit.service import ProfitService
    from sellertui.store import open_store

    store = open_store(demo_copy, user="ana")
    service = ProfitService(store, FrameCache.for_store(store), config.load(), "ana")
    statement = service.statement(grain)
    for index in range(len(statement.periods))[-3:]:
        for key in KEYS:
            records = service.records(statement.periods[index], grain, key)
            total = int(records["home_minor"].fillna(0).sum()) if len(records) else 0
            assert total == statement.values[key][index], (statement.periods[index], key)
    store.close()

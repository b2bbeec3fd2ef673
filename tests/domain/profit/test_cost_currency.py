"""A landed cost in its own currency (a yuan quote for a dollar listing): converted once, with the month's rate."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.domain.profit.fx import Rates
from tests.domain.profit.conftest import MUG, order, write_ecb
from tests.domain.profit.test_one_conversion import assert_skus_add_up_to_the_pnl

YUAN_MUG = {"id": "MUG", **MUG, "costs": [{"from": "2026-01-01", "landed_minor": 3550, "currency": "CNY"}]}
ORDERS = ([order(f"O{i}", f"2026-10-0{1 + i}", 1 + i % 2, 1875) for i in range(5)]  # 7 mugs in October
          + [order(f"N{i}", f"2026-11-0{1 + i}", 2, 1875) for i in range(2)])  # 4 in November


def test_a_yuan_cost_in_a_dollar_shop(profit) -> None:
    # November has no rate of the user's: the ECB's CNY→USD = 1.1000 / 7.8000 = 0.141026 (6 places)
    write_ecb({"2026-11-03": {"USD": "1.1000", "CNY": "7.8000"}})
    service = profit(products=[YUAN_MUG], orders=ORDERS,
                     fx_rates=[{"id": "2026-10|CNY", "month": "2026-10", "currency": "CNY", "rate": "0.1402"}])
    statement = service.statement("month")
    october, november = statement.periods.index("2026-10"), statement.periods.index("2026-11")
    # October: 7 × ¥35.50 = ¥248.50 × 0.1402 (your rate) = $34.8397 → $34.84
    assert statement.values["cogs"][october] == -3484
    # November: 4 × ¥35.50 = ¥142.00 × 0.141026 (ECB) = $20.025692 → $20.03
    assert statement.values["cogs"][november] == -2003
    ledger, _ = service.ledger()
    assert ledger.rates[("2026-10", "CNY")].ecb is None and ledger.rates[("2026-11", "CNY")].ecb is not None
    records = service.records("2026-10", "month", "cogs")
    assert set(records["currency"]) == {"CNY"} and int(records["amount_minor"].sum()) == -24850
    assert int(records["home_minor"].sum()) == -3484 and records["note"].iloc[0] == "2 × landed CN¥35.50"
    assert assert_skus_add_up_to_the_pnl(service) == 2


def test_a_yuan_cost_in_a_yuan_home_shop(profit) -> None:
    service = profit(home="CNY", products=[YUAN_MUG], orders=ORDERS,
                     fx_rates=[{"id": f"2026-{m}|USD", "month": f"2026-{m}", "currency": "USD", "rate": r}
                               for m, r in (("10", "7.1320"), ("11", "7.1535"))])
    statement = service.statement("month")
    october, november = statement.periods.index("2026-10"), statement.periods.index("2026-11")
    assert statement.values["cogs"][october] == -24850  # the yuan cost as it is: nothing to convert
    assert statement.values["cogs"][november] == -14200
    # the dollar sales convert instead: 5 lines × $18.75 = $93.75 × 7.1320 = ¥668.625 → ¥668.63
    assert statement.values["sales"][october] == 66863
    assert assert_skus_add_up_to_the_pnl(service) == 2


def test_a_cost_without_a_currency_stays_in_the_listings(profit) -> None:
    service = profit(products=[{"id": "MUG", **MUG}], orders=ORDERS[:1])
    statement = service.statement("month")
    assert statement.values["cogs"][statement.periods.index("2026-10")] == -500  # $5.00, the listing's dollars


def test_unit_economics_convert_the_cost_into_the_listings_currency() -> None:
    from sellertui.domain.economics import unit_economics

    dollar_home = Rates([{"month": "2026-10", "currency": "CNY", "rate": "0.1402"}], "USD")
    econ = unit_economics(YUAN_MUG, "2026-10-20", price_minor=1875, rates=dollar_home)
    assert econ.cost_minor == 498  # ¥35.50 × 0.1402 = $4.9771
    assert "¥35.50" in econ.working[1] and "your rate of 2026-10" in econ.working[1]
    yuan_home = Rates([{"month": "2026-10", "currency": "USD", "rate": "7.1320"}], "CNY")
    assert unit_economics(YUAN_MUG, "2026-10-20", rates=yuan_home).cost_minor == 498  # ¥35.50 ÷ 7.1320 = $4.9776
    unknown = unit_economics(YUAN_MUG, "2026-10-20", rates=Rates([], "USD"))
    assert unknown.cost_minor is None and unknown.break_even_acos is None and "no " in unknown.working[1]


@pytest.mark.parametrize("home", ["CNY", "USD"])
def test_every_month_of_the_chinese_demo_shop(tmp_path: Path, monkeypatch, home: str) -> None:
    from sellertui import config
    from sellertui.demo import generate
    from sellertui.domain.frames import FrameCache
    from sellertui.domain.profit.service import ProfitService
    from sellertui.store import open_store

    store = open_store(tmp_path / "shop", user="ana")
    generate(store, founder="ana", lang="zh-CN")
    product = store["products"].all()[0]
    assert {c.get("currency") for c in product["costs"]} == {"CNY"}
    settings = config.load()
    settings.home_currency = home
    service = ProfitService(store, FrameCache.for_store(store), settings, "ana")
    assert assert_skus_add_up_to_the_pnl(service) >= 6
    ledger, _ = service.ledger()
    cogs = ledger.orders[ledger.orders["cogs"].notna()]
    assert set(cogs["cost_currency"]) == {"CNY"}
    assert cogs["cogs_home"].notna().all()  # every yuan cost found a rate
    store.close()

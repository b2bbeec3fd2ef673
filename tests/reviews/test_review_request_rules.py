"""The Request a Review rules, worked by hand: the delivery day, the 5–30 day window, the exclusions, once per order.

The clock is frozen at 2026-11-22. With the defaults an FBM order shipped on
day S is taken as delivered on S + 3, an FBA order bought on day P on P + 2;
a request may go out from delivery + 5 to delivery + 30.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from sellertui.context import Context
from sellertui.core.errors import UserError
from sellertui.domain.reviews import requests as rules
from sellertui.domain.reviews.requests import Facts, candidate, delivered_on, exclusion, window
from sellertui.domain.reviews.settings import ReviewSettings
from tests.reviews.conftest import order_line

SETTINGS = ReviewSettings()
TODAY = date(2026, 11, 22)
NOTHING = Facts(set(), set(), set(), set(), set())


def fbm(order_id: str, shipped: str, **extra) -> dict:
    return order_line(order_id, "FBM", "Rosa Diaz", shipment={"ship_date": shipped, "carrier": "UPS"}, **extra)


def test_the_delivery_day_is_amazons_else_ship_date_plus_transit_else_purchase_plus_fba_transit() -> None:
    assert delivered_on(fbm("1", "2026-11-01", delivered_at="2026-11-02T18:00:00Z"), SETTINGS) == \
        (date(2026, 11, 2), False)
    assert delivered_on(fbm("1", "2026-11-01"), SETTINGS) == (date(2026, 11, 4), True)
    assert delivered_on(order_line("2", "FBA", "Ola"), SETTINGS) == (date(2026, 10, 30), True)  # bought 10-28
    assert delivered_on(order_line("3", "FBM", "Ola", status="Unshipped"), SETTINGS) == (None, True)


def test_amazons_promised_delivery_date_is_the_estimate_once_the_order_shipped() -> None:
    promised = {"latest_delivery": "2026-11-06", "earliest_delivery": "2026-11-03"}
    assert delivered_on(fbm("1", "2026-11-01", **promised), SETTINGS) == (date(2026, 11, 6), True)
    assert delivered_on(order_line("2", "FBA", "Ola", **promised), SETTINGS) == (date(2026, 11, 6), True)
    assert delivered_on(fbm("1", "2026-11-01", delivered_at="2026-11-02", **promised), SETTINGS) == \
        (date(2026, 11, 2), False)  # a known delivery day beats the promise
    unshipped = order_line("3", "FBM", "Ola", status="Unshipped", **promised)
    assert delivered_on(unshipped, SETTINGS) == (None, True)  # not shipped: nothing is delivered yet
    found = candidate([fbm("4", "2026-11-01", latest_delivery="2026-11-18")], NOTHING, SETTINGS, TODAY)
    assert found is None  # the promise says 11-18: the window opens on 11-23, not on 11-09 (ship date + 3 + 5)
    found = candidate([fbm("4", "2026-11-01", latest_delivery="2026-11-16")], NOTHING, SETTINGS, TODAY)
    assert (found.delivered, found.estimated, found.opens) == ("2026-11-16", True, "2026-11-21")


def test_the_window_is_five_to_thirty_days_after_delivery() -> None:
    assert window(date(2026, 11, 1), SETTINGS) == (date(2026, 11, 6), date(2026, 12, 1))


@pytest.mark.parametrize("shipped, due", [
    ("2026-11-14", True),   # delivered 11-17: the window opens 11-22, today
    ("2026-11-15", False),  # delivered 11-18: opens 11-23, tomorrow
    ("2026-10-20", True),   # delivered 10-23: closes 11-22, today
    ("2026-10-19", False),  # delivered 10-22: closed 11-21, yesterday
])
def test_the_edges_of_the_window(shipped: str, due: bool) -> None:
    assert (candidate([fbm("112-1", shipped)], NOTHING, SETTINGS, TODAY) is not None) is due


@pytest.mark.parametrize("facts, extra, reason", [
    (Facts(set(), set(), {"112-1"}, set(), set()), {}, "asked already"),
    (NOTHING, {"status": "Cancelled", "quantity": 0}, "cancelled"),
    (Facts({"112-1"}, {"112-1"}, set(), set(), set()), {}, "refunded"),
    (Facts({"112-1"}, set(), set(), set(), set()), {}, "returned"),
    (Facts(set(), set(), set(), {"112-1"}, set()), {}, "feedback left already"),
    (Facts(set(), set(), set(), set(), {"B1"}), {"buyer_id": "B1"}, "blacklisted buyer"),
])
def test_each_exclusion_rules_an_order_out(facts: Facts, extra: dict, reason: str) -> None:
    lines = [fbm("112-1", "2026-11-10", **extra)]
    assert exclusion(lines, facts) == reason and candidate(lines, facts, SETTINGS, TODAY) is None


@hsettings(max_examples=60, deadline=None)
@given(ship_offset=st.integers(min_value=0, max_value=60), transit=st.integers(min_value=0, max_value=10))
def test_a_candidate_is_always_inside_its_window(ship_offset: int, transit: int) -> None:
    rules_ = ReviewSettings(transit_days=transit)
    shipped = date.fromordinal(TODAY.toordinal() - ship_offset)
    found = candidate([fbm("112-1", shipped.isoformat())], NOTHING, rules_, TODAY)
    days_since_delivery = ship_offset - transit
    assert (found is not None) == (5 <= days_since_delivery <= 30)
    if found:
        assert found.opens <= TODAY.isoformat() <= found.closes


def shop_with(data_dir, lines: list[dict]):
    ctx = Context.create(data_dir)
    with ctx.shop().store.transaction("orders") as tx:
        tx["orders"].upsert_many(lines)
    return ctx


def test_approving_is_once_per_order_and_withdrawing_gives_the_order_back(data_dir) -> None:
    ctx = shop_with(data_dir, [fbm("112-0000000-0000001", "2026-11-10"), fbm("112-0000000-0000002", "2026-11-01"),
                               fbm("112-0000000-0000003", "2026-11-18")])
    shop = ctx.shop()
    found = rules.candidates(shop)
    assert [c.order_id for c in found] == ["112-0000000-0000002", "112-0000000-0000001"]  # closes soonest first
    assert rules.approve(shop.store, found[:1]) == 1
    assert [c.order_id for c in rules.candidates(shop)] == ["112-0000000-0000001"]
    with pytest.raises(UserError, match="one request"):
        rules.approve(shop.store, found[:1])
    record = shop.store["review_requests"].get("112-0000000-0000002")
    assert record["status"] == "approved" and record["approved_by"] == shop.user and record["via"] == "batch"
    rules.withdraw(shop.store, "112-0000000-0000002")
    assert len(rules.candidates(shop)) == 2
    with pytest.raises(UserError, match="no approved request"):
        rules.withdraw(shop.store, "112-0000000-0000002")
    ctx.close()

"""The day an order was delivered, recorded by the user: checked, kept through re-imports, and the review window
reckoned from it ahead of any estimate. The clock is frozen at 2026-11-22."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.orders import delivery
from sellertui.domain.orders.order_lines import lines_of_order
from sellertui.domain.reviews.requests import Facts, candidate
from sellertui.domain.reviews.settings import ReviewSettings
from tests.reviews.conftest import order_line

ORDER = "112-0000000-0000077"
TODAY = date(2026, 11, 22)
NOTHING = Facts(set(), set(), set(), set(), set())


def lines(store) -> list[dict]:
    return lines_of_order(store, ORDER, "2026-10")


@pytest.fixture
def shipped(store) -> list[dict]:
    with store.transaction("a shipped FBM order of two lines") as tx:
        tx["orders"].upsert_many([order_line(ORDER, "FBM", "Rosa Diaz", sku=sku, history=[],
                                             shipment={"ship_date": "2026-10-29", "carrier": "UPS"})
                                  for sku in ("MM-A", "MM-B")])
    return lines(store)


def test_the_day_goes_on_every_line_with_a_step_in_the_history_and_can_be_corrected(store, shipped) -> None:
    assert delivery.delivered_at(shipped) == ""
    assert delivery.mark_delivered(store, shipped, date(2026, 11, 2), "the buyer wrote") == "2026-11-02"
    assert [l["delivered_at"] for l in lines(store)] == ["2026-11-02", "2026-11-02"]
    assert delivery.mark_delivered(store, lines(store), date(2026, 11, 3)) == "2026-11-03"
    history = lines(store)[0]["history"]
    assert [h["what"] for h in history] == ["delivered on 2026-11-02: the buyer wrote",
                                            "delivered on 2026-11-03 (was 2026-11-02)"]
    assert history[0]["by"] == store.user and delivery.delivered_at(lines(store)) == "2026-11-03"


def test_refused_before_it_shipped_in_the_future_or_not_shipped(store, shipped) -> None:
    with pytest.raises(UserError, match=r"before the order shipped \(2026-10-29\)"):
        delivery.mark_delivered(store, shipped, date(2026, 10, 28))
    with pytest.raises(UserError, match="in the future"):
        delivery.mark_delivered(store, shipped, date(2026, 11, 23))
    assert delivery.mark_delivered(store, shipped, TODAY) == "2026-11-22"  # today is fine
    waiting = [{**l, "status": "Unshipped", "shipment": None} for l in shipped]
    with pytest.raises(UserError, match="has not shipped yet"):
        delivery.mark_delivered(store, waiting, date(2026, 11, 2))
    with pytest.raises(UserError, match="cancelled"):
        delivery.mark_delivered(store, [{**l, "status": "Cancelled"} for l in shipped], date(2026, 11, 2))
    with pytest.raises(UserError, match="no longer in the store"):
        delivery.mark_delivered(store, [], date(2026, 11, 2))


def test_an_fba_order_amazon_shipped_counts_from_its_purchase_day(store) -> None:
    fba = [order_line(ORDER, "FBA", "Ola Berg")]  # bought 2026-10-28, shipped, no ship date of ours
    with store.transaction("an FBA order") as tx:
        tx["orders"].upsert_many(fba)
    with pytest.raises(UserError, match=r"before the order shipped \(2026-10-28\)"):
        delivery.mark_delivered(store, lines(store), date(2026, 10, 27))
    delivery.mark_delivered(store, lines(store), date(2026, 10, 30))
    assert lines(store)[0]["delivered_at"] == "2026-10-30"


def test_the_review_window_is_reckoned_from_the_recorded_day_ahead_of_any_estimate(store, shipped) -> None:
    settings = ReviewSettings()
    # shipped 10-29: estimated delivered 11-01 (ship date + 3), due from 11-06 — but it arrived on 11-20
    assert candidate(shipped, NOTHING, settings, TODAY).estimated is True
    delivery.mark_delivered(store, shipped, date(2026, 11, 20))
    assert candidate(lines(store), NOTHING, settings, TODAY) is None  # opens 11-25
    assert candidate(lines(store), NOTHING, settings, date(2026, 11, 25)).opens == "2026-11-25"
    # Amazon promised 10-20 at the latest (by that the window closed on 11-19), but it came on 11-10
    promised = [{**l, "latest_delivery": "2026-10-20"} for l in lines(store)]
    assert candidate([{k: v for k, v in l.items() if k != "delivered_at"} for l in promised], NOTHING, settings,
                     TODAY) is None
    delivery.mark_delivered(store, shipped, date(2026, 11, 10))
    found = candidate([{**l, "latest_delivery": "2026-10-20"} for l in lines(store)], NOTHING, settings, TODAY)
    assert (found.delivered, found.estimated, found.opens, found.closes) == \
        ("2026-11-10", False, "2026-11-15", "2026-12-10")


def test_a_reimport_of_the_order_keeps_the_recorded_day(store) -> None:
    from sellertui.importers.pipeline import Options, import_report
    from tests.importers.conftest import fixture

    import_report(store, fixture("all-orders-us.txt"), Options())
    line = next(l for l in store["orders"].all() if l.get("status") == "Shipped")
    order = lines_of_order(store, line["order_id"], line["purchase_date"][:7])
    day = date.fromisoformat(line["purchase_date"][:10])
    delivery.mark_delivered(store, order, day)
    import_report(store, fixture("all-orders-us.txt"), Options())
    again = lines_of_order(store, line["order_id"], line["purchase_date"][:7])
    assert {l["delivered_at"] for l in again} == {day.isoformat()}
    assert again[0]["history"][-1]["what"] == f"delivered on {day.isoformat()}"

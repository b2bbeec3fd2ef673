"""Hand stock changes keep their reason; stock-outs from the history; the age of stock, FIFO."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.domain.fields import FieldError
from sellertui.domain.inventory.aging import receipts_by_sku, stock_age
from sellertui.domain.inventory.stock import (StockError, adjust_stock, inbound, out_of_stock_spans, parse_units,
                                              sellable)
from sellertui.store import Conflict
from tests.domain.inventory.helpers import TODAY, day, product


def test_totals() -> None:
    stock = {"fba_available": 10, "fbm": 5, "inbound_working": 1, "inbound_shipped": 2, "inbound_receiving": 3,
             "reserved": 7}
    assert sellable(stock) == 15 and inbound(stock) == 6
    assert sellable({}) == 0 and sellable(None) == 0


def test_a_hand_change_is_kept_with_its_reason(store) -> None:
    with store.transaction() as tx:
        tx["products"].insert(product(stock={"fba_available": 40, "fbm": 12}))
    saved = adjust_stock(store, "SKU-1", {"fbm": 9, "fba_available": 40}, "3PL count: 3 damaged", "ana")
    assert saved["stock"]["fbm"] == 9
    [entry] = saved["stock_history"]
    assert (entry["field"], entry["old"], entry["new"], entry["reason"], entry["by"]) == ("fbm", 12, 9,
                                                                                        "3PL count: 3 damaged", "ana")
    assert entry["sellable"] == 49 and entry["at"] == "2026-11-22T09:00:00+00:00"
    activity = store["activity"].all()
    assert any("3PL count" in a["note"] for a in activity)


@pytest.mark.parametrize("values, reason, message", [
    ({"fbm": -1}, "count", "cannot be negative"),
    ({"fbm": 5}, "  ", "say why"),
    ({"fbm": 12}, "count", "nothing changed"),
    ({"bogus": 1}, "count", "unknown stock field"),
])
def test_nonsense_stock_changes_are_refused(store, values, reason, message) -> None:
    with store.transaction() as tx:
        tx["products"].insert(product(stock={"fbm": 12}))
    with pytest.raises(StockError, match=message):
        adjust_stock(store, "SKU-1", values, reason, "ana")


def test_a_teammates_change_in_between_is_a_conflict(store) -> None:
    with store.transaction() as tx:
        rev = tx["products"].insert(product())["_rev"]
    adjust_stock(store, "SKU-1", {"fbm": 3}, "found a carton", "ben", expect_rev=rev)
    with pytest.raises(Conflict):
        adjust_stock(store, "SKU-1", {"fbm": 1}, "count", "ana", expect_rev=rev)


def test_parse_units() -> None:
    assert parse_units("1,200") == 1200 and parse_units("") == 0
    with pytest.raises(FieldError, match="cannot be negative"):
        parse_units("-3")
    with pytest.raises(FieldError, match="whole number"):
        parse_units("2.5")


def test_stock_out_spans_from_the_history() -> None:
    history = [{"at": f"{day(30)}T09:00:00+00:00", "sellable": 0}, {"at": f"{day(25)}T09:00:00+00:00", "sellable": 9},
               {"at": f"{day(5)}T09:00:00+00:00", "sellable": 0}]
    p = product(stock={"fba_available": 0}, stock_history=history)
    assert out_of_stock_spans(p, TODAY) == [(day(30), day(25)), (day(5), TODAY)]
    # restocked since by an import (no history entry): the span ends when the stock was updated
    p = product(stock={"fba_available": 30, "updated_at": f"{day(2)}T07:00:00+00:00"}, stock_history=history)
    assert out_of_stock_spans(p, TODAY)[-1] == (day(5), day(2))


def test_stock_age_is_first_in_first_out() -> None:
    receipts = [("2026-03-01", 100), ("2026-10-01", 50), ("2026-11-12", 30)]
    # 120 on hand: 30 from Nov 12 (10 days), 50 from Oct 1 (52 days), 40 of the 100 from Mar 1 (266 days)
    age = stock_age(120, receipts, TODAY, 181)
    assert age.layers == [("2026-11-12", 30, 10), ("2026-10-01", 50, 52), ("2026-03-01", 40, 266)]
    assert age.aged_units == 40 and age.oldest_days == 266 and age.before_records == 0
    young = stock_age(70, receipts, TODAY, 181)
    assert young.aged_units == 0 and young.oldest_days == 52


def test_stock_older_than_every_receipt() -> None:
    age = stock_age(300, [("2026-03-01", 100)], TODAY, 181)
    assert age.before_records == 200 and age.aged_units == 300  # older still than an aged receipt
    age = stock_age(300, [("2026-11-01", 100)], TODAY, 181)
    assert age.before_records == 200 and age.aged_units == 0 and age.oldest_days == 21  # "at least 21 days"
    assert not stock_age(10, [], TODAY, 181).known


def test_receipts_come_from_purchase_orders() -> None:
    pos = [
        {"id": "1", "receipts": [{"on": "2026-05-01", "sku": "A", "qty": 40}, {"on": "2026-05-09", "sku": "A", "qty": 10}],
         "lines": [{"sku": "A", "qty": 50, "received_qty": 50}]},
        {"id": "2", "status": "received", "received_on": "2026-06-01", "lines": [{"sku": "B", "qty": 20, "received_qty": 20}]},
        {"id": "3", "status": "ordered", "lines": [{"sku": "A", "qty": 20, "received_qty": 0}]},
    ]
    assert receipts_by_sku(pos) == {"A": [("2026-05-01", 40), ("2026-05-09", 10)], "B": [("2026-06-01", 20)]}


def test_amazons_inventory_age_report_replaces_the_estimate_from_receipts() -> None:
    from sellertui.domain.inventory.plan import compute_from_records
    from sellertui.domain.inventory.settings import InventorySettings
    from sellertui.domain.inventory.velocity import sales_frame
    from sellertui.domain.inventory.working import explain

    aging = {"snapshot_date": "2026-11-20", "age_0_90": 40, "age_91_180": 60, "age_181_270": 150, "age_271_365": 40,
             "age_365_plus": 0, "aged_units": 190, "storage_next_month_minor": 10692, "aged_surcharge_minor": 10700,
             "currency": "USD"}
    jars = product("JARS", stock={"fba_available": 290}, amazon_aging=aging)
    receipts = [{"status": "received", "received_on": day(30).isoformat(), "receipts": [
        {"on": day(30).isoformat(), "sku": "JARS", "qty": 290}], "lines": []}]
    plan = compute_from_records([jars], receipts, [], sales_frame([]), day(400), InventorySettings(), TODAY)
    row = plan.row(plan.position_of("JARS"))
    assert row["aged_units"] == 190 and row["oldest_days"] == 271 and row["warn_aged"]  # not 0 from the 30-day receipt
    assert row["aging_fees_minor"] == 21392
    text = "\n".join(explain("warnings", row, jars, InventorySettings(), TODAY).lines)
    assert "Amazon's Inventory Age report of 2026-11-20): 190 units 181 days or older" in text
    assert "$213.92" in text

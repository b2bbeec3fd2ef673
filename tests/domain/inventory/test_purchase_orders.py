"""Purchase orders: draft → ordered → shipped → received, partial receipts, what counts as on order."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.domain.fields import FieldError
from sellertui.domain.inventory import purchase_orders as po
from sellertui.store import Conflict
from tests.domain.inventory.helpers import TODAY, product

CATALOGUE = {"A": {}, "B": {}}


@pytest.fixture
def shop(store):
    with store.transaction() as tx:
        tx["products"].insert(product("A", stock={"fba_available": 10, "fbm": 5}))
        tx["products"].insert(product("B", stock={"fba_available": 0, "fbm": 0}))
    return store


def draft(store, lines=None) -> dict:
    lines = lines or [{"sku": "A", "qty": 100, "unit_cost_minor": 250, "received_qty": 0},
                      {"sku": "B", "qty": 40, "unit_cost_minor": 400, "received_qty": 0}]
    return po.create(store, po.new_purchase_order("Acme", lines, "USD", date(2027, 1, 10), 5000, "first order"))


def test_lines_are_parsed_with_their_reasons() -> None:
    lines = po.parse_lines("A 100 2.50\n\nB 40", CATALOGUE, "USD", {"B": 400})
    assert lines == [{"sku": "A", "qty": 100, "unit_cost_minor": 250, "received_qty": 0},
                     {"sku": "B", "qty": 40, "unit_cost_minor": 400, "received_qty": 0}]
    for text, message in [("Z 10 1", "line 1: no SKU 'Z'"), ("A 0 1", "line 1: at least 1"),
                          ("A 10 1\nA 5 1", "line 2: A is listed twice"), ("A ten 1", "whole number"),
                          ("A 10", "no cost known"), ("A", "write SKU QTY"), ("", "at least one line"),
                          ("A 10 -1", "cannot be negative")]:
        with pytest.raises(FieldError, match=message):
            po.parse_lines(text, CATALOGUE, "USD", {})


def test_the_whole_lifecycle_with_a_partial_receipt(shop) -> None:
    made = draft(shop)
    assert made["id"] == "1" and made["status"] == "draft"
    assert po.on_order([made]) == {}  # a draft is not on order yet
    ordered = po.advance(shop, "1", expect_rev=made["_rev"])
    assert ordered["status"] == "ordered" and ordered["ordered_on"] == "2026-11-22"
    assert po.on_order([ordered]) == {"A": [("1", 100, "2027-01-10")], "B": [("1", 40, "2027-01-10")]}
    shipped = po.advance(shop, "1", expect_rev=ordered["_rev"])
    assert shipped["status"] == "shipped"

    # 60 of A arrive at the own warehouse: 40 still due, stock +60, history kept
    part = po.receive(shop, "1", {"A": 60, "B": 0}, TODAY, "fbm", "ben", expect_rev=shipped["_rev"])
    assert part["status"] == "shipped" and po.state(part) == "shipped · 42% in"  # 60 of 140 units
    assert po.on_order([part]) == {"A": [("1", 40, "2027-01-10")], "B": [("1", 40, "2027-01-10")]}
    a = shop["products"].get("A")
    assert a["stock"]["fbm"] == 65 and a["stock_history"][-1]["reason"] == "received on PO 1"
    assert part["receipts"] == [{"on": "2026-11-22", "sku": "A", "qty": 60, "to": "fbm", "by": "ben"}]

    # the rest, straight to FBA: the PO is received
    done = po.receive(shop, "1", {"A": 40, "B": 40}, TODAY, "inbound_receiving", "ben", expect_rev=part["_rev"])
    assert done["status"] == "received" and done["received_on"] == "2026-11-22"
    assert po.on_order([done]) == {}
    assert shop["products"].get("B")["stock"]["inbound_receiving"] == 40
    assert shop["products"].get("A")["stock"]["inbound_receiving"] == 40


@pytest.mark.parametrize("quantities, message", [
    ({"A": 101}, "A: at most 100 still due"),
    ({"A": 0, "B": 0}, "at least one line"),
    ({"Z": 3}, "not on this purchase order"),
])
def test_receipts_that_cannot_be(shop, quantities, message) -> None:
    made = draft(shop)
    po.advance(shop, "1", None)
    with pytest.raises(po.PurchaseOrderError, match=message):
        po.receive(shop, "1", quantities, TODAY, "fbm", "ben", None)


def test_a_draft_is_not_received_and_a_received_po_does_not_move_on(shop) -> None:
    draft(shop)
    with pytest.raises(po.PurchaseOrderError, match="only ordered or shipped"):
        po.receive(shop, "1", {"A": 1}, TODAY, "fbm", "ben", None)
    po.advance(shop, "1", None)
    po.advance(shop, "1", None)
    with pytest.raises(po.PurchaseOrderError, match="receive it"):
        po.advance(shop, "1", None)
    with pytest.raises(po.PurchaseOrderError, match="future"):
        po.receive(shop, "1", {"A": 1}, date(2026, 12, 1), "fbm", "ben", None)


def test_drafts_are_deleted_and_open_pos_cancelled_unless_received(shop) -> None:
    first = draft(shop)["id"]
    assert po.cancel_or_delete(shop, first, None) == "deleted"
    assert shop["purchase_orders"].get(first) is None
    second = draft(shop)["id"]
    po.advance(shop, second, None)
    assert po.cancel_or_delete(shop, second, None) == "cancelled"
    assert shop["purchase_orders"].get(second)["status"] == "cancelled"
    third = draft(shop)["id"]
    po.advance(shop, third, None)
    po.receive(shop, third, {"A": 5}, TODAY, "fbm", "ben", None)
    with pytest.raises(po.PurchaseOrderError, match="only drafts"):
        po.cancel_or_delete(shop, third, None)


def test_editing_lines_keeps_what_was_received(shop) -> None:
    draft(shop)
    po.advance(shop, "1", None)
    po.receive(shop, "1", {"A": 30}, TODAY, "fbm", "ben", None)
    new_lines = [{"sku": "A", "qty": 80, "unit_cost_minor": 250, "received_qty": 0},
                 {"sku": "B", "qty": 40, "unit_cost_minor": 400, "received_qty": 0}]
    saved = po.update(shop, "1", {"lines": new_lines}, None)
    assert saved["lines"][0] == {"sku": "A", "qty": 80, "unit_cost_minor": 250, "received_qty": 30}
    with pytest.raises(po.PurchaseOrderError, match="30 already received"):
        po.update(shop, "1", {"lines": [{**new_lines[0], "qty": 20}, new_lines[1]]}, None)
    with pytest.raises(po.PurchaseOrderError, match="keep the line"):
        po.update(shop, "1", {"lines": new_lines[1:]}, None)


def test_a_stale_edit_is_a_conflict(shop) -> None:
    made = draft(shop)
    po.advance(shop, "1", expect_rev=made["_rev"])
    with pytest.raises(Conflict):
        po.update(shop, "1", {"notes": "mine"}, expect_rev=made["_rev"])


def test_drafts_from_the_suggestion_one_per_supplier(shop) -> None:
    made = po.draft_orders(shop, [
        {"sku": "A", "supplier": "Acme", "qty": 120, "unit_cost_minor": 250, "lead_days": 55},
        {"sku": "B", "supplier": "Bolt", "qty": 48, "unit_cost_minor": 400, "lead_days": 40},
        {"sku": "C", "supplier": "Bolt", "qty": 0, "unit_cost_minor": 1, "lead_days": 90},
    ], "USD")
    assert [(p["supplier"], [l["sku"] for l in p["lines"]], p["expected_on"]) for p in made] == [
        ("Acme", ["A"], "2027-01-16"), ("Bolt", ["B"], "2027-01-01")]
    with pytest.raises(po.PurchaseOrderError, match="nothing to order"):
        po.draft_orders(shop, [{"sku": "A", "supplier": "Acme", "qty": 0}], "USD")


def test_a_yuan_cost_goes_on_a_yuan_po_and_is_no_dollar_default(shop) -> None:
    yuan = {"currency": "USD", "costs": [{"from": "2026-01-01", "landed_minor": 4550, "currency": "CNY"}]}
    dollars = {"currency": "USD", "costs": [{"from": "2026-01-01", "landed_minor": 640}]}
    catalogue = {"A": yuan, "B": dollars}
    assert po.default_costs(catalogue, "CNY", TODAY) == {"A": 4550}
    assert po.default_costs(catalogue, "USD", TODAY) == {"B": 640}
    with pytest.raises(FieldError, match="no cost known for A in USD"):
        po.parse_lines("A 10", catalogue, "USD", po.default_costs(catalogue, "USD", TODAY))
    made = po.draft_orders(shop, [
        {"sku": "A", "supplier": "Acme", "qty": 120, "unit_cost_minor": 4550, "lead_days": 55, "currency": "CNY"},
        {"sku": "B", "supplier": "Acme", "qty": 48, "unit_cost_minor": 640, "lead_days": 40},
    ], "USD")
    assert [(p["supplier"], p["currency"], [l["sku"] for l in p["lines"]]) for p in made] == [
        ("Acme", "CNY", ["A"]), ("Acme", "USD", ["B"])]

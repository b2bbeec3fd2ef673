"""The purchase orders as the Inventory tab lists them, read from the store (hand-made records)."""

from __future__ import annotations

from datetime import date

from sellertui.domain.inventory import purchase_orders as po
from sellertui.domain.inventory.po_list import purchase_orders_frame, read_purchase_orders, suppliers
from tests.domain.inventory.helpers import TODAY, product


def lines(qty: int = 10) -> list[dict]:
    return [{"sku": "A", "qty": qty, "unit_cost_minor": 250, "received_qty": 0}]


def test_the_orders_and_the_catalogue_are_read_together(store) -> None:
    with store.transaction() as tx:
        tx["products"].insert(product("A", supplier="Zeta"))
        tx["products"].insert(product("B", supplier="Acme"))
        tx["products"].insert(product("C", supplier=""))
    made = po.create(store, po.new_purchase_order("Zeta", lines(), "USD", date(2026, 12, 1), 0, ""))
    orders, catalogue = read_purchase_orders(store)
    assert [o["id"] for o in orders] == [made["id"]] and set(catalogue) == {"A", "B", "C"}
    assert suppliers(catalogue) == ["Acme", "Zeta"]


def test_open_and_draft_orders_come_first_and_late_ones_are_marked() -> None:
    orders = [
        {"id": "1", "supplier": "Acme", "status": "received", "expected_on": "2026-10-01", "lines": lines()},
        {"id": "2", "supplier": "Acme", "status": "ordered", "expected_on": "2026-11-01", "lines": lines(5),
         "currency": "USD"},
        {"id": "3", "supplier": "Zeta", "status": "draft", "expected_on": "2026-12-20", "lines": lines()},
        {"id": "4", "supplier": "Zeta", "status": "cancelled", "expected_on": "2026-11-15", "lines": lines()},
        {"id": "5", "supplier": "Zeta", "status": "shipped", "expected_on": "2026-12-01", "lines": lines()},
    ]
    frame = purchase_orders_frame(orders, TODAY.isoformat())
    assert list(frame["id"]) == ["3", "2", "5", "4", "1"]
    assert list(frame["late"]) == ["", "late", "", "", ""]  # only an open PO is late
    ordered = frame[frame["id"] == "2"].iloc[0]
    assert (ordered["units"], ordered["value_minor"], ordered["value"]) == (5, 1250, "$12.50")
    assert ordered["state"] == po.state(orders[1]) and "acme" in ordered["haystack"]


def test_no_orders_is_an_empty_frame_with_the_columns() -> None:
    frame = purchase_orders_frame([], TODAY.isoformat())
    assert len(frame) == 0 and {"id", "state", "late", "value"} <= set(frame.columns)

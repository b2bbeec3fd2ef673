"""Manage FBA Inventory and Restock Inventory -> products' stock (never the user's own fields)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sellertui.importers.errors import RowProblems
from tests.importers.conftest import fixture, parse, run_import


def test_fba_inventory_stock() -> None:
    parsed = parse(fixture("fba-inventory-us.txt"))
    assert parsed.totals == {"skus": 3, "available": 160, "inbound": 310}
    products = {p["id"]: p for p in parsed.output.records["products"]}
    board = products["MM-BCB-LARGE"]
    stamp = board["stock"].pop("updated_at")
    # afn-warehouse-quantity (131) and afn-total-quantity (181) re-count these: not read
    assert board["stock"] == {"fba_available": 120, "inbound_working": 20, "inbound_shipped": 30,
                              "inbound_receiving": 0, "reserved": 8, "fbm": 0, "unsellable": 3}
    assert stamp.endswith("+00:00")
    assert {k: board[k] for k in ("sku", "title", "asin", "fnsku", "price_minor", "currency", "marketplace")} == {
        "sku": "MM-BCB-LARGE", "title": "Maple & Moss Bamboo Cutting Board – Large", "asin": "B0ABCDEF01",
        "fnsku": "X00ABCDE01", "price_minor": 2999, "currency": "USD", "marketplace": "US"}
    assert products["MM-NEW-SKU01"]["price_minor"] is None and products["MM-NEW-SKU01"]["stock"]["fbm"] == 0


def test_restock_recommendations() -> None:
    parsed = parse(fixture("restock-us.csv"))
    assert parsed.totals == {"skus": 3, "available": 155, "inbound": 30}
    products = {p["id"]: p for p in parsed.output.records["products"]}
    straws = products["MM-SSB-8PACK"]["amazon_restock"]
    straws.pop("updated_at")
    assert straws == {"recommended_qty": 450, "recommended_ship_date": "2026-11-25", "alert": "out_of_stock",
                      "days_of_supply": 0.0, "recommended_action": "Create shipping plan", "units_sold_30d": 300}
    assert products["MM-GSJ-SETOF4"]["amazon_restock"]["recommended_ship_date"] == "2026-11-28"
    assert products["MM-BCB-LARGE"]["stock"]["reserved"] == 8  # FC transfer + FC processing + customer orders
    assert "fbm" not in products["MM-BCB-LARGE"]["stock"]  # restock does not know it: the stored value stays


def test_known_products_keep_what_the_user_entered(store) -> None:
    with store.transaction("catalogue") as tx:
        tx["products"].insert({"id": "MM-BCB-LARGE", "sku": "MM-BCB-LARGE", "title": "Our board (large)",
                               "price_minor": 3299, "costs": [{"from": "2026-01-01", "landed_minor": 800}],
                               "stock": {"fbm": 99, "fba_available": 1}})
    result = run_import(store, fixture("fba-inventory-us.txt"))
    assert (result.inserted, result.updated) == (2, 1)
    board = store["products"].get("MM-BCB-LARGE")
    assert board["title"] == "Our board (large)" and board["price_minor"] == 3299 and board["costs"]
    assert board["asin"] == "B0ABCDEF01"  # it lacked one: filled in
    assert board["stock"]["fba_available"] == 120 and board["stock"]["fbm"] == 0
    run_import(store, fixture("restock-us.csv"))
    board = store["products"].get("MM-BCB-LARGE")
    assert board["stock"]["fbm"] == 0 and board["amazon_restock"]["days_of_supply"] == 79.0
    assert run_import(store, fixture("restock-us.csv")).unchanged == 3


def test_a_sku_listed_twice_is_a_problem(tmp_path: Path) -> None:
    text = fixture("fba-inventory-us.txt").read_text()
    path = tmp_path / "inv.txt"
    path.write_text(text + text.splitlines()[1] + "\n")
    with pytest.raises(RowProblems, match=r"line 5, column 'sku': 'MM-BCB-LARGE' is listed twice \(first on line 2\)"):
        run_import(None, path)


def test_per_unit_volume_becomes_the_products_cubic_feet() -> None:
    from tests.importers.conftest import fixture, parse

    products = {d["sku"]: d for d in parse(fixture("fba-inventory-us.txt")).output.records["products"]}
    assert (products["MM-BCB-LARGE"]["cubic_feet"], products["MM-SBM-HALF"]["cubic_feet"]) == (0.12, 0.02)

"""`sellertui reorder` and `sellertui export inventory` on the demo shop."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sellertui.store import open_store
from tests.test_cli import run


def test_reorder_lists_skus_with_quantity_supplier_and_why(capsys, demo_copy: Path) -> None:
    code, out, _ = run(capsys, "reorder", "--data-dir", str(demo_copy))
    assert code == 0 and out.startswith("To order today (2026-11-22):")
    code, out, _ = run(capsys, "reorder", "--json", "--data-dir", str(demo_copy))
    rows = json.loads(out)
    assert code == 0 and rows
    for r in rows:
        assert r["qty"] > 0 and r["supplier"] and r["why"] and r["status"] in ("out of stock", "order now")
    assert {r["status"] for r in rows} == {"out of stock", "order now"}
    first = rows[0]
    assert f"  {first['sku']}" in run(capsys, "reorder", "--data-dir", str(demo_copy))[1]


def test_reorder_on_an_empty_store(capsys, data_dir: Path) -> None:
    code, out, _ = run(capsys, "reorder", "--data-dir", str(data_dir))
    assert code == 0 and out.strip() == "Nothing to order today (2026-11-22)."
    assert json.loads(run(capsys, "reorder", "--json", "--data-dir", str(data_dir))[1]) == []


def test_export_inventory_csv_and_json(capsys, demo_copy: Path) -> None:
    store = open_store(demo_copy)
    with store.transaction() as tx:  # a title that a spreadsheet would run as a formula
        tx["products"].update("MM-BCB-SMALL", {"title": "=HYPERLINK(\"http://x\")"})
    store.close()
    code, out, _ = run(capsys, "export", "inventory", "--data-dir", str(demo_copy))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 40
    assert {"sku", "status", "days_of_cover", "order_qty", "reorder_point", "warnings"} <= set(rows[0])
    small = next(r for r in rows if r["sku"] == "MM-BCB-SMALL")
    assert small["title"].startswith("'=HYPERLINK")
    code, out, _ = run(capsys, "export", "inventory", "--format", "json", "--status", "out-of-stock",
                       "--data-dir", str(demo_copy))
    out_of_stock = json.loads(out)
    assert out_of_stock and {r["status"] for r in out_of_stock} == {"out of stock"}
    assert all(r["available"] == 0 and r["stockout_date"] == "2026-11-22" for r in out_of_stock)


def test_reorder_and_the_export_show_a_yuan_cost_in_yuan(capsys, demo_copy: Path) -> None:
    code, out, _ = run(capsys, "reorder", "--json", "--data-dir", str(demo_copy))
    first = json.loads(out)[0]
    store = open_store(demo_copy)
    with store.transaction() as tx:  # the supplier now quotes in yuan, from today
        product = tx["products"].get(first["sku"])
        tx["products"].update(first["sku"], {"costs": [*product["costs"], {
            "from": "2026-11-22", "landed_minor": 5180, "currency": "CNY", "note": "quote in yuan"}]})
    store.close()
    rows = json.loads(run(capsys, "reorder", "--json", "--data-dir", str(demo_copy))[1])
    mine = next(r for r in rows if r["sku"] == first["sku"])
    assert (mine["unit_cost_minor"], mine["currency"]) == (5180, "CNY")
    code, out, _ = run(capsys, "reorder", "--data-dir", str(demo_copy))
    supplier = next(line for line in out.splitlines() if line.startswith(first["supplier"] + "  ≈"))
    yuan = sum(r["qty"] * 5180 for r in rows if r["sku"] == first["sku"])
    assert f"CN¥{yuan / 100:,.2f}" in supplier and "$" in supplier  # the supplier's other SKUs stay in dollars
    exported = json.loads(run(capsys, "export", "inventory", "--format", "json", "--data-dir", str(demo_copy))[1])
    row = next(r for r in exported if r["sku"] == first["sku"])
    assert (row["landed_cost"], row["currency"]) == ("51.80", "CNY")

"""All Orders and FBM unshipped orders -> orders (and buyers)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sellertui.importers.errors import FileProblem, RowProblems
from tests.importers.conftest import fixture, parse, run_import


def lines_by_id(parsed) -> dict[str, dict]:
    return {d["id"]: d for d in parsed.output.records["orders"]}


def test_all_orders_us() -> None:
    parsed = parse(fixture("all-orders-us.txt"))
    assert parsed.kind.name == "all-orders" and parsed.rows == 7
    assert parsed.totals == {"lines": 6, "units": 7, "item_price": "107.94"}
    lines = lines_by_id(parsed)
    first = lines["112-0000001-0000001/MM-BCB-LARGE"]
    assert {k: first[k] for k in ("order_id", "purchase_date", "last_updated", "status", "channel", "quantity",
                                  "currency", "item_price_minor", "item_tax_minor", "marketplace", "sales_channel",
                                  "ship_postal_code", "product", "asin")} == {
        "order_id": "112-0000001-0000001", "purchase_date": "2026-01-05T18:22:11+00:00",
        "last_updated": "2026-01-07T02:10:00+00:00", "status": "Shipped", "channel": "FBA", "quantity": 2,
        "currency": "USD", "item_price_minor": 5998, "item_tax_minor": 420, "marketplace": "US",
        "sales_channel": "Amazon.com", "ship_postal_code": "98101-1234",
        "product": "Maple & Moss Bamboo Cutting Board – Large", "asin": "B0ABCDEF01"}
    fbm = lines["112-0000002-0000002/MM-SBM-HALF"]
    assert fbm["status"] == "Shipped" and fbm["channel"] == "FBM" and fbm["promo_discount_minor"] == -150
    cancelled = lines["112-0000003-0000003/MM-SSB-8PACK"]
    assert cancelled["quantity"] == 0 and cancelled["item_price_minor"] is None and cancelled["status"] == "Cancelled"
    assert lines["112-0000004-0000004/MM-BEW-STARTE"]["item_price_minor"] is None
    twice = lines["113-0000005-0000005/MM-HMS-5BLADE"]  # two order items of one SKU: added together
    assert twice["quantity"] == 2 and twice["item_price_minor"] == 1998 and twice["item_tax_minor"] == 140
    assert "1 row shared its key with an earlier row" in " ".join(parsed.notes())


@pytest.mark.parametrize("name, totals, market, check", [
    ("all-orders-uk-2025.txt", {"lines": 2, "units": 4, "item_price": "1064.84"}, "UK",
     {"026-1111111-1111111/MM-LDC-NATURA": {"purchase_date": "2025-05-14T08:48:59+00:00", "is_business": False,
                                            "order_item_id": "12345678901234", "currency": "GBP"},
      "026-2222222-2222222/MM-TBC-WAFFLE": {"item_price_minor": 104985, "is_business": True,
                                            "purchase_order_number": "PO-77", "price_designation": "BusinessPrice"}}),
    ("all-orders-de.txt", {"lines": 2, "units": 3, "item_price": "1284.79"}, "DE",
     {"302-3333333-3333333/MM-GSJ-SETOF4": {"item_price_minor": 125980, "promo_discount_minor": -500,
                                            "currency": "EUR", "ship_city": "Berlin"},
      "302-4444444-4444444/MM-CMK-MATTEB": {"status": "Shipping", "product": "Kaffeedose – Matt Schwarz"}}),
    ("all-orders-jp-shiftjis.txt", {"lines": 2, "units": 3, "item_price": "6940.00"}, "JP",
     {"503-5555555-5555555/MM-BCB-JP-L": {"item_price_minor": 2980, "currency": "JPY",
                                          "product": "竹製まな板 大サイズ 抗菌 キッチン用品"},
      "503-6666666-6666666/MM-SBM-JP-2": {"item_price_minor": 3960, "shipping_price_minor": 500, "channel": "FBM"}}),
    ("all-orders-us-cp1252.txt", {"lines": 1, "units": 1, "item_price": "18.50"}, "US",
     {"114-7777777-7777777/MM-CMK-CAFE": {"product": "Café Crème Mug – 12 oz “Classic”", "ship_city": "San José"}}),
])
def test_all_orders_in_other_markets(name, totals, market, check) -> None:
    parsed = parse(fixture(name))
    assert parsed.totals == totals and parsed.locale.market.code == market
    lines = lines_by_id(parsed)
    for key, fields in check.items():
        assert {k: lines[key][k] for k in fields} == fields


def test_reimport_counts_nothing_twice(store) -> None:
    first = run_import(store, fixture("all-orders-us.txt"))
    assert (first.inserted, first.updated, first.unchanged) == (6, 0, 0)
    again = run_import(store, fixture("all-orders-us.txt"))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 6)
    assert store["orders"].count() == 6
    assert store["orders"].get("112-0000001-0000001/MM-BCB-LARGE")["_rev"] == 1


def test_fbm_unshipped_orders_and_buyers() -> None:
    parsed = parse(fixture("fbm-unshipped-us.txt"))
    assert parsed.kind.name == "fbm-orders" and parsed.totals == {"lines": 2, "units": 3, "item_price": "74.97"}
    line = lines_by_id(parsed)["114-8888888-8888888/MM-GSJ-SETOF4"]
    assert line["status"] == "Unshipped" and line["channel"] == "FBM" and line["history"] == []
    assert line["ship_by"] == "2026-11-24"  # delivery-start-date, as a day in Los Angeles
    assert line["address"] == {"name": "Carlos Okafor", "line1": "12 Oak St", "line2": "Floor 2, c/o Reception",
                               "city": "Portland", "state": "OR", "postal_code": "97201", "country": "US",
                               "phone": "+1 503-555-0199"}
    buyers = {b["id"]: b for b in parsed.output.records["buyers"]}
    assert buyers["jane.doe@marketplace.amazon.com"]["email"] == "Jane.Doe@Marketplace.Amazon.com"
    assert lines_by_id(parsed)["112-0000002-0000002/MM-SBM-HALF"]["buyer_id"] == "jane.doe@marketplace.amazon.com"
    promise = parse(fixture("fbm-unshipped-us-promise.txt"))
    assert lines_by_id(promise)["114-9999999-9999999/MM-WUT-5PIECE"]["ship_by"] == "2026-11-23"


def test_an_import_never_moves_a_shipped_line_back(store) -> None:
    run_import(store, fixture("all-orders-us.txt"))
    key = "112-0000002-0000002/MM-SBM-HALF"
    with store.transaction("shipped") as tx:
        tx["orders"].update(key, {"shipment": {"carrier": "UPS", "tracking": "1Z1"}, "history": [{"what": "x"}]})
        tx["buyers"].insert({"id": "jane.doe@marketplace.amazon.com", "name": "J", "tags": ["vip"], "notes": "kind",
                             "blacklisted": False})
    result = run_import(store, fixture("fbm-unshipped-us.txt"))
    assert result.inserted == 1 and result.updated == 1
    line = store["orders"].get(key)
    assert line["status"] == "Shipped" and line["shipment"]["tracking"] == "1Z1" and line["history"] == [{"what": "x"}]
    assert line["buyer_name"] == "Jane Doe" and line["ship_service_level"] == "Expedited"
    assert store["orders"].get("114-8888888-8888888/MM-GSJ-SETOF4")["status"] == "Unshipped"
    buyer = store["buyers"].get("jane.doe@marketplace.amazon.com")
    assert buyer["tags"] == ["vip"] and buyer["notes"] == "kind" and buyer["name"] == "Jane Doe"
    assert store["buyers"].count() == 2


def test_an_older_all_orders_report_does_not_unship(store, tmp_path: Path) -> None:
    run_import(store, fixture("all-orders-us.txt"))
    older = tmp_path / "older.txt"
    older.write_text(fixture("all-orders-us.txt").read_text().replace("\tShipped\tAmazon\t", "\tPending\tAmazon\t"))
    result = run_import(store, older)
    assert store["orders"].get("112-0000001-0000001/MM-BCB-LARGE")["status"] == "Shipped"
    assert result.inserted == 0


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    lines = fixture("all-orders-us.txt").read_text().splitlines()
    header = lines[0].split("\t")
    keep = [i for i, h in enumerate(header) if h != "item-price"]
    path.write_text("\n".join("\t".join(line.split("\t")[i] for i in keep) for line in lines) + "\n")
    with pytest.raises(FileProblem, match="has no 'item-price' column, which an All Orders report needs"):
        parse(path)


def test_bad_cells_are_listed_with_line_column_value_and_reason(store, tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    text = fixture("all-orders-us.txt").read_text()
    text = text.replace("\tMerchant\t", "\tWarehouse\t").replace("\t59.98\t", "\t59,9.8\t")
    path.write_text(text)
    with pytest.raises(RowProblems) as caught:
        run_import(store, path)
    problems = [str(p) for p in caught.value.problems]
    assert "orders.txt, line 2, column 'item-price': '59,9.8' is not an amount" in problems
    assert ("orders.txt, line 3, column 'fulfillment-channel': 'Warehouse' is not a fulfilment channel "
            "(expected Amazon or Merchant)") in problems
    assert store["orders"].count() == 0


def test_the_order_file_can_be_anywhere(store, tmp_path: Path) -> None:
    copy = tmp_path / "folder with spaces" / "All Orders (2).txt"
    copy.parent.mkdir()
    shutil.copy(fixture("all-orders-uk-2025.txt"), copy)
    assert run_import(store, copy).inserted == 2


def test_an_older_layout_does_not_erase_what_a_newer_one_said(store, tmp_path: Path) -> None:
    run_import(store, fixture("all-orders-uk-2025.txt"))
    key = "026-2222222-2222222/MM-TBC-WAFFLE"
    assert store["orders"].get(key)["order_item_id"] == "22345678901234"
    lines = fixture("all-orders-uk-2025.txt").read_text().splitlines()
    header = lines[0].split("\t")
    keep = [i for i, h in enumerate(header) if h not in ("order-item-id", "is-business-order", "purchase-order-number")]
    older = tmp_path / "older-layout.txt"
    older.write_text("\n".join("\t".join(line.split("\t")[i] for i in keep) for line in lines) + "\n")
    result = run_import(store, older)
    assert (result.updated, result.unchanged) == (0, 2)
    line = store["orders"].get(key)
    assert line["order_item_id"] == "22345678901234" and line["is_business"] is True
    assert line["purchase_order_number"] == "PO-77"

"""Orders from the Orders API land as the same records, with the same keys, as the order reports."""

from __future__ import annotations

import json

import pytest

from sellertui.importers.errors import FileProblem, RowProblems
from sellertui.importers.pipeline import Document, Options, import_document, import_report, parse_document
from tests.importers.conftest import fixture


def item(sku: str, qty: int, price: str, item_id: str = "11111111111111", **more) -> dict:
    return {"ASIN": "B0ABCDEF02", "SellerSKU": sku, "OrderItemId": item_id, "Title": "Silicone Baking Mat",
            "QuantityOrdered": qty, "ItemPrice": {"CurrencyCode": "USD", "Amount": price},
            "ItemTax": {"CurrencyCode": "USD", "Amount": "1.05"}, **more}


def order(order_id: str = "112-0000002-0000002", status: str = "Unshipped", channel: str = "MFN", items=None,
          pii: bool = False, **more) -> dict:
    data = {"AmazonOrderId": order_id, "PurchaseDate": "2026-01-06T09:00:00Z", "LastUpdateDate": "2026-01-06T10:00:00Z",
            "OrderStatus": status, "FulfillmentChannel": channel, "SalesChannel": "Amazon.com",
            "ShipServiceLevel": "Expedited", "MarketplaceId": "ATVPDKIKX0DER", "IsBusinessOrder": False,
            "LatestShipDate": "2026-01-08T07:59:59Z",
            "ShippingAddress": {"City": "Austin", "StateOrRegion": "TX", "PostalCode": "78701", "CountryCode": "US"},
            "OrderItems": items if items is not None else [item("MM-SBM-HALF", 1, "14.99")], **more}
    if pii:
        data["BuyerInfo"] = {"BuyerEmail": "Jane.Doe@Marketplace.Amazon.com", "BuyerName": "Jane Doe"}
        data["ShippingAddress"].update(Name="Jane Doe", AddressLine1="100 Pine St", AddressLine2="Apt 4",
                                       Phone="+1 206-555-0100")
    return data


def doc(*orders) -> Document:
    return Document("orders page 1 (US)", json.dumps({"Orders": list(orders)}).encode(), "orders-api")


def test_an_fbm_order_with_pii_matches_the_fbm_report_line(store) -> None:
    import_report(store, fixture("fbm-unshipped-us.txt"), Options())
    by_report = dict(store["orders"].get("112-0000002-0000002/MM-SBM-HALF"))
    result = import_document(store, doc(order(pii=True, items=[item("MM-SBM-HALF", 1, "14.99",
                                                                      ShippingPrice={"Amount": "4.99"})])),
                             Options())
    synced = store["orders"].get("112-0000002-0000002/MM-SBM-HALF")
    assert store["orders"].count() == 2 and result.inserted == 0  # the same key: one record
    for field in ("order_id", "sku", "quantity", "item_price_minor", "item_tax_minor", "shipping_price_minor",
                  "channel", "status", "marketplace", "order_item_id", "buyer_id", "address"):
        assert synced[field] == by_report[field], field
    assert synced["ship_by"] == "2026-01-07"  # LatestShipDate in Pacific time


def test_the_delivery_window_amazon_promised_is_kept_as_marketplace_days(store) -> None:
    import_document(store, doc(order(status="Shipped", EarliestDeliveryDate="2026-01-09T08:00:00Z",
                                     LatestDeliveryDate="2026-01-13T07:59:59Z")), Options())
    line = store["orders"].get("112-0000002-0000002/MM-SBM-HALF")
    assert (line["earliest_delivery"], line["latest_delivery"]) == ("2026-01-09", "2026-01-12")  # Pacific days
    import_document(store, doc(order("112-0000009-0000009")), Options())
    assert store["orders"].get("112-0000009-0000009/MM-SBM-HALF")["latest_delivery"] is None


def test_without_pii_nothing_stored_from_a_report_is_blanked(store) -> None:
    import_report(store, fixture("fbm-unshipped-us.txt"), Options())
    import_document(store, doc(order()), Options())
    synced = store["orders"].get("112-0000002-0000002/MM-SBM-HALF")
    assert synced["buyer_name"] == "Jane Doe" and synced["address"]["line1"] == "100 Pine St"
    assert synced["buyer_id"] == "jane.doe@marketplace.amazon.com"


def test_fba_and_status_words_map_as_in_the_all_orders_report(store) -> None:
    import_report(store, fixture("all-orders-us.txt"), Options())
    before = store["orders"].count()
    fba = order("112-0000001-0000001", "Shipped", "AFN", [item("MM-BCB-LARGE", 2, "59.98")])
    import_document(store, doc(fba, order("112-9-9", "PartiallyShipped"), order("112-9-8", "Canceled", items=[])),
                    Options())
    line = store["orders"].get("112-0000001-0000001/MM-BCB-LARGE")
    assert (line["channel"], line["status"], line["item_price_minor"]) == ("FBA", "Shipped", 5998)
    assert store["orders"].get("112-9-9/MM-SBM-HALF")["status"] == "Shipping"
    assert store["orders"].count() == before + 1  # a cancelled order without items adds no line


def test_a_synced_status_never_moves_a_line_back_and_keeps_the_users_shipment(store) -> None:
    import_document(store, doc(order()), Options())
    with store.transaction("mark shipped") as tx:
        line_id = "112-0000002-0000002/MM-SBM-HALF"
        tx["orders"].update(line_id, {"status": "Shipped", "shipment": {"carrier": "UPS"},
                                      "history": [{"what": "shipped"}]})
    import_document(store, doc(order()), Options())
    line = store["orders"].get(line_id)
    assert line["status"] == "Shipped" and line["shipment"] == {"carrier": "UPS"} and line["history"]


def test_discounts_keep_the_reports_sign_and_lines_of_one_sku_add_up() -> None:
    items = [item("A-1", 1, "10.00", "1", PromotionDiscount={"CurrencyCode": "USD", "Amount": "1.50"}),
             item("A-1", 2, "20.00", "2")]
    lines = parse_document(doc(order(items=items)), Options()).output.records["orders"]
    assert len(lines) == 1 and lines[0]["quantity"] == 3 and lines[0]["item_price_minor"] == 3000
    assert lines[0]["promo_discount_minor"] == -150


def test_problems_name_the_entry_and_amazons_field(store) -> None:
    with pytest.raises(RowProblems) as caught:
        import_document(store, doc(order(items=[item("A-1", 1, "ten dollars")])), Options())
    problem = caught.value.problems[0]
    assert (problem.line, problem.column, problem.value) == (1, "item-price", "ten dollars")
    with pytest.raises(FileProblem, match="has no OrderItems list"):
        parse_document(doc({"AmazonOrderId": "1"}), Options())
    with pytest.raises(FileProblem, match="not a list of orders"):
        parse_document(Document("x", b'{"payload": {}}', "orders-api"), Options())

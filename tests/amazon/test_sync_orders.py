"""Orders in, ship confirmations out: pages, items, PII, what is sent and what Amazon answered."""

from __future__ import annotations

import pytest

from sellertui.domain.orders.shipping import Shipment, mark_shipped
from sellertui.domain.sync import confirmations, state
from sellertui.domain.sync.runner import sync
from sellertui.domain.sync.status import sync_status
from tests.importers.test_orders_api import item, order


def run(shop, *only: str, **kw):
    return sync(shop, list(only) or None, sleep=lambda s: None, **kw)


def unit(result, stream: str):
    return next(s for s in result.streams if s.stream == stream)


def orders(n: int, pii: bool = True) -> list[dict]:
    return [order(f"112-0000000-{i:07d}", items=[item(f"SKU-{i}", 1, "10.00", f"9{i:013d}")], pii=pii,
                  PurchaseDate=f"2026-11-{10 + i:02d}T09:00:00Z", LastUpdateDate=f"2026-11-{10 + i:02d}T10:00:00Z")
            for i in range(1, n + 1)]


def test_orders_are_paged_with_their_items_and_a_second_sync_adds_nothing(connected, shop) -> None:
    connected.orders = orders(5)
    connected.orders_page = 2
    result = run(shop, "orders")
    assert result.ok and unit(result, "orders").new == 5
    ops = connected.operations()
    assert ops.count("getOrders") == 3 and ops.count("getOrderItems") == 5 and "createRestrictedDataToken" in ops
    rdt_calls = [c for c in connected.calls if c[0] == "getOrders"]
    assert all(c[2]["x-amz-access-token"].startswith("Atz.sprdt|") for c in rdt_calls)  # the RDT, for PII
    line = shop.store["orders"].get("112-0000000-0000001/SKU-1")
    assert line["buyer_name"] == "Jane Doe" and line["address"]["line1"] == "100 Pine St"
    assert state.read_state(shop.store, "orders", "US")["checkpoints"]["orders"] == "2026-11-15T10:00:00Z"
    again = run(shop, "orders")
    assert again.ok and (unit(again, "orders").new, unit(again, "orders").updated) == (0, 0)
    since = [c[1] for c in connected.calls if c[0] == "getOrders"]
    assert len(since) == 4  # the newest order again (LastUpdatedAfter is inclusive), unchanged


def test_without_the_pii_role_orders_sync_without_buyers_and_the_result_says_so_once(connected, shop) -> None:
    connected.pii = False
    connected.orders = orders(2, pii=True)
    result = run(shop, "orders")
    stream = unit(result, "orders")
    assert result.ok and stream.new == 2 and len(stream.notes) == 1 and "PII" in stream.notes[0]
    line = shop.store["orders"].get("112-0000000-0000001/SKU-1")
    assert "buyer_name" not in line and "address" not in line and line["ship_city"] == "Austin"
    assert shop.store["buyers"].count() == 0


def ship(shop, order_ids: list[str], carrier: str = "UPS", tracking: str = "1Z999AA10123456784") -> None:
    lines = [l for l in shop.store["orders"].all() if l["order_id"] in order_ids]
    mark_shipped(shop.store, lines, Shipment(carrier, "2026-11-21", "Ground", {o: tracking for o in order_ids}))


def test_marking_shipped_queues_a_confirmation_and_the_sync_sends_exactly_that(connected, shop) -> None:
    connected.orders = orders(2)
    run(shop, "orders")
    ship(shop, ["112-0000000-0000001"])
    waiting = confirmations.confirmations(shop)
    assert [c.order_id for c in waiting] == ["112-0000000-0000001"] and waiting[0].status == "pending"
    planned = run(shop, "confirmations", dry_run=True)
    would = unit(planned, "confirmations").would
    assert would[0]["confirmation"]["tracking"] == "1Z999AA10123456784"
    assert "confirmShipment" not in connected.operations()  # a dry run sends nothing
    result = run(shop, "confirmations")
    assert result.ok and unit(result, "confirmations").sent == 1
    order_id, body = connected.confirmed[0]
    assert order_id == "112-0000000-0000001" and body["marketplaceId"] == "ATVPDKIKX0DER"
    assert body["packageDetail"] == {"packageReferenceId": "1", "carrierCode": "UPS",
                                     "trackingNumber": "1Z999AA10123456784", "shipDate": "2026-11-21T20:00:00Z",
                                     "shippingMethod": "Ground",
                                     "orderItems": [{"orderItemId": "90000000000001", "quantity": 1}]}
    line = shop.store["orders"].get("112-0000000-0000001/SKU-1")
    assert line["shipment"]["confirmed_at"] and "shipping confirmed to Amazon" in line["history"][-1]["what"]
    assert confirmations.confirmations(shop) == [] and run(shop, "confirmations").ok
    assert len(connected.confirmed) == 1  # never sent twice


def test_a_rejected_confirmation_stays_marked_with_amazons_reason(connected, shop) -> None:
    connected.orders = orders(1)
    run(shop, "orders")
    ship(shop, ["112-0000000-0000001"])
    connected.confirm["112-0000000-0000001"] = (400, {"errors": [{"code": "InvalidInput", "message": "Invalid Input",
                                                                   "details": "shipDate is before the order date"}]})
    result = run(shop, "confirmations")
    stream = unit(result, "confirmations")
    assert not result.ok and stream.rejected == 1 and "shipDate is before the order date" in stream.errors[0]
    failed = sync_status(shop).failed_confirmations
    assert [c.order_id for c in failed] == ["112-0000000-0000001"]
    assert failed[0].reason == "InvalidInput: Invalid Input (shipDate is before the order date)"
    line = shop.store["orders"].get("112-0000000-0000001/SKU-1")
    assert "refused by Amazon" in line["history"][-1]["what"] and line["shipment"]["confirmed_at"] is None
    run(shop, "confirmations")
    assert len(connected.confirmed) == 1  # a refused one is not sent again by itself...
    confirmations.retry(shop.store, "112-0000000-0000001")
    connected.confirm.clear()
    assert run(shop, "confirmations").ok and len(connected.confirmed) == 2  # ...only when the user retries


def test_a_confirmation_exported_in_the_upload_file_is_never_sent_too(connected, shop, tmp_path) -> None:
    from sellertui.domain.orders.shipping import export_confirmation

    connected.orders = orders(1)
    run(shop, "orders")
    ship(shop, ["112-0000000-0000001"])
    export_confirmation(shop.store, tmp_path / "confirm.txt")
    assert run(shop, "confirmations").ok and "confirmShipment" not in connected.operations()
    assert shop.store["outbox"].get("112-0000000-0000001")["status"] == "exported"


def test_a_confirmation_without_amazons_item_id_is_refused_before_sending(connected, shop) -> None:
    from sellertui.importers.pipeline import Options, import_report
    from tests.importers.conftest import fixture

    import_report(shop.store, fixture("all-orders-us.txt"), Options())  # no order-item-id column
    merchant = [l for l in shop.store["orders"].all() if l["channel"] == "FBM"][0]
    ship(shop, [merchant["order_id"]])
    result = run(shop, "confirmations")
    assert unit(result, "confirmations").rejected == 1 and "no Amazon order item id" in result.lines()[0]
    assert "confirmShipment" not in connected.operations()


def test_status_and_the_today_item_tell_what_the_last_sync_did(connected, shop) -> None:
    from sellertui import clock
    from sellertui.domain.sync.today import sync_section
    from tests.amazon.test_sync_reports import SETTLEMENT
    from tests.importers.conftest import fixture

    from sellertui.domain.today.sections import checklist

    assert sync_status(shop).header() == "not synced yet"
    assert "Seller Central sync" not in [s.name for s in checklist(shop, "ana")]  # nothing wrong: no section
    connected.orders = orders(2)
    connected.add_report(SETTLEMENT, fixture("settlement-v2-us.txt").read_bytes())
    connected.on_create["GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA"] = (["FATAL"], b"internal error", False)
    run(shop, "orders", "settlements", "transactions")
    status = sync_status(shop)
    assert status.header() == "synced just now · 2 new orders · 1 settlement · 1 stream failed"
    later = clock.now().replace(hour=9, minute=7)
    assert status.header(later).startswith("synced 7 min ago")
    assert [s.stream for s in status.failing] == ["transactions"] and "internal error" in status.failing[0].error
    section = sync_section(shop, clock.now(), "ana")
    assert [i.key for i in section.items] == ["sync:transactions|US"] and section.items[0].late
    assert status.as_json()["header"] == status.header()
    from sellertui.domain.today.sections import checklist

    assert checklist(shop, "ana")[0].name == "Seller Central sync"  # first: nothing else is fresh without it


def test_a_refused_token_is_a_today_item_saying_to_reconnect(connected, shop, monkeypatch) -> None:
    from sellertui import clock
    from sellertui.domain.sync.today import sync_section

    monkeypatch.setenv("SELLERTUI_SP_CLIENT_SECRET", "not-the-secret")
    run(shop, "orders")
    items = sync_section(shop, clock.now(), "ana").items
    assert [i.key for i in items] == ["sync:credentials"] and "invalid_client" in items[0].detail
    assert sync_status(shop).header().endswith("credentials refused")


@pytest.mark.parametrize("stream", ["orders", "settlements", "business"])
def test_a_dry_run_contacts_nobody(connected, shop, stream) -> None:
    result = run(shop, stream, dry_run=True)
    assert result.dry_run and unit(result, stream).would and connected.calls == []

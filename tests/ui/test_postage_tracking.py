"""Postage changes and the tracking message on an order, from All orders at 80×24."""

from __future__ import annotations

from pathlib import Path

from sellertui.store import open_store
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.forms import FormScreen
from tests.ui.conftest import settle
from tests.ui.test_orders import fill, form_errors, open_view, submit


def shipped_fbm(data_dir: Path, with_shipping: bool = True) -> dict:
    store = open_store(data_dir)
    line = next(o for o in store["orders"].rows(["2026-11"]) if o["channel"] == "FBM" and o["status"] == "Shipped"
                and bool(o.get("shipping_price_minor")) == with_shipping and o.get("shipment"))
    store.close()
    return line


async def press_on_order(pilot, app, order_id: str, key: str) -> None:
    """In All orders, put the cursor on the order and press ``key``."""
    await settle(pilot, app)
    await open_view(pilot, app, "a")
    await pilot.press("slash", *order_id)
    await pilot.press("enter")
    await settle(pilot, app)
    await pilot.press(key)
    await settle(pilot, app)


async def test_refund_part_of_the_postage_with_a_reason(make_app, demo_copy: Path) -> None:
    line = shipped_fbm(demo_copy)
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_on_order(pilot, app, line["order_id"], "P")
        assert isinstance(app.screen, FormScreen)
        await submit(pilot, app)
        assert "choose one" in form_errors(app)["reason"]
        fill(app, amount="9.99", reason="shipped by a cheaper service")
        await submit(pilot, app)
        assert form_errors(app)["amount"] == "at most 4.99"
        fill(app, amount="2.00")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        await settle(pilot, app)
    store = open_store(demo_copy)
    refund = store["postage_refunds"].get(f"{line['order_id']}|1")
    assert refund["amount_minor"] == 200 and refund["reason"] == "shipped by a cheaper service"
    history = store["orders"].get(line["id"], partition=line["purchase_date"][:7])["history"]
    assert history[-1]["what"] == "refunded $2.00 of the postage: shipped by a cheaper service"


async def test_the_tracking_message_is_filled_with_the_carriers_link_and_copied(make_app, demo_copy: Path) -> None:
    line = shipped_fbm(demo_copy, with_shipping=False)
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_on_order(pilot, app, line["order_id"], "L")
        assert isinstance(app.screen, InfoScreen)
        shown = app.screen.as_text()
        number = line["shipment"]["tracking"]
        assert number in shown and f"with {line['shipment']['carrier']}" in shown and "https://" in shown
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("P")  # no shipping charged: nothing to refund
        await settle(pilot, app)
        assert any("no shipping charge left" in n.message for n in app._notifications)


async def test_an_fba_order_has_neither(make_app, demo_copy: Path) -> None:
    store = open_store(demo_copy)
    fba = next(o for o in store["orders"].rows(["2026-11"]) if o["channel"] == "FBA" and o["status"] == "Shipped")
    store.close()
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_on_order(pilot, app, fba["order_id"], "P")
        await pilot.press("L")
        await settle(pilot, app)
        said = " ".join(n.message for n in app._notifications)
        assert "only an FBM order's postage" in said and "Only a shipped FBM order" in said


async def test_connected_the_tracking_message_is_sent_after_a_yes_and_never_twice_unasked(make_app, demo_copy: Path,
                                                                                          monkeypatch) -> None:
    from sellertui.domain.orders.buyer_messages import tracking_sends
    from sellertui.domain.orders.order_lines import lines_of_order
    from sellertui.ui.kit.dialogs import ConfirmScreen
    from tests.amazon.conftest import write_config
    from tests.amazon.standin import ENV, StandIn

    line = shipped_fbm(demo_copy, with_shipping=False)
    server = StandIn()
    server.start()
    try:
        for name, value in ENV.items():
            monkeypatch.setenv(name, value)
        server.message_actions[line["order_id"]] = {"confirmDeliveryDetails"}
        app = make_app(demo_copy, 'user = "ana"\n' + write_config(server.url).read_text())
        async with app.run_test(size=(80, 24)) as pilot:
            await press_on_order(pilot, app, line["order_id"], "L")
            assert isinstance(app.screen, ConfirmScreen) and "through Amazon" in app.screen.question
            assert line["shipment"]["tracking"] in app.screen.question and "again" not in app.screen.question
            await pilot.press("y")
            await settle(pilot, app)
            assert len(server.messages) == 1, [n.message for n in app._notifications]
            assert line["shipment"]["tracking"] in server.messages[0][2]["text"]
            await pilot.press("L")
            await settle(pilot, app)
            assert isinstance(app.screen, ConfirmScreen) and "send it again?" in app.screen.question
            await pilot.press("n")  # no: copied instead, nothing sent
            await settle(pilot, app)
            assert isinstance(app.screen, InfoScreen) and "Copied to the clipboard" in app.screen.as_text()
        assert len(server.messages) == 1
        store = open_store(demo_copy)
        sends = tracking_sends(lines_of_order(store, line["order_id"], line["purchase_date"][:7]))
        store.close()
        assert [s["state"] for s in sends] == ["sending", "sent"]
    finally:
        server.stop()


async def test_record_the_delivery_day_from_the_date_field_and_see_it_on_the_order(make_app, demo_copy: Path) -> None:
    from datetime import date, timedelta

    from sellertui.ui.kit.dialogs import DetailScreen

    line = shipped_fbm(demo_copy)
    shipped = date.fromisoformat(line["shipment"]["ship_date"])
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_on_order(pilot, app, line["order_id"], "V")
        assert isinstance(app.screen, FormScreen) and app.focused is app.screen.query_one("#field-day")
        fill(app, day="+1")
        await submit(pilot, app)
        assert form_errors(app)["day"] == "in the future"
        fill(app, day=(shipped - timedelta(days=1)).isoformat())
        await submit(pilot, app)
        assert form_errors(app)["day"] == f"before it shipped ({shipped.isoformat()})"
        arrived = min(shipped + timedelta(days=2), date(2026, 11, 22))
        fill(app, day=arrived.isoformat(), note="UPS tracking says so")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        await settle(pilot, app)
        assert any(f"delivered on {arrived.isoformat()}: review requests count" in n.message
                   for n in app._notifications)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, DetailScreen)
        assert f"delivered on {arrived.isoformat()}" in app.screen.as_text()
    store = open_store(demo_copy)
    stored = store["orders"].get(line["id"], partition=line["purchase_date"][:7])
    store.close()
    assert stored["delivered_at"] == arrived.isoformat()
    assert stored["history"][-1]["what"] == f"delivered on {arrived.isoformat()}: UPS tracking says so"


async def test_an_unshipped_order_has_no_delivery_to_record(make_app, demo_copy: Path) -> None:
    store = open_store(demo_copy)
    waiting = next(o for o in store["orders"].rows(["2026-11"]) if o["status"] == "Unshipped")
    store.close()
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_on_order(pilot, app, waiting["order_id"], "V")
        assert not isinstance(app.screen, FormScreen)
        assert any("has not shipped yet: there is no delivery to record" in n.message for n in app._notifications)

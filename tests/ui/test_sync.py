"""Seller Central from the app: connect, sync now with the header's status, refused confirmations in the queue."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from sellertui.domain.orders.shipping import Shipment, mark_shipped
from sellertui.store import open_store
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.shell.header import ShopHeader
from tests.amazon.conftest import FAST
from tests.amazon.standin import CLIENT_ID, CLIENT_SECRET, ENV, REFRESH_TOKEN, StandIn
from tests.amazon.test_sync_orders import orders
from tests.ui.conftest import settle


@pytest.fixture
def standin():
    server = StandIn()
    server.start()
    yield server
    server.stop()


def config_for(standin: StandIn) -> str:
    lines = ['user = "ana"', "[amazon]", 'region = "NA"', 'marketplaces = ["US"]',
             f'sp_api_endpoint = "{standin.url}"', f'lwa_token_url = "{standin.url}/auth/o2/token"']
    lines += [f"{key} = {value!r}" for key, value in FAST.items()]
    return "\n".join(lines) + "\n"


def seeded(data_dir: Path) -> Path:
    """A store with one task in it (no welcome screen)."""
    from sellertui.domain.team.tasks import add_task

    store = open_store(data_dir, user="ana")
    add_task(store, "read the business report")
    store.close()
    return data_dir


def notes(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_r_syncs_now_and_the_header_says_how_fresh_the_data_is(make_app, data_dir: Path, standin,
                                                                        monkeypatch) -> None:
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    standin.orders = orders(2)
    app = make_app(seeded(data_dir), config_for(standin))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot, app)
        assert app.query_one(ShopHeader).sync == "not synced yet"
        await pilot.press("R")
        await settle(pilot, app)
        assert "getOrders" in standin.operations(), notes(app)
        assert app.query_one(ShopHeader).sync.startswith("synced just now · 2 new orders")
        assert "orders" in notes(app)
    assert open_store(data_dir)["orders"].count() == 2


async def test_without_credentials_r_opens_connect_and_a_good_check_keeps_them(make_app, data_dir: Path,
                                                                              standin) -> None:
    from sellertui.amazon.credentials import load

    app = make_app(seeded(data_dir), config_for(standin))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("R")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, FormScreen) and screen.form_title == "Connect to Seller Central"
        secret = screen.query_one("#field-client_secret", Input)
        assert secret.password  # typed secrets are never shown
        for name, value in (("client_id", CLIENT_ID), ("client_secret", CLIENT_SECRET),
                            ("refresh_token", REFRESH_TOKEN)):
            screen.query_one(f"#field-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert "sells in US" in notes(app) and not isinstance(app.screen, FormScreen)
        assert CLIENT_SECRET not in notes(app) and REFRESH_TOKEN not in notes(app)
    creds = load()
    assert creds is not None and creds.refresh_token.reveal() == REFRESH_TOKEN


async def test_a_refused_confirmation_stays_in_the_ship_queue_with_amazons_reason(make_app, data_dir: Path,
                                                                                  standin, monkeypatch) -> None:
    from sellertui.context import Context
    from sellertui.domain.sync.runner import sync

    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    standin.orders = orders(1)
    app = make_app(data_dir, config_for(standin))  # writes the config the shop reads
    ctx = Context.create(data_dir)
    shop = ctx.shop()
    sync(shop, ["orders"], sleep=lambda s: None)
    order_id = "112-0000000-0000001"
    lines = [l for l in shop.store["orders"].all() if l["order_id"] == order_id]
    mark_shipped(shop.store, lines, Shipment("UPS", "2026-11-21", "Ground", {order_id: "1Z999AA10123456784"}))
    standin.confirm[order_id] = (400, {"errors": [{"code": "InvalidInput", "message": "Invalid Input",
                                                   "details": "shipDate is before the order date"}]})
    sync(shop, ["confirmations"], sleep=lambda s: None)
    ctx.close()
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot, app)
        assert app.query_one(ShopHeader).sync_problem and "refused" in app.query_one(ShopHeader).sync
        await pilot.press("2", "s")
        await settle(pilot, app)
        view = app.query_one("#area-orders").current
        assert view.table.value("due") == "refused"
        assert "shipDate is before the order date" in view.table.value("amazon")
        await pilot.press("c")
        await settle(pilot, app)
        assert "goes to Amazon again" in notes(app)
    store = open_store(data_dir)
    assert store["outbox"].get(order_id)["status"] == "pending"

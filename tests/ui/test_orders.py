"""The Orders tab, driven from the keyboard: every flow, including bad input in every form."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, TextArea

from sellertui.store import open_store
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.tabs.orders.all_orders import DetailScreen
from sellertui.ui.kit.table import FrameTable
from tests.ui.conftest import settle


async def open_view(pilot, app, key: str):
    await pilot.press("2")
    await settle(pilot, app)
    await pilot.press(key)
    await settle(pilot, app)
    area = app.query_one("#area-orders")
    return area.current


def fill(app, **values) -> None:
    for name, value in values.items():
        widget = app.screen.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            widget.text = value
        elif isinstance(widget, Select):
            widget.value = value
        else:
            widget.value = value


def form_errors(app) -> dict[str, str]:
    screen = app.screen
    assert isinstance(screen, FormScreen)
    return dict(screen.errors)


async def submit(pilot, app) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot, app)


# -- all orders ------------------------------------------------------------------------

async def test_filter_sort_and_details(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "a")
        table = view.table
        total = len(table.order)
        assert total > 4000
        await pilot.press("slash", *"status:unshipped channel:fbm")
        await settle(pilot, app)
        shown = table.frame.iloc[table.order]
        assert 0 < len(shown) < 100 and set(shown["status"]) == {"Unshipped"} and set(shown["channel"]) == {"FBM"}
        await pilot.press("enter")  # back to the table, filter kept
        assert len(table.order) == len(shown)
        await pilot.press("slash")
        app.screen.query_one(".open", Input).value = "colour:red"
        await settle(pilot, app)
        assert len(table.order) == len(shown)  # a bad filter keeps the last good result and says why
        assert "bad" in app.screen.query_one(".open", Input).classes
        await pilot.press("escape")
        await settle(pilot, app)
        assert len(table.order) == total
        first = table.value("order_id")
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, DetailScreen) and first in app.screen.as_text()
        await pilot.press("escape")


async def test_sorting_by_a_column(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "a")
        await pilot.press("right", "right", "right", "right", "right", "o")  # the Qty column
        quantities = list(view.table.frame["quantity"].to_numpy()[view.table.order])
        assert quantities == sorted(quantities)


# -- ship queue -------------------------------------------------------------------------

async def test_mark_two_orders_shipped_with_tracking_checks(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "s")
        table = view.table
        late = table.value("due")
        assert late.startswith("LATE")  # sorted by ship-by: the late ones first
        await pilot.press("space", "space")
        chosen = sorted({line["order_id"] for line in view._selected_lines()})
        assert len(chosen) == 2
        await pilot.press("x")
        await settle(pilot, app)
        fill(app, carrier="UPS", tracking_0="12345", tracking_1="1Z999AA10123456784")
        await submit(pilot, app)
        assert "does not look like a UPS number" in form_errors(app)["tracking_0"]
        fill(app, tracking_0="1Z999AA10123456784")
        await submit(pilot, app)
        assert "same number" in form_errors(app)["tracking_1"]
        fill(app, tracking_0="1z 999aa1 0123456785")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        remaining = set(view.table.frame["order_id"])
        assert not set(chosen) & remaining
    store = open_store(demo_copy)
    shipped = [o for o in store["orders"].rows() if o["order_id"] in chosen]
    assert {o["status"] for o in shipped} == {"Shipped"}
    assert {o["shipment"]["tracking"] for o in shipped} == {"1Z999AA10123456784", "1Z999AA10123456785"}
    assert all("tracking" in o["history"][-1]["what"] for o in shipped)


async def test_cancelled_ship_form_leaves_no_trace(make_app, demo_copy: Path) -> None:
    before = open_store(demo_copy).layout.partition_path("orders", "2026-11").read_bytes()
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await open_view(pilot, app, "s")
        await pilot.press("x")
        await settle(pilot, app)
        fill(app, carrier="FedEx")
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
    assert open_store(demo_copy).layout.partition_path("orders", "2026-11").read_bytes() == before


async def test_export_shipping_confirmations(make_app, demo_copy: Path, tmp_path: Path) -> None:
    app = make_app(demo_copy)
    target = tmp_path / "confirm.txt"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "s")
        order_id = view.table.value("order_id")
        await pilot.press("x")
        await settle(pilot, app)
        fill(app, carrier="USPS", tracking_0="9400111899223891234567")
        await submit(pilot, app)
        await pilot.press("E")
        await settle(pilot, app)
        fill(app, path=str(target))
        await submit(pilot, app)
        lines = target.read_text().splitlines()
        assert lines[0].split("\t") == ["order-id", "order-item-id", "quantity", "ship-date", "carrier-code",
                                        "carrier-name", "tracking-number", "ship-method"]
        assert lines[1].split("\t")[0] == order_id and "9400111899223891234567" in lines[1]
        await pilot.press("E")
        await settle(pilot, app)
        fill(app, path=str(tmp_path / "again.txt"))
        await submit(pilot, app)
        assert not (tmp_path / "again.txt").exists()  # nothing left to confirm
        assert any("waiting for a confirmation" in n.message for n in app._notifications), [n.message for n in app._notifications]


async def test_edit_an_address_with_checks_and_history(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "s")
        order_id, placed = view.table.value("order_id"), view.table.value("purchase_date")
        await pilot.press("e")
        await settle(pilot, app)
        fill(app, postal_code="ABC", state="ZZ")
        await submit(pilot, app)
        errors = form_errors(app)
        assert "not a US postal code" in errors["postal_code"] and "state" in errors
        fill(app, postal_code="98101-1234", state="wa", line2="Apt 4 [b]")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
    lines = [o for o in open_store(demo_copy)["orders"].docs(placed[:7]).values() if o["order_id"] == order_id]
    assert {l["address"]["postal_code"] for l in lines} == {"98101-1234"} and lines[0]["address"]["state"] == "WA"
    assert "Postal code" in lines[0]["history"][-1]["what"] and "'Apt 4 [b]'" in lines[0]["history"][-1]["what"]


async def test_fba_orders_have_no_editable_address(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "a")
        await pilot.press("slash", *"channel:fba")
        await pilot.press("enter", "e")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert any("Amazon ships FBA orders" in n.message for n in app._notifications)


# -- messages ----------------------------------------------------------------------------

async def test_log_reply_and_template(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "m")
        assert view.table.value("status") == "awaiting"  # the most urgent first
        await pilot.press("n")
        await settle(pilot, app)
        await submit(pilot, app)
        errors = form_errors(app)
        assert errors["text"] == "required"
        fill(app, buyer_name="Zoë [bold]", received_at="2026-11-22 08:00", text="Is the mat oven safe?\x1b[31m")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        await pilot.press("slash", *"zoë")
        await pilot.press("enter")
        await settle(pilot, app)
        assert view.table.value("buyer_name") == "Zoë [bold]"
        cells = " | ".join(text for text, _ in view.table._cells(view.table.cursor_row))
        assert "23h 00m left" in cells and "Zoë [bold]" in cells and "␛[31m" in cells
        await pilot.press("p")
        await settle(pilot, app)
        fill(app, replied_at="2026-11-22 07:00")
        await submit(pilot, app)
        assert "cannot come before" in "".join(n.message for n in app._notifications)
        await pilot.press("p")
        await settle(pilot, app)
        await submit(pilot, app)  # replied now
        assert view.table.value("status") == "replied"


async def test_reply_template_is_filled_and_copied(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "m")
        buyer = view.table.value("buyer_name").split(" ")[0]
        order_id = view.table.value("order_id")
        await pilot.press("t")
        await settle(pilot, app)
        await pilot.press("enter")  # the first template offered (one for the order's state)
        await settle(pilot, app)
        await submit(pilot, app)  # the filled text, shown first; ctrl+s copies it
        assert not isinstance(app.screen, FormScreen)
        assert app.clipboard.startswith(f"Hi {buyer},") and order_id in app.clipboard
        assert "{buyer_name}" not in app.clipboard


async def test_a_message_about_an_unknown_order_is_logged_and_says_so(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await open_view(pilot, app, "m")
        await pilot.press("n")
        await settle(pilot, app)
        fill(app, order_id="999-0000000-0000000", buyer_name="Zoë", received_at="2026-11-22 08:00", text="Hello?")
        await submit(pilot, app)
        said = [(n.message, n.severity) for n in app._notifications]
        assert ("No order 999-0000000-0000000 in the store: logged without it.", "warning") in said
        assert any(m == "Message logged; the 24-hour clock is running." for m, _ in said)
    logged = [m for m in open_store(demo_copy)["messages"].rows() if m["text"] == "Hello?"]
    assert [(m["order_id"], m["buyer_name"]) for m in logged] == [("999-0000000-0000000", "Zoë")]


async def test_no_response_needed(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "m")
        message_id = view.table.value("id")
        await pilot.press("x")
        await settle(pilot, app)
    assert open_store(demo_copy)["messages"].get(message_id)["status"] == "no_response_needed"


# -- returns -----------------------------------------------------------------------------

async def test_a_return_moves_through_the_flow(make_app, demo_copy: Path) -> None:
    store = open_store(demo_copy)
    line = next(o for o in store["orders"].rows(["2026-11"]) if o["channel"] == "FBM" and o["status"] == "Shipped")
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "f")
        await pilot.press("n")
        await settle(pilot, app)
        fill(app, order_id="999-0000000-0000000")
        await submit(pilot, app)
        assert any("No shipped order" in n.message for n in app._notifications)
        await pilot.press("n")
        await settle(pilot, app)
        fill(app, order_id=line["order_id"])
        await submit(pilot, app)
        fill(app, sku=line["sku"], quantity="9")
        await submit(pilot, app)
        assert "choose one" in form_errors(app)["reason"]
        fill(app, reason="DEFECTIVE")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert "between 1 and" in "".join(n.message for n in app._notifications)
        await pilot.press("n")
        await settle(pilot, app)
        fill(app, order_id=line["order_id"])
        await submit(pilot, app)
        fill(app, sku=line["sku"], quantity="1", reason="DEFECTIVE")
        await submit(pilot, app)
        await pilot.press("slash", *line["order_id"])
        await pilot.press("enter")
        await settle(pilot, app)
        assert view.table.value("status") == "requested"
        await pilot.press("greater_than_sign")  # authorised
        await settle(pilot, app)
        await pilot.press("greater_than_sign")  # received: asks when
        await settle(pilot, app)
        await submit(pilot, app)
        assert view.table.value("status") == "received" and view.table.value("refund_by") == "2026-11-24"
        await pilot.press("greater_than_sign")  # refunded: asks how much and why
        await settle(pilot, app)
        fill(app, amount="0")
        await submit(pilot, app)
        assert form_errors(app)["reason"] == "required"
        fill(app, amount="12.50", reason="cracked on arrival")
        await submit(pilot, app)
        assert view.table.value("status") == "refunded" and view.table.value("refund_minor") == 1250


async def test_fba_returns_cannot_be_moved(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "f")
        await pilot.press("slash", *"channel:fba")
        await pilot.press("enter", "greater_than_sign")
        await settle(pilot, app)
        assert any("handled by Amazon" in n.message for n in app._notifications)


# -- buyers and product notes --------------------------------------------------------------

async def test_blacklisting_a_buyer_flags_their_orders(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        queue = await open_view(pilot, app, "s")
        buyer = queue.table.value("buyer_name")
        assert not queue.table.value("flagged")
        view = await open_view(pilot, app, "b")
        await pilot.press("slash", *buyer)
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("x")
        await settle(pilot, app)
        await submit(pilot, app)
        assert form_errors(app)["reason"] == "required"
        fill(app, reason="chargeback after delivery")
        await submit(pilot, app)
        assert view.table.value("blacklisted")
        await pilot.press("t")
        await settle(pilot, app)
        fill(app, tags="Repeat, VIP, repeat")
        await submit(pilot, app)
        assert view.table.value("tag_text") == "repeat, vip"
        queue = await open_view(pilot, app, "s")
        flagged = queue.table.frame[queue.table.frame["buyer_name"] == buyer]
        assert flagged["flagged"].all()


async def test_product_notes_show_beside_the_message(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "m")
        sku = view.table.value("sku")
        await pilot.press("N")
        await settle(pilot, app)
        fill(app, selling_points="Oiled [i]maple[/i]", answers="Hand wash only.")
        await submit(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        text = app.screen.as_text()
        assert f"Product notes · {sku}" in text and "Oiled [i]maple[/i]" in text


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_orders_tab_works_at_small_sizes(make_app, demo_copy: Path, size) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        for key in "asmfbTFQ":
            view = await open_view(pilot, app, key)
            assert view.loaded and isinstance(view.table, FrameTable)
        assert not [n for n in app._notifications if n.severity == "error"]

"""A checklist that acts, at 80×24: ticking a Today item does its tab's action, and the two always agree."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TabbedContent

from sellertui.store import open_store
from sellertui.ui.kit.dialogs import ConfirmScreen
from sellertui.ui.kit.forms import FormScreen
from tests.ui.conftest import settle

SMALL = (80, 24)


async def on_item(pilot, app, prefix: str):
    """Put Today's cursor on the first open item whose key starts with ``prefix``; returns it."""
    await pilot.press("1")
    await settle(pilot, app)
    today = app.query_one("#area-today")
    checklist = today.query_one("Checklist")
    item = next(i for i in today.items.values() if i.key.startswith(prefix) and not i.ticked)
    checklist.highlighted = checklist.get_option_index(item.key)
    await pilot.pause()
    return today, item


async def tick(pilot, app, prefix: str):
    """Tick the first open item of that kind in Today; returns it."""
    _, item = await on_item(pilot, app, prefix)
    await pilot.press("space")
    await settle(pilot, app)
    return item


async def tick_into_orders_form(pilot, app, prefix: str):
    """Tick the first open item of that kind: Orders shows its own form for it; returns the item."""
    item = await tick(pilot, app, prefix)
    assert app.query_one(TabbedContent).active == "tab-orders"
    assert isinstance(app.screen, FormScreen), [n.message for n in app._notifications]
    return item


def listed(app, key: str):
    return app.query_one("#area-today").items.get(key)


async def test_ticking_a_message_replies_to_it_in_orders(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        item = await tick(pilot, app, "message:")
        done = listed(app, item.key)
        assert done is not None and done.ticked  # kept for the day, ticked
        await pilot.press("2", "m")
        await settle(pilot, app)
        view = app.query_one("#area-orders").current
        view.select_row("id", item.value)
        assert view.table.value("status") == "replied"  # Orders agrees
        await pilot.press("1")
        await settle(pilot, app)
        await pilot.press("space")  # untick: refused, the reply is in Orders
        await settle(pilot, app)
        assert listed(app, item.key).ticked


async def test_ticking_an_order_to_ship_asks_for_its_tracking(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        item = await tick_into_orders_form(pilot, app, "ship:")
        assert app.screen.form_title.startswith("Mark 1 order(s) shipped")
        assert item.value in str(app.screen.fields[-1].help)  # the form is for that order
        app.screen.query_one("#field-tracking_0", Input).value = "9400111899223344556677"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await pilot.press("1")
        await settle(pilot, app)
        done = listed(app, item.key)
        assert done is not None and done.ticked and done.detail == "done today"
    lines = [o for o in open_store(demo_copy).collection("orders").rows() if o["order_id"] == item.value]
    assert lines and all(o["status"] == "Shipped" for o in lines)


async def test_ticking_a_task_marks_it_done_in_team(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        item = await tick(pilot, app, "task:")
        assert listed(app, item.key).ticked
        await pilot.press("7", "w")
        await settle(pilot, app)
        view = app.query_one("#area-team").current
        assert view.select_row("id", item.value) and view.table.value("status") == "done"


async def test_ticking_a_refund_opens_its_refund_step(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        item = await tick_into_orders_form(pilot, app, "refund:")
        assert app.screen.form_title == "Refund"
        returns = app.query_one("#area-orders").current
        assert returns.current_value("id") == item.value  # the refund of that case


async def test_snoozing_a_message_due_today_warns_with_the_time_left(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        today, item = await on_item(pilot, app, "message:")
        await pilot.press("s")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmScreen)
        assert item.detail.split(" left")[0].removeprefix("overdue ") in app.screen.question
        await pilot.press("n")
        await settle(pilot, app)
        assert not listed(app, item.key).snoozed


async def test_time_on_a_record_in_its_tab_counts_for_the_workload(make_app, demo_copy: Path, monkeypatch) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await pilot.press("5", "p")
        await settle(pilot, app)
        await pilot.press("enter")  # a purchase order opened in its own tab: a session starts
        await settle(pilot, app)
        if app.screen is not app.screen_stack[0]:
            await pilot.press("escape")
        monkeypatch.setenv("SELLERTUI_NOW", "2026-11-22T09:12:00+00:00")
        await pilot.press("1")  # left it
        await settle(pilot, app)
        assert app.query_one("#area-today").query_one("#workload")
    from sellertui.domain.today.ticks import workload

    assert workload(open_store(demo_copy), "ana").get("inventory", {}).get("seconds") == 12 * 60

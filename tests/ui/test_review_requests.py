"""The Review requests view of Orders at 80×24: what is due, approving a batch after seeing it, withdrawing."""

from __future__ import annotations

from pathlib import Path

from sellertui.store import open_store
from sellertui.ui.kit.dialogs import ConfirmScreen
from sellertui.ui.kit.forms import FormScreen
from tests.reviews.conftest import order_line
from tests.ui.conftest import settle
from tests.ui.test_orders import open_view

ORDERS = [f"112-0000000-000000{i}" for i in (1, 2, 3)]


def due_shop(data_dir: Path) -> Path:
    store = open_store(data_dir, user="ana")
    with store.transaction("orders due a review request") as tx:
        tx["orders"].upsert_many([order_line(o, "FBM", "Rosa Diaz", shipment={"ship_date": f"2026-11-1{i}"})
                                  for i, o in enumerate(ORDERS)])
    store.close()
    return data_dir


async def test_approve_a_marked_one_then_all_and_withdraw(make_app, data_dir: Path) -> None:
    app = make_app(due_shop(data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "Q")
        assert len(view.table.order) == 3 and view.table.value("state") == "due"
        first = view.table.value("order_id")
        await pilot.press("space", "a")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmScreen) and first in app.screen.question
        await pilot.press("n")  # nothing kept
        await settle(pilot, app)
        assert open_store(data_dir)["review_requests"].count() == 0
        await pilot.press("a")
        await settle(pilot, app)
        await pilot.press("y")
        await settle(pilot, app)
        states = {view.table.value("order_id", p): view.table.value("state", p) for p in range(3)}
        assert states[first] == "approved" and sorted(states.values()) == ["approved", "due", "due"]
        await pilot.press("slash", *first)
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("d")
        await settle(pilot, app)
        assert open_store(data_dir)["review_requests"].count() == 0
        await pilot.press("A")
        await settle(pilot, app)
        assert "3 order(s)" in app.screen.question
        await pilot.press("y")
        await settle(pilot, app)
        await pilot.press("S")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen) and app.screen.query_one("#field-daily_rule").value == "false"
        await pilot.press("escape")
        await settle(pilot, app)
    store = open_store(data_dir)
    assert {r["status"] for r in store["review_requests"].all()} == {"approved"}
    assert store["review_requests"].count() == 3

"""The Today tab from the keyboard: move, tick, jump, snooze, routines; and `sellertui today`."""

from __future__ import annotations

import json
from pathlib import Path

from sellertui.cli import main
from sellertui.store import open_store
from sellertui.ui.tabs.today.area import Checklist
from sellertui.ui.kit.dialogs import ConfirmScreen
from tests.ui.conftest import settle
from tests.ui.test_orders import fill, submit


def today(app):
    return app.query_one("#area-today")


def highlighted(app) -> str:
    option = app.query_one(Checklist).highlighted_option
    return option.id if option else ""


async def test_move_tick_and_progress(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert app.focused is app.query_one(Checklist)
        assert highlighted(app).startswith("notice:")  # an unread team notice is pinned on top
        await pilot.press("j")
        first = highlighted(app)
        assert first.startswith("message:")  # then the most urgent section first
        await pilot.press("j")
        second = highlighted(app)
        await pilot.press("k")
        assert highlighted(app) == first and second != first
        await pilot.press("space")
        await settle(pilot, app)
        assert today(app).items[first].ticked
        assert "1 of" in str(app.query_one("#today-count").render())
    records = [d for d in open_store(demo_copy)["today_ticks"].rows() if d["item"] == first]
    assert records and records[0]["user"] == "ana" and records[0]["day"] == "2026-11-22"


async def test_enter_jumps_to_the_item_in_its_tab(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j")  # past the pinned team notice
        key = highlighted(app)
        await pilot.press("enter")
        await settle(pilot, app)
        await settle(pilot, app)
        area = app.query_one("#area-orders")
        view = area.current
        assert view.id == "messagesview" and view.table.value("id") == key.removeprefix("message:")
        await pilot.press("1")
        await settle(pilot, app)
        await pilot.press("space")  # ticking the message replies to it; leaving it recorded the time spent
        await settle(pilot, app)
    record = next(d for d in open_store(demo_copy)["today_ticks"].rows() if d["item"] == key)
    assert record["opened_at"] is None and record["ticked_at"] and record["worked"] == 0  # the clock is frozen


async def test_snooze_and_routines(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("j")  # past the pinned team notice
        key = highlighted(app)  # an overdue buyer message: snoozing it asks first
        await pilot.press("s")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmScreen) and "overdue" in app.screen.question
        await pilot.press("y")
        await settle(pilot, app)
        assert today(app).items[key].snoozed
        await pilot.press("n")
        await settle(pilot, app)
        fill(app, title="Check competitor prices", rule="every now and then")
        await submit(pilot, app)
        assert "say daily" in app.screen.errors["rule"]
        fill(app, rule="daily", area="promotions")
        await submit(pilot, app)
        routine = next(k for k, i in today(app).items.items() if i.title == "Check competitor prices")
        checklist = app.query_one(Checklist)
        checklist.highlighted = checklist.get_option_index(routine)
        await pilot.press("d")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot, app)
        assert routine not in today(app).items
        checklist.highlighted = checklist.get_option_index(key)
        await pilot.press("d")  # not a routine item: refused with a reason
        await settle(pilot, app)
        assert any("Only routine items" in n.message for n in app._notifications)


def test_cli_today_json(capsys, demo_copy: Path) -> None:
    assert main(["today", "--json", "--data-dir", str(demo_copy), "--user", "ana"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [s["name"] for s in data["sections"]]
    assert names == ["Team notices", "Buyer messages to answer", "FBM orders to ship", "Returns to refund",
                     "Negative feedback to handle", "Review requests", "SKUs to reorder now",
                     "Promotion deadlines and checks", "Ad proposals to review", "Competitor watch", "Tasks due",
                     "Routine"]
    reorder = data["sections"][6]
    assert reorder["area"] == "inventory" and reorder["items"] and reorder["items"][0]["late"]  # out of stock first
    promotions = data["sections"][7]
    assert promotions["area"] == "promotions" and promotions["items"][0]["late"]  # failed checks first
    assert data["sections"][8]["items"][0]["title"].startswith("review ")
    watch = data["sections"][9]
    assert watch["area"] == "inventory" and watch["items"][0]["title"].endswith("lost the Buy Box: held by "
                                                                               "A2KITCHENLYX9 at $25.49 (yours on "
                                                                               "2026-11-21)")
    assert data["user"] == "ana" and data["done"] == 0 and data["total"] > 10
    assert main(["today", "--data-dir", str(demo_copy), "--user", "ana"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Today for ana:") and "[!]" in out

"""The competitor watch view with Pilot at 80×24: watch an ASIN, record figures, alerts, stop watching."""

from __future__ import annotations

from pathlib import Path

from sellertui.domain.watch import snapshots, watchlist
from sellertui.store import open_store
from sellertui.ui.kit.dialogs import ConfirmScreen
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.tabs.inventory.watch import WatchView
from tests.ui.conftest import settle
from tests.ui.test_orders import fill, form_errors, submit


async def open_watch(pilot, app) -> WatchView:
    await settle(pilot, app)
    await pilot.press("5")
    await settle(pilot, app)
    await pilot.press("c")
    await settle(pilot, app)
    return app.query_one(WatchView)


async def test_watch_an_asin_record_figures_and_see_the_alert(make_app, demo_copy: Path) -> None:
    store = open_store(demo_copy, user="ana")
    watchlist.add(store, "B0RIVAL777", "US", label="Rival jar")
    snapshots.record(store, [snapshots.build("US", "B0RIVAL777", "2026-11-21", {"coupon": "", "rating": 4.1},
                                             "entry")], "seed")
    store.close()
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_watch(pilot, app)
        before = len(view.table.order)
        await pilot.press("n")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen)
        fill(app, asin="B0RIVAL777")
        await submit(pilot, app)
        assert "already watched" in form_errors(app)["asin"]
        fill(app, asin="b0[red]x", label="Their [b]board[/b]")
        await submit(pilot, app)
        assert "is not an ASIN" in form_errors(app)["asin"]
        fill(app, asin="b0rival888")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert len(view.table.order) == before + 1
        view.select_row("id", "US|B0RIVAL777")
        await pilot.press("a")
        await settle(pilot, app)
        fill(app, rating="6")
        await submit(pilot, app)
        assert "at most 5" in form_errors(app)["rating"]
        fill(app, rating="4.2", reviews="310", coupon="15% off", buybox="Rival [b]Co[/b]")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert view.current_value("alerts") == "new coupon"
        assert view.current_value("buybox") == "Rival [b]Co[/b]"
        assert "with alerts" in str(app.query_one("#watchview-summary").render())
        await pilot.press("d")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot, app)
        assert "US|B0RIVAL777" not in view.rows
    store = open_store(demo_copy)
    assert watchlist.find(store, "B0RIVAL888", "US")["label"] == "Their [b]board[/b]"
    day = snapshots.history(store, "US", "B0RIVAL777")[-1]
    assert (day["rating"], day["reviews"], day["coupon"], day["deal"]) == (4.2, 310, "15% off", "")
    assert (day["buybox_seller"], day["buybox_mine"]) == ("Rival [b]Co[/b]", False)


async def test_the_history_screen_charts_each_figure_and_lists_every_day(make_app, demo_copy: Path) -> None:
    from sellertui.ui.kit.charts import Chart
    from sellertui.ui.kit.table import FrameTable
    from sellertui.ui.tabs.inventory.watch_history import WatchHistoryScreen

    store = open_store(demo_copy, user="ana")
    watchlist.add(store, "B0RIVAL777", "US", label="Rival jar")
    snapshots.record(store, [snapshots.build("US", "B0RIVAL777", f"2026-11-{d:02d}",
                                             {"price_minor": 2000 - d * 10, "currency": "USD", "rank": 500 + d},
                                             "entry") for d in range(10, 23)], "seed")
    store.close()
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_watch(pilot, app)
        view.select_row("id", "US|B0RIVAL777")
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, WatchHistoryScreen)
        table = screen.query_one(FrameTable)
        assert len(table.order) == 13 and table.value("day", 0) == "2026-11-22" and table.value("price", 0) == "$17.80"
        chart = screen.query_one(Chart)
        assert chart.title == "Price" and chart.series[0].values[-1] == 17.8 and chart.has_data
        await pilot.press("c")
        await settle(pilot, app)
        assert chart.title.startswith("Sales rank") and chart.series[0].values[0] == 510
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, WatchHistoryScreen)

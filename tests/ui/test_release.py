"""A tab left lets go of its big tables and reads them again when back, as the user left them."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import numpy as np

from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.filterbar import FilterBar
from sellertui.ui.tabs.orders.all_orders import AllOrdersView
from tests.ui.conftest import settle


async def _all_orders(pilot, app) -> AllOrdersView:
    await pilot.press("2")
    await settle(pilot, app)
    await pilot.press("a")
    await settle(pilot, app)
    view = app.query_one("#area-orders").current
    assert isinstance(view, AllOrdersView) and view.loaded
    return view


def _state(view: AllOrdersView) -> dict:
    table = view.table
    return {"order": table.order.copy(), "sort": table.sort_by, "cursor": table.cursor_row,
            "scroll": table.scroll_y, "record": view.current_value("id"), "marked": set(table.marked),
            "filter": view.query_one(FilterBar).value}


async def test_leaving_orders_lets_go_of_its_rows_and_coming_back_shows_them_as_left(
        make_app, demo_copy: Path, monkeypatch) -> None:
    monkeypatch.setattr(AllOrdersView, "RELEASE_ROWS", 100)  # the demo's few thousand lines count as many
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await _all_orders(pilot, app)
        await pilot.press("slash", *"channel:fba", "enter")  # a filter kept, the table focused again
        await pilot.press("right", "right", "right", "right", "right", "o")  # sorted by Qty
        await pilot.press("pagedown", "pagedown", "down", "down", "down", "space")  # scrolled, a row marked
        await settle(pilot, app)
        before = _state(view)
        assert before["filter"] == "channel:fba" and before["sort"] == ("quantity", False)
        assert before["scroll"] > 0 and len(before["marked"]) == 1 and before["record"] is not None
        assert 0 < len(before["order"]) < len(view.table.frame)
        held = weakref.ref(view.table.frame)

        await pilot.press("1")  # Today: the Orders tab is left
        await settle(pilot, app)
        gc.collect()
        assert view.table.frame is None and not view.loaded
        assert held() is None  # nothing else kept the rows (the filter's last result, the search index)

        await pilot.press("2")
        await settle(pilot, app)
        after = _state(view)
        assert view.loaded and view.table.frame is not None
        assert np.array_equal(after.pop("order"), before.pop("order"))
        assert after == before


async def test_a_dialog_over_the_tab_keeps_its_rows(make_app, demo_copy: Path, monkeypatch) -> None:
    monkeypatch.setattr(AllOrdersView, "RELEASE_ROWS", 100)
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await _all_orders(pilot, app)
        frame = view.table.frame
        app.push_screen(InfoScreen("a dialog", paragraphs=["over the Orders tab"]))
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert view.table.frame is frame and view.loaded


async def test_a_short_table_is_kept(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await _all_orders(pilot, app)
        assert len(view.table.frame) < AllOrdersView.RELEASE_ROWS
        frame = view.table.frame
        await pilot.press("1")
        await settle(pilot, app)
        assert view.table.frame is frame and view.loaded  # a few thousand lines: not worth reading again


async def test_leaving_ads_stops_its_background_warm_up(make_app, demo_copy: Path, monkeypatch) -> None:
    import asyncio
    import threading
    import time

    from sellertui.domain.ads.service import AdsService

    started, stopped = threading.Event(), []

    def prefetch(self, window, stop=lambda: False) -> None:  # a warm-up still reading when the user leaves
        started.set()
        deadline = time.monotonic() + 30
        while not stop() and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped.append(stop())

    monkeypatch.setattr(AdsService, "prefetch", prefetch)
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("3")
        for _ in range(3000):  # the Ads tab shows its window, then starts warming the longest preset's months
            if started.is_set():
                break
            await asyncio.sleep(0.01)
        assert started.is_set()
        await pilot.press("4")  # Promotions: the Ads tab is left
        await settle(pilot, app)  # the warm-up's worker ends
        assert stopped == [True]  # it was told to stop, not run on under the next tab's load

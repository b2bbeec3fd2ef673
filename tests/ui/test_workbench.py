"""Living in the app at 80×24: forms take the keyboard, tables open on the newest row and follow their records,
filters say N of M, side panels open as drawers, and the key map says what clashes."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, TabbedContent

from sellertui.store import open_store
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.shell.help_screen import HelpScreen
from tests.ui.conftest import settle

SMALL = (80, 24)


@asynccontextmanager
async def opened(make_app, data_dir: Path, tab: str, view: str | None = None, size=SMALL):
    """The app at ``size`` on ``tab`` (and ``view``): yields (pilot, app, the view or the tab's area)."""
    app = make_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        yield pilot, app, await show(pilot, app, tab, view)


async def show(pilot, app, tab: str, view: str | None = None):
    await pilot.press(tab)
    await settle(pilot, app)
    if view:
        await pilot.press(view)
        await settle(pilot, app)
    area = app.query_one(TabbedContent).active_pane.query_one("Area" if view is None else "ViewArea")
    return area.current if view else area


def text_of(widget) -> str:
    """What a Static shows, as plain text."""
    import io

    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def focused_field(app) -> str:
    focused = app.screen.focused
    assert focused is not None, "no field has the keyboard"
    return (focused.id or "").removeprefix("field-")


# -- forms -------------------------------------------------------------------------------

async def test_mark_shipped_opens_in_the_tracking_field_and_enter_submits_from_it(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        view = await show(pilot, app, "2", "s")
        order_id = view.table.value("order_id")
        await pilot.press("x")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen)
        assert focused_field(app) == "tracking_0"
        await pilot.press(*"9400111899223344556677")  # typed straight away: nothing is lost
        assert app.screen.query_one("#field-tracking_0", Input).value == "9400111899223344556677"
        await pilot.press("enter")  # the last field: enter submits
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
    lines = [o for o in open_store(demo_copy).collection("orders").rows() if o["order_id"] == order_id]
    assert lines and all(o["status"] == "Shipped" for o in lines)


@pytest.mark.parametrize("tab, view, key, first", [
    ("4", None, "n", "name"),  # New promotion: its name first
    ("2", "a", "e", "name"),  # Address: an edit of filled fields starts at the first
    ("2", "m", "n", "order_id"),  # Log a message
    ("7", "m", "n", "title"),  # New task
    ("6", "x", "n", "description"),  # New expense: the date and category have defaults
])
async def test_every_form_opens_with_the_keyboard_in_its_first_field_to_fill(make_app, demo_copy: Path, tab, view,
                                                                             key, first) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await show(pilot, app, tab, view)
        if tab == "2" and view == "a":  # an FBM order that has not shipped, so its address can change
            await pilot.press("slash", *"status:unshipped channel:fbm", "enter")
            await settle(pilot, app)
        await pilot.press(key)
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen), app.screen
        assert focused_field(app) == first


async def test_enter_moves_to_the_next_field_then_submits_from_the_last(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await show(pilot, app, "2", "f")
        await pilot.press("n")  # New return: one field (the order id), so enter submits at once
        await settle(pilot, app)
        assert focused_field(app) == "order_id"
        await pilot.press("escape")
        await show(pilot, app, "6", "x")
        await pilot.press("n")
        await settle(pilot, app)
        form = app.screen
        names = [f.name for f in form.fields]
        start = names.index(focused_field(app))
        await pilot.press("enter")  # not the last field: on to the next, nothing submitted
        await settle(pilot, app)
        assert app.screen is form and focused_field(app) == names[start + 1]


# -- tables ------------------------------------------------------------------------------

async def test_all_orders_opens_on_the_newest_row_highlighted(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "2", "a") as (pilot, app, view):
        table = view.table
        newest = table.frame["purchase_date"].max()
        assert table.cursor_row == 0 and table.scroll_y == 0
        assert table.value("purchase_date") == newest
        assert table.has_focus  # highlighted: the cursor shows in full colour


async def test_a_filter_goes_to_its_first_match_and_says_n_of_m(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "2", "a") as (pilot, app, view):
        table = view.table
        await pilot.press("pagedown", "pagedown", "pagedown")  # scrolled well down first
        assert table.cursor_row > 20
        await pilot.press("slash", *"status:unshipped")
        await settle(pilot, app)
        shown, total = len(table.order), len(table.frame)
        assert 0 < shown < total
        assert table.cursor_row == 0 and table.scroll_y == 0
        assert table.value("status") == "Unshipped"
        assert f"{shown:,} of {total:,} shown" in text_of(app.screen.query_one(f"#{view.id}-summary"))
        await pilot.press("escape")
        await settle(pilot, app)
        assert "shown" not in text_of(app.screen.query_one(f"#{view.id}-summary"))


async def test_the_cursor_follows_its_record_when_a_save_re_sorts(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        view = await show(pilot, app, "5", "p")
        table = view.table
        draft = next(i for i in range(len(table.order)) if table.value("status", int(table.order[i])) == "draft")
        table.cursor_row = draft
        po_id = table.value("id")
        await pilot.press("m")  # draft → ordered: its rank changes, so it moves in the list
        await settle(pilot, app)
        if app.screen is not view.screen:  # the status change asks to confirm
            await pilot.press("y")
            await settle(pilot, app)
        assert table.value("id") == po_id
        assert table.value("status") == "ordered"


async def test_the_side_panel_opens_as_a_drawer_at_80_columns(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        view = await show(pilot, app, "2", "m")
        panel = app.screen.query_one(f"#{view.id}-detail")
        assert not panel.display  # no room beside the table
        await pilot.press("D")
        await settle(pilot, app)
        await pilot.pause(0.2)
        assert panel.display and panel.region.y > view.table.region.y  # across the bottom
        assert view.table.value("buyer_name") in text_of(app.screen.query_one(f"#{view.id}-detail-body"))
        await pilot.press("D")
        assert not panel.display
        today = await show(pilot, app, "1")
        workload = app.screen.query_one("#workload")
        assert not workload.display
        await pilot.press("D")
        assert workload.display and "Where your time went" in text_of(workload)


async def test_tables_keep_h_and_l_for_the_tab(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        area = (await show(pilot, app, "4", "v")).area  # Events: a table has the keyboard
        await pilot.press("l")
        await settle(pilot, app)
        assert area.current.TITLE == "List"
        await pilot.press("f")
        await settle(pilot, app)
        await pilot.press("l")
        await settle(pilot, app)
        assert area.current.TITLE == "List"


# -- the key map ---------------------------------------------------------------------------

async def test_a_clashing_key_map_is_reported_on_start_and_under_help(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy, 'user = "ana"\n[keymap]\n"tab.orders" = "o"\n"tab.nowhere" = "z"\n"app.help" = "ctrl+"\n')
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot, app)
        notes = [n.message for n in app._notifications]
        assert any("tab.nowhere" in n and "(and 2 more)" in n for n in notes), notes
        assert len(app.keymap_problems) == 3
        await pilot.press("f1")  # still F1: the malformed "ctrl+" was not applied
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        text = text_of(app.screen.query_one("Static"))
        assert "Key map problems" in text and "tab.nowhere" in text and "Sort wins there" in text


def test_enter_opens_something_in_every_table_view() -> None:
    """The footer says "⏎ Open" under every table: each view answers it (its action_open or a handler)."""
    from sellertui.ui.app import TABS
    from sellertui.ui.kit.table_view import TableView

    for area in TABS:
        for view in getattr(area, "VIEWS", ()):
            if not issubclass(view, TableView):
                continue
            handlers = [cls for cls in view.__mro__ if cls is not TableView
                        and any("RowSelected" in m.__name__ for m in cls.__dict__.get("_decorated_handlers", {}))]
            assert hasattr(view, "action_open") or handlers, f"{area.TITLE} › {view.TITLE}: enter does nothing"


async def test_every_view_bar_fits_at_80_columns(make_app, demo_copy: Path) -> None:
    from sellertui.ui.app import TABS

    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        for area_class in TABS:
            if not getattr(area_class, "VIEWS", ()):
                continue
            await pilot.press(area_class.KEY)
            await settle(pilot, app)
            area = app.query_one(f"#area-{area_class.slug()}")
            for view in area_class.VIEWS:
                await area.action_view(view.view_id())
                await pilot.pause()
                bar = area.query_one("#view-bar", Static).render()
                assert view.TITLE in str(bar) and bar.cell_length <= 78, f"{area_class.TITLE} › {view.TITLE}: {bar}"

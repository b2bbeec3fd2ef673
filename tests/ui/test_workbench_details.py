"""The smaller faults of the 80×24 workbench, each tried as a user would: ? names its sections, the month grid
uses a wide screen, Today's tick on a reorder and a promotion deadline, a return's detail, an expense opened with
enter, the assign form, "1 person", a grouped By owner and a SKU's mark at 80 columns."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static, TabbedContent

from sellertui.domain.inventory import purchase_orders as po_rules
from sellertui.domain.promotions import records as promo_records
from sellertui.store import open_store
from sellertui.ui.kit.dialogs import ConfirmScreen, DetailScreen, InfoScreen
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.shell.help_screen import HelpScreen
from tests.ui.conftest import settle
from tests.ui.test_today_acts import on_item, tick
from tests.ui.test_workbench import SMALL, opened, show, text_of


async def test_help_names_its_sections_as_a_user_would(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        await show(pilot, app, "4", "v")  # Promotions › Events: a table has the keyboard
        await pilot.press("question_mark")
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        sections = [title for title, _ in app.screen.groups]
        assert sections[0] == "Promotions › Events" and "Table" in sections and sections[-1] == "Everywhere"
        assert not [s for s in sections if re.search(r"[a-z][A-Z]", s)]  # no class names (FrameTable, ViewBar)
        shown = text_of(app.screen.query_one(Static))
        assert "FrameTable" not in shown and "New event" in shown


async def test_the_month_grid_takes_a_wide_screen_and_its_day_panel_stays_in_reach(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await show(pilot, app, "4", "m")
        assert view.grid.region.width >= 116  # the whole width: a day is 17 columns, names read whole
        side = view.query_one("#calendar-side")
        assert not side.display
        await pilot.press("D")
        await settle(pilot, app)
        assert side.display and side.region.y > view.grid.region.y  # the day's panel, as a drawer
    async with make_app(demo_copy).run_test(size=SMALL) as pilot:
        app = pilot.app
        await settle(pilot, app)
        view = await show(pilot, app, "4", "m")
        assert view.query_one("#calendar-agenda").display  # the day in one line at 80×24
        await pilot.press("D")
        await settle(pilot, app)
        assert view.query_one("#calendar-side").display


async def test_ticking_a_reorder_with_a_draft_places_that_po(make_app, demo_copy: Path) -> None:
    store = open_store(demo_copy, user="ana")
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        _, item = await on_item(pilot, app, "reorder:")
        draft = po_rules.create(store, po_rules.new_purchase_order(
            "Acme", [{"sku": item.value, "qty": 10, "unit_cost_minor": 100}], "USD", None))
        await pilot.press("space")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmScreen) and f"PO {draft['id']}" in app.screen.question
        await pilot.press("y")
        await settle(pilot, app)
        await show(pilot, app, "5", "p")
        view = app.query_one("#area-inventory").current
        assert view.select_row("id", draft["id"]) and view.table.value("status") == "ordered"  # Inventory agrees
    assert next(po for po in store["purchase_orders"].rows() if po["id"] == draft["id"])["status"] == "ordered"


async def test_ticking_a_reorder_without_a_draft_drafts_it_in_inventory(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot, app)
        item = await tick(pilot, app, "reorder:")
        assert app.query_one(TabbedContent).active == "tab-inventory"
        skus = app.query_one("#area-inventory").current
        assert skus.TITLE == "SKUs" and skus.table.value("sku") == item.value
        assert any(n.message.startswith("Drafted 1 purchase order") for n in app._notifications)
    drafts = [po for po in open_store(demo_copy)["purchase_orders"].rows() if po["status"] == "draft"
              and [line["sku"] for line in po["lines"]] == [item.value]]
    assert len(drafts) == 1  # Inventory's own Draft PO: ticking again places it


async def test_ticking_a_promotion_deadline_moves_it_on_in_promotions(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        today, _ = await on_item(pilot, app, "promotion:")
        item = next(i for i in today.items.values() if ":deadline:" in i.key and not i.ticked)
        checklist = today.query_one("Checklist")
        checklist.highlighted = checklist.get_option_index(item.key)
        await pilot.press("space")
        await settle(pilot, app)
        promo_id = item.key.split(":")[1]
        assert app.query_one(TabbedContent).active == "tab-promotions"
        listing = app.query_one("#area-promotions").current
        assert listing.TITLE == "List" and listing.table.value("id") == promo_id
        before = next(p for p in open_store(demo_copy)["promotions"].rows() if p["id"] == promo_id)["status"]
        assert before in promo_records.NEXT  # the demo's missed deadline is an idea never submitted
        assert isinstance(app.screen, ConfirmScreen) and promo_records.NEXT[before] in app.screen.question
        await pilot.press("y")
        await settle(pilot, app)
    after = next(p for p in open_store(demo_copy)["promotions"].rows() if p["id"] == promo_id)["status"]
    assert after == promo_records.NEXT[before]  # Promotions agrees


async def test_an_fba_return_reads_as_facts(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "2", "f") as (pilot, app, view):
        await pilot.press("slash", *"channel:fba", "enter")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, InfoScreen)
        shown = app.screen.as_text()
        assert "Order" in shown and "Fulfilled by" in shown and "Amazon (FBA)" in shown
        assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", shown) and "_rev" not in shown and "refund_minor" not in shown
        assert view.table.value("order_id") in shown


async def test_a_return_case_opens_as_stored(make_app, demo_copy: Path) -> None:
    stored = next(c for c in open_store(demo_copy)["returns"].rows() if c.get("buyer_id"))
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await show(pilot, app, "2", "f")
        assert view.select_row("id", stored["id"])
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, DetailScreen)
        shown = app.screen.as_text()
        assert stored["order_id"] in shown and "Requested" in shown
        assert stored["buyer_id"] in shown  # the stored case: the table has no buyer


async def test_enter_opens_an_expense(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "6", "x") as (pilot, app, view):
        await pilot.press("slash", *view.table.value("description")[:12], "enter")  # one that is not a hire's cost
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen) and app.screen.focused is not None


async def test_the_assign_form_names_its_task(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "7", "w") as (pilot, app, view):
        task_id, title = view.table.value("id"), view.table.value("title")
        await pilot.press("a")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen)
        assert app.screen.form_title.startswith(f"Assign task {task_id} · {title[:20]}")


async def test_by_owner_is_grouped_under_a_heading_per_owner(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "7", "w") as (pilot, app, view):
        table = view.table
        headings = [line for line in table._lines.shows if isinstance(line, str)]
        owners = table.frame["owner"].fillna("").iloc[table.order].tolist()
        assert len(headings) == len(dict.fromkeys(owners)) > 1
        assert table.render_line(1).text.lstrip().startswith("▾ ")  # the first line under the header: a heading


async def test_one_writer_is_one_person(make_app, data_dir: Path) -> None:
    from sellertui.domain.team import tasks

    store = open_store(data_dir, user="ana")
    tasks.add_task(store, "Count the mugs")
    store.close()
    app = make_app(data_dir)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot, app)
        if app.screen is not app.screen_stack[0]:  # the welcome of an empty shop
            await pilot.press("escape")
            await settle(pilot, app)
        view = await show(pilot, app, "7", "v")
        assert re.search(r"\d+ changes? by 1 person in", text_of(app.screen.query_one(f"#{view.id}-summary")))


async def test_a_marked_sku_shows_its_mark_at_80_columns(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "5", "s") as (pilot, app, view):
        await pilot.press("space", "up")  # marked, and the cursor back on it
        await pilot.pause()
        assert view.table.marked and view.table.render_line(1).text.startswith("✓ ")


async def test_enter_on_a_review_request_and_on_an_agent_shows_their_facts(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "2", "Q") as (pilot, app, view):
        order_id = view.table.value("order_id")
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, DetailScreen) and order_id in app.screen.info_title
        await pilot.press("escape")
        await settle(pilot, app)
        await show(pilot, app, "7", "p")
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, DetailScreen)
        shown = text_of(app.screen.query_one(Static))
        assert "whole shop" in app.screen.info_title and "Last 30 days" in shown and "replies" in shown

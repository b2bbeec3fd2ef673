"""The Promotions tab with Pilot: create, edit (bad input in each form), duplicate, cancel; the calendar's keys."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList

from sellertui.store import open_store
from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.tabs.promotions.area import PromotionsArea
from sellertui.ui.tabs.promotions.calendar_view import CalendarView
from sellertui.ui.tabs.promotions.datepicker import DatePickerScreen
from sellertui.ui.tabs.promotions.day_screen import DayScreen
from sellertui.ui.tabs.promotions.events_view import EventsView
from sellertui.ui.tabs.promotions.fees_view import FeesView
from sellertui.ui.tabs.promotions.grid import MonthGrid
from sellertui.ui.tabs.promotions.list_view import PromotionListView
from tests.ui.conftest import settle
from tests.ui.test_inventory import fill, notes, refused

TODAY = date(2026, 11, 22)


async def open_tab(pilot, app, view: str = "m"):
    await settle(pilot, app)
    await pilot.press("4")
    await settle(pilot, app)
    if view != "m":
        await pilot.press(view)
        await settle(pilot, app)
    return app.query_one(PromotionsArea).current


def promotion(shop: Path, name: str) -> dict:
    store = open_store(shop)
    try:
        return next(p for p in store["promotions"].all() if p["name"] == name)
    finally:
        store.close()


async def on_row(pilot, app, name: str, key: str) -> PromotionListView:
    view = await open_tab(pilot, app, "l")
    view.select_row("id", promotion(app.ctx.data_dir, name)["id"])
    await pilot.pause()
    await pilot.press(key)
    await settle(pilot, app)
    return view


async def test_create_refuses_bad_input_with_the_reason_then_plans_it(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, app, "l")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen) and app.screen.form_title == "New promotion"
        good = dict(name="Spring coupon", skus="MM-SBM-HALFSH, mm-sbm-2-pack", start="2027-03-01",
                    end="2027-03-14", discount_pct="15", expected_units="80")
        await fill(pilot, app, **good)
        assert await refused(pilot, app, "end", end="2027-02-27") == "on or after the start (2027-03-01)"
        assert await refused(pilot, app, "discount_pct", end="2027-03-14", discount_pct="0") == "a discount above 0%"
        assert await refused(pilot, app, "discount_pct", discount_pct="100") == "less than 100% (that would give it away)"
        assert "unknown SKU: MM-NOPE" in await refused(pilot, app, "skus", discount_pct="15",
                                                        skus="MM-SBM-HALFSH MM-NOPE")
        assert await refused(pilot, app, "start", skus=good["skus"], start="someday") != ""
        await fill(pilot, app, start="2027-03-01")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert any("Planned “Spring coupon”" in n for n in notes(app))
        view = app.query_one(PromotionListView)
        assert "Spring coupon" in list(view.table.frame["name"])
    saved = promotion(demo_copy, "Spring coupon")
    assert (saved["skus"], saved["start"], saved["end"], saved["discount_pct"], saved["status"]) == (
        ["MM-SBM-HALFSH", "MM-SBM-2-PACK"], "2027-03-01", "2027-03-14", 15.0, "idea")
    assert saved["history"][0]["by"] == "ana"


async def test_edit_refuses_bad_input_then_saves_and_keeps_history(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_row(pilot, app, "Utensil sets 20% coupon", "e")
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-discount_pct", Input).value == "20"
        assert app.screen.query_one("#field-start", Input).value == "2026-12-02"
        assert await refused(pilot, app, "discount_pct", discount_pct="120") == "less than 100% (that would give it away)"
        assert await refused(pilot, app, "end", discount_pct="25", end="2026-12-01") == "on or after the start (2026-12-02)"
        assert "unknown SKU" in await refused(pilot, app, "skus", end="2026-12-16", skus="NOT-A-SKU")
        assert await refused(pilot, app, "expected_units", skus="MM-WUT-5-PIEC", expected_units="-3") != ""
        await fill(pilot, app, expected_units="70")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
    saved = promotion(demo_copy, "Utensil sets 20% coupon")
    assert (saved["discount_pct"], saved["end"], saved["skus"], saved["expected_units"]) == (
        25.0, "2026-12-16", ["MM-WUT-5-PIEC"], 70)
    assert saved["history"][-1]["what"] == "edited"


async def test_a_teammates_edit_in_between_is_reported_not_overwritten(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_row(pilot, app, "Utensil sets 20% coupon", "e")
        teammate = open_store(demo_copy, user="ben")
        target = promotion(demo_copy, "Utensil sets 20% coupon")
        with teammate.transaction("ben edits") as tx:
            tx["promotions"].update(target["id"], {"notes": "ben's note"})
        teammate.close()
        await fill(pilot, app, discount_pct="30")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert any("ben" in n for n in notes(app))
    saved = promotion(demo_copy, "Utensil sets 20% coupon")
    assert saved["discount_pct"] == 20 and saved["notes"] == "ben's note"


async def test_duplicate_plans_a_copy_as_an_idea(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_row(pilot, app, "Straws 15% off – shoulder season", "c")
        assert isinstance(app.screen, FormScreen) and app.screen.form_title == "Duplicate promotion"
        assert app.screen.query_one("#field-name", Input).value == "Straws 15% off – shoulder season (copy)"
        start = app.screen.query_one("#field-start", Input).value
        assert start == "2026-11-29"  # an ended one repeats from a week on, as long as it was
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    copy = promotion(demo_copy, "Straws 15% off – shoulder season (copy)")
    assert (copy["status"], copy["start"], copy["end"]) == ("idea", "2026-11-29", "2026-12-13")
    assert promotion(demo_copy, "Straws 15% off – shoulder season")["status"] == "ended"


async def test_cancel_asks_why_and_keeps_it_in_the_notes(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_row(pilot, app, "Utensil sets 20% coupon", "x")
        assert isinstance(app.screen, FormScreen) and "Cancel “Utensil sets 20% coupon”" in app.screen.form_title
        await fill(pilot, app, reason="supplier late")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert any("Cancelled “Utensil sets 20% coupon”" in n for n in notes(app))
        await pilot.press("x")  # again: it is cancelled already
        await settle(pilot, app)
        assert any("cancelled already" in n for n in notes(app))
    saved = promotion(demo_copy, "Utensil sets 20% coupon")
    assert saved["status"] == "cancelled" and saved["notes"].endswith("Cancelled: supplier late")


async def test_next_status_asks_first_and_the_working_shows_checks_fee_and_results(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_row(pilot, app, "Cyber Monday Best Deal – Tea Towels", "w")
        assert isinstance(app.screen, InfoScreen)
        body = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "under the 10% floor" in body and "per unit" in body and "peak event" in body
        await pilot.press("escape")
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot, app)
        await on_row(pilot, app, "Prime Big Deal Days Lightning – Spice Rack", "enter")
        body = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Results:" in body and "lift = " in body and "added by the promotion" in body
    assert promotion(demo_copy, "Cyber Monday Best Deal – Tea Towels")["status"] == "approved"


async def test_the_calendar_moves_by_day_week_and_month_and_lists_a_day(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_tab(pilot, app)
        assert isinstance(view, CalendarView)
        grid = app.query_one(MonthGrid)
        assert grid.cursor == TODAY and app.focused is grid
        await pilot.press("right", "right", "down")
        assert grid.cursor == date(2026, 12, 1)
        await pilot.press("shift+left")
        assert grid.cursor == date(2026, 11, 24)
        await pilot.press("pagedown")
        assert grid.cursor == date(2026, 12, 24)
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        assert grid.cursor == date(2026, 10, 24)
        assert "October 2026" in str(grid.render())
        await pilot.press("t")
        assert grid.cursor == TODAY
        await pilot.press("right", "right", "right", "right", "right")  # Black Friday
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DayScreen)
        listed = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert any("BF Lightning – Baking Mat" in line for line in listed)
        assert any("Black Friday–Cyber Monday" in line for line in listed)
        await pilot.press("e")  # the highlighted promotion's keys work from the day's list
        await settle(pilot, app)
        # the first listed (by start): the coupon running since the 17th
        assert isinstance(app.screen, FormScreen) and app.screen.form_title == "Edit Holiday coupon – Baking Mats"
        await pilot.press("escape")
        await pilot.press("n")  # n in the calendar plans one starting on the selected day
        await pilot.pause()
        assert app.screen.query_one("#field-start", Input).value == "2026-11-27"


async def test_dates_can_be_picked_from_a_calendar(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, app, "l")
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#field-start", Input).focus()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, DatePickerScreen)
        await pilot.press("down", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-start", Input).value == "2026-11-30"


async def test_events_are_editable_and_their_form_refuses_nonsense(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_tab(pilot, app, "v")
        assert isinstance(view, EventsView)
        assert view.table.value("name", 0) == "Black Friday–Cyber Monday"  # what is still to come first
        await pilot.press("n")
        await pilot.pause()
        await fill(pilot, app, name="Shop birthday", start="2027-02-10", end="2027-02-12")
        assert await refused(pilot, app, "end", end="2027-02-01") == "on or after the start (2027-02-10)"
        assert await refused(pilot, app, "deadline", end="2027-02-12", deadline="2027-02-11") == \
            "the deal deadline comes before the start (2027-02-10)"
        await fill(pilot, app, deadline="2027-01-10")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
    store = open_store(demo_copy)
    made = next(e for e in store["events"].rows() if e["name"] == "Shop birthday")
    assert (made["start"], made["deadline"], made["source"]) == ("2027-02-10", "2027-01-10", "user")


async def test_the_fee_table_is_editable_and_checked(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_tab(pilot, app, "f")
        assert isinstance(view, FeesView) and len(view.table.frame) == 15
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#field-type").value = "coupon"
        await fill(pilot, app, **{"from": "2027-01-01", "fixed_minor": "5", "sales_pct": "0"})
        assert await refused(pilot, app, "variable_cap_minor", variable_cap_minor="2000") == \
            "a cap needs a share of sales to cap"
        assert await refused(pilot, app, "sales_pct", sales_pct="140") != ""
        assert await refused(pilot, app, "currency", sales_pct="3", currency="DOLLARS") != ""
        await fill(pilot, app, currency="USD")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert len(app.query_one(FeesView).table.frame) == 16
    store = open_store(demo_copy)
    entry = next(e for e in store["promo_fees"].all() if e["from"] == "2027-01-01")
    assert (entry["fixed_minor"], entry["sales_pct"], entry["variable_cap_minor"]) == (500, 3.0, 200000)


async def test_today_jumps_to_the_promotion(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await settle(pilot, app)
        checklist = app.query_one("Checklist")
        target = next(i for i, o in enumerate(checklist.options) if o.id and "Spatula" in str(o.prompt))
        checklist.highlighted = target
        key = checklist.highlighted_option.id
        await pilot.press("enter")
        await settle(pilot, app)
        await settle(pilot, app)
        view = app.query_one(PromotionsArea).current
        assert isinstance(view, PromotionListView)
        assert view.table.value("id") == key.split(":")[1]


async def test_a_views_keys_stay_in_it_and_the_palette_reaches_them_from_anywhere(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, app, "l")
        await pilot.press("d")  # the events' delete key does nothing in the list
        await settle(pilot, app)
        assert not isinstance(app.screen, ConfirmScreen)
        assert isinstance(app.query_one(PromotionsArea).current, PromotionListView)
        await pilot.press("ctrl+p")
        await pilot.press(*"Promotions: New event")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen) and app.screen.form_title == "New event"
        assert isinstance(app.query_one(PromotionsArea).current, EventsView)


async def test_thresholds_are_settings_and_the_checks_run_again(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_tab(pilot, app, "l")
        towels = promotion(demo_copy, "Cyber Monday Best Deal – Tea Towels")["id"]
        assert any(c.code == "margin" and c.failed for c in view.board.checks_of(view.board.by_id(towels)))
        await pilot.press("S")
        await pilot.pause()
        assert await refused(pilot, app, "min_margin_pct", min_margin_pct="150") == "between -100 and 100"
        await fill(pilot, app, min_margin_pct="5")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await settle(pilot, app)
        view = app.query_one(PromotionListView)
        assert not any(c.code == "margin" and c.failed for c in view.board.checks_of(view.board.by_id(towels)))
    assert "min_margin_pct = 5" in app.ctx.settings.path.read_text()


async def test_filters(make_app, demo_copy: Path) -> None:
    from tests.ui.test_inventory import filter_to

    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_tab(pilot, app, "l")

        def shown() -> set[str]:
            return {view.table.frame["name"].iloc[i] for i in view.table.order}

        await filter_to(pilot, app, "check:fail")
        assert shown() == {"Holiday coupon – Baking Mats", "BF Lightning – Baking Mat",
                           "Cyber Monday Best Deal – Tea Towels", "Lightning Deal – Spatula Pair",
                           "New Year reset – Glass Jars coupon"}
        await pilot.press("escape")
        await filter_to(pilot, app, "status:ended")
        assert shown() == {"Straws 15% off – shoulder season", "Prime Big Deal Days Lightning – Spice Rack"}
        await pilot.press("escape")
        await filter_to(pilot, app, "type:lightning sku:mm-wut")
        assert shown() == {"Lightning Deal – Spatula Pair"}

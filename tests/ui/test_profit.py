"""The Profit tab with Pilot: the expense form refuses bad input, the hiring plan, marking a role hired."""

from __future__ import annotations

from pathlib import Path

from sellertui.ui.kit.forms import FormScreen
from tests.ui.conftest import settle


async def open_view(pilot, app, key: str) -> None:
    await settle(pilot, app)
    await pilot.press("6")
    await settle(pilot, app)
    await pilot.press(key)
    await settle(pilot, app)


async def test_expense_form_refuses_bad_input_then_saves(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(pilot, app, "x")
        before = len(app.ctx.store()["expenses"].all())
        await pilot.press("n")
        await settle(pilot, app)
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-description").value = "Accountant"
        form.query_one("#field-amount").value = "twelve"
        form.query_one("#field-currency").value = "dollars"
        form.query_one("#field-until").value = "2026-01-01"
        form.action_submit()
        await settle(pilot, app)
        assert app.screen is form
        assert set(form.errors) >= {"amount", "currency"}
        form.query_one("#field-amount").value = "-5"
        form.query_one("#field-currency").value = "USD"
        form.action_submit()
        await settle(pilot, app)
        assert app.screen is form and "amount" in form.errors
        form.query_one("#field-amount").value = "250"
        form.action_submit()  # a one-off with an end date: refused
        await settle(pilot, app)
        assert app.screen is form and "until" in form.errors
        form.query_one("#field-until").value = ""
        form.action_submit()
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        expenses = app.ctx.store()["expenses"].all()
        assert len(expenses) == before + 1
        added = next(e for e in expenses if e["description"] == "Accountant")
        assert (added["amount_minor"], added["currency"], added["recurring"]) == (25000, "USD", None)


async def test_hiring_plan_mark_hired_moves_the_gauge(make_app, demo_copy: Path) -> None:
    from sellertui.ui.tabs.profit.hiring_view import HiringView

    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(pilot, app, "H")
        view = app.query_one(HiringView)
        assert view.hiring.readiness.role["title"] == "Operator"
        assert not view.hiring.readiness.ready and view.hiring.readiness.projected == "2027-03"
        # a new role goes to the end of the plan
        await pilot.press("n")
        await settle(pilot, app)
        form = app.screen
        form.query_one("#field-title").value = "Bookkeeper"
        form.query_one("#field-salary_minor").value = "abc"
        form.action_submit()
        await settle(pilot, app)
        assert app.screen is form and "salary_minor" in form.errors
        form.query_one("#field-salary_minor").value = "800"
        form.action_submit()
        await settle(pilot, app)
        plan = view.hiring.plan
        assert [r["title"] for r in plan][-1] == "Bookkeeper" and plan[-1]["position"] == 6
        assert plan[-1]["overhead_pct"] == 25.0
        # mark the Operator hired
        view.table.cursor_row = 0
        await pilot.press("a")
        await settle(pilot, app)
        app.screen.query_one("#field-day").value = "2026-11-01"
        app.screen.action_submit()
        await settle(pilot, app)
        operator = next(r for r in view.hiring.plan if r["title"] == "Operator")
        assert operator["status"] == "hired" and operator["hired_on"] == "2026-11-01"
        expense = app.ctx.store()["expenses"].get(operator["expense_id"])
        assert expense["amount_minor"] == 250000 and expense["recurring"] == "monthly"
        assert expense["category"] == "salaries"
        assert view.hiring.readiness.role["title"] == "PPC specialist"
        # the operator's cost is taken off every month of the window
        assert all(v == net - 250000 for (_, v), (_, net) in zip(view.hiring.readiness.window,
                                                                 view.hiring.monthly[-3:]))
        # undo: planned again, the expense gone
        await pilot.press("u")
        await settle(pilot, app)
        await pilot.press("y")
        await settle(pilot, app)
        assert app.ctx.store()["expenses"].get(operator["expense_id"]) is None
        assert view.hiring.readiness.role["title"] == "Operator"


async def test_enter_on_a_figure_lists_its_records(make_app, demo_copy: Path) -> None:
    from sellertui.ui.kit.records_screen import RecordsScreen
    from sellertui.ui.tabs.profit.pnl_view import PnlView

    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(pilot, app, "p")
        view = app.query_one(PnlView)
        keys = list(view.table.frame["key"])
        view.table.cursor_row = keys.index("expenses")
        view.table.cursor_column = 2  # October (newest first: Nov, Oct, ...)
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, RecordsScreen)
        october = view.statement.periods.index("2026-10")
        assert int(screen.frame["home_minor"].sum()) == view.statement.values["expenses"][october]
        assert set(screen.frame["collection"]) == {"expenses"}
        await pilot.press("escape")
        await pilot.press("w")
        await settle(pilot, app)
        assert "P&L" in app.screen.info_title


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_rates_are_added_edited_and_deleted(make_app, demo_copy: Path) -> None:
    from sellertui.ui.kit.dialogs import ConfirmScreen
    from sellertui.ui.tabs.profit.rates_view import RatesView

    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(pilot, app, "f")
        view = app.query_one(RatesView)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, FormScreen) and form.query_one("#field-month").value == "2026-11"
        form.query_one("#field-currency").value = "usd"
        form.query_one("#field-rate").value = "1.27"
        form.action_submit()
        await settle(pilot, app)
        assert app.screen is form and form.errors["currency"] == "USD is the home currency"
        form.query_one("#field-currency").value = "gbp"
        form.action_submit()
        await settle(pilot, app)
        assert app.ctx.store()["fx_rates"].get("2026-11|GBP")["rate"] == "1.27"
        assert "Saved the GBP rate for 2026-11" in notes(app)
        view.select_row("id", "2026-11|GBP")
        await pilot.press("e")
        assert app.screen.query_one("#field-rate").value == "1.27"
        app.screen.query_one("#field-rate").value = "1.3"
        app.screen.action_submit()
        await settle(pilot, app)
        assert app.ctx.store()["fx_rates"].get("2026-11|GBP")["rate"] == "1.3"
        view.select_row("id", "2026-11|GBP")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot, app)
        assert app.ctx.store()["fx_rates"].get("2026-11|GBP") is None and "Deleted the rate" in notes(app)
        assert "2026-11|GBP" not in set(view.table.frame["id"])


async def test_expenses_are_edited_and_deleted_but_a_hire_s_cost_stays_with_its_hire(make_app, demo_copy: Path) -> None:
    from datetime import date

    from sellertui.domain.profit import hiring
    from sellertui.store import open_store
    from sellertui.ui.tabs.profit.expenses_view import ExpensesView

    store = open_store(demo_copy, user="ana")
    role = hiring.add_role(store, {"title": "Operator", "salary_minor": 200_000, "overhead_pct": 25.0}, "USD")
    hired = hiring.mark_hired(store, role["id"], date(2026, 11, 1))
    store.close()
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(pilot, app, "x")
        view = app.query_one(ExpensesView)
        view.select_row("id", hired["expense_id"])
        await pilot.press("e")
        assert not isinstance(app.screen, FormScreen)
        assert "This is a hire's cost: change the role in Hiring (H)." in notes(app)
        tool = next(e for e in app.ctx.store()["expenses"].all() if e["description"] == "Keyword research tool")
        view.select_row("id", tool["id"])
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FormScreen) and form.query_one("#field-description").value == "Keyword research tool"
        form.query_one("#field-description").value = "Keyword tool"
        form.action_submit()
        await settle(pilot, app)
        assert app.ctx.store()["expenses"].get(tool["id"])["description"] == "Keyword tool"
        assert "Saved Keyword tool" in notes(app)
        view.select_row("id", tool["id"])
        await pilot.press("d")
        assert app.screen.question == "Delete the expense 'Keyword tool'? Past months lose it too."
        await pilot.press("y")
        await settle(pilot, app)
        assert app.ctx.store()["expenses"].get(tool["id"]) is None and "Deleted the expense" in notes(app)


async def test_the_overview_tiles_fit_at_80_columns_and_the_chart_range_is_kept(make_app, demo_copy: Path) -> None:
    from sellertui import config
    from sellertui.ui.kit.charts import Chart
    from sellertui.ui.kit.dialogs import InfoScreen
    from sellertui.ui.tabs.profit.tile_cards import TileCard, TileRow

    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(pilot, app, "v")
        cards = list(app.screen.query(TileCard))
        assert len(cards) == 5
        for card in cards:  # every tile whole on screen, the fifth too
            assert card.region.right <= 80 and card.region.bottom <= 23 and card.region.width >= 14
        row = app.screen.query_one(TileRow)
        assert row.has_focus and row.selected == 0
        await pilot.press("right", "right", "right", "right")
        assert row.selected == 4 and cards[4].has_class("-selected")
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, InfoScreen) and app.screen.info_title == "Last month"
        assert any(label == "Net profit vs Sep" for label, _ in app.screen.rows)
        await pilot.press("escape")
        chart = app.screen.query_one(Chart)
        assert chart.title.startswith("Last 7 months")  # the demo's months, within the default 12
        await pilot.press("g")  # 12 → 24
        await pilot.press("g")  # 24 → all
        await pilot.press("g")  # all → 6
        await settle(pilot, app)
        assert chart.title.startswith("Last 6 months") and len(chart.labels) == 6
    assert config.load().section("profit")["chart_months"] == 6  # remembered


async def test_enter_on_a_tile_lists_each_line_with_its_value_and_records(make_app, demo_copy: Path) -> None:
    from sellertui.ui.kit.dialogs import InfoScreen
    from sellertui.ui.kit.records_screen import RecordsScreen
    from sellertui.ui.tabs.profit.overview import ProfitOverview
    from sellertui.ui.tabs.profit.tile_cards import TileRow

    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_view(pilot, app, "v")
        view = app.query_one(ProfitOverview)
        app.screen.query_one(TileRow).selected = [t.key for t in view.tiles].index("last_month")
        tile = view.tiles[app.screen.query_one(TileRow).selected]
        await pilot.press("enter")
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, InfoScreen) and screen.info_title == "Last month"
        rows = dict(screen.rows)
        assert rows["Sales"].lstrip("~").startswith("$") and "record(s)" in rows["   from orders"]
        await pilot.press("escape")
        await pilot.press("d")
        await settle(pilot, app)
        assert isinstance(app.screen, RecordsScreen)
        assert int(app.screen.frame["home_minor"].fillna(0).sum()) == tile.net


def test_a_tiles_components_add_up_to_its_net_profit(demo_copy: Path) -> None:
    from sellertui import clock, config
    from sellertui.domain.frames import FrameCache
    from sellertui.domain.profit.service import ProfitService
    from sellertui.domain.profit.tiles import tiles
    from sellertui.store import open_store

    store = open_store(demo_copy, user="ana")
    service = ProfitService(store, FrameCache.for_store(store), config.load(), "ana")
    ledger, _ = service.ledger()
    for tile in tiles(ledger, clock.now()):
        working = service.tile_working(tile.key)
        assert working.components, tile.key
        if not tile.forecast:
            assert sum(c.value for c in working.components) == tile.net, tile.key
            assert int(working.records["home_minor"].fillna(0).sum()) == tile.net
        sales = next(c for c in working.components if c.key == "sales")
        assert sum(count for _, _, count in sales.sources) > 0
    store.close()

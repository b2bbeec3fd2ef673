"""Team notices with Pilot at 80×24: on Today until read (space), posted from Team (N), readers for the author."""

from __future__ import annotations

from pathlib import Path

from sellertui.domain.team import notices
from sellertui.store import open_store
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.tabs.team.notices import NoticesView
from sellertui.ui.tabs.today.area import Checklist
from tests.ui.conftest import settle
from tests.ui.test_orders import fill, submit
from tests.ui.test_team import open_team


async def test_a_teammates_notice_is_on_today_until_read(make_app, demo_copy: Path) -> None:
    store = open_store(demo_copy, user="ben")
    posted = notices.post(store, "ben", "Warehouse closed [b]Friday[/b]", "Ship FBM by Thursday.")
    store.close()
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        checklist = app.query_one(Checklist)
        key = f"notice:{posted['id']}"
        checklist.highlighted = checklist.get_option_index(key)
        assert "ben: Warehouse closed [b]Friday[/b]" in str(checklist.get_option(key).prompt)
        await pilot.press("space")
        await settle(pilot, app)
        assert key not in [o.id for o in checklist.options]
    assert "ana" in open_store(demo_copy)["notices"].get(posted["id"])["read_by"]


async def test_post_a_notice_and_see_who_has_read_it(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        view = await open_team(pilot, app, "N")
        assert isinstance(view, NoticesView)
        await pilot.press("n")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen)
        fill(app, title="Price change on jars", body="From Monday the 3-pack is $24.99.")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert len(view.table.order) == 3  # the demo's two and this one, newest first
        assert view.table.value("title", 0) == "Price change on jars" and view.table.value("reads", 0).startswith("1/")
        view.table.cursor_row = 0
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, InfoScreen)
        facts = dict(app.screen.rows)
        assert facts["Read by"].startswith("ana ") and "ben" in facts["Not yet"]


async def test_per_agent_performance_ranks_the_team_beside_the_shop(make_app, demo_copy: Path) -> None:
    from sellertui.ui.tabs.team.performance import SHOP, PerformanceView

    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        view = await open_team(pilot, app, "p")
        assert isinstance(view, PerformanceView)
        table = view.table
        assert table.value("agent", 0) == SHOP and table.value("rank", 1) == "1"
        agents = [table.value("agent", i) for i in range(1, len(table.order))]
        assert set(agents) == {"ana", "ben", "chen"} and agents[0] == "ben"  # the demo's quick replier
        assert view.perf.shop[30].answered == sum(view.perf.agents[a][30].replies for a in agents)
        await pilot.press("d")
        await settle(pilot, app)
        assert view.window == 90 and "last 90 days" in str(app.query_one("#performanceview-summary").render())

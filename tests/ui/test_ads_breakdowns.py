"""The Ads tab's Keywords, Products, Research and Reports views with Pilot; a research term into the harvest flow."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from textual.widgets import Input

from sellertui.store import open_store
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.forms import FormScreen
from tests.importers.conftest import fixture, run_import
from tests.ui.conftest import settle
from tests.ui.test_ads import actions, filter_to, open_ads, table


async def test_keywords_products_research_and_reports_over_the_demo(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app)
        await pilot.press("shift+left")  # October: the demo's targeting and product reports' month
        await settle(pilot, app)
        for key, column, working in (("K", "targeting", "Target"), ("P", "sku", "Advertised product"),
                                     ("B", "term", "Keyword research"), ("I", "what", "Ads report")):
            await pilot.press(key)
            await settle(pilot, app)
            frame = table(area).frame
            assert frame is not None and len(table(area).order) > 0 and column in frame, key
            await pilot.press("enter")
            assert isinstance(app.screen, InfoScreen) and app.screen.info_title == working, key
            await pilot.press("escape")
        frame = table(area).frame  # the reports: search terms by month, and the summaries beside them
        assert {"SP search terms", "SP targeting", "SP advertised products"} <= set(frame["what"])


async def test_a_research_term_is_added_to_the_ads_and_exported(make_app, demo_copy: Path, tmp_path: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "B")
        await filter_to(pilot, app, "ads:none")
        term = table(area).frame.iloc[table(area).current_position]["term"]
        await pilot.press("a")
        assert isinstance(app.screen, FormScreen)
        helps = " ".join(str(h.render()) for h in app.screen.query(".field-help"))
        assert "to start: the median CPC of the window's" in helps
        app.screen.query_one("#field-new_bid_minor", Input).value = "0.85"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        (record,) = actions(demo_copy)
        assert (record["kind"], record["term"], record["source"], record["new_bid_minor"]) == (
            "harvest", term, "research", 85) and record["dest_campaign"]
        await pilot.press("b")
        app.screen.query_one("#field-path", Input).value = str(tmp_path / "bulk.xlsx")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await pilot.press("escape")
    sheet = load_workbook(tmp_path / "bulk.xlsx").active
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    assert [(r["Entity"], r["Keyword Text"]) for r in rows] == [("Keyword", term)]  # no negative: from research


async def test_an_imported_sponsored_brands_report_shows_beside_sponsored_products(make_app, demo_copy: Path) -> None:
    store = open_store(demo_copy, user="ben")
    run_import(store, fixture("sb-search-terms-us-daily.csv"))
    store.close()
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app)
        await pilot.press("W")
        app.screen.query_one("#field-start", Input).value = "2026-01-01"
        app.screen.query_one("#field-end", Input).value = "2026-01-31"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await filter_to(pilot, app, "ad:sb")
        frame, order = table(area).frame, table(area).order
        assert sorted(frame["term"].iloc[i] for i in order) == ["end grain cutting board", "maple moss",
                                                               "maple moss cutting board"]

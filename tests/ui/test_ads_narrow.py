"""The Ads tab at 80×24: the same term in two campaigns told apart, proposals reviewed one after the other, and the
Keywords, Products, Research and Reports views living by the tab's rules (the bar fits, the cursor follows)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from sellertui.ui.kit.table import FrameTable
from tests.ui.conftest import settle
from tests.ui.test_ads import actions, open_ads, table


# -- at 80×24: tell campaigns apart, and review proposals one after the other ------------------------------

def test_campaign_labels_keep_only_what_tells_them_apart() -> None:
    from sellertui.domain.ads.tables import campaign_labels

    labels = campaign_labels(["SP | Exact | SBM", "SP | Exact | BSR", "SP | Auto | SBM", "SP | Product Targeting | BSR"])
    assert labels == {"SP | Exact | SBM": "Exact SBM", "SP | Exact | BSR": "Exact BSR", "SP | Auto | SBM": "Auto SBM",
                      "SP | Product Targeting | BSR": "Product Targeting BSR"}
    assert campaign_labels(["Mugs_Exact_2024"]) == {"Mugs_Exact_2024": "Mugs_Exact_2024"}  # alone: its full name


async def test_the_same_term_in_two_campaigns_reads_differently_at_80_columns(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app)
        frame = table(area).frame
        twice = frame[frame.duplicated(["term", "match_type"], keep=False)]
        assert len(twice)  # the demo runs "baking mat half sheet" in two Exact campaigns
        term = twice["term"].iloc[0]
        same = frame[(frame["term"] == term) & (frame["match_type"] == twice["match_type"].iloc[0])]
        shown = {FrameTable._fit(label, 14, "left") for label in same["campaign_label"]}
        assert len(shown) == len(same)  # distinct in the 14 columns the label has
        columns = table(area).columns
        upto = [c.key for c in columns].index("campaign_label") + 1
        assert sum(c.width + 1 for c in columns[:upto]) <= 78  # on screen at 80 columns, whole


async def test_approving_moves_on_and_says_already_approved(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        area = await open_ads(pilot, app, "p")
        view = area.current
        first = view.current_value("row_key")
        await pilot.press("a")
        await settle(pilot, app)
        assert view.current_value("row_key") != first  # on to the next proposal
        assert view.table.cursor_row == 1
        await pilot.press("up")
        await pilot.press("a")  # the one approved a moment ago
        await settle(pilot, app)
        assert any(n.message.startswith("Already approved by ana") for n in app._notifications)
    assert len(actions(demo_copy)) == 1


# -- the new views live by the same rules: the view bar fits, the cursor follows its record ---------------

async def test_keywords_products_research_and_reports_at_80_columns(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app)
        for key, title in (("K", "Keywords"), ("P", "Products"), ("B", "Research"), ("I", "Reports")):
            await pilot.press(key)
            await settle(pilot, app)
            view = area.current
            assert view.TITLE == title
            bar = area.query_one("#view-bar", Static).render()
            assert title in str(bar) and bar.cell_length <= 78  # the shown view named, the bar whole
            frame = view.table.frame
            assert len(frame) > 1 and frame[view.ROW_KEY].is_unique, title
            assert view.table.has_focus and view.table.cursor_row == 0
            view.table.cursor_row = 1
            record = view.current_value(view.ROW_KEY)
            view._show_frame(frame.iloc[::-1].reset_index(drop=True))  # a reload that re-sorts: rows move
            assert view.current_value(view.ROW_KEY) == record and view.table.cursor_row == len(frame) - 2, title
        await pilot.press("K")
        await settle(pilot, app)
        labels = table(area).frame["campaign_label"]
        assert labels.str.len().max() < table(area).frame["campaign"].str.len().max()  # shorter than the names

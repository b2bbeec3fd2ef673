"""The Ads tab with Pilot: windows, review, approve, edit, reject, undo, export, targets, settings."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from textual.widgets import Input, Static

from sellertui.store import open_store
from sellertui.ui.tabs.ads.area import AdsArea
from sellertui.ui.tabs.ads.proposals_view import ProposalsView
from sellertui.ui.kit.charts import Chart
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.kit.table import FrameTable
from tests.ui.conftest import settle


async def open_ads(pilot, app, view: str | None = None) -> AdsArea:
    await settle(pilot, app)
    await pilot.press("3")
    await settle(pilot, app)
    if view:
        await pilot.press(view)
        await settle(pilot, app)
    return app.query_one(AdsArea)


def actions(data_dir: Path) -> list[dict]:
    store = open_store(data_dir)
    try:
        return [r for r in store["ad_actions"].all() if r["decided_at"] >= "2026-11-22"]
    finally:
        store.close()


def table(area: AdsArea) -> FrameTable:
    return area.current.query_one(FrameTable)


async def filter_to(pilot, app, text: str) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot, app)


async def test_search_terms_over_windows(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app)
        assert area.window.short_label == "30d Oct 23–Nov 21"
        terms = table(area)
        assert len(terms.order) > 100 and terms.has_focus
        rows_30 = area.current.extra.rows
        await pilot.press("w")
        await settle(pilot, app)
        assert area.window.days == 60 and area.current.extra.rows > rows_30
        await pilot.press("shift+left")
        await settle(pilot, app)
        assert (area.window.start.isoformat(), area.window.end.isoformat()) == ("2026-07-25", "2026-09-22")
        await pilot.press("shift+right", "W")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen)
        start = app.screen.query_one("#field-start", Input)
        start.value = "2026-11-15"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert area.window.label == "custom · Nov 15 – Nov 21 2026" and len(table(area).order) > 0
        await filter_to(pilot, app, "orders:0 clicks:>=5")
        frame, order = table(area).frame, table(area).order
        assert len(order) and all(frame["orders"].iloc[i] == 0 and frame["clicks"].iloc[i] >= 5 for i in order)
        await pilot.press("i")
        assert isinstance(app.screen, InfoScreen) and "spend / sales" in app.screen.as_text()


async def test_review_approve_many_and_undo(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "p")
        view = area.current
        assert isinstance(view, ProposalsView)
        why = str(view.query_one("#proposals-why", Static).render())
        assert why.startswith("Negate '") and "clicks" in why
        first, second = (view.extra.proposals[int(i)] for i in table(area).order[:2])
        await pilot.press("space", "space", "a")
        await settle(pilot, app)
        done = actions(demo_copy)
        assert {r["term"] for r in done} == {first.term, second.term} and {r["status"] for r in done} == {"approved"}
        assert not table(area).marked
        approved = [p for p in view.extra.proposals if p.status == "approved"]
        assert len(approved) == 2 and "2 approved, waiting for export" in str(view.query_one(".summary").render())
        await filter_to(pilot, app, "status:approved")
        await pilot.press("u")
        await settle(pilot, app)
        assert len(actions(demo_copy)) == 1  # the one under the cursor


async def test_reject_hides_the_proposal(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "p")
        before = len(area.current.extra.proposals)
        term = area.current.extra.proposals[table(area).current_position].term
        await pilot.press("x")
        await settle(pilot, app)
        (record,) = actions(demo_copy)
        assert (record["status"], record["term"]) == ("rejected", term)
        assert len(area.current.extra.proposals) == before - 1


async def test_edit_a_bid_then_export_the_bulk_file(make_app, demo_copy: Path, tmp_path: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "p")
        await filter_to(pilot, app, "kind:bid")
        p = area.current.extra.proposals[table(area).current_position]
        await pilot.press("e")
        assert isinstance(app.screen, FormScreen)
        field = app.screen.query_one("#field-new_bid_minor", Input)
        field.value = "99"
        await pilot.pause()
        assert "between the floor $0.20 and the ceiling $5.00" in str(app.screen.query_one("#error-new_bid_minor").render())
        field.value = "0.77"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        (record,) = actions(demo_copy)
        assert (record["kind"], record["term"], record["new_bid_minor"]) == ("bid", p.term, 77)
        await pilot.press("b")
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-path", Input).value = str(tmp_path / "bulk.xlsx")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, InfoScreen) and "Changes exported: 1" in app.screen.as_text()
        await pilot.press("escape")
    sheet = load_workbook(tmp_path / "bulk.xlsx").active
    row = dict(zip((c.value for c in sheet[1]), (c.value for c in sheet[2])))
    assert (row["Product"], row["Entity"], row["Operation"], row["Bid"]) == ("Sponsored Products", "Keyword", "Update",
                                                                            0.77) and row["Keyword ID"]
    assert actions(demo_copy)[0]["status"] == "exported"


async def test_ledger_flags_and_undoes(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "p")
        await pilot.press("a")  # approve the first proposal
        await settle(pilot, app)
        await pilot.press("L")
        await settle(pilot, app)
        frame = table(area).frame
        assert list(frame["status"][:2]) == ["approved", "rejected"]
        assert frame["flag"].str.startswith("sold 17 elsewhere").sum() == 1
        await pilot.press("u")
        await settle(pilot, app)
        assert actions(demo_copy) == []
        await pilot.press("G", "u")  # the oldest: an exported negation
        await settle(pilot, app)
        assert len(table(area).frame) == 4


async def test_settings_rerun_the_rules_at_once(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "p")
        low_ctr = lambda: [p for p in area.current.extra.proposals if p.rules == ["low_ctr"]]  # noqa: E731
        assert low_ctr()
        await pilot.press("S")
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-low_ctr_max_pct", Input).value = "0.01"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not low_ctr()
    assert "low_ctr_max_pct = 0.01" in Path(app.ctx.settings.path).read_text()


async def test_set_a_campaign_target(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "t")
        await filter_to(pilot, app, "kind:campaign auto bcb")
        row = table(area).frame.iloc[table(area).current_position]
        assert row["name"] == "SP | Auto | BCB" and row["source"] == "break-even − margin"
        await pilot.press("e")
        app.screen.query_one("#field-target_acos", Input).value = "20"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        row = table(area).frame.iloc[table(area).current_position]
        assert row["source"] == "your campaign target" and abs(row["target_acos"] - 0.2) < 1e-9
        await pilot.press("enter")
        assert isinstance(app.screen, InfoScreen) and "your target for this campaign: 20.0%" in app.screen.as_text()


async def test_weekly_charts(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        area = await open_ads(pilot, app, "O")
        money, ratios = area.query(Chart)
        assert money.has_data and ratios.has_data and len(money.labels) == 12
        weeks = area.current.query_one(FrameTable)
        assert weeks.display and len(weeks.order) == 12


async def test_palette_actions_lead_to_their_view(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app)
        await pilot.press("a")  # on Search terms: nothing is approved, the proposals are shown
        await settle(pilot, app)
        assert isinstance(area.current, ProposalsView) and actions(demo_copy) == []
        commands = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Ads: Approve", "Ads: Reject", "Ads: Undo", "Ads: Export", "Ads: Window", "Ads: Settings",
                "Ads: Proposals", "Ads: Weekly"} <= commands


async def test_search_terms_are_shown_literally(make_app, demo_copy: Path) -> None:
    store = open_store(demo_copy, user="ana")
    with store.transaction("odd term") as tx:
        tx["search_terms"].upsert_many([{
            "id": "odd", "date": "2026-11-20", "end_date": "2026-11-20", "campaign": "SP | Auto | BCB",
            "campaign_id": "1", "ad_group": "Auto – BCB", "ad_group_id": "2", "keyword_id": "", "targeting": "*",
            "match_type": "-", "term": "[red]boom[/] \x1b[2J", "impressions": 9000, "clicks": 40, "spend_minor": 9000,
            "sales_minor": 0, "orders": 0, "units": 0, "currency": "USD", "attribution_days": 7}])
    store.close()
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "p")
        await filter_to(pilot, app, "boom")
        why = area.current.query_one("#proposals-why", Static).render()
        assert "'[red]boom[/] ␛[2J'" in str(why) and "\x1b" not in str(why)


async def test_a_store_without_search_terms(make_app, data_dir: Path) -> None:
    store = open_store(data_dir, user="ana")
    with store.transaction("one product") as tx:
        tx["products"].upsert_many([{"id": "MM-ABC-1", "sku": "MM-ABC-1", "price_minor": 2000, "currency": "USD",
                                     "costs": [{"from": "2026-01-01", "landed_minor": 500}],
                                     "fees": {"referral_pct": 15.0, "fba_fee_minor": 300}}])
    store.close()
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app)
        assert area.window.end.isoformat() == "2026-11-22" and len(table(area).order) == 0
        assert "No search-term rows in this window" in "\n".join(
            table(area).render_line(y).text for y in range(4))
        for key in ("p", "t", "L", "O"):
            await pilot.press(key)
            await settle(pilot, app)
        money, _ = area.query(Chart)
        assert not money.has_data and money.query_one(".chart-empty").display
        await pilot.press("t")
        await settle(pilot, app)
        assert list(table(area).frame["name"]) == ["MM-ABC-1"]


async def test_edit_a_harvest_destination_and_bid(make_app, demo_copy: Path) -> None:
    from textual.widgets import Select

    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "p")
        await filter_to(pilot, app, "kind:harvest cutting board oil")
        p = area.current.extra.proposals[table(area).current_position]
        assert p.dest_campaign == "SP | Exact | BCB"
        await pilot.press("e")
        place = app.screen.query_one("#field-place", Select)
        options = [label for label, _ in place._options]  # every exact-match ad group of the window
        assert any("SP | Exact | SBM › Exact – SBM" in str(o) for o in options)
        place.value = next(v for label, v in place._options if "SP | Exact | SBM ›" in str(label))
        app.screen.query_one("#field-new_bid_minor", Input).value = "1.00"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    (record,) = actions(demo_copy)
    assert (record["status"], record["dest_campaign"], record["dest_ad_group"], record["new_bid_minor"]) == \
        ("approved", "SP | Exact | SBM", "Exact – SBM", 100)
    assert record["dest_campaign_id"] and record["dest_ad_group_id"]


async def test_the_default_window_follows_newly_imported_days(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app)
        assert area.window.end.isoformat() == "2026-11-21"
        teammate = open_store(demo_copy, user="ben")
        with teammate.transaction("imported a search term report") as tx:
            tx["search_terms"].upsert_many([{
                "id": "new", "report": "new", "date": "2026-11-22", "end_date": "2026-11-22",
                "campaign": "SP | Auto | BCB", "ad_group": "Auto – BCB", "match_type": "-", "targeting": "*",
                "term": "new term", "clicks": 1, "impressions": 10, "spend_minor": 90, "currency": "USD"}])
            tx["ad_reports"].upsert_many([{"id": "new", "ad_product": "SP", "report": "search_terms",
                                           "marketplace": "US", "start": "2026-11-22", "end": "2026-11-22",
                                           "layout": "daily"}])
        teammate.close()
        for _ in range(300):
            await pilot.pause(0.1)
            if area.window is not None and area.window.end.isoformat() == "2026-11-22" and area.current.loaded:
                break
        await settle(pilot, app)
        assert area.window.end.isoformat() == "2026-11-22" and "new term" in set(table(area).frame["term"])
        await pilot.press("shift+left")  # a window the user chose stays put
        await settle(pilot, app)
        assert area.chosen and area.window.end.isoformat() == "2026-10-23"


async def test_a_partly_refused_decision_warns_once_and_clears_the_marks(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        area = await open_ads(pilot, app, "p")
        await pilot.press("a")  # the first proposal: approved, and listed first
        await settle(pilot, app)
        assert [n.message for n in app._notifications] == ["Approved 1"]
        approved, other = (area.current.extra.proposals[int(i)] for i in table(area).order[:2])
        assert approved.status == "approved" and other.status == "new"
        table(area).cursor_row = 0
        await pilot.press("space", "space", "x")  # rejecting an approval is refused: undo it first
        await settle(pilot, app)
        warned = [n for n in app._notifications if n.message.startswith("Rejected")]
        assert len(warned) == 1 and warned[0].severity == "warning"
        assert warned[0].message.startswith("Rejected (hidden until their numbers change) 1; 1 skipped: ")
        assert not table(area).marked
        assert {(r["term"], r["status"]) for r in actions(demo_copy)} == {(approved.term, "approved"),
                                                                           (other.term, "rejected")}


async def test_exporting_nothing_says_so(make_app, demo_copy: Path, tmp_path: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_ads(pilot, app)
        await pilot.press("b")
        app.screen.query_one("#field-path", Input).value = str(tmp_path / "bulk.csv")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, InfoScreen)
        assert "No approved changes to export" in app.screen.as_text() and not (tmp_path / "bulk.csv").exists()

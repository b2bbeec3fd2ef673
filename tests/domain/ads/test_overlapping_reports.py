"""The Ads tab's windows over overlapping imported reports: the same de-duplicated days as the P&L."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sellertui.core.split import share
from sellertui.domain.ads.service import AdsService
from sellertui.domain.ads.spend import spend_days
from sellertui.domain.ads.window import Window
from sellertui.domain.frames import FrameCache
from tests.ads_files import sb_daily, sp_summary
from tests.importers.conftest import run_import


@pytest.fixture
def overlapping(store, tmp_path: Path):
    run_import(store, sp_summary(tmp_path / "a.csv", "2025-11-24", "2026-01-23",
                                 {"bamboo board": 8917, "chopping board": 500}))
    run_import(store, sp_summary(tmp_path / "b.csv", "2025-12-02", "2026-01-31", {"bamboo board": 22221},
                                 attribution=14))
    run_import(store, sb_daily(tmp_path / "sb.csv", {"2026-01-10": {"maple moss": 450}}))
    frames = FrameCache(store)
    return AdsService(store, frames, {}), frames


def spend(view) -> dict[tuple[str, str], int]:
    return {(p, t): int(s) for p, t, s in zip(view.terms["ad_product"], view.terms["term"], view.terms["spend_minor"])}


def test_a_window_over_both_reports_counts_each_day_once(overlapping) -> None:
    service, frames = overlapping
    window = Window.custom(date(2025, 11, 24), date(2026, 1, 31))
    view = service.terms(window)
    assert spend(view) == {("SP", "bamboo board"): share(8917, 61, 0, 7) + 22221, ("SP", "chopping board"): 500,
                           ("SB", "maple moss"): 450}
    assert view.partial == 1 and view.superseded == 0  # A's bamboo row counts only before B starts
    days = spend_days(frames, window)
    assert int(days["spend_minor"].sum()) == sum(spend(view).values())  # what the P&L and TACoS read


def test_a_month_window_holds_each_reports_share_of_its_days_marked(overlapping) -> None:
    service, _ = overlapping
    view = service.terms(Window.custom(date(2026, 1, 1), date(2026, 1, 31)))
    assert spend(view)[("SP", "bamboo board")] == share(22221, 61, 30, 60)
    assert spend(view)[("SP", "chopping board")] == share(500, 61, 38, 60)
    assert view.partial == 2
    terms = view.terms.set_index("term")
    assert terms.loc["bamboo board", "attribution_min"] == 14  # the newer, 14-day report answers for January


def test_the_default_window_is_the_newest_reports_days(overlapping) -> None:
    service, _ = overlapping
    window = service.default_window()
    assert (window.start, window.end) == (date(2025, 12, 2), date(2026, 1, 31))


def test_proposals_read_sponsored_products_only(overlapping) -> None:
    service, _ = overlapping
    found = service.proposals(Window.custom(date(2025, 11, 24), date(2026, 1, 31))).proposals
    assert all(p.campaign.startswith("SP") for p in found)


def test_the_spend_of_all_time_reads_the_whole_rows_where_reports_overlap(overlapping) -> None:
    # the P&L's spend comes from the lean frames, which hold no key: overlapping reports need it to tell
    # which report counts for a term's day, so those rows are read whole
    service, frames = overlapping
    everything = Window.custom(date(2025, 11, 24), date(2026, 1, 31))
    expected = sum(spend(service.terms(everything)).values())
    assert int(spend_days(frames)["spend_minor"].sum()) == expected == share(8917, 61, 0, 7) + 22221 + 500 + 450


def test_rows_of_reports_the_index_lost_that_overlap_are_read_whole_too(overlapping, store) -> None:
    _, frames = overlapping
    with store.transaction() as tx:  # the rows stay; their reports are no longer known
        for report in store["ad_reports"].all():
            tx["ad_reports"].delete(report["id"])
    fresh = FrameCache(store)
    service = AdsService(store, fresh, {})
    everything = Window.custom(date(2025, 11, 24), date(2026, 1, 31))
    expected = sum(spend(service.terms(everything)).values())
    assert int(spend_days(fresh)["spend_minor"].sum()) == expected
    assert expected < 8917 + 22221 + 500 + 450  # one report's bamboo row counts only where the other does not


def test_a_month_whose_whole_rows_are_kept_gives_the_lean_rows_from_them(overlapping, store, tmp_path, monkeypatch):
    from sellertui.domain.ads.layouts import SEARCH_TERMS
    from sellertui.domain.ads.rows import AdRows
    from sellertui.store import fields

    month = AdRows(FrameCache(store), SEARCH_TERMS).months()[0]
    expected = AdRows(FrameCache(store), SEARCH_TERMS, lean=True).partition(month)  # decoded from the file
    kept = FrameCache(store, tmp_path / "frames")
    AdRows(kept, SEARCH_TERMS).partition(month)  # the whole rows, as an Ads window keeps them

    def decoded(*args, **kwargs):
        raise AssertionError("decoded again")

    monkeypatch.setattr(fields, "pieces", decoded)
    for cache in (kept, FrameCache(store, tmp_path / "frames")):  # held in memory; on disk (a new process)
        lean = AdRows(cache, SEARCH_TERMS, lean=True).partition(month)
        assert lean.equals(expected) and list(lean.dtypes) == list(expected.dtypes)


def test_the_lean_frame_of_every_layout_has_the_lean_columns_in_order(overlapping, store) -> None:
    from sellertui.domain.ads.layouts import BY_REPORT
    from sellertui.domain.ads.rows import LEAN_COLUMNS, AdRows, build

    for layout in BY_REPORT.values():  # kept lean rows are cut from whole ones by these names
        assert list(build(layout, [], lean=True).columns) == LEAN_COLUMNS
        rows = AdRows(FrameCache(store), layout, lean=True)
        for month in rows.months():
            assert list(rows.partition(month).columns) == LEAN_COLUMNS


def test_the_warm_up_reads_the_windows_months_and_stops_when_asked(overlapping, store) -> None:
    from sellertui.domain.ads.layouts import SEARCH_TERMS
    from sellertui.domain.ads.rows import AdRows

    window = Window.custom(date(2025, 11, 1), date(2026, 1, 31))
    whole = AdRows(FrameCache(store), SEARCH_TERMS)
    whole.warm(window)
    assert whole.loaded == {"2025-11", "2025-12", "2026-01"}
    asked = []
    stopped = AdRows(FrameCache(store), SEARCH_TERMS)
    stopped.warm(window, stop=lambda: bool(asked.append(1)) or len(asked) > 1)  # the user left after one month
    assert len(stopped.loaded) == 1 and len(asked) == 2

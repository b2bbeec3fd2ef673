"""Search-term rows of version 1 become rows under reports (version 2), with an ad_reports index."""

from __future__ import annotations

from pathlib import Path

from sellertui.store import open_store
from tests.store.legacy import legacy_store, v1_row


def test_each_legacy_range_becomes_a_report_and_every_row_moves_under_it(tmp_path: Path) -> None:
    rows = [v1_row("bamboo board", "2026-01-01", "2026-01-31", 3100),
            v1_row("chopping board", "2026-01-01", "2026-01-31", 900),
            v1_row("bamboo board", "2026-02-03", "2026-02-03", 120),
            v1_row("bamboo board", "2026-02-04", "2026-02-04", 80, source="bulk")]
    store = open_store(legacy_store(tmp_path / "old", rows), user="ana")
    assert store.meta["schemas"]["search_terms"] == 2 and store.meta["schemas"]["ad_reports"] == 1
    migrated = {d["id"]: d for d in store["search_terms"].all()}
    assert len(migrated) == 4 and all(d["_v"] == 2 and d["ad_product"] == "SP" for d in migrated.values())
    summary = "legacy|report|US|2026-01-01|2026-01-31"
    assert migrated[f"{summary}|2026-01-01|SP | Auto|Auto|close-match|-|bamboo board"]["spend_minor"] == 3100
    reports = {r["id"]: r for r in store["ad_reports"].all()}
    assert set(reports) == {summary, "legacy|report|US|2026-02-03|2026-02-03", "legacy|bulk|US|2026-02-04|2026-02-04"}
    january = reports[summary]
    assert (january["layout"], january["rows"], january["spend_minor"], january["start"], january["end"]) == (
        "summary", 2, 4000, "2026-01-01", "2026-01-31")
    assert january["imported_at"] == "2026-02-03T10:00:00+00:00" and january["marketplace"] == "US"
    assert reports["legacy|report|US|2026-02-03|2026-02-03"]["layout"] == "daily"
    # opening again changes nothing
    before = {p: p.read_bytes() for p in (tmp_path / "old" / "store").rglob("*.json")}
    open_store(tmp_path / "old", user="ana")
    assert {p: p.read_bytes() for p in (tmp_path / "old" / "store").rglob("*.json")} == before


def _services(data_dir: Path):
    from sellertui import config
    from sellertui.domain.ads.service import AdsService
    from sellertui.domain.frames import FrameCache
    from sellertui.domain.profit.service import ProfitService

    store = open_store(data_dir, user="ana")
    frames = FrameCache(store)
    return ProfitService(store, frames, config.load(), "ana"), AdsService(store, frames, {})


def test_an_old_stores_figures_stay_where_no_reports_overlap(tmp_path: Path) -> None:
    from datetime import date

    from sellertui.domain.ads.window import Window

    rows = [v1_row("bamboo board", "2026-01-01", "2026-01-31", 3100),
            v1_row("bamboo board", "2026-02-03", "2026-02-03", 120),
            v1_row("chopping board", "2026-02-04", "2026-02-04", 80)]
    profit, ads = _services(legacy_store(tmp_path / "old", rows))
    statement = profit.statement("month")
    spend = {p: statement.values["ads"][i] for i, p in enumerate(statement.periods) if statement.values["ads"][i]}
    assert spend == {"2026-01": -3100, "2026-02": -200}
    terms = ads.terms(Window.custom(date(2026, 1, 1), date(2026, 2, 28))).terms
    assert dict(zip(terms["term"], terms["spend_minor"])) == {"bamboo board": 3220, "chopping board": 80}


def test_where_old_rows_overlapped_the_newer_range_now_counts_once(tmp_path: Path) -> None:
    rows = [v1_row("bamboo board", "2026-01-01", "2026-01-31", 3100),
            v1_row("bamboo board", "2026-01-05", "2026-01-05", 999)]  # a daily row inside the month: counted twice before
    profit, _ = _services(legacy_store(tmp_path / "old", rows))
    statement = profit.statement("month")
    assert statement.values["ads"][statement.periods.index("2026-01")] == -3100

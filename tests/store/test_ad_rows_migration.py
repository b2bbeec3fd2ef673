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

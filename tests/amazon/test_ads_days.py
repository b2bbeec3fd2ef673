"""A day pulled again replaces the earlier pull's: older synced reports are narrowed, split or removed."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sellertui.domain.sync.ads_days import import_pulled
from sellertui.importers.kinds.ads_api import SpSearchTermsApi
from tests.amazon.ads_account import _st

KIND = SpSearchTermsApi()


def pull(store, first: str, last: str, cost: str = "1.00", skip: tuple[str, ...] = ()):
    """A pulled spSearchTerm report of these days: one auto-campaign row a day at ``cost``."""
    day, rows = date.fromisoformat(first), []
    while day.isoformat() <= last:
        if day.isoformat() not in skip:
            rows.append(_st(day.isoformat(), "bamboo cutting board", 2, cost))
        day += timedelta(days=1)
    return import_pulled(store, KIND, f"Ads API spSearchTerm {first}..{last}", json.dumps(rows).encode(), "US", None)


def reports(store) -> list[tuple[str, str, int, int]]:
    return sorted((r["start"], r["end"], r["rows"], r["spend_minor"]) for r in store["ad_reports"].all())


def days(store) -> dict[str, list[tuple[str, int]]]:
    """Each day's rows as (their report's first day, spend): a day held twice shows two."""
    found: dict[str, list] = {}
    for row in store["search_terms"].all():
        found.setdefault(row["date"], []).append((row["report"].split("|")[2][:10], row["spend_minor"]))
    return found


def test_a_later_pull_takes_its_days_from_the_earlier_one(store) -> None:
    pull(store, "2026-10-01", "2026-10-31")
    imported, gave = pull(store, "2026-10-18", "2026-11-05", cost="1.50")
    assert (imported.inserted, gave.same, gave.changed) == (19, 0, 14)  # 14 days pulled again, 5 new
    assert reports(store) == [("2026-10-01", "2026-10-17", 17, 1700), ("2026-10-18", "2026-11-05", 19, 2850)]
    held = days(store)
    assert all(len(rows) == 1 for rows in held.values()) and len(held) == 36
    assert held["2026-10-17"] == [("2026-10-01", 100)] and held["2026-10-18"] == [("2026-10-18", 150)]
    imported, gave = pull(store, "2026-10-18", "2026-11-05", cost="1.50")  # the same again: nothing changes
    assert (imported.inserted, imported.unchanged, gave.same) == (0, 19, 0)


def test_a_pull_inside_an_earlier_one_splits_it_and_one_covering_it_removes_it(store) -> None:
    pull(store, "2026-10-01", "2026-10-31")
    pull(store, "2026-10-10", "2026-10-12", cost="2.00", skip=("2026-10-11",))  # no ads on the 11th after all
    assert reports(store) == [("2026-10-01", "2026-10-09", 9, 900), ("2026-10-10", "2026-10-12", 2, 400),
                              ("2026-10-13", "2026-10-31", 19, 1900)]
    assert "2026-10-11" not in days(store)  # the newer pull says no ads that day: nothing of the older stays
    kept = [r for r in store["search_terms"].all() if r["date"] == "2026-10-20"]
    assert [r["id"].split("|")[2] for r in kept] == ["2026-10-13..2026-10-31"]  # rows filed under what is left
    pull(store, "2026-09-25", "2026-11-02", cost="3.00")
    assert reports(store) == [("2026-09-25", "2026-11-02", 39, 11700)]
    assert all(len(rows) == 1 for rows in days(store).values())


def test_a_downloaded_report_is_never_cut(store, tmp_path) -> None:
    from tests.amazon.ads_account import hand_downloaded_csv
    from tests.importers.conftest import run_import

    by_hand = tmp_path / "Sponsored_Products_Search_term_report.csv"
    by_hand.write_text(hand_downloaded_csv([_st("2026-10-05", "bamboo cutting board", 2, "1.00")]))
    run_import(store, by_hand)
    pull(store, "2026-10-01", "2026-10-31")
    assert ("2026-10-05", "2026-10-05", 1, 100) in reports(store) and len(days(store)["2026-10-05"]) == 2

"""One report per term and day: overlapping daily and summary reports (7- and 14-day), worked by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from sellertui.domain.ads.days import clip, counted, day_number, iso, outside, per_day, report_table


def report(rid: str, start: str, end: str, imported: str = "2026-02-01T00:00:00+00:00", kind: str = "search_terms",
           product: str = "SP") -> dict:
    return {"id": rid, "ad_product": product, "report": kind, "marketplace": "US", "start": start, "end": end,
            "layout": "daily" if start == end else "summary", "imported_at": imported}


def rows(*entries: tuple) -> pd.DataFrame:
    """(report, key, first day, last day, spend) -> a rows frame."""
    return pd.DataFrame([{"report": r, "key": k, "date": a, "end_date": b, "spend_minor": s, "ad_product": "SP",
                          "marketplace": "US"} for r, k, a, b, s in entries])


def total(frame: pd.DataFrame, first: str, last: str) -> int:
    return int(clip(frame, day_number(first), day_number(last), ("spend_minor",))["spend_minor"].sum())


def test_two_overlapping_summary_reports_count_the_shared_days_once() -> None:
    # the case: two 61-day bulk reports sharing 53 days; the one ending later wins those days
    reports = report_table([report("A", "2025-11-24", "2026-01-23"), report("B", "2025-12-02", "2026-01-31")])
    pieces = counted(rows(("A", "term", "2025-11-24", "2026-01-23", 8917),
                          ("B", "term", "2025-12-02", "2026-01-31", 22221)), reports)
    a = pieces[pieces["report"] == "A"].iloc[0]
    assert (iso([a["first"], a["last"]]).tolist()) == ["2025-11-24", "2025-12-01"]  # A keeps its 8 days before B
    assert total(pieces, "2025-11-01", "2026-01-31") == 8917 * 8 // 61 + 22221 == 23390  # not 31138
    # by month: each month holds its days' exact shares, and the months add up
    months = [total(pieces, "2025-11-01", "2025-11-30"), total(pieces, "2025-12-01", "2025-12-31"),
              total(pieces, "2026-01-01", "2026-01-31")]
    assert months == [8917 * 7 // 61, (8917 * 8 // 61 - 8917 * 7 // 61) + 22221 * 30 // 61,
                      22221 - 22221 * 30 // 61] and sum(months) == 23390


def test_a_key_only_the_older_report_holds_counts_whole() -> None:
    reports = report_table([report("A", "2026-01-01", "2026-01-31"), report("B", "2026-01-15", "2026-02-14")])
    pieces = counted(rows(("A", "old only", "2026-01-01", "2026-01-31", 3100),
                          ("A", "both", "2026-01-01", "2026-01-31", 3100),
                          ("B", "both", "2026-01-15", "2026-02-14", 6200)), reports)
    assert total(pieces[pieces["key"] == "old only"], "2026-01-01", "2026-02-28") == 3100
    assert total(pieces[pieces["key"] == "both"], "2026-01-01", "2026-02-28") == 1400 + 6200  # A's Jan 1–14


def test_a_daily_report_and_a_newer_summary_meet_on_the_day_grain() -> None:
    daily = [("D", "term", f"2026-01-{d:02d}", f"2026-01-{d:02d}", 100 * d) for d in range(1, 32)]
    reports = report_table([report("D", "2026-01-01", "2026-01-31"), report("S", "2026-01-15", "2026-02-14")])
    pieces = counted(rows(*daily, ("S", "term", "2026-01-15", "2026-02-14", 9300)), reports)
    # the daily report counts Jan 1–14 exactly; the summary (ending later) takes Jan 15 on, spread evenly
    assert total(pieces, "2026-01-01", "2026-01-14") == sum(100 * d for d in range(1, 15)) == 10500
    assert total(pieces, "2026-01-15", "2026-01-31") == 9300 * 17 // 31
    assert total(pieces, "2026-01-01", "2026-02-28") == 10500 + 9300
    days = per_day(pieces, ("spend_minor",))
    assert len(days) == 14 + 31 and days["spend_minor"].sum() == 19800
    assert days.loc[days["day"] == pd.Timestamp("2026-01-15"), "spread"].item()
    assert not days.loc[days["day"] == pd.Timestamp("2026-01-03"), "spread"].item()


def test_a_newer_daily_report_says_zero_on_the_days_it_has_no_row() -> None:
    reports = report_table([report("S", "2026-01-01", "2026-01-31"), report("D", "2026-01-25", "2026-02-07")])
    pieces = counted(rows(("S", "term", "2026-01-01", "2026-01-31", 3100),
                          ("D", "term", "2026-02-02", "2026-02-02", 500)), reports)
    assert total(pieces, "2026-01-01", "2026-02-28") == 2400 + 500  # S's Jan 1–24, then D's one day


@pytest.mark.parametrize("second_import, winner", [("2026-02-10T00:00:00+00:00", "14d"),
                                                   ("2026-01-20T00:00:00+00:00", "7d")])
def test_7_and_14_day_reports_of_the_same_days_the_later_import_counts(second_import, winner) -> None:
    reports = report_table([report("7d", "2026-01-01", "2026-01-07"),
                            report("14d", "2026-01-01", "2026-01-07", imported=second_import)])
    pieces = counted(rows(("7d", "term", "2026-01-01", "2026-01-07", 700),
                          ("14d", "term", "2026-01-01", "2026-01-07", 710)), reports)
    assert list(pieces["report"]) == [winner] and total(pieces, "2026-01-01", "2026-01-07") == {"7d": 700, "14d": 710}[winner]


def test_rows_of_an_unknown_report_count_as_their_own_oldest_report() -> None:
    reports = report_table([report("B", "2026-01-05", "2026-01-10")])
    pieces = counted(rows(("?", "term", "2026-01-01", "2026-01-10", 1000),
                          ("B", "term", "2026-01-05", "2026-01-10", 600)), reports)
    assert total(pieces, "2026-01-01", "2026-01-31") == 400 + 600


def test_a_window_marks_the_rows_it_holds_only_in_part() -> None:
    reports = report_table([report("S", "2026-01-01", "2026-01-31")])
    pieces = counted(rows(("S", "term", "2026-01-01", "2026-01-31", 3100)), reports)
    inside = clip(pieces, day_number("2026-01-01"), day_number("2026-01-31"), ("spend_minor",))
    part = clip(pieces, day_number("2026-01-25"), day_number("2026-02-07"), ("spend_minor",))
    assert not inside["partial"].item() and part["partial"].item()
    assert (part["date"].item(), part["end_date"].item(), part["spend_minor"].item()) == ("2026-01-25", "2026-01-31", 700)


def test_days_covered_by_a_preferred_report_type_are_left_out() -> None:
    reports = report_table([report("T", "2026-01-10", "2026-01-20", kind="targeting")])
    pieces = counted(rows(("S", "term", "2026-01-01", "2026-01-31", 3100)),
                     report_table([report("S", "2026-01-01", "2026-01-31")]))
    from sellertui.domain.ads.days import covered_days

    left = outside(pieces, covered_days(reports, {"targeting"}))
    assert sorted(iso(left["first"]).tolist()) == ["2026-01-01", "2026-01-21"]
    assert total(left, "2026-01-01", "2026-01-31") == 900 + 1100


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 20), st.integers(0, 3),
                          st.sets(st.sampled_from("abc"), min_size=1)), min_size=1, max_size=6))
def test_every_day_of_a_key_is_counted_once_by_the_newest_report_holding_it(specs) -> None:
    docs, entries = [], []
    for i, (start, length, order, keys) in enumerate(specs):
        first, last = day_iso(start), day_iso(start + length)
        docs.append(report(f"r{i}", first, last, imported=f"2026-03-0{order + 1}T00:00:00+00:00"))
        entries += [(f"r{i}", key, first, last, 1000) for key in sorted(keys)]
    reports = report_table(docs)
    pieces = counted(rows(*entries), reports)
    rank = dict(zip(reports["id"], reports["rank"]))
    for key in "abc":
        holders = [(rank[f"r{i}"], s, s + n) for i, (s, n, _, keys) in enumerate(specs) if key in keys]
        mine = pieces[pieces["key"] == key]
        counted_days = [(r, d) for r, a, b in zip(mine["report"], mine["first"], mine["last"]) for d in range(a, b + 1)]
        days = [d for _, d in counted_days]
        assert len(days) == len(set(days))  # no day twice
        for rid, day in counted_days:
            d = day - day_number("2026-01-01")
            newest = max(r for r, s, e in holders if s <= d <= e)
            assert rank[rid] == newest
        wanted = {d for _, s, e in holders for d in range(s, e + 1)}
        assert {d - day_number("2026-01-01") for d in days} == wanted


def day_iso(offset: int) -> str:
    return (date(2026, 1, 1) + timedelta(days=offset)).isoformat()


def test_spend_groups_number_each_combination_in_order_of_first_appearance() -> None:
    import numpy as np
    import pandas as pd

    from sellertui.domain.ads.spend import _groups

    rng = np.random.default_rng(3)
    small = [rng.integers(0, size, 500) for size in (4, 3, 9)]
    big = [rng.integers(0, 2**40, 500), rng.integers(0, 2**40, 500)]  # too many combinations for one int64
    for codes in (small, big):
        expected = pd.factorize(pd.Series(list(zip(*codes))))[0]
        assert (_groups(codes) == expected).all()

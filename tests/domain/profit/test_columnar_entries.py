"""The P&L's bulk entries built from columns agree with the one-at-a-time rules they replace."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
from hypothesis import given, settings, strategies as st

from sellertui.core.split import spread
from sellertui.domain.profit import monthly
from sellertui.domain.profit.entries import SalesBySku

DAY0 = date(2026, 1, 1)
line = st.tuples(st.sampled_from(["MUG", "CUP", "PAN"]), st.integers(0, 60), st.integers(-5000, 90000),
                 st.integers(0, 5))


@settings(max_examples=150, deadline=None)
@given(st.lists(line, max_size=40), st.sets(st.sampled_from(["MUG", "CUP", "PAN", "LID"]), min_size=1),
       st.integers(0, 60), st.integers(0, 30))
def test_a_promotions_sales_are_those_of_its_skus_on_its_days(lines, skus, start, length) -> None:
    orders = pd.DataFrame({"sku": [s for s, *_ in lines],
                           "day": np.array([DAY0 + timedelta(days=d) for _, d, _, _ in lines], dtype="datetime64[D]"),
                           "sales_minor": np.array([v for *_, v, _ in lines], dtype="int64"),
                           "qty": np.array([q for *_, q in lines], dtype="int64")})
    first, last = DAY0 + timedelta(days=start), DAY0 + timedelta(days=start + length)
    picked = [(v, q) for s, d, v, q in lines if s in skus and first <= DAY0 + timedelta(days=d) <= last]
    expected = (sum(v for v, _ in picked), sum(q for _, q in picked))
    assert SalesBySku(orders).between(skus, first, last) == expected


MONTHS = ["2026-02", "2024-02", "2026-07"]
entry = st.tuples(st.integers(-10**9, 10**9), st.sampled_from(MONTHS), st.sampled_from(["storage", "subscription"]))


def _one_at_a_time(entries) -> list[tuple[int, date, int]]:
    """(entry, day, share) of every day whose share is not zero, each amount's size spread alone (its sign kept,
    as a cost is its positive estimate taken off)."""
    out = []
    for i, (amount, month, _) in enumerate(entries):
        first = date.fromisoformat(f"{month}-01")
        sign = -1 if amount < 0 else 1
        out += [(i, first + timedelta(days=d), sign * part)
                for d, part in enumerate(spread(abs(amount), pd.Period(month).days_in_month)) if part]
    return out


def _monthly(entries) -> pd.DataFrame:
    return pd.DataFrame({"day": np.array([f"{m}-01" for _, m, _ in entries], dtype="datetime64[D]"),
                         "line": [line for *_, line in entries], "source": "fee table (estimate)",
                         "amount_minor": np.array([a for a, _, _ in entries], dtype="int64"),
                         "home_minor": np.array([a for a, _, _ in entries], dtype=float), "ref": range(len(entries))})


@settings(max_examples=100, deadline=None)
@given(st.lists(entry, min_size=1, max_size=6), st.integers(0, 900), st.integers(0, 40))
def test_a_run_of_days_holds_what_the_daily_shares_add_up_to(entries, start, length) -> None:
    first = date(2024, 1, 1) + timedelta(days=start)
    last = first + timedelta(days=length)
    daily = [(i, d, p) for i, d, p in _one_at_a_time(entries) if first <= d <= last]
    expected = {}
    for i, d, p in daily:
        day, total = expected.get(i, (d, 0))
        expected[i] = (min(day, d), total + p)
    got = monthly.within(_monthly(entries), first, last)
    found = {int(r): (pd.Timestamp(d).date(), int(a)) for r, d, a in zip(got["ref"], got["day"], got["amount_minor"])}
    assert found == {i: v for i, v in expected.items() if v[1]}
    assert list(got["home_minor"]) == list(got["amount_minor"].astype(float))


@settings(max_examples=100, deadline=None)
@given(st.lists(entry, min_size=1, max_size=6))
def test_monthly_entries_sum_by_day_as_their_daily_shares(entries) -> None:
    expected: dict[tuple, int] = {}
    for i, d, p in _one_at_a_time(entries):
        key = (d, entries[i][2])
        expected[key] = expected.get(key, 0) + p
    got = monthly.daily(_monthly(entries), ["line"])
    found = {(pd.Timestamp(d).date(), line): (int(a), h) for d, line, a, h in
             zip(got["day"], got["line"], got["amount"], got["home_minor"])}
    assert {k: a for k, (a, _) in found.items()} == {k: v for k, v in expected.items() if v}
    assert all(a == h for a, h in found.values())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=-3, max_value=40), max_size=300), st.integers(min_value=1, max_value=64))
def test_groups_numbered_a_slice_at_a_time_are_numbered_as_factorize_numbers_them(values, step) -> None:
    from sellertui.domain.profit.daily_sums import _first_seen

    numbers = np.array(values, dtype=np.int64)
    assert _first_seen(numbers, step).tolist() == pd.factorize(numbers)[0].tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 2), st.booleans(), st.integers(-500, 500),
                          st.one_of(st.none(), st.integers(-900, 900))), max_size=80))
def test_entries_sum_by_day_and_keys_as_a_grouped_frame_sums_them(entries) -> None:
    from sellertui.domain.profit.daily_sums import _summed

    frame = pd.DataFrame(entries, columns=["day", "line", "estimated", "amount", "home"], dtype=object)
    day = (np.datetime64("2026-01-01") + frame["day"].to_numpy(dtype=np.int64)).astype("datetime64[D]")
    codes = {"line": frame["line"].to_numpy(dtype=np.int8), "source": np.zeros(len(frame), np.int8),
             "currency": np.zeros(len(frame), np.int8)}
    home = frame["home"].to_numpy(dtype=float)
    summed = _summed(day, codes, frame["estimated"].to_numpy(dtype=bool), frame["amount"].to_numpy(dtype=np.int64),
                     home)
    grouped = pd.DataFrame({"day": day, "line": codes["line"], "estimated": frame["estimated"].to_numpy(dtype=bool),
                            "amount": frame["amount"].to_numpy(dtype=np.int64), "home": home}).groupby(
        ["day", "line", "estimated"], sort=False).agg(amount=("amount", "sum"), home=("home", lambda h: h.sum(min_count=1)))
    assert summed["amount"].tolist() == grouped["amount"].tolist()
    assert np.array_equal(summed["home"], grouped["home"].to_numpy(dtype=float), equal_nan=True)
    assert summed["day"].tolist() == [pd.Timestamp(d).date() for d, _, _ in grouped.index]

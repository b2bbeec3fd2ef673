"""Spreading an amount over days: exact shares, no drift to the first days."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from sellertui.core.split import share, spread


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**12, 10**12), st.integers(1, 800))
def test_the_parts_add_up_and_differ_by_at_most_one_unit(amount: int, days: int) -> None:
    parts = spread(amount, days)
    assert sum(parts) == amount and len(parts) == days
    assert max(parts) - min(parts) <= 1


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**12, 10**12), st.integers(1, 800), st.data())
def test_any_run_of_days_holds_its_exact_share_within_one_unit(amount: int, days: int, data) -> None:
    first = data.draw(st.integers(0, days - 1))
    last = data.draw(st.integers(first, days - 1))
    part = share(amount, days, first, last)
    assert part == sum(spread(amount, days)[first:last + 1])
    exact = amount * (last - first + 1) / days
    assert abs(part - exact) < 1


def test_the_issue_s_three_months_split_evenly() -> None:
    # a row of $222.21 over Nov 24 – Jan 23 (61 days): 7 days in November, 31 in December, 23 in January
    months = [share(22221, 61, 0, 6), share(22221, 61, 7, 37), share(22221, 61, 38, 60)]
    assert months == [2549, 11293, 8379] and sum(months) == 22221
    # the cents left over do not pile up on the first days: 22221 = 61 × 364 + 17
    assert spread(22221, 61)[:4] == [364, 364, 364, 365]


def test_a_run_outside_the_days_is_nothing_and_no_days_is_refused() -> None:
    assert share(1000, 10, 12, 20) == 0 and share(1000, 10, -5, 0) == 100
    with pytest.raises(ValueError):
        spread(100, 0)

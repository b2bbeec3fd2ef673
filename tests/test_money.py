"""Money helpers: splitting an amount into parts that add up to it exactly."""

from fractions import Fraction

import pytest
from hypothesis import given, settings, strategies as st

from sellertui.core.money import split_largest_remainder


def test_leftover_cents_go_to_the_largest_remainders_not_the_first_parts():
    # 100 over three equal parts: one leftover cent, to the first of the tied remainders
    assert split_largest_remainder(100, [1, 1, 1]) == [34, 33, 33]
    # 10 over 1/6, 2/6, 3/6: exact 1.67, 3.33, 5 -> the cent goes to the 0.67 remainder, not the first part
    assert split_largest_remainder(10, [1, 2, 3]) == [2, 3, 5]
    # a month's share by days: 18 + 31 + 31 days of 21,843 cents
    assert split_largest_remainder(21843, [18, 31, 31]) == [4915, 8464, 8464]


def test_negative_amounts_zero_weights_and_no_parts():
    assert split_largest_remainder(-100, [1, 1, 1]) == [-34, -33, -33]
    assert split_largest_remainder(5, [0, 0]) == [3, 2]
    assert split_largest_remainder(0, []) == []
    with pytest.raises(ValueError):
        split_largest_remainder(1, [])
    with pytest.raises(ValueError):
        split_largest_remainder(1, [1, -1])


@settings(max_examples=200, deadline=None)
@given(st.integers(-10**9, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=40))
def test_parts_add_up_and_stay_within_a_cent_of_their_share(amount, weights):
    parts = split_largest_remainder(amount, weights)
    assert sum(parts) == amount
    total = sum(weights) or len(weights)
    for part, weight in zip(parts, weights if sum(weights) else [1] * len(weights)):
        assert abs(Fraction(part) - Fraction(amount * weight, total)) < 1

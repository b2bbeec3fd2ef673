"""The P&L's bulk entries built from columns agree with the one-at-a-time rules they replace."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
from hypothesis import given, settings, strategies as st

from sellertui.core.split import spread
from sellertui.domain.profit.account_fees import _spread_rows
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


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-10**9, 10**9), min_size=1, max_size=6), st.sampled_from(["2026-02", "2024-02", "2026-07"]))
def test_monthly_amounts_spread_by_day_as_one_at_a_time(amounts, month) -> None:
    which, days, parts = _spread_rows(month, np.array(amounts))
    expected = []
    for i, amount in enumerate(amounts):
        first = date.fromisoformat(f"{month}-01")
        shares = spread(amount, pd.Period(month).days_in_month)
        expected += [(i, first + timedelta(days=d), part) for d, part in enumerate(shares) if part]
    got = [(int(w), pd.Timestamp(d).date(), int(p)) for w, d, p in zip(which, days, parts)]
    assert got == expected

"""Spreading a whole amount over days, exactly: every day gets a share in minor units.

A summary report says "$100.00 over 31 days"; the P&L and the Ads windows need
each day's part. Each day's exact share is amount ÷ days; the shares are
rounded by largest remainder, and because every day's remainder is the same,
its ties go to the days where the running total of the exact shares crosses a
whole unit. That is the same as

    share(day i) = floor(amount × (i + 1) ÷ days) − floor(amount × i ÷ days)

so any run of days (a month, a window) holds floor(amount × end ÷ days) −
floor(amount × start ÷ days): within one unit of its exact share, never
drifting towards the first days, and the parts always add up to the whole.
"""

from __future__ import annotations


def share(amount: int, days: int, first: int, last: int) -> int:
    """The part of ``amount`` (spread over ``days`` days) that falls on days ``first``..``last`` (0-based, inclusive)."""
    if days <= 0:
        raise ValueError("an amount is spread over at least one day")
    first, last = max(first, 0), min(last, days - 1)
    if last < first:
        return 0
    return amount * (last + 1) // days - amount * first // days


def spread(amount: int, days: int) -> list[int]:
    """Each day's share of ``amount`` over ``days`` days: they add up to it and differ by at most one unit."""
    if days <= 0:
        raise ValueError("an amount is spread over at least one day")
    return [share(amount, days, i, i) for i in range(days)]

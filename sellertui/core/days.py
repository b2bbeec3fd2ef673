"""Calendar arithmetic the rules share."""

from __future__ import annotations

from datetime import date, timedelta


def add_business_days(day: date, n: int) -> date:
    """``n`` working days (Monday to Friday) after ``day``: Friday + 1 is Monday."""
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day

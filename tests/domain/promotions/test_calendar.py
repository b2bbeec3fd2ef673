"""The month grid's layout: Monday-first weeks, months added with clipping, bars laid out in lanes."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, strategies as st

from sellertui.domain.promotions.calendar import add_months, lanes, weeks


def test_weeks_cover_the_month_monday_first() -> None:
    feb_2027 = weeks(2027, 2)  # February 1, 2027 is a Monday and the month has exactly four weeks
    assert len(feb_2027) == 4 and feb_2027[0][0] == date(2027, 2, 1) and feb_2027[-1][-1] == date(2027, 2, 28)
    nov_2026 = weeks(2026, 11)  # starts on a Sunday: six weeks, from Monday October 26
    assert len(nov_2026) == 6 and nov_2026[0][0] == date(2026, 10, 26) and nov_2026[-1][-1] == date(2026, 12, 6)


def test_months_are_clipped_to_their_length() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)  # leap year
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_a_bar_crossing_weeks_continues_in_the_next_one() -> None:
    week1, week2 = weeks(2026, 11)[3:5]  # Nov 16–22 and Nov 23–29
    spans = [("coupon", date(2026, 11, 17), date(2026, 12, 4)), ("deal", date(2026, 11, 27), date(2026, 11, 27))]
    [[first]] = lanes(week1, spans)
    assert (first.key, first.first, first.last, first.starts, first.ends) == ("coupon", 1, 6, True, False)
    second = lanes(week2, spans)
    assert [[(b.key, b.first, b.last, b.starts) for b in lane] for lane in second] == [
        [("coupon", 0, 6, False)], [("deal", 4, 4, True)]]


spans = st.lists(st.tuples(st.dates(date(2026, 1, 1), date(2026, 3, 31)), st.integers(0, 20)), max_size=25)


@given(spans, st.integers(1, 3))
def test_bars_in_a_lane_never_share_a_day_and_every_span_touching_the_week_is_shown(found, month) -> None:
    items = [(f"p{i}", start, start + timedelta(days=length)) for i, (start, length) in enumerate(found)]
    for week in weeks(2026, month):
        placed = lanes(week, items)
        shown = [bar.key for lane in placed for bar in lane]
        touching = [k for k, s, e in items if s <= week[-1] and e >= week[0]]
        assert sorted(shown) == sorted(touching)
        for lane in placed:
            days = [d for bar in lane for d in range(bar.first, bar.last + 1)]
            assert len(days) == len(set(days))

"""Hiring readiness: every condition and its edges, the trend and the projected month."""

from __future__ import annotations

import pytest

from sellertui.config import SECTION_DEFAULTS
from sellertui.domain.profit.readiness import evaluate, fit

SETTINGS = dict(SECTION_DEFAULTS["profit"])  # 3 months, 20% buffer, 3 months of reserve, trend over 6
ROLE = {"id": "r1", "title": "Operator", "salary_minor": 200000, "overhead_pct": 25.0}  # 2,500.00 a month
LINE = 300000  # 2,500 × 1.2
CASH = {"date": "2026-11-01", "amount_minor": 750000}  # exactly 3 × 2,500


def run(values, cash=CASH, taken_off=None, settings=SETTINGS, current="2026-11"):
    months = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"][-len(values):]
    return evaluate(list(zip(months, values)), current, ROLE, cash, settings, {}, taken_off or {}, "USD")


def conditions(result) -> dict[str, bool]:
    return {c.key: c.ok for c in result.conditions}


def test_ready_at_exactly_the_hire_line_and_exactly_the_reserve() -> None:
    result = run([LINE, LINE, LINE])
    assert result.cost == 250000 and result.target == LINE
    assert conditions(result) == {"profit": True, "no_loss": True, "cash": True} and result.ready
    assert result.projected == "2026-11" and (result.profit_gap, result.cash_gap) == (0, 0)


def test_one_month_a_cent_short_is_not_ready_and_the_gap_is_that_cent() -> None:
    result = run([LINE, LINE - 1, LINE])
    assert conditions(result)["profit"] is False and not result.ready
    assert result.profit_gap == 1


def test_a_loss_month_in_the_window() -> None:
    result = run([LINE * 2, -1, LINE * 2])
    assert conditions(result) == {"profit": False, "no_loss": False, "cash": True}
    # a loss before the window does not count against it
    assert conditions(run([-5000, LINE, LINE, LINE]))["no_loss"] is True


def test_cash_reserve_a_cent_short_or_missing() -> None:
    short = run([LINE] * 3, cash={"date": "2026-11-01", "amount_minor": 749999})
    assert conditions(short) == {"profit": True, "no_loss": True, "cash": False} and short.cash_gap == 1
    assert "Profit is ready now" in short.projection
    assert conditions(run([LINE] * 3, cash=None))["cash"] is False


def test_too_few_complete_months() -> None:
    result = run([LINE * 2, LINE * 2])
    assert conditions(result)["profit"] is False and "only 2 complete month(s)" in result.conditions[0].detail


def test_hired_roles_are_taken_off_every_month() -> None:
    result = run([LINE + 100000] * 3, taken_off={"2026-08": 100000, "2026-09": 100000, "2026-10": 100001})
    assert [v for _, v in result.window] == [LINE, LINE, LINE - 1] and not result.ready


def test_least_squares_fit() -> None:
    assert fit([1, 2, 3]) == pytest.approx((1.0, 1.0))
    assert fit([0, 10, 0, 10]) == pytest.approx((2.0, 2.0))


def test_projection_month_by_hand() -> None:
    # 100k, 150k, ..., 350k (May–Oct): +50k a month. The first three months all at or above the line
    # (300k) are Sep 300k, Oct 350k and Nov (read off the trend: 400k), so it is ready from December.
    result = run([100000, 150000, 200000, 250000, 300000, 350000], cash=CASH)
    assert result.trend.slope == pytest.approx(50000)
    assert result.projected == "2026-12"
    assert "Dec 2026" in result.projection


def test_no_projection_when_profit_is_falling() -> None:
    result = run([300000, 250000, 200000, 150000, 100000, 50000])
    assert result.projected is None and "not rising" in result.projection


def test_next_role_moves_on_when_one_is_hired() -> None:
    from sellertui.domain.profit.hiring import full_cost, next_role

    plan = [{"id": "a", "status": "hired", "salary_minor": 100}, {"id": "b", "status": "planned",
                                                                  "salary_minor": 1000, "overhead_pct": 30}]
    assert next_role(plan)["id"] == "b" and full_cost(plan[1]) == 1300
    assert next_role([{**plan[1], "status": "hired"}]) is None

"""Per-agent performance, worked by hand: reply times, late rates, ranking, windows, the shop beside them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sellertui.domain.orders.messages import set_status
from sellertui.domain.team.performance import agent_figures, performance, team_performance
from tests.shops import shop_of

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)


def message(days_ago: float, took_hours: float | None, by: str | None = None, **extra) -> dict:
    arrived = NOW - timedelta(days=days_ago)
    m = {"received_at": arrived.isoformat(), "status": "awaiting", "replied_at": None, **extra}
    if took_hours is not None:
        m.update(status="replied", replied_at=(arrived + timedelta(hours=took_hours)).isoformat(), replied_by=by)
    return m


MESSAGES = [
    message(1, 2, "ana"), message(2, 4, "ana"), message(3, 30, "ana"),  # ana: avg 12 h, 1 of 3 late
    message(1, 1, "ben"), message(5, 3, "ben"),  # ben: avg 2 h, none late
    message(20, 10, "chen"), message(40, 50, "chen"),  # chen: only in 30 (10 h) and 90 (30 h, 1 of 2 late)
    message(3, None),  # unanswered past the deadline: the shop's, nobody's
    message(2, 1, None, _by="dan"),  # replied before replied_by was recorded: whoever saved it last
]


def test_each_agents_figures_and_the_ranking() -> None:
    week = agent_figures(MESSAGES, 7, NOW)
    assert [(f.agent, f.replies, f.average_hours, f.late) for f in week] == [
        ("dan", 1, 1.0, 0), ("ben", 2, 2.0, 0), ("ana", 3, 12.0, 1)]
    assert week[2].late_rate == 1 / 3
    quarter = {f.agent: f for f in agent_figures(MESSAGES, 90, NOW)}
    assert (quarter["chen"].replies, quarter["chen"].average_hours, quarter["chen"].late_rate) == (2, 30.0, 0.5)


def test_the_shop_figure_counts_the_unanswered_too() -> None:
    perf = performance(MESSAGES, NOW)
    week = perf.shop[7]
    assert (week.received, week.answered, week.due, week.late) == (7, 6, 7, 2)  # ana's late one + the unanswered
    assert perf.ranks[30] == ["dan", "ben", "chen", "ana"]
    assert set(perf.agents["chen"]) == {30, 90}  # no reply in the last 7 days


def test_marking_replied_records_who_and_the_cache_reads_it(store) -> None:
    with store.transaction() as tx:
        tx["messages"].insert(message(1, None, buyer_name="A", text="hi"))
    (stored,) = store["messages"].all()
    set_status(store, stored, "replied", NOW - timedelta(hours=20))
    assert store["messages"].all()[0]["replied_by"] == "ana"
    perf = team_performance(shop_of(store), NOW)
    assert perf.ranks[7] == ["ana"] and perf.agents["ana"][7].average_hours == 4.0

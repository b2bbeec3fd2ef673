"""Per-agent performance: each teammate's reply time and late-reply rate over 7, 30 and 90 days, ranked,
beside the shop's own figure.

A reply counts for whoever marked the message replied (``replied_by``; a
message replied before that was recorded counts for whoever last saved it).
An agent's late rate is their replies sent after the 24-hour deadline over
their replies; the shop's figure also counts messages still unanswered past
the deadline, which belong to nobody yet — so the shop can be later than
every agent. Ranked by late rate, then average reply time, then replies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sellertui import clock
from sellertui.domain.orders.messages import DEADLINE, ResponseMetrics, parse_moment, response_metrics

WINDOWS = (7, 30, 90)


@dataclass(frozen=True)
class AgentFigures:
    agent: str
    days: int
    replies: int
    average_hours: float | None
    late: int

    @property
    def late_rate(self) -> float | None:
        return self.late / self.replies if self.replies else None


def replier(message: dict) -> str:
    return str(message.get("replied_by") or message.get("_by") or "unknown")


def agent_figures(messages: list[dict], days: int, now: datetime) -> list[AgentFigures]:
    """Each agent's replies to messages received in the last ``days`` days, ranked best first."""
    since = now - timedelta(days=days)
    totals: dict[str, list[float]] = {}
    late: dict[str, int] = {}
    for m in messages:
        if m.get("status") != "replied" or not m.get("replied_at"):
            continue
        arrived = parse_moment(m["received_at"])
        if not since <= arrived <= now:
            continue
        took = parse_moment(m["replied_at"]) - arrived
        who = replier(m)
        totals.setdefault(who, []).append(took.total_seconds() / 3600)
        late[who] = late.get(who, 0) + (took > DEADLINE)
    figures = [AgentFigures(who, days, len(hours), sum(hours) / len(hours), late[who]) for who, hours in totals.items()]
    return sorted(figures, key=lambda f: (f.late_rate, f.average_hours, -f.replies, f.agent))


@dataclass
class Performance:
    shop: dict[int, ResponseMetrics]  # by window
    agents: dict[str, dict[int, AgentFigures]]  # agent -> window -> figures
    ranks: dict[int, list[str]]  # window -> agents, best first


def performance(messages: list[dict], now: datetime | None = None) -> Performance:
    now = now or clock.now()
    shop = {days: response_metrics(messages, days, now) for days in WINDOWS}
    agents: dict[str, dict[int, AgentFigures]] = {}
    ranks: dict[int, list[str]] = {}
    for days in WINDOWS:
        ranked = agent_figures(messages, days, now)
        ranks[days] = [f.agent for f in ranked]
        for f in ranked:
            agents.setdefault(f.agent, {})[days] = f
    return Performance(shop, agents, ranks)


def team_performance(shop, now: datetime | None = None) -> Performance:
    """The shop's messages of the last 90 days, read through the frame cache."""
    from sellertui.domain.orders.message_list import stored_messages

    frame = stored_messages(shop)[["received_at", "status", "replied_at", "replied_by", "_by"]]
    records = frame.astype(object).where(frame.notna(), None).to_dict("records") if len(frame) else []
    return performance(records, now)

"""Buyer messages: the 24-hour reply deadline, logging, replies, and response metrics.

Amazon expects an answer within 24 hours, weekends included, so the deadline
is simply 24 hours after the message arrived, in absolute time (a message that
arrived Friday 17:00 in Seattle is due Saturday 17:00 in Seattle, whatever the
zone of whoever reads it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.core.i18n import N_, _
from sellertui.domain.orders.order_lines import any_line

DEADLINE = timedelta(hours=24)
STATUSES = ("awaiting", "replied", "no_response_needed")
STATUS_LABELS = {"awaiting": N_("awaiting reply"), "replied": N_("replied"),
                 "no_response_needed": N_("no response needed")}  # translated where shown
STATUS_WORDS = (N_("awaiting"),)  # the table's short word for a message waiting for its reply


def parse_moment(value: str | datetime) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return moment


def deadline(received_at: str | datetime) -> datetime:
    return parse_moment(received_at) + DEADLINE


def time_left(message: dict, now: datetime | None = None) -> timedelta | None:
    """Time until the reply deadline (negative when overdue); None when nothing is owed."""
    if message.get("status") != "awaiting":
        return None
    return deadline(message["received_at"]) - (now or clock.now())


def describe_left(left: timedelta | None) -> str:
    if left is None:
        return ""
    span = describe_span(left)
    return _("overdue {span}").format(span=span) if left.total_seconds() < 0 else _("{span} left").format(span=span)


def describe_span(left: timedelta) -> str:
    """The time left (or past) as hours and minutes: "3h 05m"."""
    minutes = int(abs(left.total_seconds()) // 60)
    return _("{hours}h {minutes:02d}m").format(hours=minutes // 60, minutes=minutes % 60)


def new_message(text: str, received_at: datetime, order: dict | None, buyer_name: str = "") -> dict:
    text = text.strip()
    if not text:
        raise UserError(_("the message text is empty"))
    if received_at > clock.now() + timedelta(minutes=5):
        raise UserError(_("a message cannot arrive in the future"))
    buyer_name = buyer_name.strip() or (order or {}).get("buyer_name") or ""
    if not buyer_name and order is None:
        raise UserError(_("say who sent it: an order id or the buyer's name"))
    return {
        "received_at": received_at.isoformat(timespec="seconds"),
        "text": text,
        "status": "awaiting",
        "replied_at": None,
        "order_id": (order or {}).get("order_id"),
        "sku": (order or {}).get("sku"),
        "buyer_id": (order or {}).get("buyer_id") or (f"name:{buyer_name.lower()}" if buyer_name else None),
        "buyer_name": buyer_name,
    }


def log_message(store, message: dict) -> dict:
    with store.transaction(f"logged a message from {message['buyer_name'] or 'a buyer'}") as tx:
        return tx["messages"].insert(message)


@dataclass
class Logged:
    message: dict
    unknown_order: bool  # an order id was given that the store does not hold


def log_about_order(store, text: str, received_at: datetime, order_id: str, buyer_name: str = "") -> Logged:
    """Log a buyer's message; about an order the store holds, it takes that order's buyer and SKU.

    An order id the store does not hold is kept as typed (its order may be
    imported later), and the result says so.
    """
    order = any_line(store, order_id)
    message = new_message(text, received_at, order, buyer_name)
    if order is None:
        message["order_id"] = order_id or None
    return Logged(log_message(store, message), unknown_order=bool(order_id) and order is None)


def find(store, message_id: str) -> dict | None:
    """A stored message by its id (messages are kept by the month they arrived: the newest months first)."""
    view = store["messages"]
    for partition in sorted(view.partitions(), reverse=True):
        message = view.get(message_id, partition=partition)
        if message is not None:
            return message
    return None


def set_status(store, message: dict, status: str, replied_at: datetime | None = None) -> dict:
    if status not in STATUSES:
        raise UserError(_("status must be one of {STATUSES}").format(STATUSES=', '.join(STATUSES)))
    changes: dict = {"status": status, "replied_at": None, "replied_by": None}
    if status == "replied":
        moment = replied_at or clock.now()
        if moment < parse_moment(message["received_at"]):
            raise UserError(_("the reply cannot come before the message"))
        changes["replied_at"] = moment.isoformat(timespec="seconds")
        changes["replied_by"] = store.user  # per-agent performance counts the reply to whoever sent it
    with store.transaction(f"message from {message.get('buyer_name') or 'a buyer'}: {STATUS_LABELS[status]}") as tx:
        return tx["messages"].update(message["id"], changes, expect_rev=message.get("_rev"),
                                     partition=message["received_at"][:7])


@dataclass
class ResponseMetrics:
    days: int
    received: int  # messages that needed a reply, received in the window
    answered: int
    average_hours: float | None
    late: int  # answered after 24 h, or still unanswered past 24 h
    due: int  # messages whose deadline has passed or that were answered

    @property
    def late_rate(self) -> float | None:
        return self.late / self.due if self.due else None


def response_metrics(messages: list[dict], days: int, now: datetime | None = None) -> ResponseMetrics:
    now = now or clock.now()
    since = now - timedelta(days=days)
    received = answered = late = due = 0
    total_hours = 0.0
    for m in messages:
        arrived = parse_moment(m["received_at"])
        if arrived < since or arrived > now or m.get("status") == "no_response_needed":
            continue
        received += 1
        if m.get("status") == "replied" and m.get("replied_at"):
            took = parse_moment(m["replied_at"]) - arrived
            answered += 1
            due += 1
            total_hours += took.total_seconds() / 3600
            late += took > DEADLINE
        elif now - arrived > DEADLINE:
            due += 1
            late += 1
    return ResponseMetrics(days, received, answered, total_hours / answered if answered else None, late, due)

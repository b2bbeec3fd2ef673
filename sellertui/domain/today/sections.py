"""The Today checklist's sections, each from its area's own rules, most urgent first.

Each provider is ``(store, now, user) -> Section``. Areas register theirs in
``PROVIDERS`` in the order the checklist shows them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable

from sellertui import clock
from sellertui.domain.orders import messages as message_rules
from sellertui.domain.orders import returns as return_rules
from sellertui.domain.orders.shipping import recent_partitions, urgency
from sellertui.domain.tasks import is_overdue
from sellertui.domain.today import recurring
from sellertui.domain.today.model import Item, Section

Provider = Callable[[object, datetime, str], Section]
SHOWN = 12  # items listed per section; the rest are counted


def _cap(section: Section) -> Section:
    section.items.sort(key=lambda i: i.urgency)
    section.total = len(section.items)
    section.items = section.items[:SHOWN]
    return section


def messages_section(store, now: datetime, user: str) -> Section:
    section = Section("Buyer messages to answer", "orders")
    month_ago = (now - timedelta(days=40)).date().isoformat()[:7]
    view = store["messages"]
    for m in view.rows([p for p in view.partitions() if p >= month_ago]):
        left = message_rules.time_left(m, now)
        if left is None:
            continue
        section.items.append(Item(
            key=f"message:{m['id']}", title=f"{m.get('buyer_name') or 'a buyer'}: {(m.get('text') or '')[:60]}",
            detail=message_rules.describe_left(left), urgency=left.total_seconds(), area="orders",
            view="messagesview", column="id", value=m["id"], late=left.total_seconds() < 0))
    return _cap(section)


def ship_section(store, now: datetime, user: str) -> Section:
    section = Section("FBM orders to ship", "orders")
    today = now.date()
    orders: dict[str, dict] = {}
    for o in store["orders"].rows(recent_partitions(store)):
        if o.get("channel") == "FBM" and o.get("status") == "Unshipped":
            when = urgency(o.get("ship_by"), today)
            if when in ("late", "today"):
                orders.setdefault(o["order_id"], o)
    for order_id, o in orders.items():
        days = (date.fromisoformat(o["ship_by"][:10]) - today).days
        section.items.append(Item(
            key=f"ship:{order_id}", title=f"{order_id} · {o.get('sku')} · {o.get('buyer_name') or ''}",
            detail=f"late {-days}d" if days < 0 else "ship today", urgency=days, area="orders",
            view="shipqueueview", column="order_id", value=order_id, late=days < 0))
    return _cap(section)


def refunds_section(store, now: datetime, user: str) -> Section:
    section = Section("Returns to refund", "orders")
    today = now.date()
    for case in store["returns"].rows():
        due = return_rules.refund_deadline(case)
        if due is None:
            continue
        days = (due - today).days
        section.items.append(Item(
            key=f"refund:{case['id']}", title=f"{case['order_id']} · {case.get('sku')} · {case.get('reason', '').lower()}",
            detail=f"refund by {due:%m-%d}" + (" late" if days < 0 else ""), urgency=days, area="orders",
            view="returnsview", column="id", value=case["id"], late=days < 0))
    return _cap(section)


def tasks_section(store, now: datetime, user: str) -> Section:
    section = Section("Tasks due", "team")
    today = now.date().isoformat()
    for task in store["tasks"].rows():
        if task.get("status") == "done" or not task.get("due") or task["due"] > today:
            continue
        mine = task.get("owner") == user
        days = (date.fromisoformat(task["due"]) - now.date()).days
        section.items.append(Item(
            key=f"task:{task['id']}", title=f"{task['title']}" + ("" if mine else f" ({task.get('owner') or 'nobody'})"),
            detail="due today" if days == 0 else f"{-days}d overdue", urgency=(0 if mine else 1000) + days,
            area="team", view="everyoneview", column="id", value=task["id"], late=is_overdue(task, now.date()), mine=mine))
    return _cap(section)


def recurring_section(store, now: datetime, user: str) -> Section:
    section = Section("Routine", "today")
    for entry in sorted(store["recurring"].rows(), key=lambda r: r.get("title", "")):
        if entry.get("user") not in (None, "", user) or not recurring.due_on(entry["rule"], now.date()):
            continue
        section.items.append(Item(key=f"recurring:{entry['id']}", title=entry["title"],
                                  detail=recurring.describe(entry["rule"]), area=entry.get("area") or "today",
                                  column="id", value=entry["id"]))
    return section


PROVIDERS: list[Provider] = [messages_section, ship_section, refunds_section, tasks_section, recurring_section]


def checklist(store, user: str, now: datetime | None = None) -> list[Section]:
    """Every section for ``user`` now, with today's ticks and snoozes applied."""
    from sellertui.domain.today.ticks import state_for

    now = now or clock.now()
    sections = [provider(store, now, user) for provider in PROVIDERS]
    state = state_for(store, now.date(), user)
    snoozes = {d["item"]: d["until"] for d in store["today_snoozes"].rows() if d.get("user") == user}
    today = now.date().isoformat()
    for section in sections:
        for item in section.items:
            item.ticked = bool(state.get(item.key, {}).get("ticked_at"))
            item.snoozed = snoozes.get(item.key, "") > today
    return sections


def progress(sections: list[Section]) -> tuple[int, int]:
    """(ticked, ticked + open) over every section, snoozed items left out."""
    done = sum(1 for s in sections for i in s.items if i.ticked)
    open_ = sum(len(s.open) + max((s.total or len(s.items)) - len(s.items), 0) for s in sections)
    return done, done + open_

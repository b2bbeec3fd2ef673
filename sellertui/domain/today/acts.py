"""What ticking a Today item does: what its own tab does with its record, so the two always agree.

A buyer message ticked is replied (``messages.set_status``, as Orders' ``p``);
a task ticked is done (``tasks.set_status``); a SKU to reorder whose draft PO
exists is that PO placed (``purchase_orders.advance``, as Inventory's ``m``).
Where the tab needs more than a yes — the tracking of an order to ship, the
amount of a refund, a promotion's submission, a PO still to draft — the tick
opens that tab's own form on the record (``how == "tab"``). The rest (routine,
events, ad reviews) only tick the checklist.

For the kinds with a state in their tab, Today shows that state: such an item
is open while its record is, and ticked (✓, kept for the day) once it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sellertui.core.errors import UserError
from sellertui.core.i18n import N_, _
from sellertui.domain.today import ticks
from sellertui.domain.today.model import Item


@dataclass(frozen=True)
class Act:
    how: str  # "write": done here through the tab's domain function; "tab": the tab's form; "tick": the list only
    done: str  # what it is once done ("replied", "shipped"), for the note and the refusal to untick
    tab: str = ""  # where the record's state lives, said to the user
    view: str = ""  # for "tab": the view that has the record...
    action: str = ""  # ... and the action that asks for what it needs


ACTS = {
    "message": Act("write", N_("replied"), N_("Orders › Messages")),
    "task": Act("write", N_("done"), N_("Team")),
    "ship": Act("tab", N_("shipped"), N_("Orders › Ship queue"), "shipqueueview", "ship"),
    "refund": Act("tab", N_("refunded"), N_("Orders › Returns"), "returnsview", "advance"),
    # "tab" (draft first) when there is no draft
    "reorder": Act("write", N_("ordered"), N_("Inventory › Purchase orders")),
    "deadline": Act("tab", N_("submitted"), N_("Promotions › List"), "promotionlistview", "promotion('advance')"),
}
DRAFT_PO = Act("tab", N_("drafted"), N_("Inventory › SKUs"), "skusview", "draft_po")
TICK = Act("tick", N_("ticked"))


def kind(key: str) -> str:
    """An item's kind from its key: "message:…" → message; a promotion's deadline check → deadline."""
    prefix = key.split(":", 1)[0]
    if prefix == "promotion" and key.split(":")[2:3] == ["deadline"]:
        return "deadline"  # the other checks of a promotion are read, not acted on
    return prefix


def act_for(item: Item) -> Act:
    return ACTS.get(kind(item.key), TICK)


def stateful(key: str) -> bool:
    """Does the item's own tab hold its state (so Today shows that state, not a tick of its own)?"""
    return kind(key) in ACTS


def refuse_untick(item: Item) -> str | None:
    """Why a ticked item cannot simply be unticked here (its record changed in its tab), or None."""
    act = act_for(item)
    if act.how == "tick":
        return None
    return _("It is {done} in {tab}: change it there if that was a mistake.").format(done=_(act.done), tab=_(act.tab))


# -- the writes done here, each through the tab's own domain function ---------------------------


def reply_sent(store, user: str, item: Item, now: datetime | None = None) -> dict:
    """The buyer message of ``item`` replied now (Orders' ``p``), and the item ticked."""
    from sellertui.domain.orders import messages

    message = messages.find(store, item.value)
    if message is None:
        raise UserError(_("That message is no longer in the store: a teammate may have removed it."))
    if message.get("status") == "awaiting":
        message = messages.set_status(store, message, "replied", now)
    ticks.close_work(store, user, item.key, item.area, item.title, done=True)
    return message


def task_done(store, user: str, item: Item) -> dict:
    """The task of ``item`` done (Team's status → done), and the item ticked."""
    from sellertui.domain.team import tasks

    task = tasks.set_status(store, item.value, "done")
    ticks.close_work(store, user, item.key, item.area, item.title, done=True)
    return task


def draft_for(store, sku: str) -> dict | None:
    """The draft purchase order holding ``sku`` (the oldest), if any: ticking the reorder places it."""
    from sellertui.domain.inventory.po_list import read_purchase_orders

    orders = read_purchase_orders(store)[0]
    drafts = [po for po in orders if po.get("status") == "draft" and any(l.get("sku") == sku
                                                                          for l in po.get("lines") or [])]
    return min(drafts, key=lambda po: int(po["id"]) if str(po["id"]).isdigit() else 0, default=None)


def po_placed(store, user: str, item: Item, po: dict) -> dict:
    """The draft PO ordered (Inventory's ``m``: draft → ordered), and the reorder item ticked."""
    from sellertui.domain.inventory import purchase_orders

    placed = purchase_orders.advance(store, str(po["id"]), po.get("_rev"))
    ticks.close_work(store, user, item.key, item.area, item.title, done=True)
    return placed


# -- snoozing ---------------------------------------------------------------------------------------


def snooze_warning(item: Item, now: datetime) -> str | None:
    """Why snoozing ``item`` to tomorrow would miss its deadline (a buyer message's 24 hours), or None."""
    if kind(item.key) != "message":
        return None
    left = timedelta(seconds=item.urgency)  # a message's urgency is the time left to reply
    back = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=now.tzinfo)
    if now + left >= back:
        return None
    from sellertui.domain.orders.messages import describe_left, describe_span

    if left.total_seconds() < 0:
        return _("This reply is {left} already: snoozing it to tomorrow makes it later still.").format(
            left=describe_left(left))
    return _("This reply is due in {span}, before it would come back tomorrow.").format(span=describe_span(left))

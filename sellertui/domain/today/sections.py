"""The Today checklist's sections, each from its area's own rules, most urgent first.

Each provider is ``(shop, now, user) -> Section``; areas register theirs in
``PROVIDERS`` in the order the checklist shows them. Providers marked slow
(they compute a whole area's plan) are listed in ``SLOW``: the tab shows the
quick sections first and fills these in when they are ready.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable

from sellertui import clock
from sellertui.core.i18n import N_, _
from sellertui.domain.orders import messages as message_rules
from sellertui.domain.orders import returns as return_rules
from sellertui.domain.orders.ship_queue import waiting_lines
from sellertui.domain.orders.shipping import urgency
from sellertui.domain.promotions.today import SECTION as PROMOTIONS, promotions_section
from sellertui.domain.reviews.today import negatives_section, review_requests_section
from sellertui.domain.team.tasks import is_overdue
from sellertui.domain.today import memo, recurring
from sellertui.domain.today.acts import stateful
from sellertui.domain.shop import Shop
from sellertui.domain.sync.today import sync_section
from sellertui.domain.today.model import Item, Section
from sellertui.domain.watch.today import watch_section
from sellertui.domain.team.notices_today import notices_section

Provider = Callable[[Shop, datetime, str], Section]


def messages_section(shop: Shop, now: datetime, user: str) -> Section:
    store = shop.store
    section = Section(_("Buyer messages to answer"), "orders")
    month_ago = (now - timedelta(days=40)).date().isoformat()[:7]
    view = store["messages"]
    for m in view.rows([p for p in view.partitions() if p >= month_ago]):
        left = message_rules.time_left(m, now)
        if left is None:
            continue
        section.items.append(Item(
            key=f"message:{m['id']}", title=f"{m.get('buyer_name') or _('a buyer')}: {(m.get('text') or '')[:60]}",
            detail=message_rules.describe_left(left), urgency=left.total_seconds(), area="orders",
            view="messagesview", column="id", value=m["id"], late=left.total_seconds() < 0))
    return section.capped()


def ship_section(shop: Shop, now: datetime, user: str) -> Section:
    store = shop.store
    section = Section(_("FBM orders to ship"), "orders")
    today = now.date()
    orders: dict[str, dict] = {}
    for o in waiting_lines(store, ("id", "order_id", "ship_by", "sku", "buyer_name")):
        if urgency(o.get("ship_by"), today) in ("late", "today"):
            orders.setdefault(o["order_id"], o)
    for order_id, o in orders.items():
        days = (date.fromisoformat(o["ship_by"][:10]) - today).days
        section.items.append(Item(
            key=f"ship:{order_id}", title=f"{order_id} · {o.get('sku')} · {o.get('buyer_name') or ''}",
            detail=_("late {days}d").format(days=-days) if days < 0 else _("ship today"), urgency=days, area="orders",
            view="shipqueueview", column="order_id", value=order_id, late=days < 0))
    return section.capped()


def refunds_section(shop: Shop, now: datetime, user: str) -> Section:
    store = shop.store
    section = Section(_("Returns to refund"), "orders")
    today = now.date()
    for case in store["returns"].rows():
        due = return_rules.refund_deadline(case)
        if due is None:
            continue
        days = (due - today).days
        section.items.append(Item(
            key=f"refund:{case['id']}", title=f"{case['order_id']} · {case.get('sku')} · {case.get('reason', '').lower()}",
            detail=(_("refund by {day} late") if days < 0 else _("refund by {day}")).format(day=f"{due:%m-%d}"),
            urgency=days, area="orders",
            view="returnsview", column="id", value=case["id"], late=days < 0))
    return section.capped()


def tasks_section(shop: Shop, now: datetime, user: str) -> Section:
    store = shop.store
    section = Section(_("Tasks due"), "team")
    today = now.date().isoformat()
    for task in store["tasks"].rows():
        if task.get("status") == "done" or not task.get("due") or task["due"] > today:
            continue
        mine = task.get("owner") == user
        days = (date.fromisoformat(task["due"]) - now.date()).days
        section.items.append(Item(
            key=f"task:{task['id']}",
            title=f"{task['title']}" + ("" if mine else f" ({task.get('owner') or _('nobody')})"),
            detail=_("due today") if days == 0 else _("{days}d overdue").format(days=-days),
            urgency=(0 if mine else 1000) + days,
            area="team", view="everyoneview", column="id", value=task["id"], late=is_overdue(task, now.date()), mine=mine))
    return section.capped()


def recurring_section(shop: Shop, now: datetime, user: str) -> Section:
    store = shop.store
    section = Section(_("Routine"), "today")
    for entry in sorted(store["recurring"].rows(), key=lambda r: r.get("title", "")):
        if entry.get("user") not in (None, "", user) or not recurring.due_on(entry["rule"], now.date()):
            continue
        section.items.append(Item(key=f"recurring:{entry['id']}", title=entry["title"],
                                  detail=recurring.describe(entry["rule"]), area=entry.get("area") or "today",
                                  column="id", value=entry["id"]))
    return section


def reorder_section(shop: Shop, now: datetime, user: str) -> Section:
    """SKUs to reorder now (out of stock or at the reorder point), from the Inventory plan."""
    from sellertui.domain.inventory.plan import build, reorder
    from sellertui.domain.inventory.settings import InventorySettings

    section = Section(_("SKUs to reorder now"), "inventory")
    plan = build(shop.store, shop.frames(), InventorySettings.from_section(shop.settings.section("inventory")),
                 now.date())
    for row in reorder(plan):
        cover = row["days_of_cover"]
        section.items.append(Item(
            key=f"reorder:{row['sku']}",
            title=_("order {qty} × {sku} from {supplier}").format(qty=f"{row['qty']:,}", sku=row["sku"],
                                                                  supplier=row["supplier"] or "?"),
            detail=_("out of stock") if row["status"].startswith("out")
            else _("runs out {day}").format(day=(row["stockout_date"] or "")[5:]),
            urgency=cover or 0, area="inventory", view="skusview", column="sku", value=row["sku"],
            late=row["status"].startswith("out")))
    return section.capped()


def ad_proposals_section(shop: Shop, now: datetime, user: str) -> Section:
    """Ad proposals waiting for review: one item, since they are reviewed together."""
    from sellertui.domain.ads.service import AdsService

    section = Section(_("Ad proposals to review"), "ads")
    currency = shop.settings.home_currency
    service = AdsService.for_shop(shop)
    window = service.default_window()
    waiting = [p for p in service.proposals(window).proposals if p.status == "new"]
    if waiting:
        kinds = {k: sum(1 for p in waiting if p.kind == k) for k in ("negate", "harvest", "bid")}
        spend = sum(p.spend_minor or 0 for p in waiting if p.kind == "negate")
        from sellertui.core.money import fmt

        section.items.append(Item(
            key=f"ads:{window.end.isoformat()}",
            title=_("review {n} ad proposals: {kinds}").format(
                n=len(waiting), kinds=", ".join(f"{n} {_(KINDS[k])}" for k, n in kinds.items() if n)),
            detail=_("{amount} on terms to negate").format(amount=fmt(spend, currency)), area="ads",
            view="proposalsview"))
    return section


PROVIDERS: list[Provider] = [sync_section, notices_section, messages_section, ship_section, refunds_section,
                             negatives_section, review_requests_section, reorder_section, promotions_section,
                             ad_proposals_section, watch_section, tasks_section, recurring_section]
SLOW = {reorder_section, promotions_section, ad_proposals_section}
# a shop that never syncs (or syncs fine), posts no notice, has no review request due or watches no ASIN sees no
# such section at all
ONLY_WHEN_ANY = {sync_section, notices_section, review_requests_section, watch_section}


def checklist(shop: Shop, user: str, now: datetime | None = None, which: str = "all") -> list[Section]:
    """The sections for ``user`` now (``which``: all, quick or slow), with today's ticks and snoozes."""
    from sellertui.domain.today.ticks import state_for

    now = now or clock.now()
    store = shop.store
    chosen = [p for p in PROVIDERS if which == "all" or (p in SLOW) == (which == "slow")]
    sections = []
    for provider in chosen:
        section = memo.remembered(shop, provider, now, user)  # computed, or kept from before if unchanged
        if provider in ONLY_WHEN_ANY and not section.items:
            continue
        section.order = PROVIDERS.index(provider)
        sections.append(section)
    state = state_for(store, now.date(), user)
    snoozes = {d["item"]: d["until"] for d in store["today_snoozes"].rows() if d.get("user") == user}
    today = now.date().isoformat()
    listed: set[str] = set()
    for section in sections:
        for item in section.items:
            listed.add(item.key)
            # an item whose tab holds its state is open while its record is: a tick of its own cannot hide it
            item.ticked = not stateful(item.key) and bool(state.get(item.key, {}).get("ticked_at"))
            item.snoozed = snoozes.get(item.key, "") > today
    _keep_done(sections, state, listed)
    return sections


# the section each kind of item is listed in (by the prefix of its key): done items stay there for the day
HOME = {"message": N_("Buyer messages to answer"), "ship": N_("FBM orders to ship"),
        "refund": N_("Returns to refund"), "reorder": N_("SKUs to reorder now"), "promotion": PROMOTIONS,
        "event": PROMOTIONS, "ads": N_("Ad proposals to review"), "task": N_("Tasks due"), "recurring": N_("Routine")}
KINDS = {"negate": N_("negate"), "harvest": N_("harvest"), "bid": N_("bid")}  # an ad proposal's kind, as listed


def _keep_done(sections: list[Section], state: dict[str, dict], listed: set[str]) -> None:
    """Items ticked today that left their section (their record is replied, shipped, done) stay, ticked."""
    by_name = {s.name: s for s in sections}
    for key, doc in state.items():
        home = HOME.get(key.split(":", 1)[0])
        section = by_name.get(_(home)) if home else None  # sections are named in the language shown
        if key in listed or section is None or not doc.get("ticked_at"):
            continue
        section.items.append(Item(key=key, title=doc.get("title") or key, detail=_("done today"),
                                  area=doc.get("area") or section.area, ticked=True, urgency=float("inf")))


def merged(*parts: list[Section]) -> list[Section]:
    """Sections computed in several passes, back in the checklist's order."""
    return sorted((s for part in parts for s in part), key=lambda s: s.order)


def progress(sections: list[Section]) -> tuple[int, int]:
    """(ticked, ticked + open) over every section, snoozed items left out."""
    done = sum(1 for s in sections for i in s.items if i.ticked)
    open_ = sum(len(s.open) + max((s.total or len(s.items)) - len(s.items), 0) for s in sections)
    return done, done + open_

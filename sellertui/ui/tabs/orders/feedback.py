"""Seller feedback and product reviews in one list; 1–2 star ones get a deadline and a workflow."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from sellertui.domain.orders.buyer_messages import request_feedback_removal
from sellertui.core.i18n import N_, _, shown
from sellertui.domain.reviews import negatives, product_reviews
from sellertui.domain.reviews.settings import ReviewSettings
from sellertui.domain.reviews.listing import FILTER_HELP, feedback_items, filter_items, items_frame
from sellertui.ui.kit.dialogs import DetailScreen
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.orders.feedback_forms import contacted_form, removal_form, resolved_form, review_form

STARS_STYLE = {1: "bold red", 2: "red", 3: "yellow"}


def _stars(rating) -> str:
    return "★" * int(rating) if rating else "—"


class FeedbackView(TableView):
    TITLE = N_("Feedback")
    KEY = "F"
    EMPTY = N_("No feedback yet: import the Seller Feedback report or a reviews CSV (i), or n "
               "to type a review.")
    FILTER_HELP = FILTER_HELP
    DETAIL_WIDTH = 42
    DETAIL_FROM = 110
    COLUMNS = [
        Column("due", N_("Next step"), 17, style=lambda v, row: "bold red" if row("late") else
               "bold yellow" if v else None, sort_key="rank", needs=("late",)),
        Column("date", N_("Date"), 10),
        Column("rating", N_("Stars"), 5, fmt=_stars, style=lambda v: STARS_STYLE.get(v)),
        Column("kind", N_("Kind"), 7, fmt=shown),
        Column("status", N_("Status"), 10, fmt=shown),
        Column("buyer", N_("Buyer"), 16),
        Column("order_id", N_("Order"), 19),
        Column("text", N_("What they said"), 60),
    ]
    BINDINGS = [
        Binding("n", "new_review", N_("New review"), id="feedback.new_review"),
        Binding("c", "contacted", N_("Contacted"), id="feedback.contacted"),
        Binding("x", "removal", N_("Removal asked"), tooltip=N_("Record a removal request made in Seller Central"),
                id="feedback.removal"),
        Binding("X", "request_removal", N_("Ask Amazon"), tooltip=N_("Request removal"), id="feedback.request_removal"),
        Binding("v", "resolve", N_("Resolve"), id="feedback.resolve"),
    ]
    items: dict[str, dict] = {}

    class WorkRead(Message, bubble=False):
        """The history of what was done about one feedback or review was read: show it with the item."""

        def __init__(self, item: dict, work: dict | None) -> None:
            self.item = item
            self.work = work
            super().__init__()

    class RemovalChecked(Message, bubble=False):
        """Whether Amazon's removal request can be offered for a seller feedback was read."""

        def __init__(self, item: dict, work: dict | None, connected: bool) -> None:
            self.item, self.work, self.connected = item, work, connected
            super().__init__()

    def on_mount(self) -> None:
        self.table.sort_by = ("rank", False)

    def load(self):
        items = feedback_items(self.shop)
        self.items = {i["key"]: i for i in items}
        return items_frame(items)

    def filter(self, frame, text_: str):
        return filter_items(frame, text_)

    def show_summary(self, frame) -> None:
        items = list(self.items.values())
        rated = [i["rating"] for i in items if i["rating"]]
        open_ = [i for i in items if i["due_by"]]
        late = sum(1 for i in open_ if i["late"])
        line = Text()
        line.append(_("{n} negative(s) to handle").format(n=len(open_)), style="bold")
        if late:
            line.append(_(" · {late} late").format(late=late), style="bold red")
        for kind, label in (("feedback", N_("seller")), ("review", N_("reviews"))):
            ratings = [i["rating"] for i in items if i["kind"] == kind and i["rating"]]
            if ratings:
                negative = sum(1 for r in ratings if r <= negatives.NEGATIVE_MAX)
                line.append(_(" · {label} {n}: avg {ratings:.2f}, {negative:.0%} neg.").format(label=_(label), n=len(ratings), ratings=sum(ratings) / len(ratings), negative=negative / len(ratings)))
        if not rated:
            line.append(_(" · nothing rated yet"))
        self.summary(line)

    def _item(self, position: int | None = None) -> dict | None:
        position = self.table.current_position if position is None else position
        if position is None:
            return None
        return self.items.get(self.table.value("key", position))

    def detail(self, position: int):
        item = self._item(position)
        return item_detail(item, None) if item else ""

    # -- the workflow ----------------------------------------------------------------------
    def _negative(self) -> dict | None:
        item = self._item()
        if item is None:
            return None
        if not item["negative"]:
            self.notify(_("Only a 1–2 star feedback or review has a workflow."), severity="warning")
            return None
        if item["status"] == negatives.RESOLVED:
            self.notify(_("This one is resolved already."), severity="warning")
            return None
        return item

    def _act(self, item: dict, step: str, done: str, **details) -> None:
        settings = ReviewSettings.of(self.shop)
        self.save(lambda store: negatives.act(store, item, step, settings=settings, **details), done,
                  {"feedback_work"})

    def action_contacted(self) -> None:
        item = self._negative()
        if item:
            self.app.push_screen(contacted_form(), lambda v: v and self._act(
                item, negatives.CONTACTED, _("Recorded: buyer contacted."), note=v["note"]))

    def action_removal(self) -> None:
        item = self._negative()
        if item:
            self.app.push_screen(removal_form(item["grounds"]), lambda v: v and self._act(
                item, negatives.REMOVAL, _("Recorded: removal requested."), ground=v["ground"], note=v["note"]))

    # -- Amazon's own removal request (the Messaging API), after a yes ----------------------
    def action_request_removal(self) -> None:
        item = self._negative()
        if item is None:
            return
        if item["kind"] != "feedback" or not item["order_id"]:
            self.notify(_("Amazon's removal request is for a seller feedback on an order: report a product review "
                          "with \"Report abuse\" under it on Amazon, then x records it."), severity="warning")
            return
        self._check_removal(item)

    @work(thread=True, exclusive=True, group="feedback-removal", exit_on_error=False)
    def _check_removal(self, item: dict) -> None:
        from sellertui.domain.sync.session import connected

        self.post_message(self.RemovalChecked(item, negatives.work_of(self.shop.store, item["key"]), connected()))

    def on_feedback_view_removal_checked(self, checked: RemovalChecked) -> None:
        from sellertui.domain.orders.buyer_messages import REMOVAL_MESSAGE, SELLER_CENTRAL_REMOVAL
        from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen

        item, work_ = checked.item, checked.work or {}
        order = item["order_id"]
        if work_.get("removal_via") == "api":
            self.notify(_("Amazon's removal request for order {order} went on {when}: it is sent once.").format(
                order=plain(order), when=str(work_.get("removal_at"))[:16].replace("T", " ")), severity="warning")
            return
        if not checked.connected:
            self.app.push_screen(InfoScreen(_("Not connected to Seller Central · nothing sent"), paragraphs=[
                _("Ask for the removal of the {rating}★ feedback on order {order} {where}.").format(
                    rating=item["rating"], order=order, where=_(SELLER_CENTRAL_REMOVAL)),
                _("Connect to Seller Central (ctrl+p › App: connect) and X sends Amazon's own request from here.")]))
            return
        question = _("Send Amazon's removal request to the buyer of order {order} ({rating}★ seller feedback of "
                     "{day}{buyer})?\n\n{message}\n\nIt goes through the Messaging API, only if Amazon offers it for "
                     "this order now, and is recorded in the feedback's workflow.").format(
            order=order, rating=item["rating"], day=item["date"], buyer=", " + item["buyer"] if item["buyer"] else "",
            message=_(REMOVAL_MESSAGE))

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: request_feedback_removal(self.shop, item),
                          _("Amazon's removal request went to the buyer of order {order}; it is in the feedback's "
                            "workflow.").format(order=plain(order)), {"feedback_work"})

        self.app.push_screen(ConfirmScreen(question), done)

    def action_resolve(self) -> None:
        item = self._negative()
        if item:
            self.app.push_screen(resolved_form(), lambda v: v and self._act(
                item, negatives.RESOLVED, _("Resolved: {outcome}.").format(outcome=v["outcome"]), outcome=v["outcome"], note=v["note"]))

    def action_new_review(self) -> None:
        market = self.shop.settings.marketplace

        def write(store, v: dict) -> dict:
            return product_reviews.add_review(store, product_reviews.new_review(
                v["asin"], v["date"], v["rating"], v["text"], v["title"], v["reviewer"], v["order_id"],
                marketplace=market))

        self.app.push_screen(review_form(), lambda v: v and self.save(
            lambda store: write(store, v), _("Review of {asin} added.").format(asin=v['asin']), {"reviews"}))

    # -- enter: the whole item with its history ------------------------------------------
    def action_open(self) -> None:
        item = self._item()
        if item:
            self._read_work(item)

    @work(thread=True, exclusive=True, group="feedback-work", exit_on_error=False)
    def _read_work(self, item: dict) -> None:
        self.post_message(self.WorkRead(item, negatives.work_of(self.shop.store, item["key"])))

    def on_feedback_view_work_read(self, read: WorkRead) -> None:
        title = _("Seller feedback") if read.item["kind"] == "feedback" else _("Product review")
        self.app.push_screen(DetailScreen(f"{title} · {read.item['date']}", item_detail(read.item, read.work)))


def item_detail(item: dict, work: dict | None) -> Group:
    head = Text()
    head.append(_stars(item["rating"]), style=STARS_STYLE.get(item["rating"], "bold"))
    kind = _("seller feedback") if item["kind"] == "feedback" else _("product review")
    head.append(f"  {kind} · {item['date']}")
    who = _("{who} · order {order} · {product} {channel}").format(
        who=item["buyer"] or _("a buyer"), order=item["order_id"] or "—", product=item["asin"] or item["sku"] or "",
        channel=("· " + item["channel"]) if item["channel"] else "")
    parts: list = [head, text(who, "dim"), Text(""), text(item["text"] or _("(no text)"))]
    if item["response"]:
        parts += [Text(_("\nYour public response"), style="bold"), text(item["response"])]
    if item["negative"]:
        status = Text(_("\nStatus: "), style="bold")
        status.append(plain(shown(item["status"]) + (f" ({_(item['outcome'])})" if item["outcome"] else "")))
        if item["due"]:
            status.append(" · " + _("next: {step} (by {day})").format(step=plain(item["due"]), day=item["due_by"]),
                          style="bold red" if item["late"] else "bold yellow")
        parts.append(status)
        if item["grounds"]:
            parts.append(Text(_("Amazon may remove it:"), style="bold"))
            parts += [text(f"  • {g}") for g in item["grounds"]]
    for step in (work or {}).get("history") or []:
        parts.append(text(f"{step.get('at', '')[:16].replace('T', ' ')}  {step.get('by', '')}: {step.get('what', '')}"))
    return Group(*parts)

"""The Orders tab: six views over orders and after-sales (the reply templates too), plus the actions they share."""

from __future__ import annotations

from textual.message import Message

from sellertui.core.i18n import N_, _
from sellertui.domain.orders import addresses, delivery, notes, postage, tracking
from sellertui.domain.orders.order_lines import lines_of_order
from sellertui.ui.kit.views import ViewArea, view_bindings
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.orders.all_orders import AllOrdersView
from sellertui.ui.tabs.orders.buyers import BuyersView
from sellertui.ui.tabs.orders.feedback import FeedbackView
from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen
from sellertui.ui.kit.safe import plain
from sellertui.ui.tabs.orders.forms import address_form, delivered_form, postage_form, product_note_form
from sellertui.ui.tabs.orders.messages import MessagesView
from sellertui.ui.tabs.orders.returns import ReturnsView
from sellertui.ui.tabs.orders.review_requests import ReviewRequestsView
from sellertui.ui.tabs.orders.ship_queue import ShipQueueView
from sellertui.ui.tabs.orders.templates_view import TemplatesView


class OrdersArea(ViewArea):
    TITLE = N_("Orders")
    KEY = "2"
    WATCHES = frozenset({"orders", "buyers", "messages", "returns", "product_notes", "reply_templates", "outbox",
                         "feedback", "reviews", "feedback_work", "review_requests", "postage_refunds"})
    VIEWS = (AllOrdersView, ShipQueueView, MessagesView, ReturnsView, BuyersView, TemplatesView, FeedbackView,
             ReviewRequestsView)
    BINDINGS = view_bindings(VIEWS)
    FIT_BAR = True  # seven views: at 80 columns the names of the others give way first

    @classmethod
    def first_read(cls, shop):  # All orders' frame, read while the tab is built
        return lambda: AllOrdersView.read_ahead(shop)

    class AddressLinesRead(Message, bubble=False):
        """The lines of an order whose address is to change were read."""

        def __init__(self, order_id: str, month: str, lines: list[dict]) -> None:
            self.order_id = order_id
            self.month = month
            self.lines = lines
            super().__init__()

    class NoteRead(Message, bubble=False):
        """A SKU's product notes were read (None: it has none yet)."""

        def __init__(self, sku: str, note: dict | None) -> None:
            self.sku = sku
            self.note = note
            super().__init__()

    # -- the address of an FBM order (from All orders and the ship queue) ----------
    def edit_address(self, order_id: str, purchase_date: str) -> None:
        self._read_address_lines(order_id, purchase_date[:7])

    @work(thread=True, exclusive=True, group="address", exit_on_error=False)
    def _read_address_lines(self, order_id: str, month: str) -> None:
        self.post_message(self.AddressLinesRead(order_id, month, lines_of_order(self.shop.store, order_id, month)))

    def on_orders_area_address_lines_read(self, message: AddressLinesRead) -> None:
        order_id, month, lines = message.order_id, message.month, message.lines
        if not lines:
            self.notify(_("Order {order_id} is no longer in the store.").format(order_id=order_id), severity="error")
            return
        if lines[0].get("channel") != "FBM":
            self.notify(_("Amazon ships FBA orders: their address cannot be changed here."), severity="warning")
            return
        if any(l.get("status") == "Shipped" for l in lines):
            self.notify(_("Order {order_id} has already shipped.").format(order_id=order_id), severity="warning")
            return
        revs = {l["id"]: l.get("_rev") for l in lines}

        def done(values: dict | None) -> None:
            if values:
                self.save(lambda store: addresses.change_address(store, order_id, month, values, revs),
                          _("Address of {order_id} saved; the change is in the order's history.")
                              .format(order_id=order_id), {"orders"})

        self.app.push_screen(address_form(order_id, lines[0].get("address") or {}), done)

    # -- postage changes and the tracking message (from All orders and the ship queue) -------
    class PostageRead(Message, bubble=False):
        """An FBM order's lines and what is left of its shipping charge were read."""

        def __init__(self, lines: list[dict], left: int) -> None:
            self.lines = lines
            self.left = left
            super().__init__()

    class TrackingMessageFilled(Message, bubble=False):
        """The tracking message of a shipped FBM order was filled (None: it has none, with why)."""

        def __init__(self, order_id: str, filled: str | None, missing: list[str], problem: str = "",
                     lines: list[dict] | None = None, connected: bool = False, sent: list[dict] | None = None) -> None:
            self.order_id, self.filled, self.missing, self.problem = order_id, filled, missing, problem
            self.lines, self.connected, self.sent = lines or [], connected, sent or []
            super().__init__()

    def refund_postage(self, order_id: str, purchase_date: str) -> None:
        self._read_postage(order_id, purchase_date[:7])

    @work(thread=True, exclusive=True, group="postage", exit_on_error=False)
    def _read_postage(self, order_id: str, month: str) -> None:
        lines = lines_of_order(self.shop.store, order_id, month)
        self.post_message(self.PostageRead(lines, postage.refundable(self.shop.store, lines) if lines else 0))

    def on_orders_area_postage_read(self, message: PostageRead) -> None:
        lines = message.lines
        if not lines:
            self.notify(_("That order is no longer in the store."), severity="error")
            return
        first = lines[0]
        if first.get("channel") != "FBM":
            self.notify(_("Amazon sets the shipping of FBA orders: only an FBM order's postage can be "
                          "changed."),
                        severity="warning")
            return
        if message.left <= 0:
            self.notify(_("Order {order_id} has no shipping charge left to refund.")
                            .format(order_id=first['order_id']), severity="warning")
            return

        def done(values: dict | None) -> None:
            if values:
                self.save(lambda store: postage.refund_postage(store, lines, values["amount"], values["reason"],
                                                               values["note"]),
                          _("Postage refund on {order_id} recorded: refund it in Seller Central (Manage "
                            "Orders › Refund order, Shipping); it is in the order's history and the P&L.")
                              .format(order_id=first['order_id']),
                          {"orders", "postage_refunds"})

        self.app.push_screen(postage_form(first["order_id"], message.left, postage.charged(lines),
                                          first.get("currency") or "USD"), done)

    def tracking_message(self, order_id: str, purchase_date: str) -> None:
        self._fill_tracking(order_id, purchase_date[:7])

    @work(thread=True, exclusive=True, group="tracking", exit_on_error=False)
    def _fill_tracking(self, order_id: str, month: str) -> None:
        from sellertui.core.errors import UserError

        from sellertui.domain.orders.buyer_messages import tracking_sends
        from sellertui.domain.sync.session import connected

        lines = lines_of_order(self.shop.store, order_id, month)
        try:
            filled, missing = tracking.tracking_message(self.shop.store, lines)
        except UserError as exc:
            self.post_message(self.TrackingMessageFilled(order_id, None, [], str(exc)))
            return
        self.post_message(self.TrackingMessageFilled(order_id, filled, missing, lines=lines, connected=connected(),
                                                     sent=tracking_sends(lines)))

    def on_orders_area_tracking_message_filled(self, message: TrackingMessageFilled) -> None:
        if message.filled is None:
            self.notify(message.problem[:1].upper() + message.problem[1:] + ".", severity="warning")
            return
        if message.connected:  # sent through Amazon once the user has read it and said yes; no: copied
            self._confirm_send(message)
            return
        self._copied(message)

    def _confirm_send(self, message: TrackingMessageFilled) -> None:
        from sellertui.domain.orders.buyer_messages import send_tracking_message

        last = message.sent[-1] if message.sent else None
        again = f"\n\nIt went to the buyer on {last['at'][:16]} ({last.get('by') or '?'}): send it again?" \
            if last else ""
        question = (f"Send this tracking message to the buyer of {message.order_id} through Amazon (n copies "
                    f"it instead)?\n\n{message.filled}{again}")

        def done(yes: bool | None) -> None:
            if not yes:
                self._copied(message)
                return
            self.save(lambda store: send_tracking_message(self.shop, message.lines, message.filled, again=bool(last)),
                      f"Tracking message sent to the buyer of {message.order_id} through Amazon; it is in the "
                      "order's history.", {"orders"})

        self.app.push_screen(ConfirmScreen(question), done)

    def _copied(self, message: TrackingMessageFilled) -> None:
        self.app.copy_to_clipboard(message.filled)
        extra = [_("Not filled (no value): {names}").format(names=", ".join(message.missing))] if message.missing else []
        self.app.push_screen(InfoScreen(_("Copied to the clipboard · tracking message for {order_id}")
                                            .format(order_id=message.order_id),
                                        paragraphs=[message.filled, _("Paste it into Buyer-Seller Messages (Orders › Contact buyer)."), *extra]))

    # -- the day it was delivered (from All orders) ------------------------------------
    class DeliveryRead(Message, bubble=False):
        """The lines of an order whose delivery day is to be recorded were read."""

        def __init__(self, order_id: str, lines: list[dict]) -> None:
            self.order_id, self.lines = order_id, lines
            super().__init__()

    def record_delivery(self, order_id: str, purchase_date: str) -> None:
        self._read_delivery(order_id, purchase_date[:7])

    @work(thread=True, exclusive=True, group="delivery", exit_on_error=False)
    def _read_delivery(self, order_id: str, month: str) -> None:
        self.post_message(self.DeliveryRead(order_id, lines_of_order(self.shop.store, order_id, month)))

    def on_orders_area_delivery_read(self, message: DeliveryRead) -> None:
        lines, order_id = message.lines, message.order_id
        shipped = delivery.shipped_on(lines)
        why = (_("Order {order_id} is no longer in the store: there is no delivery to record.") if not lines
               else _("Order {order_id} was cancelled: there is no delivery to record.")
               if all(l.get("status") == "Cancelled" for l in lines)
               else _("Order {order_id} has not shipped yet: there is no delivery to record.") if shipped is None
               else "")
        if why:
            self.notify(why.format(order_id=plain(order_id)), severity="warning")
            return

        def done(values: dict | None) -> None:
            if values:
                self.save(lambda store: delivery.mark_delivered(store, lines, values["day"], values["note"]),
                          lambda day: f"Order {plain(order_id)} delivered on {day}: review requests count from it.",
                          {"orders"})

        self.app.push_screen(delivered_form(order_id, shipped.isoformat(), delivery.delivered_at(lines)), done)

    # -- product notes (from orders and messages) -----------------------------------
    def edit_product_note(self, sku: str) -> None:
        self._read_note(sku)

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def _read_note(self, sku: str) -> None:
        self.post_message(self.NoteRead(sku, notes.note_for(self.shop.store, sku)))

    def on_orders_area_note_read(self, message: NoteRead) -> None:
        sku, rev = message.sku, (message.note or {}).get("_rev")

        def done(values: dict | None) -> None:
            if values:
                self.save(lambda store: notes.save_note(store, sku, values["selling_points"], values["answers"],
                                                        expect_rev=rev),
                          _("Notes for {sku} saved.").format(sku=sku), {"product_notes"})

        self.app.push_screen(product_note_form(sku, message.note), done)

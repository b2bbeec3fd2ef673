"""The Orders tab: five views over orders and after-sales, plus the actions they share."""

from __future__ import annotations

from textual import work
from textual.message import Message

from sellertui.domain.orders import addresses, notes
from sellertui.domain.orders.order_lines import lines_of_order
from sellertui.ui.kit.views import ViewArea, view_bindings
from sellertui.ui.tabs.orders.all_orders import AllOrdersView
from sellertui.ui.tabs.orders.buyers import BuyersView
from sellertui.ui.tabs.orders.feedback import FeedbackView
from sellertui.ui.tabs.orders.forms import address_form, product_note_form
from sellertui.ui.tabs.orders.messages import MessagesView
from sellertui.ui.tabs.orders.returns import ReturnsView
from sellertui.ui.tabs.orders.review_requests import ReviewRequestsView
from sellertui.ui.tabs.orders.ship_queue import ShipQueueView


class OrdersArea(ViewArea):
    TITLE = "Orders"
    KEY = "2"
    WATCHES = frozenset({"orders", "buyers", "messages", "returns", "product_notes", "reply_templates", "outbox",
                         "feedback", "reviews", "feedback_work", "review_requests", "postage_refunds"})
    VIEWS = (AllOrdersView, ShipQueueView, MessagesView, ReturnsView, BuyersView, FeedbackView, ReviewRequestsView)
    BINDINGS = view_bindings(VIEWS)
    FIT_BAR = True  # seven views: at 80 columns the names of the others give way first

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
            self.notify(f"Order {order_id} is no longer in the store.", severity="error")
            return
        if lines[0].get("channel") != "FBM":
            self.notify("Amazon ships FBA orders: their address cannot be changed here.", severity="warning")
            return
        if any(l.get("status") == "Shipped" for l in lines):
            self.notify(f"Order {order_id} has already shipped.", severity="warning")
            return
        revs = {l["id"]: l.get("_rev") for l in lines}

        def done(values: dict | None) -> None:
            if values:
                self.save(lambda store: addresses.change_address(store, order_id, month, values, revs),
                          f"Address of {order_id} saved; the change is in the order's history.", {"orders"})

        self.app.push_screen(address_form(order_id, lines[0].get("address") or {}), done)

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
                          f"Notes for {sku} saved.", {"product_notes"})

        self.app.push_screen(product_note_form(sku, message.note), done)

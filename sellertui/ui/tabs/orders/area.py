"""The Orders tab: five views over orders and after-sales, plus the actions they share."""

from __future__ import annotations

from textual import work

from sellertui.domain.orders import addresses, notes
from sellertui.ui.tabs.orders.all_orders import AllOrdersView
from sellertui.ui.tabs.orders.buyers import BuyersView
from sellertui.ui.tabs.orders.forms import address_form, product_note_form
from sellertui.ui.tabs.orders.messages import MessagesView
from sellertui.ui.tabs.orders.returns import ReturnsView
from sellertui.ui.tabs.orders.ship_queue import ShipQueueView
from sellertui.ui.kit.views import ViewArea, view_bindings


class OrdersArea(ViewArea):
    TITLE = "Orders"
    KEY = "2"
    WATCHES = frozenset({"orders", "buyers", "messages", "returns", "product_notes", "reply_templates"})
    VIEWS = (AllOrdersView, ShipQueueView, MessagesView, ReturnsView, BuyersView)
    BINDINGS = view_bindings(VIEWS)

    # -- the address of an FBM order (from All orders and the ship queue) ----------
    def edit_address(self, order_id: str, purchase_date: str) -> None:
        self._load_address(order_id, purchase_date[:7])

    @work(thread=True, exclusive=True, group="address", exit_on_error=False)
    def _load_address(self, order_id: str, partition: str) -> None:
        lines = [d for d in self.ctx.store()["orders"].docs(partition).values() if d.get("order_id") == order_id]
        self.app.call_from_thread(self._ask_address, order_id, partition, lines)

    def _ask_address(self, order_id: str, partition: str, lines: list[dict]) -> None:
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
                self._save_address(order_id, partition, values, revs)

        self.app.push_screen(address_form(order_id, lines[0].get("address") or {}), done)

    @work(thread=True, exclusive=True, group="address", exit_on_error=False)
    def _save_address(self, order_id: str, partition: str, values: dict, revs: dict) -> None:
        addresses.change_address(self.ctx.store(), order_id, partition, values, revs)
        self.app.call_from_thread(self._saved, f"Address of {order_id} saved; the change is in the order's history.",
                                  "orders")

    def _saved(self, message: str, collection: str) -> None:
        self.notify(message, timeout=3)
        self.app.broadcast_change(frozenset({collection}), external=False)

    # -- product notes (from orders and messages) -----------------------------------
    def edit_product_note(self, sku: str) -> None:
        note = notes.note_for(self.ctx.store(), sku)

        def done(values: dict | None) -> None:
            if values:
                self._save_note(sku, values, (note or {}).get("_rev"))

        self.app.push_screen(product_note_form(sku, note), done)

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def _save_note(self, sku: str, values: dict, rev: int | None) -> None:
        notes.save_note(self.ctx.store(), sku, values["selling_points"], values["answers"], expect_rev=rev)
        self.app.call_from_thread(self._saved, f"Notes for {sku} saved.", "product_notes")

"""Every order line, FBA and FBM, filterable and sortable at 100k rows."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from sellertui.core.i18n import N_, _, shown
from sellertui.domain.orders import table
from sellertui.domain.orders.order_lines import OrderDetails, order_details
from sellertui.ui.kit.cells import money_cell
from sellertui.ui.kit.dialogs import DetailScreen
from sellertui.ui.kit.safe import plain
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_columns import sorted_positions
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.orders.common import STATUS_STYLE, order_detail


class AllOrdersView(TableView):
    TITLE = N_("All orders")
    KEY = "a"
    TODAY_KEY = "order:{order_id}"
    TODAY_DONE = frozenset({"orders"})
    EMPTY = N_("No orders yet: import an All Orders report (i).")
    FILTER_HELP = table.FILTER_HELP
    DETAIL_WIDTH = 42
    DETAIL_FROM = 110  # the side panel shows from this terminal width
    COLUMNS = [
        Column("when", N_("Placed"), 16, sort_key="purchase_date"),
        Column("order_id", N_("Order"), 19),
        Column("channel", N_("Via"), 3),
        Column("status", N_("Status"), 9, fmt=shown, style=lambda v: STATUS_STYLE.get(v)),
        Column("sku", N_("SKU"), 18),
        Column("quantity", N_("Qty"), 3, "right"),
        Column("total_minor", N_("Total"), 10, "right", fmt=money_cell(), needs=("currency",)),
        Column("flagged", "⚑", 1, fmt=lambda v: "⚑" if v else "", style=lambda v: "bold red" if v else None),
        Column("buyer_name", N_("Buyer"), 16),
        Column("product", N_("Product"), 44),
    ]
    BINDINGS = [
        Binding("e", "edit_address", N_("Address"), id="orders.address"),
        Binding("N", "product_notes", N_("Notes"), id="orders.notes"),
        Binding("y", "copy_id", N_("Copy id"), id="orders.copy"),
        Binding("P", "postage", N_("Postage"), tooltip=N_("Refund postage"), id="orders.postage"),
        Binding("L", "tracking_message", N_("Tracking"), tooltip=N_("Tracking message (its link)"), id="orders.tracking_message"),
        Binding("V", "delivered", N_("Delivered"), tooltip=N_("Record the delivery day"), id="orders.delivered"),
    ]

    class PanelOrderRead(Message, bubble=False):
        """The order under the cursor was read: show it in the side panel."""

        def __init__(self, order: OrderDetails) -> None:
            self.order = order
            super().__init__()

    class OrderOpened(Message, bubble=False):
        """The order chosen with enter was read: show it whole."""

        def __init__(self, order_id: str, order: OrderDetails) -> None:
            self.order_id = order_id
            self.order = order
            super().__init__()

    SORT = ("purchase_date", True)  # newest first

    def on_mount(self) -> None:
        self.table.sort_by = self.SORT

    @classmethod
    def read_ahead(cls, shop):
        """Every order line and its first order (read and sorted before the tab is built); None: read on load."""
        read = table.read_ahead(shop)
        if read is None:
            return None
        signature, frame = read
        return signature, frame, sorted_positions(frame[cls.SORT[0]], cls.SORT[1])

    _ahead = None  # the area's read ahead, for the first load

    def reload(self) -> None:
        self._ahead = self.area.take_read_ahead()
        super().reload()

    def load(self):
        ahead, self._ahead = self._ahead, None
        read = ahead.result() if ahead is not None else None
        if read is not None and read[0] == table.orders_signature(self.shop):  # no write since it started
            self.sorted_ahead = (read[1], self.SORT, read[2])
            return read[1]
        months = table.order_months(self.shop.store)
        if len(months) > 2 and self.table.frame is None and not table.all_cached(self.shop):
            # First show the newest months (a screenful in ~0.1 s even when nothing is cached yet),
            # then everything: with years of orders the full parse can take seconds. When every month's
            # frame is kept, reading them all is as quick as a first part would be, and paints once.
            self.show_first(table.all_orders(self.shop, months[-2:]))
        return table.all_orders(self.shop)

    def show_partial(self, frame) -> None:
        super().show_partial(frame)
        self.summary(Text(_("{n:,} recent order lines shown · loading the rest…").format(n=len(frame)), style="italic"))

    def filter(self, frame, text: str):
        return table.filter_orders(frame, text)

    def filter_within(self, frame, text: str, within):
        return table.filter_orders(frame, text, within)

    def show_loaded(self, frame) -> None:
        super().show_loaded(frame)
        self.call_after_refresh(self._search_ready, frame)

    @work(thread=True, exclusive=True, group="order-search", exit_on_error=False)
    def _search_ready(self, frame) -> None:
        table.search_ready(frame)  # after the paint: the first keystroke finds the filter's index built

    def show_summary(self, frame) -> None:
        fbm = int((frame["channel"] == "FBM").sum()) if len(frame) else 0
        line = Text()
        line.append(_("{n:,} order lines").format(n=len(frame)), style="bold")
        line.append(_(" · {fbm:,} FBM · {n:,} FBA · / filter · o sort · enter opens")
                        .format(fbm=fbm, n=len(frame) - fbm))
        self.summary(line)

    # -- the detail panel loads full records in a worker --------------------------
    def detail(self, position: int):
        self._read_for_panel(self.table.value("order_id", position), self.table.value("purchase_date", position))
        return Text("…", style="dim")

    @work(thread=True, exclusive=True, group="order-detail", exit_on_error=False)
    def _read_for_panel(self, order_id: str, purchase_date: str) -> None:
        self.post_message(self.PanelOrderRead(order_details(self.shop.store, order_id, purchase_date)))

    def on_all_orders_view_panel_order_read(self, message: PanelOrderRead) -> None:
        order = message.order
        if order.lines:
            self.query_one(f"#{self.id}-detail-body", Static).update(order_detail(order.lines, order.note, order.buyer))

    # -- actions -------------------------------------------------------------------
    def _current(self) -> tuple[str, str] | None:
        position = self.table.current_position
        if position is None:
            return None
        return self.table.value("order_id", position), self.table.value("purchase_date", position)

    def action_open(self) -> None:
        current = self._current()
        if current:
            self._open(*current)

    @work(thread=True, exclusive=True, group="order-open", exit_on_error=False)
    def _open(self, order_id: str, purchase_date: str) -> None:
        self.post_message(self.OrderOpened(order_id, order_details(self.shop.store, order_id, purchase_date)))

    def on_all_orders_view_order_opened(self, message: OrderOpened) -> None:
        order = message.order
        if order.lines:
            self.app.push_screen(DetailScreen(_("Order {order_id}").format(order_id=message.order_id), order_detail(order.lines, order.note, order.buyer)))

    def action_edit_address(self) -> None:
        current = self._current()
        if current:
            self.area.edit_address(*current)

    def action_postage(self) -> None:
        current = self._current()
        if current:
            self.area.refund_postage(*current)

    def action_tracking_message(self) -> None:
        current = self._current()
        if current:
            self.area.tracking_message(*current)

    def action_delivered(self) -> None:
        current = self._current()
        if current:
            self.area.record_delivery(*current)

    def action_product_notes(self) -> None:
        position = self.table.current_position
        if position is not None:
            self.area.edit_product_note(self.table.value("sku", position))

    def action_copy_id(self) -> None:
        current = self._current()
        if current:
            self.app.copy_to_clipboard(current[0])
            self.notify(_("Copied {current}").format(current=plain(current[0])), timeout=2)

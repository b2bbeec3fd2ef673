"""Every order line, FBA and FBM, filterable and sortable at 100k rows."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.binding import Binding

from sellertui.domain.orders import notes, table
from sellertui.domain.orders.buyers import blacklisted_ids
from sellertui.ui.kit.dialogs import DetailScreen
from sellertui.ui.kit.cells import money_cell
from sellertui.ui.tabs.orders.common import STATUS_STYLE, order_detail
from sellertui.ui.kit.safe import plain
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView



class AllOrdersView(TableView):
    TITLE = "All orders"
    KEY = "a"
    EMPTY = "No orders yet: import an All Orders report (i)."
    FILTER_HELP = table.FILTER_HELP
    DETAIL_WIDTH = 42
    DETAIL_FROM = 110  # the side panel shows from this terminal width
    COLUMNS = [
        Column("when", "Placed", 16, sort_key="purchase_date"),
        Column("order_id", "Order", 19),
        Column("channel", "Via", 3),
        Column("status", "Status", 9, style=lambda v: STATUS_STYLE.get(v)),
        Column("sku", "SKU", 18),
        Column("quantity", "Qty", 3, "right"),
        Column("total_minor", "Total", 10, "right", fmt=money_cell(), needs=("currency",)),
        Column("flagged", "⚑", 1, fmt=lambda v: "⚑" if v else "", style=lambda v: "bold red" if v else None),
        Column("buyer_name", "Buyer", 16),
        Column("product", "Product", 44),
    ]
    BINDINGS = [
        Binding("e", "edit_address", "Address", id="orders.address"),
        Binding("N", "product_notes", "Notes", id="orders.notes"),
        Binding("y", "copy_id", "Copy id", id="orders.copy"),
    ]

    def on_mount(self) -> None:
        self.table.sort_by = ("purchase_date", True)  # newest first

    def load(self):
        store = self.ctx.store()
        blacklisted = blacklisted_ids(store, self.ctx.frames())
        months = store["orders"].partitions()
        if len(months) > 2 and self.table.frame is None:
            # First show the newest months (a screenful in ~0.1 s even when nothing is cached yet),
            # then everything: with years of orders the full parse can take seconds.
            recent = table.orders_frame(self.ctx.frames(), blacklisted, partitions=months[-2:])
            self.app.call_from_thread(self.show_partial, recent)
        return table.orders_frame(self.ctx.frames(), blacklisted)

    def show_partial(self, frame) -> None:
        self.table.set_frame(frame)
        self._refilter()
        self.summary(Text(f"{len(frame):,} recent order lines shown · loading the rest…", style="italic"))

    def filter(self, frame, text: str):
        return table.filter_orders(frame, text)

    def show_summary(self, frame) -> None:
        fbm = int((frame["channel"] == "FBM").sum()) if len(frame) else 0
        line = Text()
        line.append(f"{len(frame):,} order lines", style="bold")
        line.append(f" · {fbm:,} FBM · {len(frame) - fbm:,} FBA · / filter, o sort, enter details, e address")
        self.summary(line)


    # -- the detail panel loads full records in a worker --------------------------
    def detail(self, position: int):
        self._load_detail(self.table.value("order_id", position), self.table.value("purchase_date", position))
        return Text("…", style="dim")

    @work(thread=True, exclusive=True, group="order-detail", exit_on_error=False)
    def _load_detail(self, order_id: str, purchase_date: str) -> None:
        lines, note, buyer = self.order_lines(order_id, purchase_date)
        if lines:
            self.app.call_from_thread(self.query_one(f"#{self.id}-detail-body").update, order_detail(lines, note, buyer))

    def order_lines(self, order_id: str, purchase_date: str) -> tuple[list[dict], dict | None, dict | None]:
        store = self.ctx.store()
        docs = store["orders"].docs(purchase_date[:7])
        lines = [d for d in docs.values() if d.get("order_id") == order_id]
        note = notes.note_for(store, lines[0].get("sku")) if lines else None
        buyer = store["buyers"].get(lines[0]["buyer_id"]) if lines and lines[0].get("buyer_id") else None
        return lines, note, buyer

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
        lines, note, buyer = self.order_lines(order_id, purchase_date)
        if lines:
            detail = order_detail(lines, note, buyer)
            self.app.call_from_thread(self.app.push_screen, DetailScreen(f"Order {order_id}", detail))

    def action_edit_address(self) -> None:
        current = self._current()
        if current:
            self.area.edit_address(*current)

    def action_product_notes(self) -> None:
        position = self.table.current_position
        if position is not None:
            self.area.edit_product_note(self.table.value("sku", position))

    def action_copy_id(self) -> None:
        current = self._current()
        if current:
            self.app.copy_to_clipboard(current[0])
            self.notify(f"Copied {plain(current[0])}", timeout=2)


"""FBM orders waiting to ship, by ship-by date: mark them shipped, fix addresses, send confirmations."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.domain import fields
from sellertui.domain.orders import shipping
from sellertui.domain.orders.ship_queue import REFUSED, ShipQueue, filter_queue, ship_queue
from sellertui.ui.kit.dialogs import DetailScreen
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.messages import Saved
from sellertui.ui.kit.safe import text
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.tabs.orders.common import order_detail
from sellertui.ui.tabs.orders.forms import ship_form, tracking_field

URGENCY_STYLE = {"late": "bold red", "today": "bold yellow", "soon": "yellow"}


class ShipQueueView(TableView):
    TITLE = N_("Ship queue")
    KEY = "s"
    TODAY_KEY = "ship:{order_id}"
    TODAY_DONE = frozenset({"outbox"})  # a shipment queues its confirmation; an address fix does not
    EMPTY = N_("Nothing to ship: every FBM order has gone out.")
    FILTER_HELP = N_("words (order, buyer, SKU), or late: today: refused:")
    DETAIL_WIDTH = 42
    DETAIL_FROM = 110  # the side panel shows from this terminal width
    COLUMNS = [
        Column("ship_by", N_("Ship by"), 10, style=lambda v: URGENCY_STYLE.get(shipping.urgency(v))),
        Column("due", N_("Due"), 7, style=lambda v: "bold red" if v.startswith("LATE") or v == REFUSED
               else "bold yellow" if v == "today" else None),
        Column("order_id", N_("Order"), 19),
        Column("quantity", N_("Qty"), 3, "right"),
        Column("sku", N_("SKU"), 18),
        Column("flagged", "⚑", 1, fmt=lambda v: "⚑" if v else "", style=lambda v: "bold red" if v else None),
        Column("buyer_name", N_("Buyer"), 18),
        Column("address_check", N_("Address"), 22, style=lambda v: None if v == "ok" else "red"),
        Column("ship_service_level", N_("Service"), 10),
        Column("amazon", N_("Amazon's answer"), 48, style=lambda v: "red" if v else None),
    ]
    BINDINGS = [
        Binding("x", "ship", N_("Mark shipped"), id="ship.mark_shipped"),
        Binding("e", "edit_address", N_("Address"), id="ship.address"),
        Binding("E", "export_confirmation", N_("Export"), tooltip=N_("Export confirmations"), id="ship.export"),
        Binding("P", "postage", N_("Postage"), tooltip=N_("Refund postage"), id="ship.postage"),
        Binding("c", "retry_confirmation", N_("Send again"), show=False, id="ship.retry_confirmation"),  # named in the summary when needed
    ]
    queue = ShipQueue(None, {})

    def on_mount(self) -> None:
        self.table.sort_by = ("ship_by", False)

    def load(self) -> ShipQueue:
        return ship_queue(self.shop)

    def show_loaded(self, queue: ShipQueue) -> None:
        self.queue = queue
        super().show_loaded(queue.frame)

    def filter(self, frame, text: str):
        return filter_queue(frame, text)

    def show_summary(self, frame) -> None:
        late = int(frame["due"].str.startswith("LATE").sum()) if len(frame) else 0
        today = int((frame["due"] == "today").sum()) if len(frame) else 0
        bad = int((frame["address_check"] != "ok").sum()) if len(frame) else 0
        flagged = int(frame["flagged"].sum()) if len(frame) else 0
        line = Text()
        line.append(_("{value} orders to ship").format(value=frame['order_id'].nunique() if len(frame) else 0), style="bold")
        if late:
            line.append(_(" · {late} late").format(late=late), style="bold red")
        if today:
            line.append(_(" · {today} due today").format(today=today), style="bold yellow")
        if bad:
            line.append(_(" · {bad} address(es) to check").format(bad=bad), style="red")
        if flagged:
            line.append(_(" · {flagged} from blacklisted buyers").format(flagged=flagged), style="bold red")
        refused = frame.loc[frame["due"] == REFUSED, "order_id"].nunique() if len(frame) else 0
        if refused:
            line.append(_(" · {refused} confirmation(s) Amazon refused: fix, then x again or c to send "
                          "again").format(refused=refused),
                        style="bold red")
        line.append(_(" · space marks several"))
        self.summary(line)

    def detail(self, position: int):
        line = self.queue.lines.get(self.table.value("id", position))
        if not line:
            return ""
        detail = order_detail(self.queue.lines_of_order(line["order_id"]))
        answer = self.table.value("amazon", position)
        if answer:  # Amazon refused the shipping confirmation: say why, above everything else
            return Group(text(_("Amazon {answer}").format(answer=answer), "bold red"), Text(""), detail)
        return detail

    # -- actions ----------------------------------------------------------------------
    def _selected_lines(self) -> list[dict]:
        return self.queue.whole_orders(self.table.value("id", p) for p in self.table.selected_positions())

    def action_ship(self) -> None:
        lines = self._selected_lines()
        if not lines:
            return
        order_ids = sorted({l["order_id"] for l in lines})
        method = lines[0].get("ship_service_level") or "Standard"

        def done(values: dict | None) -> None:
            if values:
                tracking = {oid: values[tracking_field(i)] for i, oid in enumerate(order_ids)}
                shipment = shipping.Shipment(values["carrier"], values["ship_date"], values["method"], tracking)
                self.save(lambda store: shipping.mark_shipped(store, lines, shipment),
                          lambda count: _("Marked {count} line(s) shipped. The confirmation goes to Amazon with the "
                                          "next sync (R), or E exports Amazon's upload file.").format(count=count),
                          {"orders", "outbox"})

        self.app.push_screen(ship_form(order_ids, method), done)

    def on_saved(self, saved: Saved) -> None:
        self.table.clear_marks()  # the marked lines have gone out (or the file is written)

    def action_retry_confirmation(self) -> None:
        """Send a refused shipping confirmation again with the next sync (after fixing what Amazon refused)."""
        from sellertui.domain.sync.confirmations import retry

        position = self.table.current_position
        if position is None:
            return
        if self.table.value("due", position) != REFUSED:
            self.notify(_("Only a confirmation Amazon refused is sent again; x marks an order shipped."), timeout=4)
            return
        order_id = self.table.value("order_id", position)
        self.save(lambda store: retry(store, order_id),
                  _("The confirmation of {order_id} goes to Amazon again with the next sync (R).")
                      .format(order_id=order_id), {"outbox"})

    def action_edit_address(self) -> None:
        position = self.table.current_position
        if position is not None:
            self.area.edit_address(self.table.value("order_id", position), self.table.value("purchase_date", position))

    def action_postage(self) -> None:
        position = self.table.current_position
        if position is not None:
            self.area.refund_postage(self.table.value("order_id", position), self.table.value("purchase_date", position))

    def action_open(self) -> None:
        position = self.table.current_position
        if position is not None:
            self.app.push_screen(DetailScreen(_("Order {value}").format(value=self.table.value('order_id', position)), self.detail(position)))

    def action_export_confirmation(self) -> None:
        default = f"~/shipping-confirmation-{clock.today():%Y%m%d}.txt"
        form = FormScreen(_("Export shipping confirmations"),
                          [Field("path", _("Save to"), lambda t: fields.text(t, required=True), value=default,
                                 help=_("Amazon's tab-separated upload file (Orders › Upload order related files)"))],
                          submit_label=_("Export"))
        self.app.push_screen(form, lambda v: v and self._export(Path(v["path"]).expanduser()))

    def _export(self, target: Path) -> None:
        self.save(lambda store: shipping.export_confirmation(store, target),
                  lambda count: _("Wrote {count} line(s) to {target}.").format(count=count, target=target), {"orders", "outbox"})

"""FBM orders waiting to ship, by ship-by date: mark them shipped, fix addresses, send confirmations."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import work
from textual.binding import Binding

from sellertui import clock
from sellertui.domain.orders import shipping
from sellertui.domain.orders.addresses import check_address
from sellertui.domain.orders.buyers import blacklisted_ids
from sellertui.domain.query import parse
from sellertui.ui.tabs.orders.common import order_detail
from sellertui.ui.tabs.orders.forms import ship_form, tracking_field
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

URGENCY_STYLE = {"late": "bold red", "today": "bold yellow", "soon": "yellow"}


def _due(ship_by: str) -> str:
    if not ship_by:
        return ""
    days = (date.fromisoformat(ship_by[:10]) - clock.today()).days
    if days < 0:
        return f"LATE {-days}d"
    return "today" if days == 0 else f"in {days}d"


class ShipQueueView(TableView):
    TITLE = "Ship queue"
    KEY = "s"
    EMPTY = "Nothing to ship: every FBM order has gone out."
    FILTER_HELP = "words (order, buyer, SKU), or late: today:"
    DETAIL_WIDTH = 42
    DETAIL_FROM = 110  # the side panel shows from this terminal width
    COLUMNS = [
        Column("ship_by", "Ship by", 10, style=lambda v: URGENCY_STYLE.get(shipping.urgency(v))),
        Column("due", "Due", 7, style=lambda v: "bold red" if v.startswith("LATE") else "bold yellow" if v == "today" else None),
        Column("order_id", "Order", 19),
        Column("quantity", "Qty", 3, "right"),
        Column("sku", "SKU", 18),
        Column("flagged", "⚑", 1, fmt=lambda v: "⚑" if v else "", style=lambda v: "bold red" if v else None),
        Column("buyer_name", "Buyer", 18),
        Column("address_check", "Address", 22, style=lambda v: None if v == "ok" else "red"),
        Column("ship_service_level", "Service", 10),
    ]
    BINDINGS = [
        Binding("x", "ship", "Mark shipped", id="ship.mark_shipped"),
        Binding("e", "edit_address", "Address", id="ship.address"),
        Binding("E", "export_confirmation", "Export confirmations", id="ship.export"),
    ]

    def on_mount(self) -> None:
        self.table.sort_by = ("ship_by", False)

    def load(self):
        import pandas as pd

        
        store = self.ctx.store()
        blacklisted = blacklisted_ids(store, self.ctx.frames())
        lines = [o for o in store["orders"].rows(shipping.recent_partitions(store))
                 if o.get("channel") == "FBM" and o.get("status") == "Unshipped"]
        self._lines = {l["id"]: l for l in lines}
        rows = []
        for l in lines:
            problems = check_address(l.get("address") or {})
            rows.append({
                "id": l["id"], "order_id": l["order_id"], "purchase_date": l["purchase_date"], "sku": l["sku"],
                "quantity": l.get("quantity", 0), "buyer_name": l.get("buyer_name") or "",
                "ship_by": l.get("ship_by") or "", "due": _due(l.get("ship_by") or ""),
                "ship_service_level": l.get("ship_service_level") or "",
                "address_check": "ok" if not problems else "; ".join(f"{k}: {v}" for k, v in problems.items()),
                "flagged": l.get("buyer_id") in blacklisted,
            })
        return pd.DataFrame(rows, columns=["id", "order_id", "purchase_date", "sku", "quantity", "buyer_name",
                                           "ship_by", "due", "ship_service_level", "address_check", "flagged"])

    def filter(self, frame, text: str):
        import numpy as np

        query = parse(text, {"late", "today"})
        if query.empty:
            return None
        mask = np.ones(len(frame), dtype=bool)
        hay = (frame["order_id"] + " " + frame["sku"] + " " + frame["buyer_name"]).str.lower()
        for word in query.words:
            mask &= hay.str.contains(word, regex=False).to_numpy()
        if "late" in query.terms:
            mask &= frame["due"].str.startswith("LATE").to_numpy()
        if "today" in query.terms:
            mask &= (frame["due"] == "today").to_numpy()
        return np.flatnonzero(mask)

    def show_summary(self, frame) -> None:
        late = int(frame["due"].str.startswith("LATE").sum()) if len(frame) else 0
        today = int((frame["due"] == "today").sum()) if len(frame) else 0
        bad = int((frame["address_check"] != "ok").sum()) if len(frame) else 0
        flagged = int(frame["flagged"].sum()) if len(frame) else 0
        line = Text()
        line.append(f"{frame['order_id'].nunique() if len(frame) else 0} orders to ship", style="bold")
        if late:
            line.append(f" · {late} late", style="bold red")
        if today:
            line.append(f" · {today} due today", style="bold yellow")
        if bad:
            line.append(f" · {bad} address(es) to check", style="red")
        if flagged:
            line.append(f" · {flagged} from blacklisted buyers", style="bold red")
        line.append(" · space mark, x shipped, e address, E confirmations")
        self.summary(line)


    def detail(self, position: int):
        line = self._lines.get(self.table.value("id", position))
        if not line:
            return ""
        siblings = [l for l in self._lines.values() if l["order_id"] == line["order_id"]]
        return order_detail(siblings)

    # -- actions ----------------------------------------------------------------------
    def _selected_lines(self) -> list[dict]:
        ids = [self.table.value("id", p) for p in self.table.selected_positions()]
        chosen = {i: self._lines[i] for i in ids if i in self._lines}
        order_ids = {l["order_id"] for l in chosen.values()}
        # shipping is per order: take every line of each chosen order
        return [l for l in self._lines.values() if l["order_id"] in order_ids]

    def action_ship(self) -> None:
        lines = self._selected_lines()
        if not lines:
            return
        order_ids = sorted({l["order_id"] for l in lines})
        method = lines[0].get("ship_service_level") or "Standard"

        def done(values: dict | None) -> None:
            if values:
                tracking = {oid: values[tracking_field(i)] for i, oid in enumerate(order_ids)}
                self._ship(lines, shipping.Shipment(values["carrier"], values["ship_date"], values["method"], tracking))

        self.app.push_screen(ship_form(order_ids, method), done)

    @work(thread=True, exclusive=True, group="ship", exit_on_error=False)
    def _ship(self, lines: list[dict], shipment: shipping.Shipment) -> None:
        count = shipping.mark_shipped(self.ctx.store(), lines, shipment)
        self.app.call_from_thread(self._changed, f"Marked {count} line(s) shipped. E exports the confirmation file.")

    def _changed(self, message: str) -> None:
        self.table.marked.clear()
        self.notify(message, timeout=4)
        self.app.broadcast_change(frozenset({"orders"}), external=False)

    def action_edit_address(self) -> None:
        position = self.table.current_position
        if position is not None:
            self.area.edit_address(self.table.value("order_id", position), self.table.value("purchase_date", position))

    def action_open(self) -> None:
        position = self.table.current_position
        if position is not None:
            from sellertui.ui.kit.dialogs import DetailScreen

            self.app.push_screen(DetailScreen(f"Order {self.table.value('order_id', position)}", self.detail(position)))

    def action_export_confirmation(self) -> None:
        from sellertui.domain import fields
        from sellertui.ui.kit.forms import Field, FormScreen

        default = f"~/shipping-confirmation-{clock.today():%Y%m%d}.txt"
        form = FormScreen("Export shipping confirmations",
                          [Field("path", "Save to", lambda t: fields.text(t, required=True), value=default,
                                 help="Amazon's tab-separated upload file (Orders › Upload order related files)")],
                          submit_label="Export")
        self.app.push_screen(form, lambda v: v and self._export(v["path"]))

    @work(thread=True, exclusive=True, group="ship", exit_on_error=False)
    def _export(self, path: str) -> None:
        from pathlib import Path

        target = Path(path).expanduser()
        count = shipping.export_confirmation(self.ctx.store(), target)
        self.app.call_from_thread(self._changed, f"Wrote {count} line(s) to {target}.")

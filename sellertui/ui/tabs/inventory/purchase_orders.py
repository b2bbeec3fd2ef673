"""The purchase orders view: draft → ordered → shipped → received, with partial receipts."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding

from sellertui import clock
from sellertui.core.money import fmt
from sellertui.domain.inventory import purchase_orders as rules
from sellertui.domain.inventory.po_list import purchase_orders_frame, read_purchase_orders, suppliers
from sellertui.domain.query import parse, words_mask
from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen, fact_panel
from sellertui.ui.tabs.inventory import forms
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.kit.table import Column, FrameTable

STATE_STYLE = {"draft": "dim", "ordered": "cyan", "shipped": "blue", "received": "green", "cancelled": "dim strike"}

COLUMNS = [
    Column("id", "PO", 4, "right", sort_key="number"),
    Column("supplier", "Supplier", 22),
    Column("state", "Status", 16, style=lambda v: STATE_STYLE.get(str(v).split(" ")[0]), sort_key="rank"),
    Column("expected_on", "Expected", 10, style=None),
    Column("late", "", 4, style=lambda v: "bold red" if v else None),
    Column("units", "Units", 7, "right", lambda v: f"{int(v):,}"),
    Column("received", "Recvd", 7, "right", lambda v: f"{int(v):,}" if v else ""),
    Column("value", "Value", 11, "right", sort_key="value_minor"),
    Column("ordered_on", "Ordered", 10),
    Column("skus_text", "SKUs", 40),
]


class PurchaseOrdersView(TableView):
    DETAIL_WIDTH = 42
    DETAIL_FROM = 118  # at 80 columns the table needs the room
    TITLE = "Purchase orders"
    KEY = "p"
    TODAY_KEY = "po:{id}"
    TODAY_DONE = frozenset({"purchase_orders"})
    COLUMNS = COLUMNS
    EMPTY = "No purchase orders yet: n drafts one (or b on the SKUs view drafts them from the suggestion)."
    FILTER_HELP = "words (supplier, SKU, notes) · status:draft|ordered|shipped|received|cancelled|open"
    BINDINGS = [
        Binding("n", "new_po", "New PO", id="inventory.new_po"),
        Binding("e", "edit_po", "Edit PO", id="inventory.edit_po"),
        Binding("m", "advance_po", "Next status", id="inventory.advance_po"),
        Binding("v", "receive_po", "Receive", id="inventory.receive_po"),
        Binding("d", "withdraw_po", "Delete/cancel", id="inventory.withdraw_po"),
    ]

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self.orders: dict[str, dict] = {}
        self.catalogue: dict[str, dict] = {}

    def load(self):
        orders, catalogue = read_purchase_orders(self.shop.store)
        return (purchase_orders_frame(orders, clock.today().isoformat()), {str(po["id"]): po for po in orders},
                catalogue)

    def show_loaded(self, loaded) -> None:
        frame, self.orders, self.catalogue = loaded
        super().show_loaded(frame)  # the cursor stays on its PO through the re-sort

    def select_po(self, po_id: str) -> None:
        self.select_row("id", str(po_id))

    def show_summary(self, frame) -> None:
        line = Text()
        open_pos = frame[frame["status"].isin(rules.OPEN)]
        line.append(f"{len(frame)} purchase orders", style="bold")
        line.append(f" · {len(open_pos)} open ({int((open_pos['units'] - open_pos['received']).sum()):,} units due)")
        drafts = int((frame["status"] == "draft").sum())
        if drafts:
            line.append(f" · {drafts} draft")
        late = int((frame["late"] != "").sum())
        if late:
            line.append(f" · {late} late", style="bold red")
        self.summary(line)

    def filter(self, frame, query_text: str):
        import numpy as np

        query = parse(query_text, {"status"})
        if query.empty:
            return None
        mask = words_mask(frame, query.words)
        status = query.terms.get("status", "").lower()
        if status == "open":
            mask &= frame["status"].isin(rules.OPEN).to_numpy()
        elif status:
            mask &= frame["status"].str.startswith(status).to_numpy()
        return np.flatnonzero(mask)

    # -- reading -------------------------------------------------------------------
    def current_po(self) -> dict | None:
        po_id = self.current_value("id")
        return None if po_id is None else self.orders.get(str(po_id))

    def describe(self, po: dict) -> tuple[list[tuple[str, str]], list[str]]:
        currency = po.get("currency", "USD")
        rows = [("Supplier", po.get("supplier", "")), ("Status", rules.state(po)),
                ("Ordered", po.get("ordered_on") or "—"), ("Shipped", po.get("shipped_on") or "—"),
                ("Expected", po.get("expected_on") or "—"), ("Received", po.get("received_on") or "—"),
                ("Shipping", fmt(po.get("shipping_minor", 0), currency)),
                ("Value", fmt(rules.totals(po)["value_minor"], currency))]
        lines = ["Lines (ordered · received · still due · unit cost):"]
        for line in po.get("lines") or []:
            lines.append(f"  {line['sku']}: {line['qty']:,} · {int(line.get('received_qty') or 0):,} · "
                         f"{rules.remaining(line):,} · {fmt(line.get('unit_cost_minor'), currency)}")
        for r in po.get("receipts") or []:
            lines.append(f"Received {r.get('on')}: {r.get('qty'):,} × {r.get('sku')} → "
                         f"{rules.DESTINATIONS.get(r.get('to'), r.get('to'))} (by {r.get('by', '')})")
        if po.get("notes"):
            lines.append(f"Notes: {po['notes']}")
        return rows, lines

    def detail(self, position: int):
        po = self.orders.get(str(self.table.value("id", position)))
        if po is None:
            return ""
        return fact_panel(f"PO {po['id']}", *self.describe(po))

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        po = self.current_po()
        if po is not None:
            rows, lines = self.describe(po)
            self.app.push_screen(InfoScreen(f"PO {po['id']} — {po.get('supplier', '')}", rows, lines))

    # -- editing -------------------------------------------------------------------
    def action_new_po(self) -> None:
        currency = self.ctx.settings.home_currency

        def done(values: dict | None) -> None:
            if values is None:
                return
            po = rules.new_purchase_order(values["supplier"], values["lines"], currency, values["expected_on"],
                                          values["shipping_minor"], values["notes"])
            self.save(lambda store: rules.create(store, po), lambda made: f"Drafted PO {made['id']}",
                      frozenset({"purchase_orders"}))

        self.app.push_screen(forms.purchase_order_form(None, self.catalogue, currency, suppliers(self.catalogue)), done)

    def action_edit_po(self) -> None:
        po = self.current_po()
        if po is None:
            return
        if po.get("status") in ("received", "cancelled"):
            self.notify(f"PO {po['id']} is {po['status']}: it can no longer be edited.", severity="warning")
            return
        po_id, rev = str(po["id"]), po.get("_rev")

        def done(values: dict | None) -> None:
            if values is None:
                return
            changes = {**values, "expected_on": values["expected_on"].isoformat() if values["expected_on"] else None}
            self.save(lambda store: rules.update(store, po_id, changes, expect_rev=rev), f"Saved PO {po_id}",
                      frozenset({"purchase_orders"}))

        self.app.push_screen(forms.purchase_order_form(po, self.catalogue, self.ctx.settings.home_currency,
                                                       suppliers(self.catalogue)), done)

    def action_advance_po(self) -> None:
        po = self.current_po()
        if po is None:
            return
        po_id, rev = str(po["id"]), po.get("_rev")
        self.save(lambda store: rules.advance(store, po_id, expect_rev=rev),
                  lambda saved: f"PO {po_id} is now {saved['status']}", frozenset({"purchase_orders"}))

    def action_receive_po(self) -> None:
        po = self.current_po()
        if po is None:
            return
        if not rules.is_open(po):
            self.notify(f"PO {po['id']} is {po.get('status')}: only ordered or shipped POs are received "
                        "(m moves a draft on).", severity="warning", markup=False)
            return
        screen, skus = forms.receipt_form(po)
        po_id, rev, by = str(po["id"]), po.get("_rev"), self.ctx.user

        def done(values: dict | None) -> None:
            if values is None:
                return
            quantities = {sku: values[f"line{i}"] for i, sku in enumerate(skus)}
            self.save(lambda store: rules.receive(store, po_id, quantities, values["on"], values["to"], by,
                                                  expect_rev=rev),
                      lambda saved: f"PO {po_id}: received {sum(quantities.values()):,} units; now {rules.state(saved)}",
                      frozenset({"purchase_orders", "products"}))

        self.app.push_screen(screen, done)

    def action_withdraw_po(self) -> None:
        po = self.current_po()
        if po is None:
            return
        po_id, rev = str(po["id"]), po.get("_rev")
        verb = "Delete the draft" if po.get("status") == "draft" else "Cancel"

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: rules.cancel_or_delete(store, po_id, expect_rev=rev),
                          lambda what: f"PO {po_id} {what}", frozenset({"purchase_orders"}))

        self.app.push_screen(ConfirmScreen(f"{verb} PO {po_id} to {po.get('supplier', '')}?"), done)

"""The purchase orders view: draft → ordered → shipped → received, with partial receipts."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding

from sellertui.core.i18n import N_, _, label, shown
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
    Column("id", N_("PO"), 4, "right", sort_key="number"),
    Column("supplier", N_("Supplier"), 22),
    Column("state", N_("Status"), 16, style=lambda v, row: STATE_STYLE.get(row("status")), sort_key="rank",
           needs=("status",)),
    Column("expected_on", N_("Expected"), 10, style=None),
    Column("late", "", 4, style=lambda v: "bold red" if v else None),
    Column("units", N_("Units"), 7, "right", lambda v: f"{int(v):,}"),
    Column("received", N_("Recvd"), 7, "right", lambda v: f"{int(v):,}" if v else ""),
    Column("value", N_("Value"), 11, "right", sort_key="value_minor"),
    Column("ordered_on", N_("Ordered"), 10),
    Column("skus_text", N_("SKUs"), 40),
]


class PurchaseOrdersView(TableView):
    DETAIL_WIDTH = 42
    DETAIL_FROM = 118  # at 80 columns the table needs the room
    TITLE = N_("Purchase orders")
    KEY = "p"
    TODAY_KEY = "po:{id}"
    TODAY_DONE = frozenset({"purchase_orders"})
    COLUMNS = COLUMNS
    EMPTY = N_("No purchase orders yet: n drafts one (or b on the SKUs view drafts them from "
               "the suggestion).")
    FILTER_HELP = N_("words (supplier, SKU, notes) · "
                     "status:draft|ordered|shipped|received|cancelled|open")
    BINDINGS = [
        Binding("n", "new_po", N_("New PO"), id="inventory.new_po"),
        Binding("e", "edit_po", N_("Edit PO"), id="inventory.edit_po"),
        Binding("m", "advance_po", N_("Next status"), id="inventory.advance_po"),
        Binding("v", "receive_po", N_("Receive"), id="inventory.receive_po"),
        Binding("d", "withdraw_po", N_("Delete/cancel"), id="inventory.withdraw_po"),
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
        line.append(_("{n} purchase orders").format(n=len(frame)), style="bold")
        line.append(_(" · {n} open ({sum:,} units due)")
                        .format(n=len(open_pos), sum=int((open_pos['units'] - open_pos['received']).sum())))
        drafts = int((frame["status"] == "draft").sum())
        if drafts:
            line.append(_(" · {drafts} draft").format(drafts=drafts))
        late = int((frame["late"] != "").sum())
        if late:
            line.append(_(" · {late} late").format(late=late), style="bold red")
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
        rows = [(_("Supplier"), po.get("supplier", "")), (_("Status"), rules.state(po)),
                (_("Ordered"), po.get("ordered_on") or "—"), (_("Shipped"), po.get("shipped_on") or "—"),
                (_("Expected"), po.get("expected_on") or "—"), (_("Received"), po.get("received_on") or "—"),
                (_("Shipping"), fmt(po.get("shipping_minor", 0), currency)),
                (_("Value"), fmt(rules.totals(po)["value_minor"], currency))]
        lines = [_("Lines (ordered · received · still due · unit cost):")]
        for line in po.get("lines") or []:
            lines.append(f"  {line['sku']}: {line['qty']:,} · {int(line.get('received_qty') or 0):,} · "
                         f"{rules.remaining(line):,} · {fmt(line.get('unit_cost_minor'), currency)}")
        for r in po.get("receipts") or []:
            lines.append(_("Received {day}: {qty} × {sku} → {to} (by {by})").format(
                day=r.get("on"), qty=f"{r.get('qty'):,}", sku=r.get("sku"),
                to=label(rules.DESTINATIONS, r.get("to")), by=r.get("by", "")))
        if po.get("notes"):
            lines.append(_("Notes: {notes}").format(notes=po["notes"]))
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
            self.app.push_screen(InfoScreen(_("PO {id} — {supplier}")
                                                .format(id=po['id'], supplier=po.get('supplier', '')), rows, lines))

    # -- editing -------------------------------------------------------------------
    def action_new_po(self) -> None:
        currency = self.ctx.settings.home_currency

        def done(values: dict | None) -> None:
            if values is None:
                return
            po = rules.new_purchase_order(values["supplier"], values["lines"], currency, values["expected_on"],
                                          values["shipping_minor"], values["notes"])
            self.save(lambda store: rules.create(store, po), lambda made: _("Drafted PO {id}").format(id=made['id']),
                      frozenset({"purchase_orders"}))

        self.app.push_screen(forms.purchase_order_form(None, self.catalogue, currency, suppliers(self.catalogue)), done)

    def action_edit_po(self) -> None:
        po = self.current_po()
        if po is None:
            return
        if po.get("status") in ("received", "cancelled"):
            self.notify(_("PO {id} is {status}: it can no longer be edited.").format(id=po['id'], status=shown(po['status'])), severity="warning")
            return
        po_id, rev = str(po["id"]), po.get("_rev")

        def done(values: dict | None) -> None:
            if values is None:
                return
            changes = {**values, "expected_on": values["expected_on"].isoformat() if values["expected_on"] else None}
            self.save(lambda store: rules.update(store, po_id, changes, expect_rev=rev), _("Saved PO {po_id}")
                                                                                             .format(po_id=po_id),
                      frozenset({"purchase_orders"}))

        self.app.push_screen(forms.purchase_order_form(po, self.catalogue, self.ctx.settings.home_currency,
                                                       suppliers(self.catalogue)), done)

    def action_advance_po(self) -> None:
        po = self.current_po()
        if po is None:
            return
        po_id, rev = str(po["id"]), po.get("_rev")
        self.save(lambda store: rules.advance(store, po_id, expect_rev=rev),
                  lambda saved: _("PO {po_id} is now {status}").format(po_id=po_id, status=shown(saved['status'])), frozenset({"purchase_orders"}))

    def action_receive_po(self) -> None:
        po = self.current_po()
        if po is None:
            return
        if not rules.is_open(po):
            self.notify(_("PO {id} is {status}: only ordered or shipped POs are received (m moves a "
                          "draft on).").format(id=po['id'], status=shown(po.get('status'))), severity="warning", markup=False)
            return
        screen, skus = forms.receipt_form(po)
        po_id, rev, by = str(po["id"]), po.get("_rev"), self.ctx.user

        def done(values: dict | None) -> None:
            if values is None:
                return
            quantities = {sku: values[f"line{i}"] for i, sku in enumerate(skus)}
            self.save(lambda store: rules.receive(store, po_id, quantities, values["on"], values["to"], by,
                                                  expect_rev=rev),
                      lambda saved: _("PO {po_id}: received {values:,} units; now {saved}")
                                        .format(po_id=po_id, values=sum(quantities.values()), saved=rules.state(saved)),
                      frozenset({"purchase_orders", "products"}))

        self.app.push_screen(screen, done)

    def action_withdraw_po(self) -> None:
        po = self.current_po()
        if po is None:
            return
        po_id, rev = str(po["id"]), po.get("_rev")
        verb = _("Delete the draft") if po.get("status") == "draft" else _("Cancel")

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: rules.cancel_or_delete(store, po_id, expect_rev=rev),
                          lambda what: _("PO {po_id} {what}").format(po_id=po_id, what=what), frozenset({"purchase_orders"}))

        self.app.push_screen(ConfirmScreen(_("{verb} PO {po_id} to {supplier}?")
                                               .format(verb=verb, po_id=po_id, supplier=po.get('supplier', ''))), done)

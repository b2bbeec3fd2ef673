"""The SKUs view: every SKU's stock, velocity, cover, reorder point, suggestion, status and warnings.

Every number opens its working (``enter`` on its cell, or ``w``). The plan is
built in a worker (``sellertui.domain.inventory.plan``); this module only shows
it and turns keys into forms and saves.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.domain.inventory.statuses import STATUSES
from sellertui.domain.query import QueryError, parse, words_mask
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.tabs.inventory import forms
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.core.formats import dated

if TYPE_CHECKING:
    import numpy as np

STATUS_STYLE = {"out of stock": "bold red", "order now": "red", "order soon": "yellow", "healthy": "green",
                "overstock": "magenta"}
WARNING_KEYS = {"lead": "warn_lead", "fee": "warn_fee", "aged": "warn_aged", "promo": "warn_promo"}

# the working shown for each column (enter / w on a cell); SKU, title and supplier open the SKU card
TOPIC = {
    "status_label": "status", "cover": "cover", "stockout": "stockout", "order_qty": "order_qty",
    "velocity": "velocity", "fba_available": "stock", "inbound_parts": "stock", "reserved": "stock",
    "fbm": "stock", "on_order": "on_order", "rop": "rop", "amz_qty": "amazon", "warnings": "warnings",
    "lead": "lead",
}


def _count(value) -> str:
    return "" if value is None or value != value or value == 0 else f"{int(value):,}"


def _cover(value) -> str:
    if value is None or value != value:
        return ""
    if math.isinf(value):
        return "∞"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def _day(value) -> str:
    if not value:
        return _("never")
    day = date.fromisoformat(value)
    return dated(day, "%d %b", "MMMd") if (day - clock.today()).days < 300 else dated(day, "%b %Y", "yMMM")


COLUMNS = [
    Column("sku", N_("SKU"), 17),
    Column("status_label", N_("Status"), 12, style=STATUS_STYLE.get, sort_key="status_rank", fmt=_),
    Column("cover", N_("Cover"), 6, "right", _cover),
    Column("stockout", N_("Runs out"), 8, "right", _day, sort_key="cover"),
    Column("order_qty", N_("Order"), 6, "right", _count),
    Column("velocity", N_("Per day"), 7, "right", lambda v: f"{v:.2f}"),
    Column("fba_available", N_("FBA"), 6, "right", lambda v: f"{int(v):,}"),
    Column("inbound_parts", N_("Inbound w/s/r"), 13, "right", sort_key="inbound"),
    Column("reserved", N_("Resv"), 5, "right", _count),
    Column("fbm", N_("Own"), 5, "right", _count),
    Column("on_order", N_("On order"), 8, "right", _count),
    Column("rop", N_("Reorder"), 7, "right", lambda v: f"{v:,.0f}"),
    Column("amz_qty", N_("Amazon"), 6, "right", lambda v: "" if v != v else f"{int(v):,}"),
    Column("lead", N_("Lead"), 4, "right"),
    Column("warnings", N_("Warnings"), 24, style=lambda v: "yellow" if v else None),
    Column("supplier", N_("Supplier"), 22),
    Column("title", N_("Title"), 50),
]


class SkusView(TableView):
    DETAIL_WIDTH = 42
    DETAIL_FROM = 118  # at 80 columns the table needs the room
    TITLE = N_("SKUs")
    KEY = "s"
    TODAY_KEY = "reorder:{sku}"
    TODAY_DONE = frozenset({"purchase_orders"})
    ROW_KEY = "sku"
    COLUMNS = COLUMNS
    EMPTY = N_("No SKUs yet: add one (n) or import the Manage FBA Inventory report.")
    FILTER_HELP = N_("words · status:now · supplier:… · warn:any|lead|fee|aged|promo · cover:<30")
    BINDINGS = [
        Binding("w", "working", N_("Working"), id="inventory.working"),
        Binding("n", "new_sku", N_("New SKU"), id="inventory.new_sku"),
        Binding("e", "edit_sku", N_("Edit SKU"), id="inventory.edit_sku"),
        Binding("a", "adjust_stock", N_("Stock ±"), id="inventory.adjust_stock"),
        Binding("i", "card", N_("SKU card"), id="inventory.card"),
        Binding("b", "draft_po", N_("Draft PO"), id="inventory.draft_po"),
    ]

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self.plan = None

    # -- loading ---------------------------------------------------------------
    def load(self):
        from sellertui.domain.inventory.export import load_plan

        return load_plan(self.shop)  # the plan `sellertui reorder` and the export read

    def show_loaded(self, plan) -> None:
        self.plan = plan
        super().show_loaded(plan.frame)  # the rows were sorted again: the cursor stays on its SKU

    def select_sku(self, sku: str) -> None:
        self.select_row("sku", sku)

    def show_summary(self, frame) -> None:
        items = [Text(_("{n:,} SKUs").format(n=len(frame)), style="bold")]
        counts = frame["status_label"].value_counts()
        for label, style in STATUS_STYLE.items():
            if counts.get(label):
                items.append(Text.assemble(("● ", style), f"{counts[label]:,} {_(label)}"))
        for column, name in (("warn_lead", N_("cover < lead")), ("warn_fee", N_("low-stock fee")),
                             ("warn_aged", N_("aged")), ("warn_promo", N_("promo not covered"))):
            if frame[column].any():
                items.append(Text(f"⚠ {int(frame[column].sum()):,} {_(name)}", style="yellow"))
        self.summary(wrap_items(items, max(self.size.width - 2, 40)))

    def on_resize(self) -> None:  # TableView.on_resize (also called) fits the side panel
        if self.table.frame is not None:
            self.show_summary(self.table.frame)

    # -- filtering ---------------------------------------------------------------
    def filter(self, frame, query_text: str):
        import numpy as np

        query = parse(query_text, {"status", "supplier", "warn", "cover"})
        if query.empty:
            return None
        mask = words_mask(frame, query.words)
        for name, value in query.terms.items():
            value = value.lower()
            if name == "status":
                wanted = value.replace("-", " ").replace("_", " ").removeprefix("order ")
                codes = [c for c, *_rest in STATUSES if c.startswith(wanted) or wanted.startswith(c)]
                if not codes:
                    raise QueryError(_("status: one of out, now, soon, healthy, over (not {value!r})")
                                         .format(value=value))
                mask &= frame["status"].isin(codes).to_numpy()
            elif name == "supplier":
                mask &= frame["supplier"].str.lower().str.contains(value, regex=False).to_numpy()
            elif name == "warn":
                if value in ("", "any", "yes"):
                    mask &= (frame["warnings"] != "").to_numpy()
                elif value in WARNING_KEYS:
                    mask &= frame[WARNING_KEYS[value]].to_numpy()
                else:
                    raise QueryError(_("warn: one of any, lead, fee, aged, promo (not {value!r})").format(value=value))
            elif name == "cover":
                mask &= _compare(frame["cover"].to_numpy(), value)
        return np.flatnonzero(mask)

    # -- the working, the card -------------------------------------------------------
    def _row(self) -> tuple[dict, dict] | None:
        position = self.table.current_position
        if self.plan is None or position is None:
            return None
        row = self.plan.row(position)
        return row, self.plan.products.get(row["sku"], {})

    def action_working(self) -> None:
        key = self.table.columns[self.table.cursor_column].key
        topic = TOPIC.get(key)
        if topic is None:
            self.action_card()
        else:
            self.show_working(topic)

    def show_working(self, topic: str) -> None:
        from sellertui.domain.inventory.working import explain

        found = self._row()
        if found is None:
            return
        row, product = found
        w = explain(topic, row, product, self.plan.settings, self.plan.today)
        self.app.push_screen(InfoScreen(w.title, w.rows, w.lines))

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        self.action_working()

    def action_card(self) -> None:
        from sellertui.domain.inventory.working import card

        found = self._row()
        if found is not None:
            w = card(*found, self.plan.settings, self.plan.today)
            self.app.push_screen(InfoScreen(w.title, w.rows, w.lines))

    def detail(self, position: int):
        if self.plan is None:
            return ""
        r = self.plan.row(position)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        label = r["status_label"]
        grid.add_row(_("Status"), text(_(label), STATUS_STYLE.get(label, "")))
        grid.add_row(_("Cover"), text(_("{cover} days → {day}").format(cover=_cover(r["cover"]), day=_day(r["stockout"]))))
        grid.add_row(_("Velocity"), text(_("{velocity:.2f}/day").format(velocity=r["velocity"])))
        grid.add_row(_("FBA"), text(_("{available} avail · {reserved} resv").format(
            available=f"{int(r['fba_available']):,}", reserved=f"{int(r['reserved']):,}")))
        grid.add_row(_("Inbound"), text(f"{int(r['inbound']):,} (w/s/r {r['inbound_parts']})"))
        grid.add_row(_("Own wh."), text(f"{int(r['fbm']):,}"))
        grid.add_row(_("On order"), text(f"{int(r['on_order']):,}"))
        if r["draft_pos"]:
            grid.add_row(_("Drafted"), text(r["draft_pos"]))
        grid.add_row(_("Reorder at"), text(f"{r['rop']:,.0f}"))
        grid.add_row(_("Order"), text(f"{int(r['order_qty']):,}"))
        if r["amz_qty"] == r["amz_qty"]:
            grid.add_row(_("Amazon"), text(f"{int(r['amz_qty']):,} {r['amz_alert']}".strip()))
        parts = [text(r["sku"], "bold"), text(r["title"], "dim"), text(r["supplier"] or _("no supplier"), "italic"),
                 Text(""), grid]
        if r["warnings"]:
            parts += [Text(""), text(f"⚠ {r['warnings']}", "yellow")]
        history = (self.plan.products.get(r["sku"], {}).get("stock_history") or [])[-3:]
        if history:
            parts += [Text(""), Text(_("Stock changes"), style="bold")]
            for e in reversed(history):
                parts.append(text(f"{str(e.get('at', ''))[:10]} {e.get('field')} {e.get('old')}→{e.get('new')}: "
                                  f"{e.get('reason', '')}", "dim"))
        parts += [Text(""), Text(_("w working · i card · a stock"), style="dim")]
        return Group(*parts)

    # -- editing ----------------------------------------------------------------
    def action_new_sku(self) -> None:
        known = set(self.plan.products) if self.plan else set()

        def done(values: dict | None) -> None:
            if values is None:
                return
            from sellertui.domain.inventory.products import add_product

            settings = self.ctx.settings
            self.save(lambda store: add_product(store, values, settings.home_currency, settings.marketplace),
                      _("Added SKU {sku}").format(sku=values['sku']), frozenset({"products"}))

        self.app.push_screen(forms.product_form(None, self.ctx.settings.home_currency, known), done)

    def action_edit_sku(self) -> None:
        found = self._row()
        if found is None:
            return
        product = found[1]
        sku, rev = product["id"], product.get("_rev")

        def done(values: dict | None) -> None:
            if values is None:
                return
            from sellertui.domain.inventory.products import edit_product

            self.save(lambda store: edit_product(store, sku, values, expect_rev=rev),
                      lambda saved: _("Saved {sku}").format(sku=sku) if saved else _("Nothing changed"), frozenset({"products"}))

        self.app.push_screen(forms.product_form(product, self.ctx.settings.home_currency, set()), done)

    def action_adjust_stock(self) -> None:
        found = self._row()
        if found is None:
            return
        product = found[1]
        sku, rev, by = product["id"], product.get("_rev"), self.ctx.user

        def done(values: dict | None) -> None:
            if values is None:
                return
            from sellertui.domain.inventory.stock import adjust_stock

            reason = values.pop("reason")
            self.save(lambda store: adjust_stock(store, sku, values, reason, by, expect_rev=rev),
                      _("Stock of {sku} changed; the reason is in its history").format(sku=sku), frozenset({"products"}))

        self.app.push_screen(forms.stock_form(product), done)

    def action_draft_po(self) -> None:
        """Draft purchase orders (one per supplier) for the marked SKUs, or the one under the cursor."""
        if self.plan is None:
            return
        from sellertui.domain.inventory.purchase_orders import draft_orders

        rows = [self.plan.row(p) for p in self.table.selected_positions()]
        if not rows:
            self.notify(_("No SKU here yet: add one (n)."), severity="warning")
            return
        lines = [{"sku": r["sku"], "supplier": r["supplier"], "qty": int(r["order_qty"]),
                  "unit_cost_minor": None if r["cost_minor"] != r["cost_minor"] else int(r["cost_minor"]),
                  "currency": r["cost_currency"],
                  "lead_days": int(r["lead"]) - int(r["receiving"])} for r in rows]
        if not any(line["qty"] for line in lines):
            self.notify(_("Nothing to order: the suggested quantity is 0 (mark SKUs with space)."), severity="warning")
            return
        currency = self.ctx.settings.home_currency
        self.table.clear_marks()
        self.save(lambda store: draft_orders(store, lines, currency),
                  lambda made: _("Drafted {n} purchase order(s): PO {ids} — see Purchase orders (p)").format(
                      n=len(made), ids=", ".join(po["id"] for po in made)), frozenset({"purchase_orders"}))


def wrap_items(items: list[Text], width: int, gap: str = "  ") -> Text:
    """Items on lines of at most ``width`` cells, breaking between items, never inside one."""
    result = Text()
    used = 0
    for item in items:
        if used and used + len(gap) + item.cell_len > width:
            result.append("\n")
            used = 0
        elif used:
            result.append(gap)
            used += len(gap)
        result.append_text(item)
        used += item.cell_len
    return result


def _compare(values: np.ndarray, text_value: str) -> np.ndarray:
    """``<30``, ``>180``, ``<=30``, or ``30`` (at most 30) on days of cover."""
    import numpy as np

    op = text_value[:2] if text_value[:2] in ("<=", ">=") else text_value[:1] if text_value[:1] in "<>" else ""
    try:
        limit = float(text_value[len(op):])
    except ValueError:
        raise QueryError(_("cover: wants a number of days like <30 or >180, not {text_value!r}")
                             .format(text_value=plain(text_value))) from None
    with np.errstate(invalid="ignore"):
        return {"<": values < limit, ">": values > limit, ">=": values >= limit}.get(op, values <= limit)

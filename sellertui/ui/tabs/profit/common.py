"""What the Profit views share: the area's service, money cells, saving in a worker, the records screen.

The views are ``InventoryView``s (a table view that saves in a worker and runs
palette actions once loaded): the same needs, so the same class.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from sellertui.ui.tabs.inventory.common import InventoryView
from sellertui.ui.kit.safe import content, plain
from sellertui.ui.kit.table import Column, FrameTable

PROFIT_COLLECTIONS = frozenset({"expenses", "fx_rates", "hiring_roles", "cash_reserve"})


def money_cell(currency: str):
    """A formatter for home minor units: blank for missing, no cents beyond 1,000 (narrow columns)."""
    from sellertui.core.money import fmt

    def cell(value) -> str:
        if value is None or value != value:
            return ""
        return fmt(int(round(value)), currency)

    return cell


def percent_cell(value) -> str:
    if value is None or value != value:
        return "—"
    return f"{value * 100:.1f}%"


def signed_style(value) -> str | None:
    if value is None or value != value:
        return None
    return "red" if value < 0 else None


class ProfitView(InventoryView):
    """A table of the Profit area: ``service()`` computes, ``area`` holds the period."""

    DETAIL_WIDTH = 0

    # no side panel to fit: Textual runs every class's handler unless told not to
    def on_mount(self, event) -> None:
        event.prevent_default()

    def on_resize(self, event) -> None:
        event.prevent_default()

    def service(self):
        return self.area.service()


class RecordsScreen(ModalScreen[None]):
    """The records behind one figure: a table (every row, however many) with each record's id."""

    DEFAULT_CSS = """
    RecordsScreen { align: center middle; }
    RecordsScreen > Vertical { width: 96%; height: 90%; border: round $accent; background: $surface; }
    RecordsScreen .records-head { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="records.close")]

    def __init__(self, title: str, head: str, frame, currency: str) -> None:
        super().__init__()
        self.records_title, self.head, self.frame, self.currency = title, head, frame, currency

    def compose(self) -> ComposeResult:
        money = money_cell(self.currency)

        def own(value, row) -> str:
            from sellertui.core.money import fmt

            currency = row("currency")
            if not currency:  # units and orders: a count
                return f"{int(value):,}"
            return fmt(int(value), currency)

        columns = [
            Column("day", "Day", 10),
            Column("source", "From", 18),
            Column("ref", "Record id", 22),
            Column("sku", "SKU", 14),
            Column("amount_minor", "Amount", 12, "right", own, needs=("currency",)),
            Column("home_minor", f"In {self.currency}", 12, "right", money, signed_style),
            Column("est", "", 1),
            Column("note", "What", 60),
        ]
        with Vertical() as box:
            box.border_title = plain(self.records_title)
            box.border_subtitle = "esc close · o sorts by the column · ~ estimated"
            yield Static(content(self.head), classes="records-head")
            yield FrameTable(columns, empty_text="No records behind this figure.")

    def on_mount(self) -> None:
        frame = self.frame.assign(est=["~" if e else "" for e in self.frame["estimated"]])
        table = self.query_one(FrameTable)
        table.set_frame(frame)
        table.focus()

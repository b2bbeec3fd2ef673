"""The records behind one figure: every row, however many, each with its record's id.

Every number sellertui shows can be traced to a record: ``enter`` on a figure
opens this screen over the frame of the records that sum to it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from sellertui.core.money import fmt
from sellertui.ui.kit.cells import money_cell, signed_style
from sellertui.ui.kit.safe import content, plain
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.core.i18n import N_, _


class RecordsScreen(ModalScreen[None]):
    """The records behind one figure: a table (every row, however many) with each record's id."""

    DEFAULT_CSS = """
    RecordsScreen { align: center middle; }
    RecordsScreen > Vertical { width: 96%; height: 90%; border: round $accent; background: $surface; }
    RecordsScreen .records-head { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [Binding("escape,q", "dismiss", N_("Close"), id="records.close")]

    def __init__(self, title: str, head: str, frame, currency: str) -> None:
        super().__init__()
        self.records_title, self.head, self.frame, self.currency = title, head, frame, currency

    def compose(self) -> ComposeResult:
        money = money_cell(self.currency)

        def own(value, row) -> str:
            currency = row("currency")
            if not currency:  # units and orders: a count
                return f"{int(value):,}"
            return fmt(int(value), currency)

        columns = [
            Column("day", N_("Day"), 10),
            Column("source", N_("From"), 18),
            Column("ref", N_("Record id"), 22),
            Column("sku", "SKU", 14),
            Column("amount_minor", N_("Amount"), 12, "right", own, needs=("currency",)),
            Column("home_minor", _("In {currency}").format(currency=self.currency), 12, "right", money, signed_style),
            Column("est", "", 1),
            Column("note", N_("What"), 60),
        ]
        with Vertical() as box:
            box.border_title = plain(self.records_title)
            box.border_subtitle = _("esc close · o sorts by the column · ~ estimated")
            yield Static(content(self.head), classes="records-head")
            yield FrameTable(columns, empty_text=_("No records behind this figure."))

    def on_mount(self) -> None:
        frame = self.frame.assign(est=["~" if e else "" for e in self.frame["estimated"]])
        table = self.query_one(FrameTable)
        table.set_frame(frame)
        table.focus()

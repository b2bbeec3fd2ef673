"""The Inventory tab."""

from __future__ import annotations

from textual.app import ComposeResult

from sellertui.ui.areas.base import Area
from sellertui.ui.widgets import EmptyState


class InventoryArea(Area):
    TITLE = "Inventory"
    KEY = "5"
    WATCHES = frozenset(['orders', 'products', 'purchase_orders'])

    def compose(self) -> ComposeResult:
        yield EmptyState(
            "Inventory",
            "Stock, velocity, days of cover, reorder points and what to order today, with purchase orders.",
            'Fill it by importing the Manage FBA Inventory or Restock report (i, or `sellertui import FILE`).',
        )

"""The Profit tab."""

from __future__ import annotations

from textual.app import ComposeResult

from sellertui.ui.areas.base import Area
from sellertui.ui.widgets import EmptyState


class ProfitArea(Area):
    TITLE = "Profit"
    KEY = "6"
    WATCHES = frozenset(['expenses', 'orders', 'products', 'returns', 'search_terms'])

    def compose(self) -> ComposeResult:
        yield EmptyState(
            "Profit",
            "The monthly P&L from settlements and orders, and when the shop can afford its first hire.",
            'Fill it by importing settlement reports and orders (i, or `sellertui import FILE`) and adding expenses.',
        )

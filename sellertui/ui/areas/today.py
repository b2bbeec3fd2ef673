"""The Today tab."""

from __future__ import annotations

from textual.app import ComposeResult

from sellertui.ui.areas.base import Area
from sellertui.ui.widgets import EmptyState


class TodayArea(Area):
    TITLE = "Today"
    KEY = "1"
    WATCHES = frozenset(['messages', 'orders', 'products', 'promotions', 'returns', 'search_terms', 'tasks'])

    def compose(self) -> ComposeResult:
        yield EmptyState(
            "Today",
            "Everything that needs doing now, from every area: messages to answer, orders to ship, refunds, reorders, deal deadlines, ad proposals and tasks.",
            'Fill it by importing reports (i, or `sellertui import FILE`) or loading the demo shop; add tasks with `sellertui task add`.',
        )

"""The Orders tab."""

from __future__ import annotations

from textual.app import ComposeResult

from sellertui.ui.areas.base import Area
from sellertui.ui.widgets import EmptyState


class OrdersArea(Area):
    TITLE = "Orders"
    KEY = "2"
    WATCHES = frozenset(['buyers', 'messages', 'orders', 'returns'])

    def compose(self) -> ComposeResult:
        yield EmptyState(
            "Orders",
            "Every FBA and FBM order, the FBM ship queue, returns and refunds, and buyer messages with their 24-hour deadlines.",
            'Fill it by importing an All Orders or Unshipped Orders report (i, or `sellertui import FILE`).',
        )

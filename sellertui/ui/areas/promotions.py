"""The Promotions tab."""

from __future__ import annotations

from textual.app import ComposeResult

from sellertui.ui.areas.base import Area
from sellertui.ui.widgets import EmptyState


class PromotionsArea(Area):
    TITLE = "Promotions"
    KEY = "4"
    WATCHES = frozenset(['products', 'promotions'])

    def compose(self) -> ComposeResult:
        yield EmptyState(
            "Promotions",
            "A calendar of deals, coupons and marketplace events, with deadlines, fees, overlaps and margin checks.",
            'Fill it by adding a promotion (n) once the catalogue holds your SKUs.',
        )

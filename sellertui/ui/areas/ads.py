"""The Ads tab."""

from __future__ import annotations

from textual.app import ComposeResult

from sellertui.ui.areas.base import Area
from sellertui.ui.widgets import EmptyState


class AdsArea(Area):
    TITLE = "Ads"
    KEY = "3"
    WATCHES = frozenset(['products', 'search_terms'])

    def compose(self) -> ComposeResult:
        yield EmptyState(
            "Ads",
            "Search terms over any window, with harvest, negate and bid proposals you approve before they become a bulk file.",
            'Fill it by importing a Sponsored Products search term report or a bulk file (i, or `sellertui import FILE`).',
        )

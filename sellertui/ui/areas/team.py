"""The Team tab."""

from __future__ import annotations

from textual.app import ComposeResult

from sellertui.ui.areas.base import Area
from sellertui.ui.widgets import EmptyState


class TeamArea(Area):
    TITLE = "Team"
    KEY = "7"
    WATCHES = frozenset(['activity', 'tasks'])

    def compose(self) -> ComposeResult:
        yield EmptyState(
            "Team",
            "Tasks with an owner, a deadline and a status, and a feed of who changed what.",
            'Fill it by adding a task: `sellertui task add "Ship the FBM orders" --owner ana --due 2026-11-30`.',
        )

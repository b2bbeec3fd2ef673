"""Small widgets shared by several areas."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from sellertui.ui.kit.safe import content


class EmptyState(Vertical):
    """What an area shows when there is nothing in it yet: what it is for, and how to fill it."""

    DEFAULT_CSS = """
    EmptyState {
        align: center middle;
        height: 1fr;
        padding: 1 2;
    }
    EmptyState > .title { text-style: bold; width: auto; max-width: 76; }
    EmptyState > .what { color: $text-muted; width: auto; max-width: 76; margin-top: 1; }
    EmptyState > .how { color: $text-accent; width: auto; max-width: 76; margin-top: 1; }
    """

    def __init__(self, title: str, what: str, how: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self._parts = (title, what, how)

    def compose(self) -> ComposeResult:
        title, what, how = self._parts
        # these strings may hold paths and names: shown literally
        yield Static(content(title), classes="title")
        yield Static(content(what), classes="what")
        yield Static(content(how), classes="how")

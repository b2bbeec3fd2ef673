"""`/` opens a one-line filter above a table; typing filters live; esc clears it."""

from __future__ import annotations

from sellertui.core.i18n import N_
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FilterBar(Input):
    HELP_TITLE = N_("Filter")
    DEFAULT_CSS = """
    FilterBar { display: none; height: 3; border: tall $accent; }
    FilterBar.open { display: block; }
    FilterBar.bad { border: tall $error; }
    """
    BINDINGS = [Binding("escape", "close", N_("Clear filter"), id="filter.close")]

    class Typed(Message):
        """The filter text changed (Input.Changed is kept for the Input itself)."""

        def __init__(self, bar: "FilterBar", text: str) -> None:
            self.bar = bar
            self.text = text
            super().__init__()

    class Done(Message):
        """Enter or esc: focus goes back to the table."""

    def open(self) -> None:
        self.add_class("open")
        self.focus()

    def action_close(self) -> None:
        self.value = ""
        self.remove_class("open", "bad")
        self.post_message(self.Done())

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Typed(self, event.value))

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.value:
            self.remove_class("open")
        self.post_message(self.Done())

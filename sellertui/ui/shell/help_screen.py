"""`?`: every key of the current screen, grouped, with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from sellertui.ui.kit.safe import text


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", "Close", id="help.close")]

    def __init__(self, groups: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, rows in self.groups:
            table.add_row(Text(title, style="underline"), "")
            for keys, description in rows:
                table.add_row(text(keys), text(description))
            table.add_row("", "")
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys  (esc to close)"
            yield Static(table)


FRIENDLY = {"ContentTabs": "Tabs", "Screen": "Focus", "Input": "Text field", "DataTable": "Table"}


def describe_bindings(app, screen) -> list[tuple[str, list[tuple[str, str]]]]:
    """The active bindings of ``screen``, grouped by the area or widget that owns them.

    Several keys for one action show on one row ("?, f1  Help"). Areas come
    first, app-wide keys last.
    """
    groups: dict[str, dict[str, list[str]]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description:
            continue
        if active.node is app:
            owner = "Everywhere"
        else:
            owner = getattr(active.node, "TITLE", "") or FRIENDLY.get(type(active.node).__name__, type(active.node).__name__)
        keys = groups.setdefault(owner, {}).setdefault(binding.description[:1].upper() + binding.description[1:], [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    rows = {owner: [(", ".join(keys), desc) for desc, keys in actions.items()] for owner, actions in groups.items()}
    return sorted(rows.items(), key=lambda kv: (kv[0] == "Everywhere", kv[0] in FRIENDLY.values()))

"""`?`: every key of the current screen, grouped by where it works (named as the user knows it), and what
is wrong with the user's key map, if anything."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from sellertui.core.i18n import N_, _
from sellertui.ui.kit.safe import text


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", N_("Close"), id="help.close")]

    def __init__(self, groups: list[tuple[str, list[tuple[str, str]]]], problems: list[str] = ()) -> None:
        super().__init__()
        self.groups = groups
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        if self.problems:
            table.add_row(Text(_("Key map problems"), style="bold underline yellow"), "")
            for problem in self.problems:
                table.add_row(Text("⚠", style="bold yellow"), text(problem.removeprefix("Key map: ")))
            table.add_row("", "")
        for title, rows in self.groups:
            table.add_row(Text(title, style="underline"), "")
            for keys, description in rows:
                table.add_row(text(keys), text(description))
            table.add_row("", "")
        with VerticalScroll() as scroll:
            scroll.border_title = _("Keys  (esc closes · ctrl+p: every action by name)")
            yield Static(table)


FRIENDLY = {"ContentTabs": N_("Tabs"), "Screen": N_("Focus"), "Input": N_("Text field"), "DataTable": N_("Table"),
            "OptionList": N_("List"), "Select": N_("Choice"), "TextArea": N_("Text")}


def section_name(app, node) -> str:
    """What a user calls the place a key works: "Everywhere", "Orders › Ship queue", "Table"."""
    import re

    from sellertui.ui.kit.views import View

    if node is app:
        return _("Everywhere")
    if isinstance(node, View):
        return f"{_(node.area.TITLE)} › {_(node.TITLE)}"
    named = getattr(node, "HELP_TITLE", "") or getattr(node, "TITLE", "") or FRIENDLY.get(type(node).__name__)
    if named:
        return _(named)
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", type(node).__name__.removesuffix("Screen")).strip()
    return (words[:1] + words[1:].lower()) or _("This screen")


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
        owner = section_name(app, active.node)
        said = _(binding.tooltip or binding.description)  # the full name where the footer shows a short one
        keys = groups.setdefault(owner, {}).setdefault(said[:1].upper() + said[1:], [])
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    rows = {owner: [(", ".join(keys), desc) for desc, keys in actions.items()] for owner, actions in groups.items()}
    tabs = {_(area.TITLE) for area in app.tabs()} if hasattr(app, "tabs") else set()

    def rank(name: str) -> int:  # the tab and its view first, then the widget's own keys, app-wide last
        return 2 if name == _("Everywhere") else 0 if "›" in name or name in tabs else 1

    return sorted(rows.items(), key=lambda kv: rank(kv[0]))

"""Small modal screens: an explanation to read, a question to confirm."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from sellertui.ui.kit.safe import content, plain, text
from sellertui.core.i18n import N_, _


def modal_box(name: str, width: int, max_height: str = "90%") -> str:
    """The CSS of a modal screen ``name`` whose Vertical is a centred box ``width`` columns wide (at most the
    screen's width, so it fits at 80 columns), as tall as its content."""
    return f"""
    {name} {{ align: center middle; }}
    {name} > Vertical {{
        width: {width}; max-width: 100%; height: auto; max-height: {max_height};
        border: round $accent; background: $surface; padding: 0 1;
    }}
    """


def fact_grid(rows, gap: int = 1) -> Table:
    """(label, value) rows as a two-column grid, labels bold; both shown literally."""
    grid = Table.grid(padding=(0, gap))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in rows:
        grid.add_row(text(label), text(value))
    return grid


def fact_panel(title: str, rows, lines=()) -> Group:
    """A side panel: a bold title, the facts, then the non-empty lines below."""
    return Group(text(title, "bold"), fact_grid(rows), Text(""), *[text(line) for line in lines if line])


class InfoScreen(ModalScreen[None]):
    """Read-only details: rows of (label, value) and/or paragraphs. ``y`` copies them."""

    DEFAULT_CSS = modal_box("InfoScreen", 90) + "InfoScreen VerticalScroll { height: auto; max-height: 1fr; }"
    BINDINGS = [
        Binding("escape,q,enter", "dismiss", N_("Close"), id="info.close"),
        Binding("y", "copy", N_("Copy"), id="info.copy"),
    ]

    def __init__(self, title: str, rows: list[tuple[str, object]] = (), paragraphs: list[str] = ()) -> None:
        super().__init__()
        self.info_title = title
        self.rows = list(rows)
        self.paragraphs = list(paragraphs)

    def as_text(self) -> str:
        lines = [_(self.info_title)]
        lines += [f"{_(label)}: {value}" for label, value in self.rows]
        lines += self.paragraphs
        return "\n".join(lines)

    def compose(self) -> ComposeResult:
        grid = fact_grid([(_(label), value) for label, value in self.rows], gap=2)
        with Vertical() as box:
            box.border_title = plain(_(self.info_title))
            box.border_subtitle = _("esc close · y copy")
            with VerticalScroll():
                if self.rows:
                    yield Static(grid)
                for paragraph in self.paragraphs:
                    yield Static(content(paragraph), classes="paragraph")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.as_text())
        self.notify(_("Copied (OSC 52: works over SSH; in tmux set set-clipboard on)."), timeout=3)


class DetailScreen(InfoScreen):
    """An InfoScreen whose body is a ready-made renderable (an order, a task, a return)."""

    def __init__(self, title: str, body) -> None:
        super().__init__(title)
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = plain(_(self.info_title))
            box.border_subtitle = _("esc close · y copy")
            with VerticalScroll():
                yield Static(self.body)

    def as_text(self) -> str:
        import io

        from rich.console import Console

        console = Console(width=88, record=True, file=io.StringIO())
        console.print(self.body)
        return console.export_text()


class ConfirmScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 64; max-width: 100%; height: auto; border: round $warning; background: $surface; padding: 1 2;
    }
    """
    BINDINGS = [
        Binding("y,enter", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(content(_(self.question)))
            yield Static(_("y yes · n no"), classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PickScreen(ModalScreen[str | None]):
    """Pick one of a few choices with the arrows and enter; dismisses with its value, or None (esc)."""

    DEFAULT_CSS = modal_box("PickScreen", 76) + """
    PickScreen OptionList { height: auto; max-height: 16; border: none; }
    PickScreen .hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape,q", "dismiss(None)", N_("Close"), id="pick.close")]

    def __init__(self, title: str, choices: list[tuple[Text | str, str]], hint: str = N_("enter picks · esc closes"),
                 lead: str = "") -> None:
        super().__init__()
        self.pick_title, self.choices, self.hint, self.lead = title, choices, hint, lead

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList
        from textual.widgets.option_list import Option

        with Vertical() as box:
            box.border_title = plain(_(self.pick_title))
            if self.lead:
                yield Static(content(_(self.lead)), classes="hint")
            yield OptionList(*[Option(label if isinstance(label, Text) else text(label), id=value)
                               for label, value in self.choices])
            yield Static(content(_(self.hint)), classes="hint")

    def on_mount(self) -> None:
        from textual.widgets import OptionList

        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event) -> None:
        event.stop()
        self.dismiss(event.option.id)

"""Shown when the store is empty: offer the demo shop and the importers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sellertui.ui.kit.safe import content
from sellertui.core.i18n import N_, _


class WelcomeScreen(ModalScreen[str]):
    """Dismisses with "demo", "import" or "empty"."""

    DEFAULT_CSS = """
    WelcomeScreen { align: center middle; }
    WelcomeScreen > Vertical {
        width: 74; max-width: 100%; height: auto;
        border: round $accent; background: $surface; padding: 1 2;
    }
    WelcomeScreen .lead { text-style: bold; }
    WelcomeScreen .body { margin-top: 1; color: $text-muted; }
    WelcomeScreen Horizontal { height: auto; margin-top: 1; }
    WelcomeScreen Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("d", "choose('demo')", N_("Demo shop"), id="welcome.demo"),
        Binding("i", "choose('import')", N_("Import"), id="welcome.import"),
        Binding("escape", "choose('empty')", N_("Start empty"), id="welcome.empty"),
    ]

    def __init__(self, store_path: str) -> None:
        super().__init__()
        self.store_path = store_path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Welcome to sellertui"), classes="lead")
            yield Static(
                content(
                    _("Your store at {path} is empty. Look around the demo shop "
                      "(a small home-and-kitchen brand with six months of orders, ads, deals and tasks), "
                      "or import the reports you download from Seller Central and the Ads console.").format(
                        path=self.store_path)
                ),
                classes="body",
            )
            with Horizontal():
                yield Button(_("Load the demo shop  d"), id="demo", variant="primary")
                yield Button(_("Import a report  i"), id="import")
                yield Button(_("Start empty  esc"), id="empty")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

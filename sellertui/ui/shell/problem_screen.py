"""A store file cannot be read: name it, keep it, offer the newest good backup."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sellertui.ui.kit.safe import content
from sellertui.core.i18n import N_, _


class StoreProblemScreen(ModalScreen[str]):
    """Dismisses with "restore" or "quit"."""

    DEFAULT_CSS = """
    StoreProblemScreen { align: center middle; }
    StoreProblemScreen > Vertical {
        width: 80; max-width: 100%; height: auto;
        border: thick $error; background: $surface; padding: 1 2;
    }
    StoreProblemScreen .lead { text-style: bold; color: $error; }
    StoreProblemScreen .body { margin-top: 1; }
    StoreProblemScreen Horizontal { height: auto; margin-top: 1; }
    StoreProblemScreen Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("r", "choose('restore')", N_("Restore backup"), id="problem.restore"),
        Binding("q,escape", "choose('quit')", N_("Quit"), id="problem.quit"),
    ]

    def __init__(self, message: str, can_restore: bool) -> None:
        super().__init__()
        self.message = message
        self.can_restore = can_restore

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("The store cannot be opened"), classes="lead")
            yield Static(content(self.message), classes="body")
            with Horizontal():
                if self.can_restore:
                    yield Button(_("Restore the newest good backup  r"), id="restore", variant="warning")
                yield Button(_("Quit  q"), id="quit")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        if choice == "restore" and not self.can_restore:
            return
        self.dismiss(choice)

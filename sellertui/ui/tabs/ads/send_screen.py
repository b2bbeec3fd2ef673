"""Changes sent through the Ads API, on one screen: the dry run, then the progress, then each item's outcome.

The dry run is read before anything goes: y sends, n (esc) does not. While
sending, a bar counts the items; esc closes the screen and the sending goes
on (each batch's results are in the Ledger as they come). At the end every
change is listed with each item's new id or Amazon's reason. Not connected,
the dry run still shows what would go, and c opens the Ads console's form.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from sellertui.core.i18n import N_, _
from sellertui.ui.kit.safe import content, plain

REVIEW, SENDING, DONE = "review", "sending", "done"


class SendScreen(ModalScreen[str | None]):
    """Dismissed with "sent" (after sending), "connect" (c) or None (nothing sent)."""

    DEFAULT_CSS = """
    SendScreen { align: center middle; }
    SendScreen > Vertical {
        width: 96; max-width: 100%; height: auto; max-height: 90%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    SendScreen VerticalScroll { height: auto; max-height: 60vh; }
    SendScreen ProgressBar { display: none; margin-bottom: 1; }
    SendScreen.sending ProgressBar { display: block; }
    SendScreen .note { margin-bottom: 1; text-style: bold; }
    """
    BINDINGS = [
        Binding("y", "send", N_("Send"), id="ads-send.yes"),
        Binding("c", "connect", N_("Connect"), id="ads-send.connect"),
        Binding("n,escape", "close", N_("Close"), id="ads-send.no"),
        Binding("enter", "close", N_("Close"), show=False, id="ads-send.close"),
    ]

    def __init__(self, title: str, lines: list[str], note: str, can_send: bool, connected: bool = True,
                 send=None) -> None:
        super().__init__()
        self.send_title = title
        self.lines = lines
        self.note = note
        self.can_send = can_send
        self.connected = connected
        self.stage = REVIEW
        self._send = send  # called once, on y: starts the sending (the tab's worker)

    def as_text(self) -> str:
        return "\n".join([self.send_title, self.note, *self.lines])

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = plain(self.send_title)
            box.border_subtitle = self._keys()
            yield Static(content(self.note), classes="note", id="send-note")  # first: always in sight
            yield ProgressBar(show_eta=False, id="send-progress")
            with VerticalScroll():
                yield Static(content("\n".join(self.lines)), id="send-lines")

    def _keys(self) -> str:
        if self.stage == SENDING:
            return _("esc close (the sending goes on)")
        if self.stage == REVIEW and self.can_send:
            return _("y send · n cancel")
        return _("c connect · esc close") if not self.connected else _("esc close")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "send":
            return self.stage == REVIEW and self.can_send
        if action == "connect":
            return self.stage == REVIEW and not self.connected
        return True

    def _show(self, lines: list[str] | None, note: str) -> None:
        if lines is not None:
            self.lines = lines
            self.query_one("#send-lines", Static).update(content("\n".join(lines)))
        self.note = note
        self.query_one("#send-note", Static).update(content(note))
        self.query_one(Vertical).border_subtitle = self._keys()
        self.refresh_bindings()

    # -- the stages ----------------------------------------------------------------------------
    def action_send(self) -> None:
        if self.stage != REVIEW or not self.can_send:
            return
        self.stage = SENDING
        self.add_class("sending")
        self._show(None, _("Sending… each batch's results go into the Ledger as Amazon answers."))
        if self._send is not None:
            self._send(self)

    def progressed(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self._show(None, _("Sending… {done} of {total} item(s) answered.").format(done=done, total=total))

    def finished(self, outcomes: list[str], summary: str) -> None:
        self.stage = DONE
        self.remove_class("sending")
        self._show(outcomes or self.lines, _("{summary}. The Ledger (L) keeps each item's outcome.").format(
            summary=f"{summary[:1].upper()}{summary[1:]}"))

    def refused(self, why: str) -> None:
        self.stage = DONE
        self.remove_class("sending")
        self._show(None, _("Not sent: {why}").format(why=why))

    def action_connect(self) -> None:
        if self.stage == REVIEW and not self.connected:
            self.dismiss("connect")

    def action_close(self) -> None:
        self.dismiss("sent" if self.stage != REVIEW else None)

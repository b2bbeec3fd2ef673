"""The Ads tab's part that sends approved changes through the Ads API, and takes applied ones back.

A is the dry run of every approved change (``domain.ads.applying``), shown
before anything goes; y sends them in a save worker whose progress comes back
as ``SendProgressed``, and whose result (each item's new id or Amazon's
reason, kept in the ledger by the domain) the screen lists at the end. U in
the Ledger does the same for the reverse changes (``domain.ads.reverting``).
Without the Ads console connected the dry run still shows what would go, and
c (or C anywhere in the tab) opens the form that connects it.
"""

from __future__ import annotations

from textual.message import Message

from sellertui.core.i18n import _
from sellertui.core.errors import UserError
from sellertui.store.errors import StoreError
from sellertui.ui.kit.messages import Saved
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.ads.base import DECIDED

APPLY, REVERT = "apply", "revert"


class SendPlanned(Message):
    """A dry run is ready: what would go to the Ads API (``what``: apply or revert)."""

    def __init__(self, what: str, result, connected: bool, ids: list[str]) -> None:
        self.what, self.result, self.connected, self.ids = what, result, connected, list(ids)
        super().__init__()


class SendProgressed(Message):
    def __init__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        super().__init__()


class SendRefused(Message):
    """Nothing (more) could be sent: the lock is held, the credentials were refused, the network is down."""

    def __init__(self, why: str) -> None:
        self.why = why
        super().__init__()


class AdsSending:
    """A mixin of ``AdsArea``: the dry run, the send with its progress, the outcome."""

    _send_screen = None  # the SendScreen of the send in flight

    def action_apply_by_api(self) -> None:
        self._dry_run(APPLY, [])

    def take_back(self, record_ids: list[str]) -> None:
        """Applied changes taken back by the reverse change (from the Ledger), after their dry run."""
        self._dry_run(REVERT, record_ids)

    def action_connect_ads(self) -> None:
        self.app.action_connect_ads()

    @work(thread=True, exclusive=True, group="ads-send", exit_on_error=False)
    def _dry_run(self, what: str, record_ids: list[str]) -> None:
        from sellertui.amazon.credentials import ADS, load
        from sellertui.domain.ads.applying import apply_approved
        from sellertui.domain.ads.reverting import revert

        shop = self.shop
        result = apply_approved(shop, dry_run=True) if what == APPLY else revert(shop, record_ids, dry_run=True)
        self.post_message(SendPlanned(what, result, load(ADS) is not None, record_ids))

    def on_send_planned(self, message: SendPlanned) -> None:
        from sellertui.ui.tabs.ads.send_screen import SendScreen

        result, applying = message.result, message.what == APPLY
        lines = result.lines()
        if not lines:
            self.notify(_("No approved changes to send: approve proposals first (p, then a).") if applying else
                        _("Nothing to take back: only changes applied through the Ads API are."), timeout=5)
            return
        can_send = bool(result.plan.changes if applying else result.reversals)
        if not message.connected:
            note = (_("Not connected to the Ads console, so nothing can be sent: c connects it; or "
                      "export the approved changes as a bulk file with b."))
        elif not can_send:
            note = _("Nothing here can be sent: {summary}.").format(summary=result.summary())
        else:
            note = (_("{summary}: y sends them now, n does not.") if applying else
                    _("{summary}: y sends the reverse changes now, n does not.")).format(summary=result.summary())
        title = _("Send approved changes through the Ads API") if applying else _("Take back through the Ads API")
        screen = SendScreen(title, lines, note, message.connected and can_send, message.connected,
                            send=lambda shown: self._send(shown, message))
        self.app.push_screen(screen, self._send_closed)

    def _send_closed(self, outcome: str | None) -> None:
        if outcome == "connect":
            self.app.action_connect_ads()
        elif outcome == "sent":
            self.call_later(self.action_view, "ledgerview")  # where each item's outcome stays

    def _send(self, screen, message: SendPlanned) -> None:
        from sellertui.domain.ads.applying import apply_approved
        from sellertui.domain.ads.reverting import revert

        self._send_screen = screen
        shop, ids = self.shop, message.ids

        def write(store):
            progress = lambda done, total: self.post_message(SendProgressed(done, total))  # noqa: E731
            try:
                if message.what == APPLY:
                    return apply_approved(shop, progress=progress)
                return revert(shop, ids, progress=progress)
            except (UserError, StoreError) as exc:
                self.post_message(SendRefused(str(exc)))
                raise  # on to the app's funnel: "Not saved" and why

        self.save(write, lambda result: result.summary(), DECIDED)

    def on_send_progressed(self, message: SendProgressed) -> None:
        if self._send_screen is not None and self._send_screen.is_attached:
            self._send_screen.progressed(message.done, message.total)

    def sent(self, message: Saved) -> None:
        """A send finished (from ``on_saved``): the screen lists each outcome; a refusal is a warning."""
        result = message.result
        if not result.ok:
            message.severity = "warning"  # Amazon refused part of it: the Ledger says what and why
        screen, self._send_screen = self._send_screen, None
        if screen is not None and screen.is_attached:
            screen.finished(result.outcomes(), result.summary())
            message.note = ""  # the screen says it; closed meanwhile, the note does

    def on_send_refused(self, message: SendRefused) -> None:
        screen, self._send_screen = self._send_screen, None
        if screen is not None and screen.is_attached:
            screen.refused(message.why)

"""Seller Central from the app: the header's sync status, `R` to sync now (with progress), Connect.

The sync runs in a thread worker through ``domain.sync.runner.sync`` (the same
as `sellertui sync`); its steps and its end come back as named messages. The
status line is read offline (``domain.sync.status``) when the store opens,
after a sync, when another process (cron) synced, and each minute so "7 min
ago" stays true.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

from sellertui.ui.kit.workers import work
from sellertui.ui.shell.header import ShopHeader
from sellertui.core.i18n import N_, _

SYNC_COLLECTIONS = frozenset({"sync_runs", "sync_state", "outbox"})
BINDINGS = [Binding("R", "sync", N_("Sync"), id="app.sync")]


class SyncStatusRead(Message):
    def __init__(self, line: str, problem: bool) -> None:
        self.line, self.problem = line, problem
        super().__init__()


class SyncProgressed(Message):
    def __init__(self, what: str, fraction: float) -> None:
        self.what, self.fraction = what, fraction
        super().__init__()


class SyncFinished(Message):
    """A sync ended: one line per stream, and whether every stream succeeded."""

    def __init__(self, lines: list[str], ok: bool) -> None:
        self.lines, self.ok = lines, ok
        super().__init__()


class SyncNeedsConnecting(Message):
    """There are no credentials yet: the Connect form opens."""


class Connected(Message):
    def __init__(self, ok: bool, lines: list[str]) -> None:
        self.ok, self.lines = ok, lines
        super().__init__()


class SyncShell:
    """The App's part that talks to Seller Central (a mixin of ``SellerApp``)."""

    def start_sync_status(self) -> None:
        self.read_sync_status()
        self.set_interval(60, self.read_sync_status, name="sync-status")

    @work(thread=True, exclusive=True, group="sync-status", exit_on_error=False)
    def read_sync_status(self) -> None:
        from sellertui.domain.sync.status import sync_status

        status = sync_status(self.shop)
        problem = bool(status.credentials_problem or status.failing or status.failed_confirmations)
        self.post_message(SyncStatusRead(status.header(), problem))

    def on_sync_status_read(self, message: SyncStatusRead) -> None:
        header = self.query_one(ShopHeader)
        header.sync_problem = message.problem
        header.sync = message.line

    # -- sync now ------------------------------------------------------------------------------
    def action_sync(self) -> None:
        if self.shop is None:
            return
        self.query_one(ShopHeader).sync = _("syncing…")
        self.run_sync()

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def run_sync(self) -> None:
        from sellertui.amazon.errors import NotConnected
        from sellertui.domain.sync.runner import sync

        try:
            result = sync(self.shop, progress=lambda step: self.post_message(SyncProgressed(step.what, step.fraction)))
        except NotConnected:
            self.post_message(SyncNeedsConnecting())
            return
        self.post_message(SyncFinished(result.lines(), result.ok))

    def on_sync_needs_connecting(self, message: "SyncNeedsConnecting") -> None:
        self.read_sync_status()
        self.notify(_("Not connected to Seller Central yet: fill in your SP-API app's credentials."), timeout=6)
        self.action_connect()

    def on_sync_progressed(self, message: SyncProgressed) -> None:
        self.query_one(ShopHeader).sync = f"{message.what} {message.fraction:.0%}"

    def on_sync_finished(self, message: SyncFinished) -> None:
        self.notify("\n".join(message.lines) or _("Nothing new."), title=_("Synced") if message.ok else _("Sync: problems"),
                    severity="information" if message.ok else "warning", timeout=10)
        self.broadcast_change(frozenset().union(*(tab.WATCHES for tab in self.tabs())) | SYNC_COLLECTIONS,
                              external=False)
        self.read_sync_status()

    # -- connect --------------------------------------------------------------------------------
    def action_connect(self) -> None:
        from sellertui.ui.shell.connect_screen import connect_form

        settings = self.ctx.settings

        def done(values: dict | None) -> None:
            if values:
                self.notify(_("Checking with Amazon…"), timeout=3)
                self.connect(values)

        self.push_screen(connect_form(settings.section("amazon"), settings.marketplace), done)

    @work(thread=True, exclusive=True, group="connect", exit_on_error=False)
    def connect(self, values: dict) -> None:
        from sellertui.domain.sync.connect import setup

        found, kept = setup(self.ctx.settings, values["region"], values["marketplaces"], values["client_id"],
                            values["client_secret"], values["refresh_token"])
        if found.ok:
            lines = [_("The account sells in {marketplaces}.").format(
                         marketplaces=", ".join(found.selling_in) or _("no marketplace")),
                     _("Credentials kept in {where}. R syncs now; cron can run `sellertui sync`.").format(where=kept)]
        else:
            lines = [*found.problems, _("Nothing was saved.")]
        self.post_message(Connected(found.ok, lines))

    def on_connected(self, message: Connected) -> None:
        self.notify("\n".join(message.lines), title=_("Connected") if message.ok else _("Not connected"),
                    severity="information" if message.ok else "error", timeout=15)
        self.read_sync_status()

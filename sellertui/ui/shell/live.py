"""The open store, watched: another process's change (a teammate, a cron import or sync) shows within ~2 s, and a
database that stops answering is said in the header until it answers again."""

from __future__ import annotations

from textual.message import Message

from sellertui import clock
from sellertui.store.errors import StoreUnreachable
from sellertui.ui.kit.workers import work
from sellertui.ui.shell.header import ShopHeader
from sellertui.ui.shell.sync import SYNC_COLLECTIONS
from sellertui.core.i18n import _

POLL_SECONDS = 1.0  # another process's change shows within ~2 s
POLL_GROUP = "poll"  # the store poller's workers (tests wait for every other worker)


class OutsideChange(Message):
    """Another process (a teammate, a cron import) changed ``collections``; ``who`` did ``what`` last."""

    def __init__(self, collections: frozenset[str], who: str, what: str = "") -> None:
        self.collections, self.who, self.what = collections, who, what
        super().__init__()


class Reachability(Message):
    """The database stopped answering (``reachable`` False) or answers again."""

    def __init__(self, reachable: bool) -> None:
        self.reachable = reachable
        super().__init__()


class LiveStore:
    """Mixed into the app: polls the shop's store and tells every tab what changed elsewhere."""

    _unreachable = False  # set on the UI thread; the poller only reads it
    _clear_marker = None

    def poll_store(self) -> None:
        if self.shop is not None:
            self._poll()

    @work(thread=True, exclusive=True, group=POLL_GROUP, exit_on_error=False)
    def _poll(self) -> None:
        try:
            changed = self.shop.changes()
        except StoreUnreachable:  # shown in the header, not as an error a second; the next poll tries again
            if not self._unreachable:
                self.post_message(Reachability(False))
            return
        if self._unreachable:
            self.post_message(Reachability(True))
        if changed:
            from sellertui.domain.team.activity import last_change

            self.post_message(OutsideChange(frozenset(changed), *last_change(self.shop.store, clock.today())))

    def on_outside_change(self, message: OutsideChange) -> None:
        from sellertui.domain.team.activity import change_line

        found = self.query(ShopHeader)
        if not found:  # the app is closing (its widgets are gone): nothing to show the change on
            return
        header = found.first()
        header.outside_change = change_line(message.who, message.what, message.collections, f"{clock.now():%H:%M}")
        if self._clear_marker is not None:
            self._clear_marker.stop()
        self._clear_marker = self.set_timer(300, lambda: setattr(header, "outside_change", ""))
        self.broadcast_change(message.collections, external=True)
        if message.collections & SYNC_COLLECTIONS:  # cron or a teammate synced
            self.read_sync_status()

    def on_reachability(self, message: Reachability) -> None:
        self._unreachable = not message.reachable
        self.query_one(ShopHeader).unreachable = self._unreachable
        if message.reachable:  # whatever changed meanwhile: every tab reads again
            self.notify(_("The database answers again."), timeout=4)
            self.action_refresh()

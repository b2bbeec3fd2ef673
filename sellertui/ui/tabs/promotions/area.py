"""The Promotions tab: a month calendar, the list, the events table and the fee table.

The area reads one ``Board`` (promotions with their events, fees, checks and
results; see ``sellertui.domain.promotions.board``) in a worker and every view
shows it. On first use it stores the seeded events and fee table so the user
can edit them. Actions on a promotion (edit, duplicate, cancel, next status,
working) are the area's: in the list they act on the row, in the calendar on
the selected day's promotion (a chooser when there are several). Writes run in
a worker; a teammate's edit in between is reported, never overwritten.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from textual import work
from textual.binding import Binding

from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.store import StoreError
from sellertui.ui.tabs.promotions.calendar_view import CalendarView
from sellertui.ui.tabs.promotions.events_view import EventsView
from sellertui.ui.tabs.promotions.fees_view import FeesView
from sellertui.ui.tabs.promotions.list_view import PromotionListView
from sellertui.ui.kit.views import ViewArea, view_bindings

VIEWS = (CalendarView, PromotionListView, EventsView, FeesView)


class PromotionsArea(ViewArea):
    TITLE = "Promotions"
    KEY = "4"
    WATCHES = frozenset({"products", "promotions", "events", "promo_fees", "orders", "purchase_orders"})
    VIEWS = VIEWS
    BINDINGS = [replace(b, show=False) for b in view_bindings(VIEWS)] + [
        Binding("n", "new_promotion", "New", id="promotions.new"),
        Binding("S", "settings", "Settings", show=False, id="promotions.settings"),
    ]

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self._board = None
        self._lock = threading.Lock()
        self._seeded = False

    # -- the board every view shows ------------------------------------------------------
    def board(self):
        """The board (read in a worker thread; cached until the store changes)."""
        with self._lock:
            if self._board is None:
                from sellertui.domain.promotions import board as board_mod
                from sellertui.domain.promotions import events, fees

                store = self.ctx.store()
                if not self._seeded:  # the user edits stored entries: store the seeds once
                    events.seed(store, clock.today())
                    fees.seed(store)
                    self._seeded = True
                self._board = board_mod.load(store, self.ctx.settings, self.ctx.frames())
            return self._board

    def reload(self) -> None:
        with self._lock:
            self._board = None
        super().reload()

    async def action_go(self, view: str, action: str) -> None:
        if action.startswith("promotion(") and isinstance(self.current, (CalendarView, PromotionListView)):
            view = self.current.id  # the list's row, or the calendar's day: whichever is shown
        await super().action_go(view, action)

    # -- saving ----------------------------------------------------------------------------
    def save(self, write, done, collections: frozenset[str] = frozenset({"promotions"})) -> None:
        """Run ``write(store)`` in a worker; then say ``done`` (text, or a function of the result) and refresh."""
        self._save(write, done, collections)

    @work(thread=True, group="promotions-save", exit_on_error=False)
    def _save(self, write, done, collections) -> None:
        try:
            result = write(self.ctx.store())
        except (StoreError, UserError) as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Not saved", severity="error", timeout=10)
            return
        message = done(result) if callable(done) else done
        self.app.call_from_thread(self._saved, message, collections)

    def _saved(self, message: str, collections: frozenset[str]) -> None:
        if message:
            self.notify(message, timeout=4)
        self.app.broadcast_change(collections, external=False)

    # -- promotions --------------------------------------------------------------------------
    def action_new_promotion(self, start=None) -> None:
        from sellertui.ui.tabs.promotions import actions

        board = self._board
        if board is None:
            self.notify("Still loading the promotions…", timeout=3)
            return
        if start is None and isinstance(self.current, CalendarView):
            start = self.current.day
        actions.new_promotion(self, board, start)

    def act(self, action: str, promo: dict) -> None:
        from sellertui.ui.tabs.promotions import actions

        board = self._board
        if board is not None and promo is not None:
            actions.run(self, board, action, promo)

    # -- settings ----------------------------------------------------------------------------
    def action_settings(self) -> None:
        from sellertui.domain.promotions.settings import LABELS, check_section
        from sellertui.ui.kit.settings_form import settings_form

        def done(values: dict | None) -> None:
            if values:
                self._save_settings(values)

        self.app.push_screen(settings_form(self.ctx.settings, "promotions", LABELS, check_section), done)

    @work(thread=True, group="promotions-settings", exit_on_error=False)
    def _save_settings(self, values: dict) -> None:
        from sellertui.ui.kit.settings_form import save_section

        changed = save_section(self.ctx.settings, "promotions", values)
        self.app.call_from_thread(self._settings_saved, changed)

    def _settings_saved(self, changed: dict) -> None:
        self.notify(f"Saved {', '.join(changed)}; the checks ran again." if changed else "Nothing changed", timeout=4)
        if changed:
            self.reload()

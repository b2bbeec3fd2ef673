"""The Promotions tab: a month calendar, the list, the events table and the fee table.

The area reads one ``Board`` (promotions with their events, fees, checks and
results; see ``sellertui.domain.promotions.board``) in a worker and every view
shows it. On first use it stores the seeded events and fee table so the user
can edit them. Actions on a promotion (edit, duplicate, cancel, next status,
working) are the area's: in the list they act on the row, in the calendar on
the selected day's promotion (a chooser when there are several). Writes run in
a worker (``ShopPart.save``); a teammate's edit in between is reported, never
overwritten.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui.ui.kit.settings_form import SettingsSaved, edit_section, saved_note
from sellertui.ui.kit.views import ViewArea, view_bindings
from sellertui.ui.tabs.promotions.calendar_view import CalendarView
from sellertui.ui.tabs.promotions.events_view import EventsView
from sellertui.ui.tabs.promotions.fees_view import FeesView
from sellertui.ui.tabs.promotions.list_view import PromotionListView

VIEWS = (CalendarView, PromotionListView, EventsView, FeesView)


class PromotionsArea(ViewArea):
    TITLE = N_("Promotions")
    KEY = "4"
    WATCHES = frozenset({"products", "promotions", "events", "promo_fees", "orders", "purchase_orders"})
    VIEWS = VIEWS
    BINDINGS = [replace(b, show=False) for b in view_bindings(VIEWS)] + [
        Binding("n", "new_promotion", N_("New"), id="promotions.new"),
        Binding("S", "settings", N_("Settings"), show=False, id="promotions.settings"),
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
                from sellertui.domain.promotions.board import shop_board

                # the user edits stored entries: store the seeds once a session
                self._board = shop_board(self.shop, seed=not self._seeded)
                self._seeded = True
            return self._board

    def reload(self) -> None:
        with self._lock:
            self._board = None
        super().reload()

    async def action_go(self, view: str, action: str) -> None:
        if action.startswith("promotion(") and isinstance(self.current, (CalendarView, PromotionListView)):
            view = self.current.id  # the list's row, or the calendar's day: whichever is shown
        await super().action_go(view, action)

    # -- promotions --------------------------------------------------------------------------
    def action_new_promotion(self, start=None) -> None:
        from sellertui.ui.tabs.promotions import actions

        board = self._board
        if board is None:
            self.notify(_("Still loading the promotions…"), timeout=3)
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

        edit_section(self, "promotions", labels=LABELS, check=check_section)

    def on_settings_saved(self, message: SettingsSaved) -> None:
        self.notify(saved_note(message.changed, _("the checks ran again")), timeout=4)
        if message.changed:
            self.reload()

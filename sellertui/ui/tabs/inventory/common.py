"""What the Inventory views share: saving in a worker, and actions that wait for the data.

Writes wait for the store's lock, so they run in a thread worker; the result
comes back with ``call_from_thread``, which notifies the user and tells every
tab what changed. A store error (a teammate's edit in between: ``Conflict``)
or a refused input (``UserError``) is shown as "Not saved" with its sentence.
"""

from __future__ import annotations

from typing import Any, Callable

from textual import work

from sellertui.core.errors import UserError
from sellertui.store import StoreError
from sellertui.ui.kit.views import TableView


class InventoryView(TableView):
    """A table view that can save in a worker and run an action once its data is loaded."""

    DETAIL_WIDTH = 42
    WIDE = 118  # the side panel shows from this terminal width on: at 80 columns the table needs the room

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self._pending: list[str] = []

    # -- actions that need the data (from the palette, before the view loaded) --
    def run_when_loaded(self, action: str) -> None:
        if self.loaded:
            self.call_after_refresh(self.run_action, action)
        else:
            self._pending.append(action)

    def done_loading(self) -> None:
        super().done_loading()
        pending, self._pending = self._pending, []
        for action in pending:
            self.call_after_refresh(self.run_action, action)

    # -- saving -----------------------------------------------------------------
    def save(self, write: Callable[[Any], Any], done: Callable[[Any], str] | str,
             collections: frozenset[str]) -> None:
        """Run ``write(store)`` in a worker; then say ``done`` and refresh the tabs showing ``collections``."""
        self._save(write, done, collections)

    @work(thread=True, group="inventory-save", exit_on_error=False)
    def _save(self, write, done, collections) -> None:
        try:
            result = write(self.ctx.store())
        except (StoreError, UserError) as exc:  # one sentence the user can act on; user text is not markup
            self.app.call_from_thread(self.notify, str(exc), title="Not saved", severity="error", timeout=10,
                                      markup=False)
            return
        message = done(result) if callable(done) else done
        self.app.call_from_thread(self._saved, message, collections)

    def _saved(self, message: str, collections: frozenset[str]) -> None:
        if message:
            self.notify(message, timeout=4, markup=False)  # SKUs and suppliers are user text
        self.app.broadcast_change(collections, external=False)

    def current_value(self, key: str):
        return self.table.value(key) if self.table.frame is not None else None

    def select_row(self, key: str, value) -> None:
        """Put the cursor on the (shown) row whose ``key`` column holds ``value``."""
        import numpy as np

        if self.table.frame is None:
            return
        hits = np.flatnonzero(self.table.frame[key].to_numpy()[self.table.order] == value)
        if len(hits):
            self.table.cursor_row = int(hits[0])

    # -- the side panel only where it fits -------------------------------------------
    def on_mount(self) -> None:
        # A focusable panel beside the table takes the focus when the tab is hidden (Textual moves focus
        # to a visible sibling), and TabbedContent then switches back to this tab: number keys stop working.
        self.query_one(f"#{self.id}-detail").can_focus = False
        self._fit_detail()

    def on_resize(self) -> None:
        self._fit_detail()

    def _fit_detail(self) -> None:
        self.query_one(f"#{self.id}-detail").display = self.app.size.width >= self.WIDE

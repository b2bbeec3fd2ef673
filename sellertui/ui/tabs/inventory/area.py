"""The Inventory tab: two views (SKUs, purchase orders) and the thresholds.

Each view's keys show in the footer while it is shown. The command palette
lists the area's BINDINGS, so every view action is also declared here as a
hidden binding that first switches to its view (``go``); in the other view the
same key does the same, so nothing is out of reach.
"""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from sellertui.ui.tabs.inventory.purchase_orders import PurchaseOrdersView
from sellertui.ui.tabs.inventory.skus import SkusView
from sellertui.ui.kit.views import ViewArea, view_bindings

VIEWS = (SkusView, PurchaseOrdersView)


class InventoryArea(ViewArea):
    TITLE = "Inventory"
    KEY = "5"
    WATCHES = frozenset(["orders", "products", "promotions", "purchase_orders"])
    VIEWS = VIEWS
    BINDINGS = [
        *view_bindings(VIEWS),
        Binding("t", "thresholds", "Thresholds", id="inventory.thresholds"),
    ]

    def action_thresholds(self) -> None:
        from sellertui.ui.tabs.inventory.forms import thresholds_form

        def done(values: dict | None) -> None:
            if values is not None:
                self._save_thresholds(values)

        self.app.push_screen(thresholds_form(self.ctx.settings), done)

    @work(thread=True, group="inventory-settings", exit_on_error=False)
    def _save_thresholds(self, values: dict) -> None:
        from sellertui.ui.kit.settings_form import save_section

        changed = save_section(self.ctx.settings, "inventory", values)
        self.app.call_from_thread(self._thresholds_saved, changed)

    def _thresholds_saved(self, changed: dict) -> None:
        self.notify(f"Saved {len(changed)} threshold(s)" if changed else "No threshold changed", timeout=3)
        if changed:
            self.reload()

"""The Inventory tab: three views (SKUs, purchase orders, the competitor watch) and the thresholds.

Each view's keys show in the footer while it is shown. The command palette
lists the area's BINDINGS, so every view action is also declared here as a
hidden binding that first switches to its view (``go``); in the other view the
same key does the same, so nothing is out of reach.
"""

from __future__ import annotations

from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui.ui.kit.settings_form import SettingsSaved, edit_section
from sellertui.ui.kit.views import ViewArea, view_bindings
from sellertui.ui.tabs.inventory.purchase_orders import PurchaseOrdersView
from sellertui.ui.tabs.inventory.skus import SkusView
from sellertui.ui.tabs.inventory.watch import WatchView

VIEWS = (SkusView, PurchaseOrdersView, WatchView)


class InventoryArea(ViewArea):
    TITLE = N_("Inventory")
    KEY = "5"
    WATCHES = frozenset(["orders", "products", "promotions", "purchase_orders", "watchlist", "watch_snapshots"])
    VIEWS = VIEWS
    BINDINGS = [
        *view_bindings(VIEWS),
        Binding("t", "thresholds", N_("Thresholds"), show=False, id="inventory.thresholds"),  # rare: ? and the palette
    ]

    def action_thresholds(self) -> None:
        from sellertui.ui.tabs.inventory.forms import thresholds_form

        edit_section(self, "inventory", form=thresholds_form(self.ctx.settings))

    def on_settings_saved(self, message: SettingsSaved) -> None:
        changed = message.changed
        self.notify(_("Saved {n} threshold(s)").format(n=len(changed)) if changed else _("No threshold changed"), timeout=3)
        if changed:
            self.reload()

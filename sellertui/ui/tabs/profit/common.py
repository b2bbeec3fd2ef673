"""What the Profit views share: the area's service, and the collections the tab's own forms change."""

from __future__ import annotations

from sellertui.ui.kit.table_view import TableView

PROFIT_COLLECTIONS = frozenset({"expenses", "fx_rates", "hiring_roles", "cash_reserve"})


class ProfitPart:
    """A view of the Profit area: ``service()`` computes (in workers), ``area`` holds the period."""

    def service(self):
        return self.area.service()


class ProfitView(ProfitPart, TableView):
    """A table of the Profit area."""

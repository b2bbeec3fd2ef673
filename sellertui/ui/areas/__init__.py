"""The seven tabs, in order. Each area lives in its own module."""

from sellertui.ui.ads.area import AdsArea
from sellertui.ui.areas.base import Area, PendingArea
from sellertui.ui.promotions.area import PromotionsArea
from sellertui.ui.areas.today import TodayArea
from sellertui.ui.inventory.area import InventoryArea
from sellertui.ui.orders.area import OrdersArea
from sellertui.ui.profit.area import ProfitArea
from sellertui.ui.team.area import TeamArea

AREAS: tuple[type[Area], ...] = (TodayArea, OrdersArea, AdsArea, PromotionsArea, InventoryArea, ProfitArea, TeamArea)

__all__ = ["AREAS", "Area", "PendingArea"]

"""Every report kind sellertui reads, and telling them apart by their header row."""

from __future__ import annotations

from sellertui.core.i18n import _, shown
from sellertui.importers.headers import header_set
from sellertui.importers.kinds.ads import BulkSearchTerms, SearchTerms
from sellertui.importers.kinds.ads_api import API_REPORTS
from sellertui.importers.kinds.ads_products import SponsoredDisplayAdvertised, SponsoredProductsAdvertised
from sellertui.importers.kinds.ads_sbsd import SponsoredBrandsTerms, SponsoredDisplayMatches
from sellertui.importers.kinds.ads_targeting import (
    SponsoredBrandsTargeting, SponsoredDisplayTargeting, SponsoredProductsTargeting,
)
from sellertui.importers.kinds.base import Kind, Output
from sellertui.importers.kinds.brand_analytics import REFUSED, SearchQueryPerformance, TopSearchTerms
from sellertui.importers.kinds.business import BusinessReport
from sellertui.importers.kinds.feedback import SellerFeedback
from sellertui.importers.kinds.inventory import FbaInventory, Restock
from sellertui.importers.kinds.inventory_age import InventoryAge
from sellertui.importers.kinds.listings import ActiveListings
from sellertui.importers.kinds.orders import AllOrders, FbmOrders
from sellertui.importers.kinds.orders_api import OrdersApi
from sellertui.importers.kinds.reimbursements import Reimbursements
from sellertui.importers.kinds.returns import FbaReturns, FbmReturns
from sellertui.importers.kinds.reviews import ProductReviews
from sellertui.importers.kinds.sales_traffic import SalesAndTraffic
from sellertui.importers.kinds.settlement import Settlement
from sellertui.importers.kinds.transactions import DateRange

KINDS: dict[str, Kind] = {k.name: k for k in (
    AllOrders(), FbmOrders(), SearchTerms(), BulkSearchTerms(), SponsoredProductsTargeting(),
    SponsoredProductsAdvertised(), SponsoredBrandsTerms(), SponsoredBrandsTargeting(), SponsoredDisplayMatches(),
    SponsoredDisplayTargeting(), SponsoredDisplayAdvertised(), FbaInventory(), Restock(), BusinessReport(),
    Settlement(), DateRange(), FbaReturns(), FbmReturns(), OrdersApi(), SalesAndTraffic(), ActiveListings(),
    InventoryAge(), Reimbursements(), SellerFeedback(), ProductReviews(), TopSearchTerms(), SearchQueryPerformance(),
    *API_REPORTS,
)}


def kind_named(name: str) -> Kind:
    from sellertui.core.errors import UserError

    try:
        return KINDS[name]
    except KeyError:
        raise UserError(_("unknown report kind {name}; sellertui reads: {kinds}").format(
            name=repr(name), kinds=", ".join(KINDS))) from None


def detect(cells: list) -> Kind | None:
    """The kind whose signature the header row has (the best fit if several do), or None.

    Reports sellertui recognises but does not read (``REFUSED``) are found too: reading one
    raises a sentence naming it and what is read instead.
    """
    headers = header_set(cells)
    best, score = None, 0
    for kind in (*KINDS.values(), *REFUSED):
        s = kind.score(headers)
        if s > score:
            best, score = kind, s
    return best


def detect_json(document: object) -> Kind | None:
    """The JSON kind a document is (for a .json file imported without --kind), or None."""
    return next((k for k in KINDS.values() if k.reads_json and k.fits(document)), None)


def expected(kind: Kind | None = None) -> str:
    """What we looked for, in words, for "not a report we read" messages."""
    if kind is not None:
        wanted = ", ".join(f"'{c.names[0]}'" for c in kind.columns if c.required)
        return _("{kind} (with the columns {columns})").format(kind=shown(kind.label), columns=wanted)
    return _("one of the reports sellertui reads ({kinds})").format(kinds=", ".join(KINDS))


__all__ = ["KINDS", "Kind", "Output", "detect", "detect_json", "expected", "kind_named"]

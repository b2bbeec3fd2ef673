"""The importers' words a user reads in a preview or a summary, marked once so they are shown translated.

A report kind's ``label`` and where a file's marketplace or period came from stay English where they are
set (JSON, tests and error messages compare them); the preview and the summary show them through ``_()``.
tests/i18n checks that every kind's label is listed here.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _

LABELS = (
    N_("a Sponsored Products search term report"),
    N_("a bulk file's SP Search Term Report tab"),
    N_("an Ads API Sponsored Products search term report (spSearchTerm, JSON)"),
    N_("an Ads API Sponsored Products targeting report (spTargeting, JSON)"),
    N_("an Ads API Sponsored Products advertised product report (spAdvertisedProduct, JSON)"),
    N_("an Ads API Sponsored Brands search term report (sbSearchTerm, JSON)"),
    N_("an Ads API Sponsored Display targeting report (sdTargeting, JSON)"),
    N_("a Sponsored Products advertised product report"),
    N_("a Sponsored Display advertised product report"),
    N_("a Sponsored Brands search term report"),
    N_("a Sponsored Display matched target report"),
    N_("a Sponsored Products targeting report"),
    N_("a Sponsored Brands targeting (keyword) report"),
    N_("a Sponsored Display targeting report"),
    N_("a Brand Analytics Top Search Terms report"),
    N_("a Brand Analytics Search Query Performance report"),
    N_("a Business Report by child item"),
    N_("a Seller Feedback report"),
    N_("a Manage FBA Inventory report"),
    N_("a Restock Inventory report"),
    N_("an FBA Inventory Age (Inventory Planning) report"),
    N_("an Active Listings report"),
    N_("an All Orders report"),
    N_("an unshipped or new orders report (FBM)"),
    N_("orders from the Orders API"),
    N_("an FBA Reimbursements report"),
    N_("an FBA customer returns report"),
    N_("a seller-fulfilled returns report"),
    N_("a product reviews export"),
    N_("a Sales and Traffic report (JSON)"),
    N_("a settlement report (flat file V2)"),
    N_("a Date Range transaction report"),
)
# where the marketplace, the currency or the period came from ("--market US", "--period" stay as typed)
SOURCES = (
    N_("the file's marketplace column"), N_("the file's country column"), N_("the file's currency"),
    N_("the currency sign in its amounts"), N_("your settings"), N_("the document's marketplace"),
    N_("the file name"), N_("the report's own dates"), N_("the report's note line"),
)


def shown(text: str) -> str:
    """A label or a source in the language (an option as typed, a date, stays as it is)."""
    return _(text) if text else text

"""Amazon's bulk-operations sheets: their names and their header rows, column for column.

An upload fails when a column is missing or moved, so the export writes a
sheet's whole header in Amazon's order (informational and metric columns left
empty), or exactly the header of the bulk file the user imported last
(``ad_bulk_headers``, remembered by ``importers.companions``). Sponsored Brands
changes go on the multi-ad-group sheet, where every current SB campaign lives.
"""

from __future__ import annotations

from dataclasses import dataclass

SPONSORED_PRODUCTS, SPONSORED_BRANDS, SPONSORED_DISPLAY = "Sponsored Products", "Sponsored Brands", \
    "Sponsored Display"
HEADERS = "ad_bulk_headers"  # the collection: one remembered header per sheet name

METRICS = ["Impressions", "Clicks", "Click-through Rate", "Spend", "Sales", "Orders", "Units", "Conversion Rate",
           "ACOS", "CPC", "ROAS"]

SP_COLUMNS = [
    "Product", "Entity", "Operation", "Campaign ID", "Ad Group ID", "Portfolio ID", "Ad ID", "Keyword ID",
    "Product Targeting ID", "Campaign Name", "Ad Group Name", "Campaign Name (Informational only)",
    "Ad Group Name (Informational only)", "Portfolio Name (Informational only)", "Start Date", "End Date",
    "Targeting Type", "State", "Campaign State (Informational only)", "Ad Group State (Informational only)",
    "Daily Budget", "SKU", "ASIN (Informational only)", "Eligibility Status (Informational only)",
    "Reason for Ineligibility (Informational only)", "Ad Group Default Bid", "Ad Group Default Bid (Informational only)",
    "Bid", "Keyword Text", "Native Language Keyword", "Native Language Locale", "Match Type", "Bidding Strategy",
    "Placement", "Percentage", "Product Targeting Expression", "Resolved Product Targeting Expression (Informational only)",
    "Audience ID", "Shopper Cohort Percentage", "Shopper Cohort Type", "Segment Name", *METRICS,
]

SB_COLUMNS = [
    "Product", "Entity", "Operation", "Campaign ID", "Portfolio ID", "Ad Group ID", "Ad ID", "Keyword ID",
    "Product Targeting ID", "Campaign Name", "Ad Group Name", "Ad Name", "Campaign Name (Informational only)",
    "Ad Group Name (Informational only)", "Portfolio Name (Informational only)", "Start Date", "End Date", "State",
    "Brand Entity ID", "Campaign State (Informational only)", "Campaign Serving Status (Informational only)",
    "Campaign Serving Status Details (Informational only)", "Rule Based Budget Is Processing (Informational only)",
    "Rule Based Budget Name (Informational only)", "Rule Based Budget Value (Informational only)",
    "Rule Based Budget ID (Informational only)", "Ad Group Serving Status (Informational only)",
    "Ad Group Serving Status Details (Informational only)", "Budget Type", "Budget", "Bid Optimization",
    "Product Location", "Bid", "Placement", "Percentage", "Keyword Text", "Match Type", "Native Language Keyword",
    "Native Language Locale", "Product Targeting Expression",
    "Resolved Product Targeting Expression (Informational only)", "Ad Serving Status (Informational only)",
    "Ad Serving Status Details (Informational only)", "Landing Page URL", "Landing Page ASINs", "Landing Page Type",
    "Brand Name", "Consent To Translate", "Brand Logo Asset ID", "Brand Logo URL (Informational only)",
    "Brand Logo Crop", "Custom Images", "Creative Headline", "Creative ASINs", "Video Asset IDs",
    "Original Video Asset IDs (Informational only)", "Subpages", *METRICS,
]

SD_COLUMNS = [
    "Product", "Entity", "Operation", "Campaign ID", "Portfolio ID", "Ad Group ID", "Ad ID", "Targeting ID",
    "Campaign Name", "Ad Group Name", "Campaign Name (Informational only)", "Ad Group Name (Informational only)",
    "Portfolio Name (Informational only)", "Start Date", "End Date", "State", "Campaign State (Informational only)",
    "Ad Group State (Informational only)", "Tactic", "Budget Type", "Budget", "SKU", "ASIN (Informational only)",
    "Ad Group Default Bid", "Ad Group Default Bid (Informational only)", "Bid", "Bid Optimization", "Cost Type",
    "Targeting Expression", "Resolved Targeting Expression (Informational only)", *METRICS, "Viewable Impressions",
    "Sales (Views & Clicks)", "Orders (Views & Clicks)", "Units (Views & Clicks)", "ACOS (Views & Clicks)",
    "ROAS (Views & Clicks)",
]


@dataclass(frozen=True)
class Sheet:
    product: str  # what the rows' Product column says
    name: str  # the worksheet's name in Amazon's file
    columns: tuple[str, ...]  # Amazon's current header, in order


SHEETS: dict[str, Sheet] = {s.product: s for s in (
    Sheet(SPONSORED_PRODUCTS, "Sponsored Products Campaigns", tuple(SP_COLUMNS)),
    Sheet(SPONSORED_BRANDS, "SB Multi Ad Group Campaigns", tuple(SB_COLUMNS)),
    Sheet(SPONSORED_DISPLAY, "Sponsored Display Campaigns", tuple(SD_COLUMNS)),
)}
# the sheet names a bulk file may use for each product (older files keep SB on "Sponsored Brands Campaigns")
SHEET_NAMES = {SPONSORED_PRODUCTS: ("Sponsored Products Campaigns",),
               SPONSORED_BRANDS: ("SB Multi Ad Group Campaigns", "Sponsored Brands Campaigns"),
               SPONSORED_DISPLAY: ("Sponsored Display Campaigns",)}


def product_of_sheet(name: str) -> str | None:
    """Which product a worksheet of Amazon's bulk file holds (None: not a campaigns sheet)."""
    wanted = " ".join(name.split()).lower()
    return next((p for p, names in SHEET_NAMES.items() if wanted in (n.lower() for n in names)), None)


def header_for(store, product: str, needed: set[str]) -> tuple[str, tuple[str, ...], str]:
    """(sheet name, header, where it came from) for a product's rows.

    The header of the user's own bulk file when one was imported and it has
    every column the rows fill; Amazon's current template otherwise.
    """
    template = SHEETS[product]
    remembered = [store[HEADERS].get(name) for name in SHEET_NAMES[product]]
    for record in remembered:
        if record and needed <= set(record.get("header") or []):
            return record["sheet"], tuple(record["header"]), f"the header of {record.get('file') or 'your bulk file'}"
    return template.name, template.columns, "Amazon's current template"

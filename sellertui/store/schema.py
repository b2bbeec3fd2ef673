"""What the store holds: every collection, how it is split into files, its version.

Big collections are partitioned (one file per month, or per hash bucket) so
that changing one record rewrites one bounded file, whatever the store's size.
Adding a collection or a migration is a change to this module only.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import Callable, Literal

from sellertui.store import ad_rows

Migration = Callable[[dict], dict]
Partitioner = Callable[[dict], str]
Derive = Callable[[list[dict]], dict[str, list[dict]]]  # a collection's migrated records -> new records elsewhere

SINGLE = "all"  # the partition name of an unpartitioned collection
PARTITION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
BOOKKEEPING = ("_v", "_rev", "_at", "_by")  # fields the store adds to every record
GOOD_PARTITIONS: set[str] = set()  # names already checked (bulk writes ask per record)


def by_month(field_name: str) -> Partitioner:
    """Partition by the ``YYYY-MM`` of an ISO date/datetime field."""

    def partition(doc: dict) -> str:
        value = doc.get(field_name)
        if isinstance(value, str) and len(value) >= 7 and value[4] == "-":
            return value[:7]
        return "undated"

    partition.__doc__ = f"month of {field_name}"
    partition.month_of = field_name  # lets bulk writes group without a call per record
    return partition


def by_day(field_name: str) -> Partitioner:
    def partition(doc: dict) -> str:
        value = doc.get(field_name)
        if isinstance(value, str) and len(value) >= 10 and value[4] == "-":
            return value[:10]
        return "undated"

    partition.__doc__ = f"day of {field_name}"
    return partition


def by_field(field_name: str) -> Partitioner:
    """Partition by a field with a few known values (an Ads entity kind: campaign, keyword...)."""

    def partition(doc: dict) -> str:
        value = doc.get(field_name)
        return value if isinstance(value, str) and PARTITION_NAME.match(value) else "other"

    partition.__doc__ = f"value of {field_name}"
    return partition


def by_bucket(buckets: int) -> Partitioner:
    """Partition by a stable hash of the id, for big collections with no date."""

    def partition(doc: dict) -> str:
        return f"b{zlib.crc32(str(doc['id']).encode()) % buckets:02d}"

    partition.__doc__ = f"{buckets} hash buckets of the id"
    return partition


@dataclass(frozen=True)
class CollectionSpec:
    name: str
    holds: str
    ids: Literal["seq", "key", "uid"]  # seq: 1, 2, 3...; key: natural key given by the caller; uid: generated
    partition: Partitioner | None = None
    version: int = 1
    # migrations[n] turns a record of version n into version n + 1
    migrations: dict[int, Migration] = field(default_factory=dict)
    # derived[n]: after the step from version n, records other collections gain from the migrated
    # ones (an index a new version keeps beside them); records already there are left alone
    derived: dict[int, Derive] = field(default_factory=dict)
    # keep parsed files in memory between reads (small collections); big ones are
    # read on demand and cached by the domain layer as frames
    cached: bool = True

    @property
    def partitioned(self) -> bool:
        return self.partition is not None

    def partition_of(self, doc: dict) -> str:
        name = self.partition(doc) if self.partition else SINGLE
        if name not in GOOD_PARTITIONS:
            if not PARTITION_NAME.match(name):
                raise ValueError(f"{self.name}: bad partition name {name!r}")
            if len(GOOD_PARTITIONS) < 10_000:
                GOOD_PARTITIONS.add(name)
        return name


def _spec(*specs: CollectionSpec) -> dict[str, CollectionSpec]:
    return {s.name: s for s in specs}


COLLECTIONS: dict[str, CollectionSpec] = _spec(
    CollectionSpec("tasks", "team tasks with owner, deadline and status", "seq"),
    CollectionSpec("products", "SKUs: listing, costs, stock and reorder settings", "key"),
    CollectionSpec("orders", "order lines (FBA and FBM)", "key", by_month("purchase_date"), cached=False),
    CollectionSpec("buyers", "buyers with tags, notes and blacklist", "key", by_bucket(16)),
    CollectionSpec("messages", "buyer messages and replies", "uid", by_month("received_at"), cached=False),
    CollectionSpec("returns", "return and refund cases", "key"),
    CollectionSpec("search_terms", "search-term rows of the imported ads reports (SP, SB; SD matched targets), "
                                   "by report", "key", by_month("date"), version=2, cached=False,
                   migrations={1: ad_rows.search_term_v2}, derived={1: ad_rows.reports_of_legacy_rows}),
    CollectionSpec("ad_targeting", "targeting report rows (keywords, product and audience targets), by report",
                   "key", by_month("date"), cached=False),
    CollectionSpec("advertised_products", "advertised product report rows (SKU and ASIN), by report", "key",
                   by_month("date"), cached=False),
    CollectionSpec("ad_reports", "one record per imported ads report: kind, marketplace, days, layout, when "
                                 "first imported", "key"),
    CollectionSpec("keyword_research", "Brand Analytics rows (Top Search Terms, Search Query Performance)", "key",
                   by_month("period_start"), cached=False),
    CollectionSpec("promotions", "deals, coupons and discounts", "uid"),
    CollectionSpec("purchase_orders", "purchase orders to suppliers", "seq"),
    CollectionSpec("expenses", "expenses outside Amazon", "uid"),
    CollectionSpec("reply_templates", "reply templates for buyer messages", "uid"),
    CollectionSpec("product_notes", "selling points and answers per SKU", "key"),
    CollectionSpec("promo_fees", "promotion fee schedule: effective-dated, per type and marketplace", "uid"),
    CollectionSpec("events", "marketplace events and holidays with deal deadlines and FBA cut-offs", "key"),
    CollectionSpec("recurring", "routine checklist items (daily, weekdays, monthly)", "uid"),
    CollectionSpec("today_ticks", "what each user ticked and opened, per day", "key", by_month("day")),
    CollectionSpec("today_snoozes", "checklist items snoozed until a day", "key"),
    CollectionSpec("activity", "who changed what, when", "uid", by_day("at"), cached=False),
    CollectionSpec("ad_targets", "target ACoS overrides and campaign → SKU mappings", "key"),
    CollectionSpec("ad_actions", "approved, rejected and exported ad proposals (the ads ledger)", "uid"),
    CollectionSpec("business_report", "Business Report rows by child item and period", "key",
                   by_month("period_start"), cached=False),
    CollectionSpec("settlements", "settlement report lines (fees, payouts)", "key", by_month("posted_date"),
                   cached=False),
    CollectionSpec("settlement_summaries", "one record per settlement: period, deposit, total", "key"),
    CollectionSpec("transactions", "Date Range transaction report lines", "key", by_month("posted_date"),
                   cached=False),
    CollectionSpec("fx_rates", "monthly exchange rates to the home currency (id month|currency)", "key"),
    CollectionSpec("hiring_roles", "the hiring plan: roles in order with salary, overhead and status", "uid"),
    CollectionSpec("cash_reserve", "cash in reserve as the user entered it, by date", "uid"),
    CollectionSpec("business_daily", "the shop's sales and traffic by date (Sales and Traffic report)", "key",
                   by_month("date"), cached=False),
    CollectionSpec("sync_state", "Seller Central sync: checkpoint and last result per stream and marketplace "
                                 "(id stream|marketplace)", "key"),
    CollectionSpec("sync_reports", "SP-API reports handled by the sync, by report id (never downloaded twice)",
                   "key"),
    CollectionSpec("sync_runs", "one record per `sellertui sync`: when, what it pulled, what failed", "uid"),
    CollectionSpec("reimbursements", "FBA reimbursements: what Amazon paid back for lost or damaged units "
                                     "(id reimbursement id|sku)", "key", by_month("approved_at"), cached=False),
    CollectionSpec("feedback", "buyers' seller feedback: rating, comments, your response (id: order id)", "key"),
    CollectionSpec("reviews", "product reviews, entered or imported from a CSV (id: review id, or asin|date|reviewer)",
                   "key"),
    CollectionSpec("feedback_work", "what was done about a negative feedback or review: contact, removal, resolved "
                                    "(id: feedback:<order id> or review:<review id>)", "key"),
    CollectionSpec("review_requests", "Request a Review per order: approved, sending, sent or refused (id: order id; "
                                      "never asked twice)", "key"),
    CollectionSpec("postage_refunds", "shipping charges refunded on FBM orders, with the reason (id: order id|1, 2…)",
                   "key"),
    CollectionSpec("outbox", "ship confirmations waiting to go to Amazon, sent or failed (id: order id)", "key"),
    CollectionSpec("ad_bulk_headers", "the header row of each campaigns sheet of the user's own bulk file (id: sheet)",
                   "key"),
    CollectionSpec("ad_entities", "the Ads console's campaigns, ad groups, keywords, negatives and targets with ids, "
                                  "states and bids (id entity|Amazon id)", "key", by_field("entity")),
    CollectionSpec("watchlist", "watched ASINs, the shop's own and competitors' (id marketplace|asin)", "key"),
    CollectionSpec("watch_snapshots", "one snapshot per watched ASIN and day: price, Buy Box, offers, rank, rating, "
                                      "reviews, coupon, deal (id marketplace|asin|day)", "key", by_month("day")),
    CollectionSpec("notices", "team notices for everyone, with who has read each", "uid"),
)


def spec(name: str) -> CollectionSpec:
    try:
        return COLLECTIONS[name]
    except KeyError:
        raise KeyError(f"unknown collection {name!r}; known: {', '.join(COLLECTIONS)}") from None


FORMAT = 1  # the layout of files and folders (or tables); collections version their records


def refuse_newer(meta: dict, where: str) -> None:
    """Refuse a store a newer sellertui wrote: its layout, or a collection's records, newer than this one reads."""
    from sellertui.store.errors import N_, NewerStore

    if meta.get("format", FORMAT) > FORMAT:
        raise NewerStore(N_("{where} was written by a newer sellertui (store format {format}, this one reads "
                            "{known}); upgrade sellertui to open it"), where=where, format=meta["format"], known=FORMAT)
    for name, version in meta.get("schemas", {}).items():
        known = COLLECTIONS.get(name)
        if known is not None and version > known.version:
            raise NewerStore(N_("{where}: collection '{name}' is at version {version}, this sellertui knows up to "
                                "{known}; upgrade sellertui to open it"), where=where, name=name, version=version,
                             known=known.version)

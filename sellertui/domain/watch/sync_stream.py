"""The sync's ``watch`` stream: today's snapshot of every ASIN watched in the marketplace.

Offers come from Product Pricing in batches of 20 ASINs, the sales rank from
Catalog Items one ASIN at a time; each ASIN Amazon refuses is named in the
result and the others are kept. Snapshots of one run are written in one
transaction, a day's API figures replacing that day's earlier ones.
"""

from __future__ import annotations

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.amazon.errors import ApiError
from sellertui.domain.sync.context import RunContext
from sellertui.domain.sync.results import StreamResult
from sellertui.domain.watch.from_api import catalog_fields, offers_fields
from sellertui.domain.watch.snapshots import build, record
from sellertui.domain.watch.watchlist import entries


def watched_in(store, market: str) -> list[str]:
    return [e["asin"] for e in entries(store) if e["marketplace"] == market]


def sync_watch(run: RunContext, result: StreamResult) -> None:
    from sellertui.amazon.catalog import Catalog
    from sellertui.amazon.pricing import Pricing

    code, amazon_id = run.market.code, run.market.amazon_id
    asins = watched_in(run.store, code)
    if not asins:
        return
    catalog, today = Catalog(run.api), clock.today()
    snapshots = []
    for offers in Pricing(run.api).item_offers(asins, amazon_id):
        if offers.payload is None:
            result.errors.append(_("{asin}: no offers from Amazon ({error})").format(asin=offers.asin, error=offers.error))
            continue
        values = offers_fields(offers.payload)
        try:
            values.update(catalog_fields(catalog.item(offers.asin, amazon_id), amazon_id))
        except ApiError as exc:
            result.errors.append(_("{asin}: no sales rank from Amazon ({error})").format(asin=offers.asin, error=exc))
        snapshots.append(build(code, offers.asin, today, values, "api"))
    if snapshots:
        result.count(record(run.store, snapshots, f"watch snapshots from Seller Central ({code})"))

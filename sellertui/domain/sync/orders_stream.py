"""The orders stream: Orders API orders updated since the checkpoint, FBA and FBM, into ``orders``.

Each getOrders page (with its items) is imported as it comes, through the
``orders-api`` importer kind: the same records and keys as an All Orders or
FBM orders report. The checkpoint (the newest LastUpdateDate seen) is written
with the last page only: a sync killed half-way has stored some orders
(nothing lost), and the next one fetches them again and finds them unchanged
(nothing repeated).
"""

from __future__ import annotations

import json
from datetime import timedelta

from sellertui.domain.sync import state
from sellertui.domain.sync.context import RunContext, iso
from sellertui.domain.sync.results import StreamResult

SETTLE = timedelta(minutes=2)  # Amazon wants LastUpdatedAfter at least two minutes in the past


def sync_orders(run: RunContext, result: StreamResult) -> None:
    from sellertui.importers.pipeline import Document, Options, import_document

    code = run.market.code
    checkpoint = state.read_state(run.store, "orders", code).get("checkpoints", {}).get("orders")
    since = min(run.start(checkpoint), run.now() - SETTLE)
    newest = checkpoint or ""
    for number, page in enumerate(run.orders.updated_since(run.market.amazon_id, iso(since)), 1):
        newest = max([newest, *(str(o.get("LastUpdateDate") or "") for o in page.orders)])
        hook = state.advance("orders", code, {"orders": newest}) if page.last and newest else None
        if not page.orders:
            if hook is not None and newest != checkpoint:  # earlier pages had orders, the last none
                state.save_state(run.store, "orders", code, "orders checkpoint", checkpoints={"orders": newest})
            continue
        document = Document(f"orders page {number} ({code})", json.dumps({"Orders": page.orders}).encode("utf-8"),
                            "orders-api", iso(run.now()))
        imported = import_document(run.store, document, Options(default_market=code), alongside=hook)
        result.count({"inserted": imported.inserted, "updated": imported.updated, "unchanged": imported.unchanged})
    result.notes.extend(n for n in run.orders.notes if n not in result.notes)

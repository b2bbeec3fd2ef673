"""Date Range transaction report (CSV after a 5–7 line preamble) -> ``transactions``.

One record per line: ``posted_date`` (UTC), settlement_id, type, order_id, sku,
description, quantity, marketplace, fulfilment and order place, each money
column as ``<name>_minor`` (``product_sales_minor`` … ``total_minor``), the
currency (from the preamble's "All amounts in USD", else the marketplace) and,
from 2025, ``status`` and ``release_date``. Lines have no id of their own: the
key is the month, a hash of the line's content and its occurrence, so an
overlapping report adds only the lines the store does not have. The 2025
status columns are left out of the hash: a line that went from Deferred to
Released is updated, not added again.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, content_keys, main_currency, money_total, names

MONEY = {  # field -> the header names (US, then UK spellings)
    "product_sales_minor": ("product sales",),
    "product_sales_tax_minor": ("product sales tax",),
    "shipping_credits_minor": ("shipping credits", "postage credits"),
    "shipping_credits_tax_minor": ("shipping credits tax", "postage credits tax"),
    "gift_wrap_credits_minor": ("gift wrap credits",),
    "gift_wrap_credits_tax_minor": ("giftwrap credits tax", "gift wrap credits tax"),
    "regulatory_fee_minor": ("regulatory fee",),
    "regulatory_fee_tax_minor": ("tax on regulatory fee",),
    "promotional_rebates_minor": ("promotional rebates",),
    "promotional_rebates_tax_minor": ("promotional rebates tax",),
    "marketplace_withheld_tax_minor": ("marketplace withheld tax", "marketplace facilitator tax"),
    "selling_fees_minor": ("selling fees",),
    "fba_fees_minor": ("fba fees",),
    "other_transaction_fees_minor": ("other transaction fees",),
    "other_minor": ("other",),
    "total_minor": ("total",),
}
TEXT = {"settlement_id": "settlement id", "type": "type", "order_id": "order id", "sku": "sku",
        "description": "description", "marketplace_name": "marketplace", "account_type": "account type",
        "fulfillment": "fulfillment", "order_city": "order city", "order_state": "order state",
        "order_postal": "order postal", "tax_collection_model": "tax collection model",
        "status": "transaction status"}


class DateRange(Kind):
    name = "date-range"
    label = N_("a Date Range transaction report")
    family = "transactions"
    collection = "transactions"
    signatures = (names("date/time", "settlement id", "type", "order id", "total"),)
    columns = (
        col("posted_date", "date/time", parse="datetime", required=True, blank=REQUIRED),
        col("quantity", "quantity", parse="int"),
        col("release_date", "transaction release date", parse="datetime"),
        *(col(f, h, "fulfilment" if f == "fulfillment" else h, blank="") for f, h in TEXT.items()),
        *(col(f, *h, parse="amount", required=f == "total_minor", blank=0) for f, h in MONEY.items()),
    )

    def build(self, frame) -> Output:
        n = frame.n
        currency = frame.locale.currency
        money = {f: frame.money(f) for f in MONEY}
        frame.col("status"), frame.col("release_date")  # parsed first: their problems count before filtering
        columns = {
            "posted_date": frame.col("posted_date"),
            **{f: frame.col(f) for f in TEXT if f != "status"},
            "quantity": frame.col("quantity"),
            **money,
            "currency": [currency] * n,
            "marketplace": [frame.locale.market.code] * n,
        }
        docs = frame.good(frame.records(columns))
        keys = content_keys([(d["posted_date"] or "")[:7] for d in docs], (tuple(d.values()) for d in docs))
        statuses, releases = frame.good_values("status"), frame.good_values("release_date")
        for doc, key, status, release in zip(docs, keys, statuses, releases):
            doc["id"] = key
            doc["status"] = status  # not in the key: it changes while the line stays the same
            doc["release_date"] = release
        return Output({"transactions": docs})

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["transactions"]
        currency = main_currency(docs, frame.locale.currency)
        return {"lines": len(docs), "total": money_total(docs, "total_minor", currency),
                "orders": len({d["order_id"] for d in docs if d["order_id"]})}

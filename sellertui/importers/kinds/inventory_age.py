"""FBA Inventory Age / Inventory Planning (Manage Inventory Health) -> ``products``: aged stock and its fees.

Tab-separated, one row per SKU and condition: ``snapshot-date, sku, fnsku,
asin, product-name, condition, available, pending-removal-quantity,
inv-age-0-to-90-days, inv-age-91-to-180-days, inv-age-181-to-270-days,
inv-age-271-to-365-days, inv-age-365-plus-days, currency, …,
estimated-storage-cost-next-month, …, estimated-ais-181-210-days, …,
estimated-ais-365-plus-days`` (newer files split 0–90 into 0–30/31–60/61–90
and 181–365 into 181–330/331–365; both are read). Each product gets
``amazon_aging`` {snapshot_date, units by age band, aged_units (181+ days),
storage_next_month_minor, aged_surcharge_minor (the sum of the
``estimated-ais-*`` columns), currency}: Inventory's fee-risk warnings use it
instead of the estimate from purchase-order receipts.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.frame import records
from sellertui.importers.kinds.base import Kind, Output, money_text, names
from sellertui.importers.kinds.inventory import merge_product, unique_skus

BANDS = {  # field -> header: the age bands Amazon reports (older and newer layouts)
    "age_0_90": "inv-age-0-to-90-days", "age_0_30": "inv-age-0-to-30-days", "age_31_60": "inv-age-31-to-60-days",
    "age_61_90": "inv-age-61-to-90-days", "age_91_180": "inv-age-91-to-180-days",
    "age_181_270": "inv-age-181-to-270-days", "age_271_365": "inv-age-271-to-365-days",
    "age_181_330": "inv-age-181-to-330-days", "age_331_365": "inv-age-331-to-365-days",
    "age_365_plus": "inv-age-365-plus-days",
}
AGED = ("age_181_270", "age_271_365", "age_365_plus")  # 181+ days (older layout)
AGED_NEW = ("age_181_330", "age_331_365", "age_365_plus")
SURCHARGES = ("estimated-ais-181-210-days", "estimated-ais-211-240-days", "estimated-ais-241-270-days",
              "estimated-ais-271-300-days", "estimated-ais-301-330-days", "estimated-ais-331-365-days",
              "estimated-ais-365-plus-days")


def merge_aging(old: dict, new: dict) -> dict:
    out = merge_product(old, new)
    out["amazon_aging"] = new["amazon_aging"]
    return out


class InventoryAge(Kind):
    name = "inventory-age"
    label = N_("an FBA Inventory Age (Inventory Planning) report")
    family = "inventory_age"
    collection = "products"
    signatures = (names("snapshot-date", "sku", "inv-age-91-to-180-days", "inv-age-365-plus-days"),)
    columns = (
        col("snapshot_date", "snapshot-date", parse="date", required=True, blank=REQUIRED),
        col("sku", "sku", required=True, blank=REQUIRED),
        col("fnsku", "fnsku", blank=""),
        col("asin", "asin", blank=""),
        col("title", "product-name", blank=""),
        col("condition", "condition", blank=""),
        col("currency", "currency"),
        col("available", "available", parse="int", blank=0),
        *(col(f, header, parse="int", blank=0) for f, header in BANDS.items()),
        col("storage_next_month", "estimated-storage-cost-next-month", parse="amount"),
        *(col(h.replace("-", "_"), h, parse="amount") for h in SURCHARGES),
    )

    def merge(self, collection: str):
        return merge_aging

    def build(self, frame) -> Output:
        n, skus = frame.n, frame.col("sku")
        # used or collectible units of a SKU are not the product's new stock: their rows are left out
        new = [str(c or "").strip().lower() in ("", "new", "sellable") for c in frame.col("condition")]
        if not all(new):
            frame.notes.append(_("{count:,} row(s) of used or collectible stock left out").format(count=new.count(False)))
        unique_skus(frame, [s if keep else "" for s, keep in zip(skus, new)])
        currencies = frame.currencies()
        bands = {f: frame.col(f) for f in BANDS if frame.has(f)}
        aged_fields = AGED_NEW if frame.has("age_181_330") else AGED
        aged = [sum(bands[f][i] for f in aged_fields if f in bands) for i in range(n)]
        surcharge_columns = [frame.money(h.replace("-", "_"), currencies) for h in SURCHARGES
                             if frame.has(h.replace("-", "_"))]
        surcharge = [sum(c[i] or 0 for c in surcharge_columns) for i in range(n)]
        aging = records({"snapshot_date": frame.col("snapshot_date"), **bands, "aged_units": aged,
                         "storage_next_month_minor": frame.money("storage_next_month", currencies),
                         "aged_surcharge_minor": surcharge, "currency": currencies})
        columns = {"id": skus, "sku": skus, "title": frame.col("title"), "asin": frame.col("asin"),
                   "fnsku": frame.col("fnsku"), "currency": currencies,
                   "marketplace": [frame.locale.market.code] * n, "amazon_aging": aging}
        built = frame.records(columns)
        return Output({"products": frame.good(r if keep else None for r, keep in zip(built, new))})

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["products"]
        currency = docs[0]["currency"] if docs else frame.locale.currency
        aging = [d["amazon_aging"] for d in docs]
        return {"skus": len(docs), "aged_units": sum(a["aged_units"] for a in aging),
                "storage_next_month": money_text(sum(a["storage_next_month_minor"] or 0 for a in aging), currency),
                "aged_surcharge": money_text(sum(a["aged_surcharge_minor"] for a in aging), currency)}

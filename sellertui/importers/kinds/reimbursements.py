"""FBA Reimbursements report -> ``reimbursements`` (id = reimbursement id | SKU): what Amazon paid back.

Columns: ``approval-date, reimbursement-id, case-id, amazon-order-id, reason,
sku, fnsku, asin, product-name, condition, currency-unit, amount-per-unit,
amount-total, quantity-reimbursed-cash, quantity-reimbursed-inventory,
quantity-reimbursed-total, original-reimbursement-id,
original-reimbursement-type``. One reimbursement can cover several SKUs, one
row each. A reversal (``Reimbursement_Reversal``) carries a negative amount.
Units given back as inventory carry no cash (amount 0). The P&L counts the
cash as its own line where no imported settlement already carries that day's
reimbursements.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, combine, money_total, names


class Reimbursements(Kind):
    name = "reimbursements"
    label = N_("an FBA Reimbursements report")
    family = "reimbursements"
    collection = "reimbursements"
    signatures = (names("approval-date", "reimbursement-id", "amount-total"),)
    columns = (
        col("approved_at", "approval-date", parse="datetime", required=True, blank=REQUIRED),
        col("reimbursement_id", "reimbursement-id", required=True, blank=REQUIRED),
        col("case_id", "case-id", blank=""),
        col("order_id", "amazon-order-id", blank=""),
        col("reason", "reason", blank=""),
        col("sku", "sku", blank=""),
        col("fnsku", "fnsku", blank=""),
        col("asin", "asin", blank=""),
        col("product", "product-name", blank=""),
        col("condition", "condition", blank=""),
        col("currency", "currency-unit", "currency"),
        col("per_unit", "amount-per-unit", parse="amount"),
        col("total", "amount-total", parse="amount", required=True, blank=REQUIRED),
        col("qty_cash", "quantity-reimbursed-cash", parse="int", blank=0),
        col("qty_inventory", "quantity-reimbursed-inventory", parse="int", blank=0),
        col("qty_total", "quantity-reimbursed-total", parse="int", blank=0),
        col("original_id", "original-reimbursement-id", blank=""),
        col("original_type", "original-reimbursement-type", blank=""),
    )

    def build(self, frame) -> Output:
        n = frame.n
        currencies = frame.currencies()
        ids, skus = frame.col("reimbursement_id"), frame.col("sku")
        columns = {
            "id": [f"{r}|{s}" for r, s in zip(ids, skus)], "currency": currencies,
            "marketplace": [frame.locale.market.code] * n,
            "amount_minor": frame.money("total", currencies), "per_unit_minor": frame.money("per_unit", currencies),
            **{f: frame.col(f) for f in ("approved_at", "reimbursement_id", "case_id", "order_id", "reason", "sku",
                                         "fnsku", "asin", "product", "condition", "qty_cash", "qty_inventory",
                                         "qty_total", "original_id", "original_type")},
        }
        docs, merged = combine(frame.good(frame.records(columns)), ("amount_minor", "qty_cash", "qty_inventory",
                                                                     "qty_total"))
        return Output({"reimbursements": docs}, merged)

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["reimbursements"]
        currency = docs[0]["currency"] if docs else frame.locale.currency
        return {"lines": len(docs), "amount": money_total(docs, "amount_minor", currency),
                "units": sum(d["qty_total"] or 0 for d in docs)}

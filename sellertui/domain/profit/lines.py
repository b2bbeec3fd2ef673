"""The lines of the P&L, and which line each settlement or transaction amount belongs to.

Amounts are signed as they move profit: sales are positive, costs negative
(a fee credited back is a positive amount on a cost line). Net profit is the
sum of every line. Taxes Amazon collects and remits, and transfers (card
charges, reserves, deposits), pass through a settlement without being profit:
they are kept apart so a settlement still adds up to its total.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.core.i18n import N_


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    short: str  # for narrow columns
    amazon_fee: bool = False


LINES: tuple[Line, ...] = (
    Line("sales", N_("Sales"), N_("Sales")),
    Line("refunds", N_("Refunds"), N_("Refunds")),
    Line("reimbursements", N_("Reimbursements (FBA)"), N_("Reimb.")),
    Line("referral", N_("Referral fees"), N_("Referral"), True),
    Line("fulfilment", N_("Fulfilment (FBA) fees"), N_("FBA fees"), True),
    Line("storage", N_("Storage fees"), N_("Storage"), True),
    Line("subscription", N_("Subscription fee"), N_("Subscr."), True),
    Line("promo_fees", N_("Deal and coupon fees"), N_("Deal fees"), True),
    Line("other_fees", N_("Other Amazon fees and credits"), N_("Other fees"), True),
    Line("cogs", N_("Cost of goods (landed)"), N_("COGS")),
    Line("ads", N_("Ad spend"), N_("Ads")),
    Line("expenses", N_("Other expenses"), N_("Expenses")),
)
BY_KEY = {line.key: line for line in LINES}
KEYS = tuple(line.key for line in LINES)
FEES = tuple(line.key for line in LINES if line.amazon_fee)
# amounts that pass through a settlement without being profit
PASS_THROUGH = {"tax": "Taxes collected and remitted by Amazon", "transfer": "Transfers (card charges, reserves)"}

_TRANSFERS = ("successful charge", "payable to amazon", "micro deposit", "reserve", "transfer", "failed charge",
              "disbursement", "charge to credit card", "payment retraction")
_REFUND_TYPES = ("refund", "chargeback", "a-to-z", "guarantee claim")
# what Amazon pays back for units it lost or damaged (settlement descriptions; Date Range: "FBA Inventory Reimbursement")
_REIMBURSEMENTS = ("warehouse_damage", "warehouse_lost", "missing_from_inbound", "lost_inbound", "compensated_clawback",
                   "reversal_reimbursement", "free_replacement_refund_items", "damaged:warehouse", "lost:warehouse")
_SALE_PARTS = ("principal", "shipping", "giftwrap", "gift wrap", "goodwill", "restockingfee", "restocking fee")


def classify(transaction_type: str, amount_type: str, description: str) -> str:
    """The P&L line (or ``tax``/``transfer``) of one settlement amount."""
    kind = (transaction_type or "").strip().lower()
    atype = (amount_type or "").strip().lower()
    what = (description or "").strip().lower()
    words = f"{kind} {what}"
    if any(t in kind for t in _TRANSFERS):
        return "transfer"
    if "advertising" in words:
        return "ads"
    if "reimburs" in words or any(w in what for w in _REIMBURSEMENTS):
        return "reimbursements"
    if "tax" in what and "fee" not in what:
        return "tax"  # Tax, ShippingTax, MarketplaceFacilitatorTax-Principal, LowValueGoodsTax...
    if "subscription" in words:
        return "subscription"
    if "storage" in words:
        return "storage"
    if any(w in words for w in ("deal", "coupon", "lightning", "vine", "prime exclusive")):
        return "promo_fees"
    if atype == "promotion" or (atype in ("itemprice", "") and what in _SALE_PARTS):
        return "refunds" if any(t in kind for t in _REFUND_TYPES) else "sales"
    if "commission" in what or "closing" in what or "referral" in what:
        return "referral"
    if "fba" in words or "fulfil" in words or "fulfill" in words or "chargeback" in what or "pick" in what \
            or "weight" in what or "inbound" in words or "placement" in words or "shippinghb" in what:
        return "fulfilment"
    return "other_fees"


# Date Range report columns -> line; ``product sales`` and ``promotional rebates`` go to refunds on refund rows
TRANSACTION_COLUMNS = {
    "product_sales_minor": "sales",
    "shipping_credits_minor": "sales",
    "gift_wrap_credits_minor": "sales",
    "promotional_rebates_minor": "sales",
    "product_sales_tax_minor": "tax",
    "shipping_credits_tax_minor": "tax",
    "gift_wrap_credits_tax_minor": "tax",
    "promotional_rebates_tax_minor": "tax",
    "marketplace_withheld_tax_minor": "tax",
    "regulatory_fee_tax_minor": "tax",
    "selling_fees_minor": "referral",
    "fba_fees_minor": "fulfilment",
    "regulatory_fee_minor": "other_fees",
    "other_transaction_fees_minor": "other_fees",
}


def transaction_line(column: str, transaction_type: str, description: str) -> str:
    """The line of one money column of a Date Range report row."""
    kind = (transaction_type or "").strip().lower()
    if column == "other_minor" or (column == "other_transaction_fees_minor" and kind not in ("order", "refund")):
        # non-order amounts: what they are is in the type and description
        return classify(transaction_type, "", description)
    line = TRANSACTION_COLUMNS.get(column, "other_fees")
    if line == "sales" and any(t in kind for t in _REFUND_TYPES):
        return "refunds"
    return line

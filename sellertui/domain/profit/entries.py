"""The P&L's entries other than orders and settlements: refunds, promotion fees, expenses, ad spend.

Every entry is one row of the ledger: day, line, signed amount in its own
currency, marketplace, whether it is an estimate, where it comes from (source,
collection and record id) and a short note. These builders make the entries
that come from the small collections and from the search-term reports.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_, _
from sellertui.core.money import fmt
from sellertui.domain.profit import expenses as expense_rules

COLUMNS = ["day", "line", "amount_minor", "currency", "marketplace", "estimated", "source", "collection", "ref",
           "sku", "note"]
REFUNDED_FBM = ("refunded", "closed")
FEE_STATUSES = ("approved", "running", "ended")  # a promotion that ran (or is running) costs its fee


def frame(rows: list[tuple]) -> pd.DataFrame:
    """Entries from tuples in ``COLUMNS`` order."""
    out = pd.DataFrame(rows, columns=COLUMNS)
    # dates (or ISO text) to days in one C loop, not a datetime64 object per entry
    out["day"] = np.array(out["day"].tolist(), dtype="datetime64[D]")
    out["amount_minor"] = out["amount_minor"].astype("int64")
    out["estimated"] = out["estimated"].astype(bool)
    return out


class SalesBySku:
    """Each SKU's order lines sorted by day with running totals of sales and units.

    A promotion asks for its SKUs' sales over its days: two binary searches per
    SKU instead of a scan of every order line per promotion (a thousand
    promotions over 100k lines took seconds).
    """

    def __init__(self, orders: pd.DataFrame) -> None:
        codes, skus = pd.factorize(orders["sku"].to_numpy(dtype=object))
        days = orders["day"].to_numpy().astype("datetime64[D]")
        order = np.lexsort((days, codes))
        self.days = days[order]
        self.sales = np.r_[0, np.cumsum(orders["sales_minor"].to_numpy(dtype="int64")[order])]
        self.units = np.r_[0, np.cumsum(orders["qty"].to_numpy(dtype="int64")[order])]
        bounds = np.searchsorted(codes[order], np.arange(len(skus) + 1))
        self.spans = {sku: (int(bounds[i]), int(bounds[i + 1])) for i, sku in enumerate(skus)}

    def between(self, skus: set, start: date, end: date) -> tuple[int, int]:
        """(sales, units) of these SKUs' lines dated ``start``..``end``."""
        sales = units = 0
        first, last = np.datetime64(start, "D"), np.datetime64(end, "D")
        for sku in skus:
            span = self.spans.get(sku)
            if span is None:
                continue
            days = self.days[span[0]:span[1]]
            lo = span[0] + int(np.searchsorted(days, first, "left"))
            hi = span[0] + int(np.searchsorted(days, last, "right"))
            if hi > lo:
                sales += int(self.sales[hi] - self.sales[lo])
                units += int(self.units[hi] - self.units[lo])
        return sales, units


def _day(value) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value)).date() if "T" in str(value) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def refund_entries(returns: list[dict], refunded_keys: set[str], orders: pd.DataFrame) -> pd.DataFrame:
    """Refunds of returns no settlement reports: the amount the user recorded, or (FBA) the order's price."""
    wanted = {f"{r.get('order_id')}|{r.get('sku')}" for r in returns} - refunded_keys
    prices: dict[str, tuple[int, int, str, str]] = {}
    if wanted and len(orders):
        keys = orders["order_id"] + "|" + orders["sku"]
        hits = orders[keys.isin(wanted).to_numpy()]
        for key, sales, qty, currency, market in zip(keys[keys.isin(wanted)], hits["sales_minor"], hits["qty"],
                                                     hits["currency"], hits["marketplace"]):
            prices.setdefault(key, (int(sales), int(qty), currency, market))
    rows = []
    for case in returns:
        key = f"{case.get('order_id')}|{case.get('sku')}"
        if key not in wanted:
            continue
        quantity = int(case.get("quantity") or 1)
        if case.get("refund_minor"):
            day = _day(case.get("refunded_at")) or _day(case.get("received_at")) or _day(case.get("requested_at"))
            if day:
                rows += [(day, "refunds", -int(case["refund_minor"]), case.get("currency") or "USD",
                             case.get("marketplace") or "", False, N_("returns"), "returns", case.get("id", ""),
                             case.get("sku") or "",
                             _("refund of {quantity} unit(s), as recorded").format(quantity=quantity))]
        elif str(case.get("channel")).upper() == "FBA" and key in prices:
            # Amazon refunds FBA buyers itself; the seller's record carries no amount
            sales, qty, currency, market = prices[key]
            day = _day(case.get("received_at")) or _day(case.get("requested_at"))
            amount = round(sales * min(quantity, max(qty, 1)) / max(qty, 1))
            if day and amount:
                rows += [(day, "refunds", -amount, currency, market, True, N_("returns + order price"), "returns",
                             case.get("id", ""), case.get("sku") or "",
                             _("FBA return of {quantity} unit(s) at the order's price").format(quantity=quantity))]
    return frame(rows)


def postage_entries(refunds: list[dict], refunded_keys: set[str]) -> pd.DataFrame:
    """Postage refunds on FBM orders, on their day, until a settlement reports a refund of that order line."""
    rows = []
    for r in refunds:
        day = _day(r.get("refunded_at"))
        if day and f"{r.get('order_id')}|{r.get('sku')}" not in refunded_keys:
            rows += [(day, "refunds", -int(r["amount_minor"]), r.get("currency") or "USD",
                         r.get("marketplace") or "", False, N_("postage refunds"), "postage_refunds",
                         r.get("id", ""), r.get("sku") or "",
                         _("postage refund: {reason}").format(reason=r.get("reason") or ""))]
    return frame(rows)


def promotion_entries(promotions: list[dict], schedule: list[dict], orders: pd.DataFrame, covered,
                      today: date) -> pd.DataFrame:
    """Amazon's fee for each promotion that ran, from the fee schedule, where no settlement covers its start."""
    from sellertui.domain.promotions.fees import TYPES, fee

    rows = []
    by_sku = None
    for promo in promotions:
        kind, status = promo.get("type"), promo.get("status")
        start, end = _day(promo.get("start")), _day(promo.get("end"))
        if kind not in TYPES or status not in FEE_STATUSES or start is None or start > today:
            continue
        market = promo.get("marketplace") or "US"
        if covered(start, market):
            continue  # the settlement carries the actual fee
        end = min(end or start, today)
        skus = set(promo.get("skus") or [])
        sales = units = 0
        if skus and len(orders):
            by_sku = by_sku or SalesBySku(orders)
            sales, units = by_sku.between(skus, start, end)
        days = (min(_day(promo.get("end")) or start, today) - start).days + 1
        peak = bool(promo.get("peak", bool(promo.get("event"))))
        result = fee(schedule, kind, market, start, max(days, 1), peak, sales, units)
        if result.minor:
            rows += [(start, "promo_fees", -int(result.minor), result.currency, market, True,
                         N_("promotions + fee schedule"), "promotions", promo.get("id", ""), ", ".join(sorted(skus)),
                         _("{name}: {working}").format(name=promo.get("name", ""),
                                                       working=" ".join(result.working)[:160]))]
    return frame(rows)


def reimbursement_entries(reimbursements: list[dict], covered) -> pd.DataFrame:
    """FBA reimbursements on the day Amazon approved them, where no settlement covers that day
    (a settlement carries the same reimbursement: counted once, from the settlement)."""
    rows = []
    for item in reimbursements:
        day, amount = _day(item.get("approved_at")), int(item.get("amount_minor") or 0)
        market = item.get("marketplace") or "US"
        if day is None or not amount or covered(day, market):
            continue
        units = int(item.get("qty_cash") or 0)
        rows += [(day, "reimbursements", amount, item.get("currency") or "USD", market, False,
                     N_("reimbursements report"), "reimbursements", item.get("id", ""), item.get("sku") or "",
                     _("{reason} {reimbursement_id}: {units} unit(s)").format(
                         reason=item.get("reason") or _("reimbursement"),
                         reimbursement_id=item.get("reimbursement_id", ""), units=units))]
    return frame(rows)


def expense_entries(expenses: list[dict], first: date, last: date) -> pd.DataFrame:
    """Each expense's share of every day from ``first`` to ``last``."""
    rows = []
    for expense in expenses:
        words = _("{category}: {description} (monthly)") if expense.get("recurring") == "monthly" else \
            _("{category}: {description}")
        note = words.format(category=expense_rules.category_label(expense.get("category", "")),
                            description=expense.get("description", ""))
        for day, minor in expense_rules.occurrences(expense, first, last):
            rows += [(day, "expenses", -minor, expense.get("currency") or "USD", "", False, N_("expenses"),
                         "expenses", expense.get("id", ""), "", note)]
    return frame(rows)


def counted_ads(ads: pd.DataFrame, settled_ads: pd.DataFrame) -> pd.DataFrame:
    """The search-term spend that counts: not in months whose settlements charge ads there (never both)."""
    if not len(ads) or not len(settled_ads):
        return ads
    month = ads["day"].to_numpy().astype("datetime64[M]")
    place = np.where(ads["marketplace"].to_numpy() != "", ads["marketplace"].to_numpy(), ads["currency"].to_numpy())
    charged_place = np.where(settled_ads["marketplace"].to_numpy() != "", settled_ads["marketplace"].to_numpy(),
                             settled_ads["currency"].to_numpy())
    charged = set(zip(settled_ads["day"].to_numpy().astype("datetime64[M]"), charged_place))
    keep = np.array([(m, p) not in charged for m, p in zip(month, place)], dtype=bool)
    return ads[keep].reset_index(drop=True)


def settlement_cogs(lines: pd.DataFrame) -> pd.DataFrame:
    """Cost of goods of order lines only a settlement knows (``unit_cost`` NaN: no landed cost, left out)."""
    rows = []
    landed = _("{qty} × landed {cost} (order {order})")
    for line in lines[~np.isnan(lines["unit_cost"].to_numpy())].itertuples(index=False):
        rows += [(pd.Timestamp(line.day).date(), "cogs", -int(line.unit_cost) * int(line.qty), line.cost_currency,
                     line.marketplace, False, N_("settlement + landed cost"), "settlements", line.id, line.sku,
                     landed.format(qty=line.qty, cost=fmt(int(line.unit_cost), line.cost_currency),
                                   order=line.order_id))]
    return frame(rows)

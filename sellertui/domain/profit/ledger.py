"""The ledger: every amount the P&L adds up, kept where it came from and summed by day.

Which number wins, in short (each rule is in the working the UI shows):

- An order line that a settlement (or a Date Range report whose settlement
  was not imported) reports is *settled*: its sales and fees are the
  settlement's, dated on the order's day. Other order lines are *estimated*:
  sales from the order, referral fee = referral % × sales, fulfilment fee =
  the SKU's FBA fee × units (FBA lines), from the product's fee table.
- Cost of goods: units × the landed cost in force on the order's day, for
  every order line (and for settled lines no order record knows about), in
  the cost's own currency (a yuan cost of a dollar listing converts once, like
  every other amount).
- Refunds, storage, subscription, deal and coupon fees, other fees,
  reimbursements: from settlements; reimbursements no settlement covers
  from the Reimbursements report; refunds of returns no settlement reports come from the return
  (the amount recorded, or the order's price for FBA returns, estimated);
  promotion fees from the fee schedule where no settlement covers the start.
- Ad spend: the settlements' Cost of Advertising in a month and marketplace
  where they charge it, else the search-term reports' spend: never both.
- Expenses: each one's share of every day (see ``expenses``).

The big sources stay as they are (orders with their estimated amounts as
columns, settlement lines, ad spend by day and campaign); each entry gets its
home amount from one conversion (``convert``: once per month, currency and
line), kept beside it (``<line>_home`` on orders, ``home_minor`` elsewhere);
``daily`` sums them by day, line and currency. A figure's records are picked
from the sources when asked for (``records``), with the same home amounts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from sellertui.domain.economics import cost_currency
from sellertui.domain.profit import account_fees, ecb, entries as small_entries, monthly as per_month
from sellertui.domain.profit.codes import each_distinct
from sellertui.domain.profit.daily_sums import convert_and_sum
from sellertui.domain.profit.fx import Rates
from sellertui.domain.profit.sources import Sources

@dataclass
class Ledger:
    daily: pd.DataFrame  # day, month, line, source, estimated, currency, amount_minor, home_minor (NaN: no rate)
    orders: pd.DataFrame  # sold order lines with settled, sales, referral, fulfilment, cogs (NaN: no cost), <line>_home
    actual: pd.DataFrame  # settlement and Date Range lines (order lines dated on the order's day), home_minor
    ads: pd.DataFrame  # search-term spend counted: day, campaign, marketplace, currency, spend_minor, rows, home_minor
    small: pd.DataFrame  # entries from returns, promotions, expenses and settlement-only COGS, home_minor
    volume: pd.DataFrame  # sold lines: day, order_id, sku, qty
    missing_cost: pd.DataFrame  # sold lines without a landed cost: day, sku, qty
    home: str
    first: date | None
    today: date
    rates: dict[tuple[str, str], object] = field(default_factory=dict)  # (month, currency) -> fx.Found
    settlements: int = 0
    advertises: bool = False
    spans: list = field(default_factory=list)  # (marketplace, first day, last day) of each imported settlement
    # estimated subscription and storage: one entry per month (and SKU), spread over its days when read (monthly)
    monthly: pd.DataFrame = field(default_factory=lambda: small_entries.frame([]))

    def entries_between(self, first: date, last: date) -> pd.DataFrame:
        """The small entries on the days ``first``..``last`` with the monthly ones' parts of those days."""
        days = self.small["day"].to_numpy()
        small = self.small[(days >= np.datetime64(first)) & (days <= np.datetime64(last))]
        parts = per_month.within(self.monthly, first, last)
        if not len(parts):
            return small
        return pd.concat([small, parts], ignore_index=True) if len(small) else parts


def _key(frame: pd.DataFrame) -> pd.Series:
    return frame["order_id"].astype(object) + "|" + frame["sku"].astype(object)


def actual_lines(sources: Sources) -> pd.DataFrame:
    """Settlement lines, plus Date Range lines of settlements not imported as settlement reports."""
    settlements, transactions = sources.settlements, sources.transactions
    if len(transactions) and len(settlements):
        transactions = transactions[~transactions["settlement_id"].isin(set(settlements["settlement_id"]))]
    parts = [f for f in (settlements, transactions) if len(f)]
    if not parts:
        return settlements
    actual = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    return actual[~np.isnat(actual["day"].to_numpy())].reset_index(drop=True)


def _products_frames(products: dict[str, dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    fees, costs = [], []
    for sku, product in products.items():
        product_fees = product.get("fees") or {}
        fees.append((sku, float(product_fees.get("referral_pct", 15.0)), int(product_fees.get("fba_fee_minor") or 0),
                     product.get("currency") or "USD"))
        for entry in product.get("costs") or []:
            if entry.get("from") and entry.get("landed_minor") is not None:
                costs.append((sku, np.datetime64(str(entry["from"])[:10], "D"), int(entry["landed_minor"]),
                              cost_currency(product, entry)))
    fee_frame = pd.DataFrame(fees, columns=["sku", "referral_pct", "fba_fee_minor", "cost_currency"])
    cost_frame = pd.DataFrame(costs, columns=["sku", "from", "landed_minor", "landed_currency"])
    cost_frame["from"] = cost_frame["from"].astype("datetime64[s]")
    return fee_frame.astype({"sku": object}), cost_frame.sort_values("from", kind="stable").astype({"sku": object})


def landed_costs(lines: pd.DataFrame, costs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The landed cost per unit in force on each line's day (``economics.cost_on``, for every line at once):
    the latest cost dated on or before it, else the earliest; NaN for a SKU without costs. And each cost's
    currency (None where there is no cost)."""
    if not len(lines) or not len(costs):
        return np.full(len(lines), np.nan), np.full(len(lines), None, dtype=object)
    left = pd.DataFrame({"sku": pd.Series(lines["sku"].to_numpy(), dtype=object),
                         "day": lines["day"].to_numpy().astype("datetime64[s]"), "pos": np.arange(len(lines))})
    left = left.sort_values("day", kind="stable")
    before = pd.merge_asof(left, costs, left_on="day", right_on="from", by="sku", direction="backward")
    after = pd.merge_asof(left, costs, left_on="day", right_on="from", by="sku", direction="forward")
    out = np.full(len(lines), np.nan)
    pos = before["pos"].to_numpy()
    out[pos] = before["landed_minor"].fillna(after["landed_minor"]).to_numpy(dtype=float)
    currency = np.full(len(lines), None, dtype=object)
    currency[pos] = before["landed_currency"].fillna(after["landed_currency"]).to_numpy(dtype=object)
    return out, currency


def priced_orders(orders: pd.DataFrame, settled: np.ndarray, fees: pd.DataFrame, costs: pd.DataFrame) -> pd.DataFrame:
    """Sold order lines with their amounts as columns (negative costs; the fee-table ones estimated)."""
    joined = orders.merge(fees, on="sku", how="left") if len(orders) else orders.assign(
        referral_pct=pd.Series(dtype=float), fba_fee_minor=pd.Series(dtype=float), cost_currency=pd.Series(dtype=object))
    sales = joined["sales_minor"].to_numpy()
    pct = joined["referral_pct"].fillna(15.0).to_numpy()
    fba = each_distinct(joined["channel"], lambda channel: channel.upper() == "FBA")
    unit_fee = joined["fba_fee_minor"].fillna(0).to_numpy().astype("int64")
    qty = joined["qty"].to_numpy()
    unit_cost, unit_currency = landed_costs(joined, costs)
    listing = joined["cost_currency"].fillna(pd.Series(joined["currency"].to_numpy(), dtype=object)).to_numpy(dtype=object)
    return joined.assign(
        settled=settled, pct=pct, unit_fee=np.where(fba, unit_fee, 0), unit_cost=unit_cost,
        sales=np.where(settled, 0, sales),
        referral=np.where(settled, 0, -np.floor(sales * pct / 100 + 0.5)).astype("int64"),
        fulfilment=np.where(settled | ~fba, 0, -unit_fee * qty).astype("int64"),
        cogs=-unit_cost * qty,
        cost_currency=np.where(pd.isna(unit_currency), listing, unit_currency))


def _settlement_only(actual: pd.DataFrame, known: set, fees: pd.DataFrame, costs: pd.DataFrame) -> pd.DataFrame:
    """Order lines only a settlement knows (no order record): one row each, for units and cost of goods."""
    is_order = each_distinct(actual["kind"], lambda kind: "order" in kind.lower()) & (
        actual["order_id"] != "").to_numpy()
    rows = actual[is_order]
    rows = rows.assign(key=_key(rows).to_numpy())
    rows = rows[~rows["key"].isin(known).to_numpy()]
    if not len(rows):
        return rows.iloc[:0]
    grouped = rows.groupby("key", sort=False).agg(
        id=("id", "first"), order_id=("order_id", "first"), sku=("sku", "first"), day=("day", "min"),
        qty=("qty", "max"), currency=("currency", "first"), marketplace=("marketplace", "first")).reset_index()
    grouped = grouped.astype({"sku": object}).merge(fees[["sku", "cost_currency"]], on="sku", how="left")
    unit_cost, unit_currency = landed_costs(grouped, costs)
    listing = grouped["cost_currency"].fillna(grouped["currency"]).to_numpy(dtype=object)
    return grouped.assign(unit_cost=unit_cost, cost_currency=np.where(pd.isna(unit_currency), listing, unit_currency))


def build_ledger(sources: Sources, home: str, today: date) -> Ledger:
    """The ledger of ``sources`` (read for this build: its order, settlement and transaction frames are let go
    once used, so that they are not held through the rest of the build, the P&L's peak memory)."""
    home = home.upper()
    actual = actual_lines(sources)
    orders = sources.orders
    sources.orders = sources.settlements = sources.transactions = None
    sold = (orders["qty"] > 0).to_numpy() & (orders["day"] <= np.datetime64(today)).to_numpy()
    orders = orders[sold & each_distinct(orders["status"], lambda status: status.lower() != "cancelled", True)]
    orders = orders.reset_index(drop=True)
    fees, costs = _products_frames(sources.products)
    settled = np.zeros(len(orders), dtype=bool)
    refunded: set = set()
    only = None
    if len(actual):
        is_order = each_distinct(actual["kind"], lambda kind: "order" in kind.lower()) & (
            actual["order_id"] != "").to_numpy()
        keys, order_keys = _key(actual), _key(orders)
        settled = order_keys.isin(set(keys[is_order])).to_numpy()
        refunded = set(keys[(actual["line"] == "refunds").to_numpy()])
        # a settled order's amounts count on the order's day, like those no settlement reports yet
        order_day = pd.Series(orders["day"].to_numpy(), index=order_keys.to_numpy())
        if len(order_day):
            redated = keys.map(order_day[~order_day.index.duplicated()]).to_numpy().astype("datetime64[D]")
        else:  # no orders imported: settlement lines keep their posted day
            redated = np.full(len(actual), np.datetime64("NaT"), dtype="datetime64[D]")
        days = np.where(is_order & ~np.isnat(redated), redated, actual["day"].to_numpy()).astype("datetime64[D]")
        actual = actual.assign(day=days)
        only = _settlement_only(actual, set(order_keys), fees, costs)
        del keys, order_keys, order_day, redated, days  # a text key per line: not held through the build
    priced = priced_orders(orders, settled, fees, costs)
    small = [small_entries.refund_entries(sources.returns, refunded, orders),
             small_entries.postage_entries(sources.postage_refunds, refunded)]
    covered = coverage(sources.summaries, actual)
    small.append(small_entries.promotion_entries(sources.promotions, sources.promo_schedule, orders, covered, today))
    small.append(small_entries.reimbursement_entries(sources.reimbursements, covered))
    volume = orders[["day", "order_id", "sku", "qty"]]
    missing = priced.loc[np.isnan(priced["unit_cost"].to_numpy()), ["day", "sku", "qty"]]
    if only is not None and len(only):
        small.append(small_entries.settlement_cogs(only))
        volume = pd.concat([volume, only[["day", "order_id", "sku", "qty"]]], ignore_index=True)
        missing = pd.concat([missing, only.loc[np.isnan(only["unit_cost"].to_numpy()), ["day", "sku", "qty"]]],
                            ignore_index=True)
    settled_ads = actual[(actual["line"] == "ads").to_numpy()] if len(actual) else actual
    ads = small_entries.counted_ads(sources.ads, settled_ads)
    first = first_day([volume, actual, ads, *small], sources.expenses)
    spans = settled_spans(sources.summaries, actual)
    estimated = small_entries.frame([])
    if first is not None:
        month_end = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        small.append(small_entries.expense_entries(sources.expenses, first, month_end))
        estimated = account_fees.estimates(sources.products, spans, first, month_end, sources.fee_rates)
    del orders  # what the ledger keeps of the order lines is priced and volume
    small = [s for s in small if len(s)]
    small_frame = pd.concat(small, ignore_index=True) if small else small_entries.frame([])
    ledger = Ledger(pd.DataFrame(), priced, actual, ads, small_frame, volume.reset_index(drop=True),
                    missing.reset_index(drop=True), home, first, today, spans=spans,
                    settlements=len(set(actual["settlement_id"])) if len(actual) else 0,
                    advertises=bool(len(sources.ads) or len(settled_ads)), monthly=estimated)
    ledger.daily = convert_and_sum(ledger, Rates(sources.rates, home, ecb.monthly_rate))
    return ledger


def first_day(parts: list[pd.DataFrame], expenses: list[dict]) -> date | None:
    """The first day of sales data (orders, settlements, ad reports) or of a one-off expense.

    Monthly expenses started long ago do not stretch the P&L back: months before
    the data would only be flagged as empty.
    """
    days = [p["day"].to_numpy().astype("datetime64[D]").min() for p in parts if len(p)]
    one_offs = [e["date"][:10] for e in expenses if e.get("recurring") != "monthly" and e.get("date")]
    if one_offs:
        days.append(np.datetime64(min(one_offs), "D"))
    if not days:
        return None
    return pd.Timestamp(min(days)).date()


def settled_spans(summaries: list[dict], actual: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(marketplace, first day, last day) of every imported settlement (and of Date Range settlements)."""
    spans: list[tuple[str, str, str]] = []
    for summary in summaries:
        if summary.get("start") and summary.get("end"):
            spans.append((summary.get("marketplace") or "", str(summary["start"])[:10], str(summary["end"])[:10]))
    if len(actual):
        dr = actual[(actual["source"] == "date range report").to_numpy() & (actual["settlement_id"] != "").to_numpy()]
        for (_, market), group in dr.groupby(["settlement_id", "marketplace"]):
            spans.append((market, str(group["day"].min())[:10], str(group["day"].max())[:10]))
    return spans


def coverage(summaries: list[dict], actual: pd.DataFrame):
    """``covered(day, marketplace)``: does an imported settlement span that day (so it carries its fees)?"""
    spans = settled_spans(summaries, actual)

    def covered(day: date, marketplace: str) -> bool:
        when = day.isoformat()
        return any(start <= when <= end and market in ("", marketplace) for market, start, end in spans)

    return covered

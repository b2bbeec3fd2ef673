"""Profit per SKU over a period: per unit, margin, ROI and break-even ACoS.

Per-unit profit = (sales + refunds + referral and fulfilment fees + its
promotion fees + cost of goods + its share of storage + its share of ad
spend) ÷ units (per unit: price − referral − fulfilment − COGS − storage share
− returns allowance − ad spend per unit). Storage is shared by units sold; a
search-term campaign's spend goes to the SKUs it advertises (Ads' mapping:
set by you, or guessed from the campaign name) by their sales, and spend no
campaign names a SKU for goes to every SKU by its sales. The subscription,
other Amazon fees and other expenses are the shop's overheads: not spread.
Margin = profit ÷ sales; ROI = profit ÷ cost of goods; break-even ACoS =
profit before ads ÷ sales.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

import numpy as np
import pandas as pd

from sellertui.domain.profit.ledger import month_of

DIRECT = ("sales", "refunds", "referral", "fulfilment", "promo_fees", "other_fees", "cogs")
COLUMNS = ["sku", "title", "units", "sales", "refunds", "referral", "fulfilment", "promo_fees", "other_fees", "cogs",
           "storage", "ads", "profit", "per_unit", "margin", "roi", "break_even_acos", "estimated", "no_cost",
           "currency"]


def _shares(weights: pd.Series, amount: float) -> pd.Series:
    total = weights.sum()
    if total <= 0:
        return pd.Series(amount / max(len(weights), 1), index=weights.index)
    return weights / total * amount


def _within(frame: pd.DataFrame, first: date, last: date) -> pd.DataFrame:
    days = frame["day"].to_numpy()
    return frame[(days >= np.datetime64(first)) & (days <= np.datetime64(last))]


def _amounts(ledger, frame: pd.DataFrame, line, amount, currency) -> pd.DataFrame:
    """(sku, line, home) rows; rows without a rate stay out, as in the P&L."""
    home = ledger.to_home(np.asarray(amount, dtype=float), month_of(frame["day"]), np.asarray(currency, dtype=object))
    return pd.DataFrame({"sku": frame["sku"].to_numpy(), "line": line, "home": home})


def sku_table(ledger, first: date, last: date, products: dict[str, dict],
              campaign_skus: Callable[[str], list[str]] | None = None) -> tuple[pd.DataFrame, dict]:
    """One row per SKU that sold or cost something in the period, and the overheads left unallocated."""
    last = min(last, ledger.today)
    orders = _within(ledger.orders, first, last)
    parts = []
    for line in ("sales", "referral", "fulfilment", "cogs"):
        values = orders[line].to_numpy(dtype=float)
        keep = ~np.isnan(values) & (values != 0)
        currency = orders["cost_currency" if line == "cogs" else "currency"].to_numpy()[keep]
        parts.append(_amounts(ledger, orders[keep], line, values[keep], currency))
    actual = _within(ledger.actual, first, last)
    small = _within(ledger.small, first, last)
    for frame in (actual, small):
        picked = frame[frame["line"].isin(DIRECT).to_numpy() & (frame["sku"].fillna("") != "").to_numpy()]
        parts.append(_amounts(ledger, picked, picked["line"].to_numpy(), picked["amount_minor"].to_numpy(),
                              picked["currency"].to_numpy()))
    direct = pd.concat([p for p in parts if len(p)] or [parts[0]], ignore_index=True)
    # a promotion over several SKUs: its fee split evenly between them
    direct = direct.assign(sku=direct["sku"].astype(object).str.split(", ")).explode("sku")
    direct["home"] = direct["home"] / direct.groupby(level=0)["sku"].transform("size")
    table = direct.pivot_table(index="sku", columns="line", values="home", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(DIRECT), fill_value=0)
    sold = _within(ledger.volume, first, last)
    units = sold.groupby("sku")["qty"].sum()
    table = table.reindex(table.index.union(units.index), fill_value=0)
    table["units"] = units.reindex(table.index, fill_value=0)
    overheads = pd.concat([_amounts(ledger, f, f["line"].to_numpy(), f["amount_minor"].to_numpy(),
                                    f["currency"].to_numpy()) for f in (actual, small) if len(f)] or
                          [pd.DataFrame(columns=["sku", "line", "home"])], ignore_index=True)
    by_line = overheads.groupby("line")["home"].sum()
    table["storage"] = _shares(table["units"].astype(float), float(by_line.get("storage", 0))) if len(table) else 0.0
    table["ads"] = _ad_shares(ledger, actual, _within(ledger.ads, first, last), table["sales"].astype(float),
                              campaign_skus) if len(table) else 0.0
    no_sku = (overheads["sku"].fillna("") == "").to_numpy()
    unallocated = {key: int(overheads.loc[(overheads["line"] == key).to_numpy() & no_sku, "home"].sum())
                   for key in ("subscription", "other_fees", "expenses")}
    estimated = set(orders.loc[(orders["referral"] != 0).to_numpy(), "sku"])
    estimated |= set(small.loc[small["estimated"].to_numpy(dtype=bool), "sku"])
    missing = _within(ledger.missing_cost, first, last)
    return _finish(table, products, estimated, set(missing["sku"]), ledger.home), unallocated


def _ad_shares(ledger, actual: pd.DataFrame, ads: pd.DataFrame, sales: pd.Series, campaign_skus) -> pd.Series:
    out = pd.Series(0.0, index=sales.index)
    charged = actual[(actual["line"] == "ads").to_numpy()]
    loose = float(_amounts(ledger, charged, "ads", charged["amount_minor"].to_numpy(),
                           charged["currency"].to_numpy())["home"].sum()) if len(charged) else 0.0
    if len(ads):
        spend = pd.DataFrame({"campaign": ads["campaign"].to_numpy(), "home": ledger.to_home(
            -ads["spend_minor"].to_numpy(dtype=float), month_of(ads["day"]), ads["currency"].to_numpy())})
        for campaign, amount in spend.groupby("campaign")["home"].sum().items():
            skus = [s for s in (campaign_skus(campaign) if campaign and campaign_skus else []) if s in out.index]
            if skus:
                out.loc[skus] += _shares(sales.loc[skus].clip(lower=0), float(amount)).to_numpy()
            else:
                loose += float(amount)
    if loose:
        out += _shares(sales.clip(lower=0), loose)
    return out


def _finish(table: pd.DataFrame, products: dict[str, dict], estimated: set, no_cost: set, home: str) -> pd.DataFrame:
    if not len(table):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    table = table.reset_index().rename(columns={"index": "sku"})
    money = ["sales", "refunds", "referral", "fulfilment", "promo_fees", "other_fees", "cogs", "storage", "ads"]
    table[money] = table[money].astype(float).round()
    table["profit"] = table[money].sum(axis=1)
    units = table["units"].astype(float)
    sales = table["sales"].astype(float)
    table["per_unit"] = (table["profit"] / units).where(units > 0)
    table["margin"] = (table["profit"] / sales).where(sales > 0)
    table["roi"] = (table["profit"] / -table["cogs"]).where(table["cogs"] < 0)
    table["break_even_acos"] = ((table["profit"] - table["ads"]) / sales).where(sales > 0)
    table["title"] = [(products.get(s) or {}).get("title", "") for s in table["sku"]]
    table["estimated"] = table["sku"].isin(estimated)
    table["no_cost"] = table["sku"].isin(no_cost)
    table["currency"] = home
    return table[COLUMNS].sort_values("profit", ascending=False, kind="stable").reset_index(drop=True)


def working(row: dict, home: str, first: date, last: date) -> list[str]:
    """How a SKU's numbers came about (for the working screen)."""
    from sellertui.core.money import fmt

    m = lambda v: fmt(int(round(v)), home)  # noqa: E731
    units = int(row["units"])
    lines = [f"{row['sku']} from {first} to {last}: {units:,} unit(s) sold"]
    for key, name in (("sales", "sales"), ("refunds", "refunds (returns allowance)"), ("referral", "referral fees"),
                      ("fulfilment", "fulfilment fees"), ("promo_fees", "its promotion fees"),
                      ("other_fees", "other fees on its orders"), ("cogs", "cost of goods"),
                      ("storage", "storage fees, its share by units"), ("ads", "ad spend, its share")):
        if not row[key]:
            continue
        per = f" = {m(abs(row[key]) / units)} a unit" if units else ""
        lines.append(f"{'+' if row[key] >= 0 else '−'} {name} {m(abs(row[key]))}{per}")
    lines.append(f"= profit {m(row['profit'])}" + (f" = {m(row['per_unit'])} a unit" if units else ""))
    if row["margin"] == row["margin"] and row["margin"] is not None:
        lines.append(f"margin = profit ÷ sales = {row['margin']:.1%}")
    if row["roi"] == row["roi"] and row["roi"] is not None:
        lines.append(f"ROI = profit ÷ cost of goods = {row['roi']:.1%}")
    if row["break_even_acos"] == row["break_even_acos"] and row["break_even_acos"] is not None:
        lines.append(f"break-even ACoS = profit before ads ÷ sales = {row['break_even_acos']:.1%}")
    if row["estimated"]:
        lines.append("~ some fees are estimates from the fee table (no settlement yet)")
    if row["no_cost"]:
        lines.append("⚠ some units have no landed cost: cost of goods too low (add costs in Inventory)")
    return lines

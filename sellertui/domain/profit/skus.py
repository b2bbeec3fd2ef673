"""Profit per SKU over a period: per unit, margin, ROI and break-even ACoS.

Per-unit profit = (sales + refunds + referral and fulfilment fees + its
promotion fees + cost of goods + its share of storage + its share of ad
spend) ÷ units (per unit: price − referral − fulfilment − COGS − storage share
− returns allowance − ad spend per unit). Storage is shared by units sold; a
search-term campaign's spend goes to the SKUs it advertises (Ads' mapping:
set by you, or guessed from the campaign name) by their sales, and spend no
campaign names a SKU for goes to every SKU by its sales; shares are whole
cents that add up (largest remainder). The subscription, other Amazon fees
and other expenses without a SKU are the shop's overheads: not spread, and
listed with whatever else could not be spread, so SKUs + overheads = the P&L.
Margin = profit ÷ sales; ROI = profit ÷ cost of goods; break-even ACoS =
profit before ads ÷ sales.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_, _
from sellertui.core.money import split_largest_remainder
from sellertui.core.split import spread

DIRECT = ("sales", "refunds", "referral", "fulfilment", "promo_fees", "other_fees", "cogs")
COLUMNS = ["sku", "title", "units", "sales", "refunds", "referral", "fulfilment", "promo_fees", "other_fees", "cogs",
           "storage", "ads", "profit", "per_unit", "margin", "roi", "break_even_acos", "estimated", "no_cost",
           "currency"]


def _split(amount: int, weights: pd.Series) -> pd.Series:
    """``amount`` over the index of ``weights`` in whole cents that add up to it (largest remainder)."""
    return pd.Series(split_largest_remainder(int(amount), [max(int(w), 0) for w in weights]), index=weights.index,
                     dtype="int64")


def _within(frame: pd.DataFrame, first: date, last: date) -> pd.DataFrame:
    days = frame["day"].to_numpy()
    return frame[(days >= np.datetime64(first)) & (days <= np.datetime64(last))]


def _known(values) -> np.ndarray:
    """Home amounts with the rows without a rate left out (NaN -> 0), as in the P&L."""
    return np.nan_to_num(np.asarray(values, dtype=float)).astype("int64")


def sku_table(ledger, first: date, last: date, products: dict[str, dict],
              campaign_skus: Callable[[str], list[str]] | None = None) -> tuple[pd.DataFrame, dict]:
    """One row per SKU that sold or cost something in the period, and what was not spread over SKUs.

    Every amount is the ledger's converted entry (``convert``), so the SKUs' columns plus what is left
    unallocated add up to the P&L's lines for the period, to the cent.
    """
    last = min(last, ledger.today)
    orders = _within(ledger.orders, first, last)
    rows = []  # (sku, line, home) in whole home cents
    for line in ("sales", "referral", "fulfilment", "cogs"):
        home = _known(orders[f"{line}_home"])
        keep = home != 0
        rows.append(pd.DataFrame({"sku": orders["sku"].to_numpy()[keep], "line": line, "home": home[keep]}))
    actual = _within(ledger.actual, first, last)
    small = ledger.entries_between(first, last)
    unallocated: dict[str, int] = {}

    def leave(line: str, amount: int) -> None:
        if amount:
            unallocated[line] = unallocated.get(line, 0) + int(amount)

    for frame in (actual, small):
        direct = frame[frame["line"].isin(DIRECT).to_numpy()]
        skus = direct["sku"].fillna("").astype(object).to_numpy()
        home = _known(direct["home_minor"])
        for line, amount in pd.Series(home[skus == ""]).groupby(direct["line"].to_numpy()[skus == ""]).sum().items():
            leave(line, amount)
        for sku_list, line, amount in zip(skus[skus != ""], direct["line"].to_numpy()[skus != ""], home[skus != ""]):
            named = sku_list.split(", ")  # a promotion over several SKUs: its fee shared evenly
            for sku, part in zip(named, spread(int(amount), len(named))):
                rows.append(pd.DataFrame({"sku": [sku], "line": [line], "home": [part]}))
    direct = pd.concat([r for r in rows if len(r)] or [rows[0]], ignore_index=True)
    table = direct.pivot_table(index="sku", columns="line", values="home", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(DIRECT), fill_value=0).astype("int64")
    sold = _within(ledger.volume, first, last)
    units = sold.groupby("sku")["qty"].sum()
    table = table.reindex(table.index.union(units.index), fill_value=0)
    table["units"] = units.reindex(table.index, fill_value=0)
    overheads = pd.concat([pd.DataFrame({"sku": f["sku"].fillna("").to_numpy(), "line": f["line"].to_numpy(),
                                         "home": _known(f["home_minor"])}) for f in (actual, small) if len(f)]
                          or [pd.DataFrame(columns=["sku", "line", "home"])], ignore_index=True)
    storage = int(overheads.loc[(overheads["line"] == "storage").to_numpy(), "home"].sum())
    if storage and len(table) and table["units"].sum() > 0:
        table["storage"] = _split(storage, table["units"])
    else:
        table["storage"] = 0
        leave("storage", storage)
    table["ads"] = _ad_shares(ledger, actual, _within(ledger.ads, first, last), table["sales"], campaign_skus,
                              leave)
    for key in ("subscription", "reimbursements", "expenses") if len(overheads) else ():  # the shop's, not a SKU's
        leave(key, int(overheads.loc[(overheads["line"] == key).to_numpy(), "home"].sum()))
    estimated = set(orders.loc[(orders["referral"] != 0).to_numpy(), "sku"])
    estimated |= set(small.loc[small["estimated"].to_numpy(dtype=bool), "sku"])
    missing = _within(ledger.missing_cost, first, last)
    return _finish(table, products, estimated, set(missing["sku"]), ledger.home), unallocated


def _ad_shares(ledger, actual: pd.DataFrame, ads: pd.DataFrame, sales: pd.Series, campaign_skus, leave) -> pd.Series:
    """Ad spend per SKU: a campaign's over the SKUs it advertises, the rest over every SKU, by their sales."""
    out = pd.Series(0, index=sales.index, dtype="int64")
    charged = actual[(actual["line"] == "ads").to_numpy()]
    loose = int(_known(charged["home_minor"]).sum())
    if len(ads):
        spend = pd.DataFrame({"campaign": ads["campaign"].to_numpy(), "home": _known(ads["home_minor"])})
        for campaign, amount in spend.groupby("campaign")["home"].sum().items():
            skus = [s for s in (campaign_skus(campaign) if campaign and campaign_skus else []) if s in out.index]
            if skus and sales.loc[skus].clip(lower=0).sum() > 0:
                out.loc[skus] += _split(amount, sales.loc[skus]).to_numpy()
            else:
                loose += int(amount)
    if loose and len(sales) and sales.clip(lower=0).sum() > 0:
        out += _split(loose, sales)
    else:
        leave("ads", loose)
    return out


def _finish(table: pd.DataFrame, products: dict[str, dict], estimated: set, no_cost: set, home: str) -> pd.DataFrame:
    if not len(table):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    table = table.reset_index().rename(columns={"index": "sku"})
    money = ["sales", "refunds", "referral", "fulfilment", "promo_fees", "other_fees", "cogs", "storage", "ads"]
    table[money] = table[money].astype("int64")
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


# the lines of a SKU's working, in order (translated where shown)
WORKING_LINES = (("sales", N_("sales")), ("refunds", N_("refunds (returns allowance)")),
                 ("referral", N_("referral fees")), ("fulfilment", N_("fulfilment fees")),
                 ("promo_fees", N_("its promotion fees")), ("other_fees", N_("other fees on its orders")),
                 ("cogs", N_("cost of goods")), ("storage", N_("storage fees, its share by units")),
                 ("ads", N_("ad spend, its share")))


def working(row: dict, home: str, first: date, last: date) -> list[str]:
    """How a SKU's numbers came about (for the working screen)."""
    from sellertui.core.money import fmt

    m = lambda v: fmt(int(round(v)), home)  # noqa: E731
    units = int(row["units"])
    lines = [_("{sku} from {first} to {last}: {units} unit(s) sold").format(sku=row["sku"], first=first, last=last,
                                                                          units=f"{units:,}")]
    for key, name in WORKING_LINES:
        if not row[key]:
            continue
        sign, amount = "+" if row[key] >= 0 else "−", m(abs(row[key]))
        lines.append((_("{sign} {line} {amount} = {per_unit} a unit") if units else _("{sign} {line} {amount}"))
                     .format(sign=sign, line=_(name), amount=amount,
                             per_unit=m(abs(row[key]) / units) if units else ""))
    lines.append((_("= profit {profit} = {per_unit} a unit") if units else _("= profit {profit}"))
                 .format(profit=m(row["profit"]), per_unit=m(row["per_unit"]) if units else ""))
    if row["margin"] == row["margin"] and row["margin"] is not None:
        lines.append(_("margin = profit ÷ sales = {margin:.1%}").format(margin=row['margin']))
    if row["roi"] == row["roi"] and row["roi"] is not None:
        lines.append(_("ROI = profit ÷ cost of goods = {roi:.1%}").format(roi=row['roi']))
    if row["break_even_acos"] == row["break_even_acos"] and row["break_even_acos"] is not None:
        lines.append(_("break-even ACoS = profit before ads ÷ sales = {break_even_acos:.1%}")
                         .format(break_even_acos=row['break_even_acos']))
    if row["estimated"]:
        lines.append(_("~ some fees are estimates from the fee table (no settlement yet)"))
    if row["no_cost"]:
        lines.append(_("⚠ some units have no landed cost: cost of goods too low (add costs in Inventory)"))
    return lines

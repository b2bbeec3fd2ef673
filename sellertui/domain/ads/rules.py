"""The proposal rules (negate, harvest, bid), on aggregated search terms and keywords.

- negate: no orders and clicks ≥ max(min clicks, factor × clicks per order of the
  ad group, else of the account); or no orders and spend ≥ the target cost per
  order (price × target ACoS); or many impressions, no orders and a CTR at or
  under the limit. Negative exact in the source ad group (negative product
  targeting for ASIN terms). Exact-match sources are left to the bid rule: the
  term there is the keyword itself.
- harvest: orders ≥ the minimum and ACoS ≤ target in a broad, phrase or auto
  source → exact keyword (product target for ASINs) in a manual campaign, at
  target ACoS × sales per click, plus a negative exact in the source.
- bid: keywords with enough clicks and a known bid: bid × target ACoS / ACoS,
  or with no sales price × target ACoS / clicks; moved at most one step, kept
  between floor and ceiling, and only when the change is worth making.
Every proposal carries its reason with the numbers.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_, _, label, language
from sellertui.domain.ads.campaigns import CampaignInfo, Destinations
from sellertui.domain.ads.metrics import is_asin, pct
from sellertui.domain.ads.proposal import Proposal
from sellertui.domain.ads.settings import AdsRules
from sellertui.domain.ads.targets import Target, TargetBook
from sellertui.core.money import fmt as money_fmt


@lru_cache(maxsize=8192)  # thousands of reasons repeat the same few amounts
def _fmt(minor, currency: str, _language: str) -> str:
    return money_fmt(minor, currency)


def fmt(minor, currency: str) -> str:
    """Money as the current language writes it ('$0.75', 'US$0.75'): cached per language, which can change live."""
    return _fmt(minor, currency, language())


def _targets(frame: pd.DataFrame, book: TargetBook) -> list[Target]:
    """The target of each row's ad group (resolved once per ad group)."""
    cache: dict[tuple[str, str], Target] = {}
    out = []
    for campaign, group in zip(frame["campaign"], frame["ad_group"]):
        key = (campaign, group)
        if key not in cache:
            cache[key] = book.ad_group(campaign, group)
        out.append(cache[key])
    return out


def _attribution(row) -> str:
    low, high = int(row.attribution_min), int(row.attribution_max)
    return f"{high}-day" if low == high else f"mixed {low}/{high}-day"


def _base(row, kind: str, action: str, target: Target, window: dict) -> Proposal:
    acos = None if not row.sales_minor else row.spend_minor / row.sales_minor
    return Proposal(
        kind=kind, action=action, term=row.term, campaign=row.campaign, ad_group=row.ad_group,
        match_type=row.match_type, targeting=row.targeting, source=row.source, currency=row.currency,
        campaign_id=row.campaign_id, ad_group_id=row.ad_group_id, impressions=int(row.impressions),
        clicks=int(row.clicks), spend_minor=int(row.spend_minor), sales_minor=int(row.sales_minor),
        orders=int(row.orders), acos=acos, target_acos=target.acos, window=window,
        attribution=_attribution(row),
    )


# the sources a harvest comes from, each as the whole phrase (the article differs: a broad, an auto)
SOURCES = {"broad": N_("a broad source"), "phrase": N_("a phrase source"), "auto": N_("an auto source")}
MATCH_TYPES = {"exact": N_("exact"), "phrase": N_("phrase"), "broad": N_("broad")}


def _a(word: str) -> str:
    if word in SOURCES:
        return _(SOURCES[word])
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def _attribution_text(row) -> str:
    low, high = int(row.attribution_min), int(row.attribution_max)
    if low == high:
        return _("{days}-day").format(days=high)
    return _("mixed {low}/{high}-day").format(low=low, high=high)


def _numbers(p: Proposal, row) -> str:
    m = lambda v: fmt(v, p.currency)  # noqa: E731
    acos = pct(p.acos) or _("blank (no sales)")
    return _("{impressions:,} impressions, {clicks:,} clicks, {spend} spend, {orders} orders, {sales} sales, "
             "ACoS {acos} ({attribution} attribution)").format(
        impressions=p.impressions, clicks=p.clicks, spend=m(p.spend_minor), orders=p.orders,
        sales=m(p.sales_minor), acos=acos, attribution=_attribution_text(row))


# -- negate ------------------------------------------------------------------------
def clicks_per_order(terms: pd.DataFrame) -> tuple[pd.Series, dict[str, float]]:
    """Clicks per order of each row's ad group (NaN when it has no orders), and of the account per currency."""
    key = ["campaign", "ad_group"]
    groups = terms.groupby(key, sort=False, observed=True)[["clicks", "orders"]].transform("sum")
    per_group = (groups["clicks"] / groups["orders"].where(groups["orders"] > 0)).astype(float)
    account = {}
    for currency, part in terms.groupby("currency", sort=False, observed=True):
        orders = int(part["orders"].sum())
        account[currency] = part["clicks"].sum() / orders if orders else math.nan
    return per_group, account


def negate_proposals(terms: pd.DataFrame, book: TargetBook, rules: AdsRules, window: dict) -> list[Proposal]:
    if not len(terms):
        return []
    zero = (terms["orders"].to_numpy() == 0) & (terms["source"].to_numpy() != "exact")
    frame = terms[zero]
    if not len(frame):
        return []
    group_cpo, account_cpo = clicks_per_order(terms)
    group_cpo = group_cpo[zero].to_numpy()
    targets = _targets(frame, book)
    per_order = np.array([t.cost_per_order_minor or 0 for t in targets], dtype=float)
    account = np.array([account_cpo.get(c, math.nan) for c in frame["currency"]])
    cpo = np.where(np.isnan(group_cpo), account, group_cpo)
    threshold = np.maximum(rules.negate_min_clicks,
                           np.where(np.isnan(cpo), 0, rules.negate_clicks_per_order_factor * np.nan_to_num(cpo)))
    clicks = frame["clicks"].to_numpy()
    by_clicks = (clicks >= threshold) & (clicks > 0)
    by_spend = (per_order > 0) & (frame["spend_minor"].to_numpy() >= per_order) & (clicks > 0)
    ctr = frame["ctr"].to_numpy()
    by_ctr = (frame["impressions"].to_numpy() >= rules.low_ctr_min_impressions) & (np.nan_to_num(ctr) <= rules.low_ctr_max)
    fired = np.flatnonzero(by_clicks | by_spend | by_ctr)
    proposals = []
    for i, row in zip(fired, frame.iloc[fired].itertuples(index=False)):
        target = targets[i]
        asin = is_asin(row.term)
        action = "negate product" if asin else "negate exact"
        p = _base(row, "negate", action, target, window)
        reasons, m = [], (lambda v: fmt(v, p.currency))  # noqa: E731
        if by_clicks[i]:
            p.rules.append("clicks")
            if math.isnan(cpo[i]):
                basis = _("no orders in the account to measure clicks per order, so the minimum {minimum}").format(
                    minimum=rules.negate_min_clicks)
            else:
                basis = (_("max({minimum}, {factor:g} × {per_order:.1f} clicks per order of the ad group) = "
                           "{threshold:.1f}") if not math.isnan(group_cpo[i]) else
                         _("max({minimum}, {factor:g} × {per_order:.1f} clicks per order of the account) = "
                           "{threshold:.1f}")).format(
                    minimum=rules.negate_min_clicks, factor=rules.negate_clicks_per_order_factor,
                    per_order=cpo[i], threshold=threshold[i])
            reasons.append(_("no orders after {clicks} clicks (≥ {basis})").format(clicks=p.clicks, basis=basis))
        if by_spend[i]:
            p.rules.append("spend")
            reasons.append(_("spent {spend} with no order, at least what an order may cost at target "
                             "({price} × {acos} = {cost})").format(
                spend=m(p.spend_minor), price=m(target.price_minor), acos=pct(target.acos),
                cost=m(int(per_order[i]))))
        if by_ctr[i]:
            p.rules.append("low_ctr")
            reasons.append(_("{impressions:,} impressions (≥ {minimum:,}) at CTR {ctr} (≤ {limit}) and no orders").format(
                impressions=p.impressions, minimum=rules.low_ctr_min_impressions, ctr=pct(ctr[i], 2) or "0.00%",
                limit=pct(rules.low_ctr_max, 2)))
        negate = (_("Negate the product '{term}' in ad group {ad_group}: {reasons}.") if asin else
                  _("Negate '{term}' in ad group {ad_group}: {reasons}."))
        p.reason = negate.format(term=p.term, ad_group=p.ad_group, reasons=_("; ").join(reasons))
        p.working = [_numbers(p, row), *target.working]
        proposals.append(p)
    return proposals


# -- harvest -----------------------------------------------------------------------
def known_targets(terms: pd.DataFrame) -> dict[str, set[str]]:
    """Keywords already targeted exactly and ASINs already targeted as products (lower case) -> campaigns."""
    found: dict[str, set[str]] = {}
    sources = terms["source"].to_numpy()
    for source, targeting, campaign in zip(sources, terms["targeting"].to_numpy(), terms["campaign"].to_numpy()):
        text = str(targeting).strip().lower()
        if source == "exact":
            found.setdefault(text, set()).add(campaign)
        elif source == "product" and text.startswith("asin="):
            found.setdefault(text.split("=", 1)[1].strip('"'), set()).add(campaign)
    return found


def harvest_proposals(terms: pd.DataFrame, book: TargetBook, rules: AdsRules, window: dict,
                      campaigns: dict[str, CampaignInfo], harvested: dict[str, str] | None = None) -> list[Proposal]:
    """Harvests, and negations of terms that sell in a source but are already targeted exactly elsewhere.

    ``harvested``: terms (lower case) an approved or exported harvest already added, and where to.
    """
    if not len(terms):
        return []
    eligible = (terms["orders"].to_numpy() >= rules.harvest_min_orders) & (terms["sales_minor"].to_numpy() > 0)
    eligible &= np.isin(terms["source"].to_numpy(), ["broad", "phrase", "auto"]) & (terms["clicks"].to_numpy() > 0)
    frame = terms[eligible]
    if not len(frame):
        return []
    targets = _targets(frame, book)
    under = frame["acos"].to_numpy() <= np.array([t.acos for t in targets])
    already = known_targets(terms)
    for term, where in (harvested or {}).items():
        already.setdefault(term, set()).add(where)
    destinations = Destinations(book, campaigns)
    proposals = []
    chosen = np.flatnonzero(under)
    for i, row in zip(chosen, frame.iloc[chosen].itertuples(index=False)):
        target, asin = targets[i], is_asin(row.term)
        there = sorted(c for c in already.get(str(row.term).strip().lower(), ())
                       if destinations.same_products(row.campaign, c))
        if there:
            proposals.append(_funnel(row, target, window, there[0]))
            continue
        p = _base(row, "harvest", "harvest product" if asin else "harvest exact", target, window)
        place, why = destinations.for_source(p.campaign, asin)
        if place is not None:
            p.dest_campaign, p.dest_campaign_id = place.campaign, place.campaign_id
            p.dest_ad_group, p.dest_ad_group_id = place.ad_group, place.ad_group_id
        per_click = p.sales_minor / p.clicks
        raw = target.acos * per_click
        p.new_bid_minor = _clamp(raw, rules.floor_minor(p.currency), rules.ceiling_minor(p.currency))
        m = lambda v: fmt(v, p.currency)  # noqa: E731
        p.rules.append("harvest")
        dest = place.label if place else _("a manual campaign you choose (e)")
        what = _("a product target") if asin else _("an exact keyword")
        p.reason = _("Harvest '{term}': {orders} orders at ACoS {acos} ≤ target {target} in {source}. Add it as "
                     "{what} to {destination} at {bid} and negate it exactly in ad group {ad_group}.").format(
            term=p.term, orders=p.orders, acos=pct(p.acos), target=pct(target.acos), source=_a(p.source),
            what=what, destination=dest, bid=m(p.new_bid_minor), ad_group=p.ad_group)
        p.working = [_numbers(p, row), _("destination: {destination} ({why})").format(destination=dest, why=why),
                     _("bid = target ACoS {acos} × sales per click {per_click} = {bid}, kept between {floor} and "
                       "{ceiling}").format(acos=pct(target.acos), per_click=m(round(per_click)), bid=m(round(raw)),
                                           floor=m(rules.floor_minor(p.currency)),
                                           ceiling=m(rules.ceiling_minor(p.currency))),
                     *target.working]
        proposals.append(p)
    return proposals


def _funnel(row, target: Target, window: dict, there: str) -> Proposal:
    """The second half of a harvest: the term is already targeted exactly in ``there``; stop it here."""
    asin = is_asin(row.term)
    p = _base(row, "negate", "negate product" if asin else "negate exact", target, window)
    p.rules.append("harvested")
    what = _("a product target") if asin else _("an exact keyword")
    p.reason = _("Negate '{term}' in ad group {ad_group}: it sells ({orders} orders at ACoS {acos} ≤ target "
                 "{target}) and is already {what} in {campaign}, which should get its traffic.").format(
        term=p.term, ad_group=p.ad_group, orders=p.orders, acos=pct(p.acos), target=pct(target.acos), what=what,
        campaign=there)
    p.working = [_numbers(p, row), _("already targeted in {campaign}").format(campaign=there), *target.working]
    return p


# -- bids --------------------------------------------------------------------------
def _clamp(value: float, low: int, high: int) -> int:
    return int(round(min(max(value, low), high)))


def bid_proposals(keywords: pd.DataFrame, book: TargetBook, rules: AdsRules, window: dict,
                  current_bids: dict[str, tuple[str, int]] | None = None) -> list[Proposal]:
    """Bid changes for keyword targets.

    ``current_bids``: bids exported since the data was downloaded, by keyword key,
    as (day, bid); the caller keeps only the rows after that day for those keywords.
    """
    from sellertui.domain.ads.proposal import proposal_key

    if not len(keywords):
        return []
    current_bids = current_bids or {}
    keywordish = np.isin(keywords["match_type"].str.upper().to_numpy(), ["EXACT", "PHRASE", "BROAD"])
    eligible = keywordish & (keywords["clicks"].to_numpy() >= max(rules.bid_min_clicks, 1))
    frame = keywords[eligible]
    targets = _targets(frame, book)
    proposals = []
    for i, row in enumerate(frame.itertuples(index=False)):
        key = proposal_key("bid", row.campaign, row.ad_group, row.match_type, row.targeting)
        changed = current_bids.get(key)
        if changed is not None:
            bid = changed[1]
        elif row.bid_minor != row.bid_minor:  # NaN: no bid known for this keyword
            continue
        else:
            bid = int(row.bid_minor)
        if bid <= 0:
            continue
        target = targets[i]
        m = lambda v: fmt(v, row.currency)  # noqa: E731
        goal = max(target.acos, 0.0)
        if row.sales_minor > 0:
            acos = row.spend_minor / row.sales_minor
            raw = bid * goal / acos
            formula = _("bid {bid} × target {target} / ACoS {acos} = {new}").format(
                bid=m(bid), target=pct(target.acos), acos=pct(acos), new=m(round(raw)))
        else:
            if target.price_minor is None:
                continue
            raw = target.price_minor * goal / row.clicks
            formula = _("no sales: price {price} × target {target} / {clicks} clicks = {new}").format(
                price=m(target.price_minor), target=pct(target.acos), clicks=row.clicks, new=m(round(raw)))
        low, high = bid * (1 - rules.bid_max_step), bid * (1 + rules.bid_max_step)
        stepped = min(max(raw, low), high)
        new = _clamp(stepped, rules.floor_minor(row.currency), rules.ceiling_minor(row.currency))
        if new == bid or abs(new - bid) / bid < rules.bid_min_change:
            continue
        p = Proposal(kind="bid", action="bid up" if new > bid else "bid down", term=row.targeting,
                     campaign=row.campaign, ad_group=row.ad_group, match_type=row.match_type,
                     targeting=row.targeting, source=str(row.match_type).lower(), currency=row.currency,
                     campaign_id=row.campaign_id, ad_group_id=row.ad_group_id, keyword_id=row.keyword_id,
                     impressions=int(row.impressions), clicks=int(row.clicks), spend_minor=int(row.spend_minor),
                     sales_minor=int(row.sales_minor), orders=int(row.orders),
                     acos=(row.spend_minor / row.sales_minor) if row.sales_minor else None,
                     target_acos=target.acos, window=window, current_bid_minor=bid, new_bid_minor=new,
                     rules=["bid"], attribution=_attribution(row))
        capped = _(" (capped at one step)") if stepped != raw else ""
        limits = _(" (kept between floor and ceiling)") if new != int(round(stepped)) else ""
        match = p.match_type.lower()
        change = (_("Raise the bid of '{term}' ({match}) in {ad_group} from {old} to {new}: {formula}{notes}.")
                  if new > bid else
                  _("Lower the bid of '{term}' ({match}) in {ad_group} from {old} to {new}: {formula}{notes}."))
        p.reason = change.format(term=p.term, match=label(MATCH_TYPES, match),
                                 ad_group=p.ad_group, old=m(bid), new=m(new), formula=formula, notes=capped + limits)
        since = [_("the bid was set to {bid} on {day}: only rows after that day count").format(
            bid=m(bid), day=changed[0])] if changed else []
        p.working = [_numbers(p, row), *since, formula,
                     _("one step is ±{step}: {low} to {high}; floor {floor}, ceiling {ceiling}").format(
                         step=pct(rules.bid_max_step, 0), low=m(round(low)), high=m(round(high)),
                         floor=m(rules.floor_minor(p.currency)), ceiling=m(rules.ceiling_minor(p.currency))),
                     *target.working]
        proposals.append(p)
    return proposals

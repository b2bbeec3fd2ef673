"""Target ACoS per campaign, ad group or SKU, with the working behind each number.

The default target of a SKU is its break-even ACoS (margin before ads / price,
``domain.economics``) minus the margin the seller wants to keep. A campaign's
SKUs come from a mapping the user can edit; until then they are guessed from the
campaign name (a SKU, an ASIN or a product-line code such as ``BCB`` in
``SP | Auto | BCB``), and a campaign naming none gets the account-wide median.
Overrides (collection ``ad_targets``) win in this order: ad group, campaign, SKU.

``ad_targets`` records (key ids, see ``record_id``):
  scope (campaign/ad_group/sku), campaign, ad_group, sku, target_acos (fraction or
  None), skus (campaign → SKUs mapping, or None for the guess), harvest_to
  {campaign, ad_group} (where harvested terms of this campaign go, or None).
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass, field, replace
from datetime import date

from sellertui.core.i18n import N_, _
from sellertui.domain.ads.metrics import pct
from sellertui.domain.ads.settings import AdsRules
from sellertui.domain.economics import unit_economics
from sellertui.core.money import fmt
from sellertui.store.errors import Conflict

COLLECTION = "ad_targets"
# which rule gave a target: stored in the row as English (the filter's from:your matches it), shown translated
YOUR_SKU, BREAK_EVEN, NO_COST = N_("your SKU target"), N_("break-even − margin"), N_("no landed cost")
ACCOUNT, FALLBACK, YOUR_SKUS = N_("account median"), N_("fallback setting"), N_("your SKU targets")
YOUR_CAMPAIGN, YOUR_AD_GROUP = N_("your campaign target"), N_("your ad group target")
# Words in campaign names that say how a campaign targets, not what it sells.
NAME_WORDS = frozenset("""SP SB SD AUTO BROAD PHRASE EXACT MANUAL PRODUCT PRODUCTS TARGETING TARGET TARGETS CAMPAIGN
KW KWS KEYWORD KEYWORDS ASIN ASINS PT CAT CATEGORY CATEGORIES RESEARCH PERFORMANCE RANKING BRAND BRANDED DEFENSE
COMPETITOR COMPETITORS NEG NEGATIVE TEST LAUNCH GENERIC HARVEST DISCOVERY""".split())


def record_id(scope: str, campaign: str = "", ad_group: str = "", sku: str = "") -> str:
    if scope == "campaign":
        return f"campaign:{campaign}"
    if scope == "ad_group":
        return "ad_group:" + json.dumps([campaign, ad_group], ensure_ascii=False)
    if scope == "sku":
        return f"sku:{sku}"
    raise ValueError(f"unknown target scope {scope!r}")


@dataclass
class Target:
    acos: float
    source: str  # which rule gave the number
    price_minor: int | None
    currency: str
    skus: list[str] = field(default_factory=list)
    mapping: str = ""  # how the campaign's SKUs were found
    break_even: float | None = None
    working: list[str] = field(default_factory=list)

    @property
    def cost_per_order_minor(self) -> int | None:
        """What one order may cost in ads at the target: price × target ACoS."""
        if self.price_minor is None or self.acos <= 0:
            return None
        return round(self.price_minor * self.acos)


@dataclass
class _Sku:
    sku: str
    price_minor: int
    currency: str
    break_even: float | None
    target: float | None
    source: str
    working: list[str]


def _bounded(needle: str, text: str) -> bool:
    """``needle`` stands in ``text`` as a whole word (not inside a longer code)."""
    return re.search(rf"(?<![0-9A-Z]){re.escape(needle)}(?![0-9A-Z])", text) is not None


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^0-9A-Za-z]+", text.upper()) if t]


class TargetBook:
    """Resolves targets for campaigns and ad groups from products, overrides and settings."""

    def __init__(self, products: list[dict], records: list[dict], rules: AdsRules, day: date,
                 currency: str = "USD", rates=None) -> None:
        self.rules = rules
        self.rates = rates  # profit.fx.Rates: a landed cost in another currency than the listing's
        self.day = day
        self.currency = currency
        self.products = {p["sku"]: p for p in products if p.get("sku")}
        self.records = {r["id"]: r for r in records}
        self._skus: dict[str, _Sku] = {}
        self._campaigns: dict[str, Target] = {}
        self._mapped: dict[str, tuple[list[str], str]] = {}
        self._shared: dict[tuple, Target] = {}
        self._index = self._token_index()
        self._asins = {str(p["asin"]).upper(): s for s, p in self.products.items() if p.get("asin")}
        self._rarest = self._rarest_tokens()

    # -- overrides -----------------------------------------------------------------
    def record(self, scope: str, campaign: str = "", ad_group: str = "", sku: str = "") -> dict | None:
        return self.records.get(record_id(scope, campaign, ad_group, sku))

    def harvest_to(self, campaign: str) -> dict | None:
        record = self.record("campaign", campaign)
        return (record or {}).get("harvest_to") or None

    # -- SKUs ------------------------------------------------------------------------
    def _token_index(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for sku in self.products:
            for token in set(_tokens(sku)):
                if len(token) >= 3 and not token.isdigit() and token not in NAME_WORDS:
                    index.setdefault(token, set()).add(sku)
        everyone = set(self.products)
        # a token every SKU shares (a brand prefix) says nothing about which one is advertised
        return {t: s for t, s in index.items() if s != everyone or len(everyone) == 1}

    def _rarest_tokens(self) -> dict[str, list[str]]:
        """Each SKU under its least common token: a campaign naming the SKU must hold that token."""
        counts: dict[str, int] = {}
        split = {sku: set(_tokens(sku)) for sku in self.products}
        for tokens in split.values():
            for token in tokens:
                counts[token] = counts.get(token, 0) + 1
        index: dict[str, list[str]] = {}
        for sku, tokens in split.items():
            if tokens:
                index.setdefault(min(tokens, key=lambda t: (counts[t], t)), []).append(sku)
        return index

    def skus_for(self, campaign: str) -> tuple[list[str], str]:
        """The SKUs a campaign advertises, and how we know."""
        if campaign not in self._mapped:
            self._mapped[campaign] = self._find_skus(campaign)
        return self._mapped[campaign]

    def _find_skus(self, campaign: str) -> tuple[list[str], str]:
        record = self.record("campaign", campaign)
        if record and record.get("skus"):
            return [s for s in record["skus"] if s in self.products] or list(record["skus"]), _("set by you")
        upper, tokens = campaign.upper(), set(_tokens(campaign))
        candidates = {s for t in tokens for s in self._rarest.get(t, ())}
        named = [s for s in candidates if s.upper() in upper and _bounded(s.upper(), upper)]
        if named:
            best = max(named, key=lambda s: (len(s), s))
            return [best], _("campaign name holds SKU {sku}").format(sku=best)
        by_asin = sorted(self._asins[t] for t in tokens if t in self._asins)
        if by_asin:
            return by_asin, _("campaign name holds ASIN {asin}").format(asin=self.products[by_asin[0]]['asin'])
        if len(self.products) == 1:
            return list(self.products), _("the only product")
        chosen: set[str] | None = None
        words = []
        for token in _tokens(campaign):  # in name order: the first code narrows, later ones refine
            found = self._index.get(token)
            if not found:
                continue
            narrowed = found if chosen is None else chosen & found
            if narrowed:
                chosen = narrowed
                words.append(token)
        if chosen:
            return sorted(chosen), _("campaign name holds {codes}").format(codes=', '.join(repr(w) for w in words))
        return [], _("no SKU found in the campaign name")

    def sku(self, sku: str) -> _Sku:
        if sku not in self._skus:
            product = self.products[sku]
            economics = unit_economics(product, self.day, rates=self.rates)
            be = economics.break_even_acos
            override = (self.record("sku", sku=sku) or {}).get("target_acos")
            if override is not None:
                target, source = float(override), YOUR_SKU
            elif be is not None:
                target, source = be - self.rules.margin_to_keep, BREAK_EVEN
            else:
                target, source = None, NO_COST
            self._skus[sku] = _Sku(sku, economics.price_minor, economics.currency, be, target, source,
                                   economics.working)
        return self._skus[sku]

    # -- targets ---------------------------------------------------------------------
    def account(self) -> Target:
        """The account-wide default: the median SKU target (or the fallback setting)."""
        infos = [self.sku(s) for s in self.products]
        targets = [i.target for i in infos if i.target is not None]
        prices = [i.price_minor for i in infos if i.price_minor]
        price = int(statistics.median(prices)) if prices else None
        currency = infos[0].currency if infos else self.currency
        if targets:
            acos = statistics.median(targets)
            working = [_("median target of {n} SKUs with a known landed cost = {acos}").format(n=len(targets), acos=pct(acos))]
            source = ACCOUNT
        else:
            acos = self.rules.fallback_target_acos
            working = [_("no SKU has a landed cost: the fallback target {acos} from settings").format(acos=pct(acos))]
            source = FALLBACK
        if price is not None:
            working.append(_("price: median of {n} SKUs = {price}").format(n=len(prices), price=fmt(price, currency)))
        return Target(acos, source, price, currency, [], "", None, working)

    def campaign(self, campaign: str) -> Target:
        if campaign in self._campaigns:
            return self._campaigns[campaign]
        skus, mapping = self.skus_for(campaign)
        known = [s for s in skus if s in self.products]
        if known:
            target = self._from_skus(tuple(known), mapping)
        else:
            target = self.account()
            target.mapping = mapping
            target.working.insert(0, _("{mapping}: the account-wide default applies (map SKUs with e)").format(mapping=mapping))
        override = (self.record("campaign", campaign) or {}).get("target_acos")
        if override is not None:
            target.working.append(_("your target for this campaign: {acos} (replaces {old})").format(
                acos=pct(float(override)), old=pct(target.acos)))
            target.acos, target.source = float(override), YOUR_CAMPAIGN
        self._campaigns[campaign] = target
        return target

    def _from_skus(self, skus: tuple[str, ...], mapping: str) -> Target:
        """The target of a set of SKUs (campaigns of one product line share the work)."""
        key = (skus, mapping)
        if key not in self._shared:
            self._shared[key] = self._work_out([self.sku(s) for s in skus], mapping)
        return replace(self._shared[key], working=list(self._shared[key].working))

    def _work_out(self, infos: list[_Sku], mapping: str) -> Target:
        currency = infos[0].currency
        price = int(statistics.median(i.price_minor for i in infos))
        targets = [i.target for i in infos if i.target is not None]
        bes = [i.break_even for i in infos if i.break_even is not None]
        working = [_("SKUs: {skus} ({mapping})").format(
            skus=', '.join(i.sku for i in infos[:6]) + (' …' if len(infos) > 6 else ''), mapping=mapping)]
        for info in infos[:3]:
            working.append(f"{info.sku}: " + " ".join(info.working))
        if len(infos) > 3:
            working.append(_("… and {n} more SKUs").format(n=len(infos) - 3))
        if not targets:
            fallback = self.account()
            working.append(_("none of them has a landed cost: {working}").format(working=_("; ").join(fallback.working)))
            return Target(fallback.acos, fallback.source, price, currency, [i.sku for i in infos], mapping, None,
                          working)
        acos = statistics.median(targets)
        be = statistics.median(bes) if bes else None
        overridden = [i.sku for i in infos if i.source in (YOUR_SKU, YOUR_SKUS, YOUR_CAMPAIGN, YOUR_AD_GROUP)]
        if be is not None and not overridden:
            working.append((_("break-even ACoS {be} (median) − margin to keep {margin} = target ACoS {acos}")
                            if len(bes) > 1 else
                            _("break-even ACoS {be} − margin to keep {margin} = target ACoS {acos}")).format(
                be=pct(be), margin=pct(self.rules.margin_to_keep), acos=pct(acos)))
            source = BREAK_EVEN
        else:
            working.append(_("target ACoS {acos}: median of the SKUs' targets (yours for {skus})").format(
                acos=pct(acos), skus=', '.join(overridden)))
            source = YOUR_SKUS if overridden else BREAK_EVEN
        working.append((_("price {price} (median)") if len(infos) > 1 else _("price {price}")).format(
            price=fmt(price, currency)))
        return Target(acos, source, price, currency, [i.sku for i in infos], mapping, be, working)

    def ad_group(self, campaign: str, ad_group: str) -> Target:
        base = self.campaign(campaign)
        override = (self.record("ad_group", campaign, ad_group) or {}).get("target_acos")
        if override is None:
            return base
        working = base.working + [_("your target for this ad group: {acos} (replaces {old})").format(
            acos=pct(float(override)), old=pct(base.acos))]
        return Target(float(override), YOUR_AD_GROUP, base.price_minor, base.currency, base.skus,
                      base.mapping, base.break_even, working)


def save_override(store, scope: str, campaign: str = "", ad_group: str = "", sku: str = "",
                  changes: dict | None = None, expect_rev: int | None = None) -> dict:
    """Set (or clear, with None values) a target, a SKU mapping or a harvest destination.

    ``expect_rev``: the revision the form was filled from (None when there was no
    record yet); a teammate's save in between is reported as a Conflict.
    """
    changes = dict(changes or {})
    allowed = {"target_acos", "skus", "harvest_to"} if scope == "campaign" else {"target_acos"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"a {scope} target has no {', '.join(sorted(unknown))}")
    target = changes.get("target_acos")
    if target is not None and not -1 < float(target) < 1:
        raise ValueError(_("a target ACoS is a fraction of the price, like 0.25"))
    key = record_id(scope, campaign, ad_group, sku)
    what = {"campaign": campaign, "ad_group": f"{campaign} › {ad_group}", "sku": sku}[scope]
    with store.transaction(f"ads target for {scope.replace('_', ' ')} {what}") as tx:
        col = tx[COLLECTION]
        current = col.get(key)
        if (current is None) != (expect_rev is None):  # created or deleted by someone since the form opened
            raise Conflict(COLLECTION, key, expect_rev or 0, current)
        if current is None:
            record = {"id": key, "scope": scope, "campaign": campaign, "ad_group": ad_group, "sku": sku,
                      "target_acos": None, "skus": None, "harvest_to": None, **changes}
            return col.insert(record)
        return col.update(key, changes, expect_rev=expect_rev)

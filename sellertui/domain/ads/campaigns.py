"""The campaigns and ad groups the data shows, and where harvested terms should go.

Harvested search terms become exact keywords (or product targets, for ASINs)
in a manual campaign. The user can name that campaign per source campaign (in
Targets) or per proposal; otherwise we pick a manual campaign that advertises
the same SKUs and already holds exact keywords (product targets for ASINs),
preferring one with "exact" in its name, then the busiest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sellertui.core.i18n import _
from sellertui.domain.ads.targets import TargetBook


@dataclass
class Place:
    campaign: str
    campaign_id: str
    ad_group: str
    ad_group_id: str

    @property
    def label(self) -> str:
        return f"{self.campaign} › {self.ad_group}"


@dataclass
class CampaignInfo:
    name: str
    campaign_id: str = ""
    kinds: set[str] = field(default_factory=set)  # sources seen: exact, phrase, broad, auto, product
    ad_groups: dict[str, tuple[str, int]] = field(default_factory=dict)  # name -> (id, clicks)
    clicks: int = 0

    def main_ad_group(self) -> tuple[str, str]:
        name, (gid, _count) = max(self.ad_groups.items(), key=lambda kv: (kv[1][1], kv[0]))
        return name, gid


def catalogue(terms) -> dict[str, CampaignInfo]:
    """Campaigns with their ids, ad groups and kinds, from an aggregated terms frame."""
    found: dict[str, CampaignInfo] = {}
    columns = ["campaign", "campaign_id", "ad_group", "ad_group_id", "source", "clicks"]
    for campaign, cid, group, gid, source, clicks in terms[columns].itertuples(index=False, name=None):
        info = found.setdefault(campaign, CampaignInfo(campaign))
        info.campaign_id = info.campaign_id or cid
        info.kinds.add(source)
        old_id, old_clicks = info.ad_groups.get(group, ("", 0))
        info.ad_groups[group] = (old_id or gid, old_clicks + int(clicks))
        info.clicks += int(clicks)
    return found


def destinations(campaigns: dict[str, CampaignInfo], asin: bool) -> list[Place]:
    """Every ad group a harvested term could go to: manual exact (or product-targeting) campaigns."""
    kind = "product" if asin else "exact"
    places = []
    for info in campaigns.values():
        if kind in info.kinds and "auto" not in info.kinds:
            for group, (gid, _count) in sorted(info.ad_groups.items()):
                places.append(Place(info.name, info.campaign_id, group, gid))
    return places


def place_of(campaigns: dict[str, CampaignInfo], campaign: str, ad_group: str = "") -> Place:
    """A named campaign (and ad group: its busiest when not given), with the ids we know."""
    info = campaigns.get(campaign)
    if info is None:
        return Place(campaign, "", ad_group, "")
    if ad_group and ad_group in info.ad_groups:
        return Place(campaign, info.campaign_id, ad_group, info.ad_groups[ad_group][0])
    if ad_group:
        return Place(campaign, info.campaign_id, ad_group, "")
    group, gid = info.main_ad_group()
    return Place(campaign, info.campaign_id, group, gid)


class Destinations:
    """Where terms harvested from each campaign go (worked out once per source campaign)."""

    def __init__(self, book: TargetBook, campaigns: dict[str, CampaignInfo]) -> None:
        self.book = book
        self.campaigns = campaigns
        self._skus = {name: frozenset(book.skus_for(name)[0]) for name in campaigns}
        self._manual = {kind: [c for c in campaigns.values() if kind in c.kinds and "auto" not in c.kinds]
                        for kind in ("exact", "product")}
        # campaigns by the SKUs they advertise: a few distinct sets (835 campaigns, 5 sets in the large demo),
        # so a campaign sharing a SKU is found set by set, not SKU by SKU
        self._by_set: dict[frozenset[str], list[str]] = {}
        for name, skus in self._skus.items():
            self._by_set.setdefault(skus, []).append(name)
        self._chosen: dict[tuple[str, bool], tuple[Place | None, str]] = {}
        self._same: dict[tuple[str, str], bool] = {}

    def skus(self, campaign: str) -> frozenset[str]:
        if campaign not in self._skus:
            self._skus[campaign] = frozenset(self.book.skus_for(campaign)[0])
        return self._skus[campaign]

    def same_products(self, one: str, other: str) -> bool:
        """Whether two campaigns advertise some of the same SKUs (true when either is unknown)."""
        key = (one, other)
        if key not in self._same:
            a, b = self.skus(one), self.skus(other)
            self._same[key] = not a or not b or bool(a & b)
        return self._same[key]

    def for_source(self, source: str, asin: bool) -> tuple[Place | None, str]:
        """Where a term harvested from ``source`` goes, and why there."""
        if (source, asin) not in self._chosen:
            self._chosen[(source, asin)] = self._find(source, asin)
        return self._chosen[(source, asin)]

    def _find(self, source: str, asin: bool) -> tuple[Place | None, str]:
        chosen = self.book.harvest_to(source)
        if chosen and chosen.get("campaign"):
            return place_of(self.campaigns, chosen["campaign"], chosen.get("ad_group", "")), _("set by you in Targets")
        kind = "product" if asin else "exact"
        skus = self.skus(source)
        candidates = [c for c in self._manual[kind] if c.name != source]
        if skus:
            sharing = {name for group, names in self._by_set.items() if not group.isdisjoint(skus) for name in names}
            candidates = [c for c in candidates if c.name in sharing]
        elif len(candidates) != 1:
            candidates = []
        if not candidates:
            return None, (_("no product-targeting campaign advertises the same SKUs: choose one with e") if asin
                          else _("no exact-match campaign advertises the same SKUs: choose one with e"))

        def preference(c: CampaignInfo) -> tuple:
            return (self._skus[c.name] == skus, kind in c.name.lower(), c.clicks, c.name)

        best = max(candidates, key=preference)
        return place_of(self.campaigns, best.name), (_("a product-targeting campaign for the same SKUs") if asin
                                                      else _("an exact campaign for the same SKUs"))

"""The campaign structure the Ads sync keeps (``ad_entities``): real ids, harvest destinations and current bids.

Search-term reports name campaigns and ad groups, and some carry no ids
(summary reports) and no bids (every report but the bulk file's tab). Once the
Ads console is synced, the structure fills them in: ids by campaign and ad
group name, a keyword's current bid (its own, else its ad group's default) by
its id or by its text and match type in its ad group, and every manual
campaign as a place a harvested term can go, whether or not it had clicks in
the window. Without a sync nothing changes: the reports are all there is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from sellertui.domain.ads.campaigns import CampaignInfo

COLLECTION = "ad_entities"
KEYWORD_MATCHES = ("EXACT", "PHRASE", "BROAD")


@dataclass
class Structure:
    campaigns: dict[str, dict] = field(default_factory=dict)  # campaign id -> record
    ad_groups: dict[str, dict] = field(default_factory=dict)  # ad group id -> record
    biddable: dict[str, dict] = field(default_factory=dict)  # keyword or target id -> record
    by_text: dict[tuple[str, str, str], dict] = field(default_factory=dict)  # (ad group id, text, match) -> record

    @classmethod
    def load(cls, store) -> "Structure":
        """The live (enabled or paused) part of the structure."""
        found = cls()
        for record in store[COLLECTION].rows():
            if record.get("state") == "archived":
                continue
            entity = record.get("entity")
            if entity == "campaign":
                found.campaigns[record["campaign_id"]] = record
            elif entity == "ad_group":
                found.ad_groups[record["ad_group_id"]] = record
            elif entity in ("keyword", "target"):
                found.biddable[record["amazon_id"]] = record
                match = record.get("match_type") or "-"
                found.by_text[(record["ad_group_id"], str(record.get("text", "")).lower(), match.upper())] = record
        return found

    def __bool__(self) -> bool:
        return bool(self.campaigns)

    def _campaign_ids(self) -> dict[str, str]:
        return {c.get("name", ""): cid for cid, c in self.campaigns.items()}

    def _group_ids(self) -> dict[tuple[str, str], str]:
        return {(g["campaign_id"], g.get("name", "")): gid for gid, g in self.ad_groups.items()}

    def with_ids(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Blank campaign and ad group ids filled in by name."""
        if not self or not len(frame):
            return frame
        campaigns, groups = self._campaign_ids(), self._group_ids()
        frame = frame.copy()
        frame["campaign_id"] = [cid or campaigns.get(name, "") for cid, name in
                                zip(frame["campaign_id"], frame["campaign"])]
        frame["ad_group_id"] = [gid or groups.get((cid, name), "") for gid, cid, name in
                                zip(frame["ad_group_id"], frame["campaign_id"], frame["ad_group"])]
        return frame

    def with_bids(self, keywords: pd.DataFrame) -> pd.DataFrame:
        """Keywords and targets with their ids and the bid Amazon has now."""
        if not self or not len(keywords):
            return keywords
        frame = self.with_ids(keywords)
        ids, bids = [], []
        for kid, gid, text, match, bid in zip(frame["keyword_id"], frame["ad_group_id"], frame["targeting"],
                                              frame["match_type"], frame["bid_minor"]):
            record = self.biddable.get(kid) or self.by_text.get((gid, str(text).strip().lower(), str(match).upper()))
            live = self.current_bid(record) if record else None
            ids.append(record["amazon_id"] if record else kid)
            bids.append(float(live) if live is not None else bid)
        frame["keyword_id"] = ids
        frame["bid_minor"] = bids
        return frame

    def current_bid(self, record: dict) -> int | None:
        """A keyword's or target's own bid, else its ad group's default bid."""
        if record.get("bid_minor") is not None:
            return int(record["bid_minor"])
        group = self.ad_groups.get(record.get("ad_group_id", ""))
        return None if group is None or group.get("default_bid_minor") is None else int(group["default_bid_minor"])

    def extend(self, campaigns: dict[str, CampaignInfo]) -> dict[str, CampaignInfo]:
        """The window's campaigns with their ids, plus every live manual campaign and its ad groups."""
        if not self:
            return campaigns
        kinds: dict[str, set[str]] = {}
        for record in self.biddable.values():
            match = str(record.get("match_type") or "").upper()
            kind = match.lower() if match in KEYWORD_MATCHES else \
                "product" if str(record.get("text", "")).startswith("asin=") else "auto"
            kinds.setdefault(record["campaign_id"], set()).add(kind)
        found = dict(campaigns)
        for cid, campaign in self.campaigns.items():
            name = campaign.get("name", "")
            info = found.setdefault(name, CampaignInfo(name))
            info.campaign_id = info.campaign_id or cid
            info.kinds |= {"auto"} if campaign.get("targeting_type") == "AUTO" else kinds.get(cid, set())
            for gid, group in self.ad_groups.items():
                if group["campaign_id"] == cid:
                    old_id, clicks = info.ad_groups.get(group.get("name", ""), ("", 0))
                    info.ad_groups[group.get("name", "")] = (old_id or gid, clicks)
        return found

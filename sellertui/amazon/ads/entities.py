"""The Sponsored Products campaign structure, and the v3 endpoints that list and change each part of it.

``ENTITIES`` is the one table of what each part is called at Amazon: its path,
the key its list sits under, its vendor media type, the key of a new item's
id, and the id filter its delete call takes. List calls page through
``nextToken``; enabled and paused items are listed (archived ones are gone for
good and take no bids or negatives).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from sellertui.amazon.ads.client import AdsApi

PAGE = 1000  # items per list page (the v3 list calls take up to 5000)
LISTED_STATES = ("ENABLED", "PAUSED")


@dataclass(frozen=True)
class Entity:
    name: str  # ours: campaign, ad_group, keyword, ...
    operations: str  # the suffix of its operations: listKeywords, createKeywords...
    path: str  # /sp/keywords
    key: str  # the list (and multi-status) key: keywords, negativeKeywords, targetingClauses...
    media: str  # application/vnd.spKeyword.v3+json
    id_key: str  # the id of an item in a list, and of a new one in a multi-status answer
    id_filter: str = ""  # the delete call's filter: keywordIdFilter...


def _entity(name: str, operations: str, path: str, key: str, media: str, id_key: str, id_filter: str = "") -> Entity:
    return Entity(name, operations, path, key, f"application/vnd.{media}.v3+json", id_key, id_filter)


ENTITIES: dict[str, Entity] = {e.name: e for e in (
    _entity("campaign", "Campaigns", "/sp/campaigns", "campaigns", "spCampaign", "campaignId"),
    _entity("ad_group", "AdGroups", "/sp/adGroups", "adGroups", "spAdGroup", "adGroupId"),
    _entity("keyword", "Keywords", "/sp/keywords", "keywords", "spKeyword", "keywordId", "keywordIdFilter"),
    _entity("negative_keyword", "NegativeKeywords", "/sp/negativeKeywords", "negativeKeywords",
            "spNegativeKeyword", "keywordId", "negativeKeywordIdFilter"),
    _entity("campaign_negative_keyword", "CampaignNegativeKeywords", "/sp/campaignNegativeKeywords",
            "campaignNegativeKeywords", "spCampaignNegativeKeyword", "keywordId", "campaignNegativeKeywordIdFilter"),
    _entity("target", "Targets", "/sp/targets", "targetingClauses", "spTargetingClause", "targetId",
            "targetIdFilter"),
    _entity("negative_target", "NegativeTargets", "/sp/negativeTargets", "negativeTargetingClauses",
            "spNegativeTargetingClause", "targetId", "negativeTargetIdFilter"),
)}
# a new item's id in a multi-status answer, where it differs from the id in a list
CREATED_ID = {"negative_keyword": "negativeKeywordId", "campaign_negative_keyword": "campaignNegativeKeywordId"}


def listed(api: AdsApi, entity: Entity, progress=None) -> Iterator[dict]:
    """Every enabled or paused item of one kind, page by page (``nextToken``)."""
    body: dict = {"stateFilter": {"include": list(LISTED_STATES)}, "maxResults": PAGE}
    seen = 0
    while True:
        answer = api.call(f"list{entity.operations}", "POST", f"{entity.path}/list", json=body,
                          media=entity.media).body
        items = [i for i in (answer.get(entity.key) or []) if isinstance(i, dict)] if isinstance(answer, dict) else []
        yield from items
        seen += len(items)
        if progress is not None:
            progress(entity.name, seen)
        token = answer.get("nextToken") if isinstance(answer, dict) else None
        if not token:
            return
        body = {**body, "nextToken": token}

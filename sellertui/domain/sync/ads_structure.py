"""The Ads sync's campaign structure: campaigns, ad groups, keywords, negatives and targets, as they are now.

Every part is listed whole (enabled and paused; archived ones are gone for
good) and written in one transaction into ``ad_entities`` (id
``entity|Amazon id``): what is listed is stored as Amazon has it, and what was
stored but is no longer listed is marked archived (kept, so a decision that
names it still finds it). Nothing is written unless every list came back, so
a half listing never archives what is merely not listed yet. Bids are stored
in minor units of the account's currency; a target's expression as the
search-term reports spell it (``asin="B0…"``, ``close-match``).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sellertui.core.money import to_minor
from sellertui.domain.sync.results import StreamResult

COLLECTION = "ad_entities"
ARCHIVED = "archived"
# a v3 expression type -> how reports and bulk files write it
EXPRESSIONS = {"QUERY_HIGH_REL_MATCHES": "close-match", "QUERY_BROAD_REL_MATCHES": "loose-match",
               "ASIN_ACCESSORY_RELATED": "complements", "ASIN_SUBSTITUTE_RELATED": "substitutes",
               "ASIN_SAME_AS": "asin", "ASIN_EXPANDED_FROM": "asin-expanded", "ASIN_CATEGORY_SAME_AS": "category",
               "ASIN_BRAND_SAME_AS": "brand", "ASIN_PRICE_LESS_THAN": "price<", "ASIN_PRICE_GREATER_THAN": "price>",
               "ASIN_PRICE_BETWEEN": "price", "ASIN_REVIEW_RATING_LESS_THAN": "rating<",
               "ASIN_REVIEW_RATING_GREATER_THAN": "rating>", "ASIN_REVIEW_RATING_BETWEEN": "rating",
               "ASIN_IS_PRIME_SHIPPING_ELIGIBLE": "prime-shipping-eligible", "ASIN_AGE_RANGE_SAME_AS": "age-range",
               "ASIN_GENRE_SAME_AS": "genre"}


def expression_text(expression) -> str:
    """``[{"type": "ASIN_SAME_AS", "value": "B0…"}]`` -> ``asin="B0…"``; parts joined by a space."""
    parts = []
    for part in expression if isinstance(expression, list) else []:
        if not isinstance(part, dict):
            continue
        name = EXPRESSIONS.get(str(part.get("type") or ""), str(part.get("type") or "").lower())
        value = part.get("value")
        parts.append(f'{name}="{value}"' if value not in (None, "") else name)
    return " ".join(parts)


def _minor(amount, currency: str) -> int | None:
    try:
        return None if amount is None else to_minor(Decimal(str(amount)), currency)
    except (InvalidOperation, ValueError):
        return None


def _state(value) -> str:
    return str(value or "").lower()


def record_of(entity: str, item: dict, currency: str, profile_id: str) -> dict:
    """One listed item as an ``ad_entities`` record."""
    ids = {"campaign_id": str(item.get("campaignId") or ""), "ad_group_id": str(item.get("adGroupId") or "")}
    record = {"entity": entity, "state": _state(item.get("state")), "currency": currency, "profile_id": profile_id,
              **ids}
    if entity == "campaign":
        budget = item.get("budget") if isinstance(item.get("budget"), dict) else {}
        record.update(amazon_id=ids["campaign_id"], name=str(item.get("name") or ""),
                      targeting_type=str(item.get("targetingType") or ""),
                      budget_minor=_minor(budget.get("budget"), currency))
    elif entity == "ad_group":
        record.update(amazon_id=ids["ad_group_id"], name=str(item.get("name") or ""),
                      default_bid_minor=_minor(item.get("defaultBid"), currency))
    elif entity in ("keyword", "negative_keyword", "campaign_negative_keyword"):
        record.update(amazon_id=str(item.get("keywordId") or ""), text=str(item.get("keywordText") or ""),
                      match_type=str(item.get("matchType") or ""), bid_minor=_minor(item.get("bid"), currency))
    else:  # target, negative_target
        record.update(amazon_id=str(item.get("targetId") or ""), text=expression_text(item.get("expression")),
                      expression_type=str(item.get("expressionType") or ""),
                      bid_minor=_minor(item.get("bid"), currency))
    record["id"] = f"{entity}|{record['amazon_id']}"
    return record


def sync_structure(run, result: StreamResult) -> None:
    """List every part of the structure, then store it all (or nothing) in one transaction."""
    from sellertui.amazon.ads.entities import ENTITIES, listed

    currency, profile_id = run.profile.currency or "USD", run.profile.id
    records = [record_of(name, item, currency, profile_id) for name, entity in ENTITIES.items()
               for item in listed(run.api, entity) if item]
    records = [r for r in records if r["amazon_id"]]
    listed_ids = {r["id"] for r in records}
    with run.store.transaction("refreshed the Ads campaign structure") as tx:
        entities = tx[COLLECTION]
        counts = entities.upsert_many(records)
        gone = [d for d in entities.all() if d.get("profile_id") == profile_id and d["id"] not in listed_ids
                and d.get("state") != ARCHIVED]
        for doc in gone:
            entities.update(doc["id"], {"state": ARCHIVED})
    shown = {}
    for record in records:
        shown[record["entity"]] = shown.get(record["entity"], 0) + 1
    changed = counts["inserted"] + counts["updated"] + len(gone)
    parts = ", ".join(f"{n} {name.replace('_', ' ')}{'s' if n != 1 else ''}" for name, n in shown.items())
    result.notes.append(f"campaign structure: {parts or 'nothing listed'} ({changed} changed since the last sync)")

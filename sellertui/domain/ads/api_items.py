"""A bulk row as the Ads API item that makes the same change, and the item that takes it back.

The rows are ``bulk.rows_for``'s, so a change is the same whether it goes by
file or by API: a negative keyword (ad group or campaign), a negative product
target for an ASIN, an exact keyword or a product target in the chosen ad
group, a keyword's or a target's new bid. Taking one back: a created keyword,
negative or target is archived (the v3 delete), a bid is set back to the bid
it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sellertui.core.i18n import _
from sellertui.core.money import fmt, to_decimal, to_minor
from sellertui.domain.ads.bulk_sheets import SPONSORED_PRODUCTS

MATCHES = {"negativeexact": "NEGATIVE_EXACT", "negativephrase": "NEGATIVE_PHRASE", "exact": "EXACT",
           "phrase": "PHRASE", "broad": "BROAD"}
CREATES = {"Negative Keyword": "negative_keyword", "Campaign Negative Keyword": "campaign_negative_keyword",
           "Negative Product Targeting": "negative_target", "Keyword": "keyword", "Product Targeting": "target"}
WORDS = {"negative_keyword": "negative keyword", "campaign_negative_keyword": "campaign negative keyword",
         "negative_target": "negative product target", "keyword": "keyword", "target": "product target"}


class NotByApi(ValueError):
    """A change the Ads API path does not make (the bulk file does)."""


@dataclass(frozen=True)
class Item:
    entity: str  # keyword, negative_keyword, campaign_negative_keyword, target, negative_target
    verb: str  # create, update, delete
    body: dict | str  # the request item (an id for delete)
    words: str  # what it does, for the dry run and the ledger

    def as_json(self) -> dict:
        return {"entity": self.entity, "verb": self.verb, "item": self.body, "what": self.words}


def _money(value) -> float | None:
    return None if value is None else float(value)


def _asin(expression: str) -> str:
    return expression.split("=", 1)[1].strip().strip('"') if "=" in expression else expression


def _where(row: dict) -> str:
    group = f"ad group {row['Ad Group ID']} of " if row.get("Ad Group ID") else ""
    return f"{group}campaign {row['Campaign ID']}"


def item_for(row: dict, currency: str) -> Item:
    """The API item of one bulk row; ``NotByApi`` for a row of another ad product."""
    if row.get("Product") != SPONSORED_PRODUCTS:
        raise NotByApi(_("{product} changes go by bulk file (b)").format(product=row.get('Product')))
    entity = CREATES[row["Entity"]]
    bid = row.get("Bid")
    shown_bid = f", bid {fmt(to_minor(Decimal(bid), currency), currency)}" if bid is not None else ""
    if row["Operation"] == "Update":
        id_key = "targetId" if entity == "target" else "keywordId"
        own = row.get("Product Targeting ID") if entity == "target" else row.get("Keyword ID")
        body = {id_key: own, "bid": _money(bid)}
        return Item(entity, "update", body, f"set {WORDS[entity]} {own}'s bid{shown_bid.replace(', bid', ' to')}")
    body: dict = {"campaignId": row["Campaign ID"], "state": "ENABLED"}
    if row.get("Ad Group ID"):
        body["adGroupId"] = row["Ad Group ID"]
    if entity in ("target", "negative_target"):
        body["expression"] = [{"type": "ASIN_SAME_AS", "value": _asin(row["Product Targeting Expression"])}]
        if entity == "target":
            body.update(expressionType="MANUAL", bid=_money(bid))
        what = row["Product Targeting Expression"]
    else:
        body.update(keywordText=row["Keyword Text"], matchType=MATCHES[str(row["Match Type"]).lower()])
        if entity == "keyword":
            body["bid"] = _money(bid)
        what = f"'{row['Keyword Text']}' ({str(row['Match Type'])})"
    return Item(entity, "create", body, f"create {WORDS[entity]} {what}{shown_bid} in {_where(row)}")


def reverse_of(item: dict, record: dict) -> Item | None:
    """The item that takes back one done item of ``record`` (None when it needs none)."""
    entity, new_id = item["entity"], item.get("id")
    if not new_id:
        return None
    if item["verb"] == "create":
        return Item(entity, "delete", new_id, f"archive {WORDS[entity]} {new_id}")
    old = record.get("current_bid_minor")
    if old is None:
        raise NotByApi(_("the bid it replaced is not known"))
    currency = record.get("currency", "USD")
    id_key = "targetId" if entity == "target" else "keywordId"
    body = {id_key: new_id, "bid": float(to_decimal(int(old), currency))}
    return Item(entity, "update", body, f"set {WORDS[entity]} {new_id}'s bid back to {fmt(int(old), currency)}")

"""One proposed change to the ads account, with its numbers and its reason.

A proposal is identified by its ``key`` (kind, campaign, ad group, match type,
term) and its ``fingerprint`` (the numbers behind it): a rejection remembers
both, so the same term comes back only when its numbers change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields

from sellertui.core.i18n import N_
from sellertui.domain.ads.metrics import is_asin

KINDS = ("negate", "harvest", "bid")
NEGATE_LEVELS = ("ad_group", "campaign")
NEGATE_MATCHES = ("negativeExact", "negativePhrase")
# the words of a proposal's action and of a decision's status: stored and filtered in English, shown translated
WORDS = (N_("negate exact"), N_("negate product"), N_("harvest exact"), N_("harvest product"), N_("bid up"),
         N_("bid down"), N_("new"), N_("approved"), N_("exported"), N_("rejected"), N_("applied"), N_("failed"),
         N_("undone"), N_("daily"), N_("summary"))


@dataclass
class Proposal:
    kind: str  # negate / harvest / bid
    action: str  # what it does, in a few words
    term: str  # the customer search term; for a bid, the keyword
    campaign: str
    ad_group: str
    match_type: str
    targeting: str
    source: str  # exact / phrase / broad / auto / product
    currency: str
    campaign_id: str = ""
    ad_group_id: str = ""
    keyword_id: str = ""
    impressions: int = 0
    clicks: int = 0
    spend_minor: int = 0
    sales_minor: int = 0
    orders: int = 0
    acos: float | None = None
    target_acos: float = 0.0
    rules: list[str] = field(default_factory=list)  # which rules fired: clicks, spend, low_ctr, harvest, bid
    reason: str = ""
    working: list[str] = field(default_factory=list)
    current_bid_minor: int | None = None
    new_bid_minor: int | None = None
    dest_campaign: str = ""
    dest_campaign_id: str = ""
    dest_ad_group: str = ""
    dest_ad_group_id: str = ""
    negate_level: str = "ad_group"
    negate_match: str = "negativeExact"
    window: dict = field(default_factory=dict)
    attribution: str = "7-day"
    status: str = "new"  # new, or approved (waiting for export)
    action_id: str = ""
    action_rev: int | None = None
    rejected_before: bool = False

    @property
    def is_asin(self) -> bool:
        return is_asin(self.term)

    @property
    def key(self) -> str:
        return proposal_key(self.kind, self.campaign, self.ad_group, self.match_type, self.term)

    @property
    def fingerprint(self) -> str:
        numbers = [self.impressions, self.clicks, self.orders, self.spend_minor, self.sales_minor,
                   self.current_bid_minor]
        return hashlib.sha1(json.dumps(numbers).encode()).hexdigest()[:12]

    @property
    def negates_source(self) -> bool:
        """Negate proposals, and harvests (which also negate the term where it came from)."""
        return self.kind in ("negate", "harvest")

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(key=self.key, fingerprint=self.fingerprint, is_asin=self.is_asin)
        return data

    @classmethod
    def from_record(cls, record: dict) -> "Proposal":
        """A proposal as an ``ad_actions`` record saved it (numbers at the time of the decision)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in record.items() if k in names})


def proposal_key(kind: str, campaign: str, ad_group: str, match_type: str, term: str) -> str:
    return json.dumps([kind, campaign, ad_group, match_type, term.strip().lower()], ensure_ascii=False)

"""What the Ads tab and `sellertui ads` ask for, computed the same way for both.

``AdsService`` holds the search-term data of one store and caches the last few
window aggregates (keyed by the window and the signatures of the files behind
it), so changing a threshold or deciding a proposal re-runs only the rules.
Safe to call from worker threads.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from sellertui import clock
from sellertui.domain.ads import decisions, ledger, overview, rules
from sellertui.domain.ads.campaigns import CampaignInfo, catalogue
from sellertui.domain.ads.proposal import Proposal
from sellertui.domain.ads.settings import AdsRules
from sellertui.domain.ads.structure import Structure
from sellertui.domain.ads.targets import COLLECTION as TARGETS, TargetBook
from sellertui.domain.ads.layouts import PRODUCTS, TARGETING
from sellertui.domain.ads.rows import AdRows, WindowRows
from sellertui.domain.ads.terms import KEYWORD_KEY, SearchTermData, aggregate_keywords, aggregate_terms, with_ids
from sellertui.domain.ads.window import PRESETS, Window
from sellertui.store.views import files_signature

KINDS_ORDER = {"negate": 0, "harvest": 1, "bid": 2}


IDS = {"campaign_id": ["campaign"], "ad_group_id": ["campaign", "ad_group"]}
KEYWORD_IDS = {**IDS, "keyword_id": KEYWORD_KEY}


@dataclass
class Aggregates:
    terms: pd.DataFrame  # term × campaign × ad group × match type (SP, SB and SD)
    keywords: pd.DataFrame  # SP keyword and product targets
    rows: int  # search-term rows counted in the window
    partial: int  # of them, summary rows the window holds only in part (their share of its days)
    superseded: int  # rows a newer report replaces on every day of the window


@dataclass
class TermsView:
    window: Window
    terms: pd.DataFrame  # aggregated: term × campaign × ad group × match type
    rows: int  # search-term rows counted in the window
    partial: int  # summary rows the window holds only in part
    superseded: int  # rows a newer report replaces on every day of the window


@dataclass
class ProposalSet:
    window: Window
    proposals: list[Proposal]
    records: list[dict]
    campaigns: dict[str, CampaignInfo] = field(default_factory=dict)
    book: TargetBook | None = None

    def frame(self) -> pd.DataFrame:
        from sellertui.domain.ads.tables import proposals_frame

        return proposals_frame(self.proposals)


class AdsService:
    CACHE = 6

    def __init__(self, store, frames, settings_section: dict, currency: str = "USD") -> None:
        self.store = store
        self.data = SearchTermData(frames)
        self.frames = frames
        self.rules = AdsRules.from_section(settings_section)
        self.currency = currency
        self._lock = threading.RLock()
        self._terms: OrderedDict[tuple, tuple] = OrderedDict()

    @classmethod
    def for_shop(cls, shop) -> "AdsService":
        """The service over a shop's store, frame cache, [ads] settings and home currency."""
        return cls(shop.store, shop.frames(), shop.settings.section("ads"), shop.settings.home_currency)

    def set_rules(self, settings_section: dict) -> None:
        self.rules = AdsRules.from_section(settings_section)

    # -- windows -------------------------------------------------------------------
    def default_window(self, days: int | None = None) -> Window:
        """``days`` (the setting by default) ending on the last day of data; widened to the newest
        report's whole period when that report is a summary over more days (its rows count in a
        window only whole, so a shorter window would show nothing of it)."""
        latest = self.data.latest()
        if latest is None:
            return Window.last(days or self.rules.window_days, clock.today())
        end, first = latest
        window = Window.last(days or self.rules.window_days, end)
        if first < window.start and (end - first).days < 731:
            return Window.custom(first, end)
        return window

    def prefetch(self, window: Window, stop: Callable[[], bool] = lambda: False) -> None:
        """Parse the months the longest preset ending with ``window`` needs (a background warm-up; ``stop``:
        asked between months)."""
        self.data.warm(Window.last(max(PRESETS), window.end), stop)

    def _signature(self) -> tuple:
        """The files behind every window: the reports' index and the collection's months."""
        return files_signature(self.store, ("ad_reports", self.data.COLLECTION))

    def aggregates(self, window: Window) -> "Aggregates":
        """The window's term and keyword aggregates, cached (the rows themselves are not kept)."""
        return self._aggregates(window)[0]

    def _aggregates(self, window: Window) -> tuple["Aggregates", pd.DataFrame | None]:
        """``aggregates``, and the window's Sponsored Products rows when they were read for them (None: the
        aggregates were kept)."""
        key = (window.start, window.end, self._signature())
        with self._lock:
            if key in self._terms:
                self._terms.move_to_end(key)
                return self._terms[key], None
        found = self.data.window(window)
        rows = found.rows
        sp = rows[(rows["ad_product"] == "SP").to_numpy()]
        result = Aggregates(with_ids(aggregate_terms(rows), found.read, IDS),
                            with_ids(aggregate_keywords(sp), found.read, KEYWORD_IDS), len(rows), found.partial,
                            found.superseded)
        with self._lock:
            self._terms[key] = result
            while len(self._terms) > self.CACHE:
                self._terms.popitem(last=False)
        return result, sp

    def terms(self, window: Window) -> TermsView:
        found = self.aggregates(window)
        return TermsView(window, found.terms, found.rows, found.partial, found.superseded)

    # -- targets and proposals -----------------------------------------------------------
    def book(self, window: Window) -> TargetBook:
        products = self.store["products"].all()
        records = list(self.store[TARGETS].docs().values())
        from sellertui.domain.profit.fx import shop_rates

        return TargetBook(products, records, self.rules, window.end, self.currency, shop_rates(self.store, self.currency))

    def targets(self, window: Window) -> tuple[pd.DataFrame, dict[str, CampaignInfo]]:
        """The Targets view's rows, and the campaigns of the window (for the harvest destinations)."""
        from sellertui.domain.ads.tables import targets_frame

        structure = Structure.load(self.store)
        campaigns = structure.extend(catalogue(structure.with_ids(self.aggregates(window).terms)))
        return targets_frame(self.book(window), campaigns), campaigns

    def proposals(self, window: Window) -> ProposalSet:
        """The rules' proposals for the window: Sponsored Products terms and keywords only (the bulk file is SP's)."""
        found, sp = self._aggregates(window)
        structure = Structure.load(self.store)  # ids, destinations and bids as the Ads sync last saw them
        terms, keywords = found.terms, found.keywords
        terms = structure.with_ids(terms[(terms["ad_product"] == "SP").to_numpy()])
        records = decisions.load(self.store)
        book = self.book(window)
        campaigns = structure.extend(catalogue(terms))
        changes = decisions.bid_changes(records)
        if changes:  # the SP rows of the window: those just read for the aggregates, or read again
            rows = self.data.window(window, ("SP",)).rows if sp is None else sp.reset_index(drop=True)
            keywords = self._after_bid_changes(rows, keywords, changes)
        sp = rows = None  # the window's rows are not held while the rules run
        keywords = structure.with_bids(keywords)
        where = window.as_dict()
        found = (rules.negate_proposals(terms, book, self.rules, where)
                 + rules.harvest_proposals(terms, book, self.rules, where, campaigns, decisions.harvested(records))
                 + rules.bid_proposals(keywords, book, self.rules, where, changes))
        shown = decisions.apply(found, records)
        shown.sort(key=lambda p: (p.status != "approved", KINDS_ORDER.get(p.kind, 9), -p.spend_minor, p.term))
        return ProposalSet(window, shown, records, campaigns, book)

    @staticmethod
    def _after_bid_changes(rows: pd.DataFrame, keywords: pd.DataFrame, changes: dict) -> pd.DataFrame:
        """Keywords whose bid was changed count only the rows after the change."""
        if not changes or not len(rows):
            return keywords
        table = []
        for key, (day, _) in changes.items():
            _, campaign, group, match, term = json.loads(key)
            table.append((campaign, group, match, term, day))
        changed = pd.DataFrame(table, columns=["campaign", "ad_group", "match_type", "target_lower", "since"])
        lowered = rows.assign(target_lower=rows["targeting"].str.strip().str.lower())
        hit = lowered.merge(changed, on=["campaign", "ad_group", "match_type", "target_lower"], how="inner")
        if not len(hit):
            return keywords
        after = aggregate_keywords(hit[(hit["date"] > hit["since"]).to_numpy(dtype=bool)].drop(
            columns=["target_lower", "since"]))
        touched = hit.drop_duplicates(KEYWORD_KEY)[KEYWORD_KEY]
        rest = keywords.merge(touched, on=KEYWORD_KEY, how="left", indicator=True)
        rest = rest[(rest["_merge"] == "left_only").to_numpy(dtype=bool)].drop(columns="_merge")
        return pd.concat([rest, after], ignore_index=True) if len(after) else rest.reset_index(drop=True)

    # -- the other breakdowns, research and the reports -----------------------------------
    def keywords(self, window: Window) -> tuple[pd.DataFrame, WindowRows]:
        """The window's targets from the targeting reports (SP, SB, SD)."""
        from sellertui.domain.ads.breakdowns import keywords

        found = AdRows(self.frames, TARGETING).window(window)
        return keywords(found.rows), found

    def products(self, window: Window) -> tuple[pd.DataFrame, WindowRows]:
        """The window's advertised products from the advertised product reports (SP, SD)."""
        from sellertui.domain.ads.breakdowns import products

        found = AdRows(self.frames, PRODUCTS).window(window)
        return products(found.rows), found

    def research(self, window: Window) -> pd.DataFrame:
        """Brand Analytics keyword research, each term beside what it already is in this window's ads."""
        from sellertui.domain.ads.research import COLLECTION, research_frame

        own = {str(p.get("asin") or "").upper() for p in self.store["products"].all()} - {""}
        return research_frame(self.store[COLLECTION].all(), own, self.aggregates(window).terms)

    def reports(self) -> pd.DataFrame:
        from sellertui.domain.ads.imported import reports_frame

        return reports_frame(self.store["ad_reports"].all())

    # -- ledger and overview -----------------------------------------------------------
    def ledger(self) -> pd.DataFrame:
        records = decisions.load(self.store)
        since = ledger.earliest_negation_day(records)
        later = self.data.since(since) if since else pd.DataFrame()
        return ledger.ledger_frame(records, ledger.converted_later(records, later))

    def overview(self, window: Window) -> tuple[pd.DataFrame, Window]:
        """Spend, ad sales, ACoS and TACoS by week: every ad product's spend, counted once (``spend``)."""
        from sellertui.domain.ads.spend import spend_days

        weeks = overview.weeks_window(window.end, self.rules.overview_weeks)
        days = spend_days(self.frames, Window.custom(weeks.start, weeks.end))
        sales = self.frames.frame("orders", overview.sales_frame, name="ads.sales_by_day", partitions=weeks.months(),
                                  fields=overview.SALES_FIELDS)
        currency = self.main_currency(days)
        return overview.weekly(days, sales, weeks, currency), weeks

    def main_currency(self, rows: pd.DataFrame) -> str:
        if not len(rows):
            return self.currency
        return str(rows.groupby("currency")["spend_minor"].sum().idxmax())


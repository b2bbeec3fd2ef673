"""Keyword research from Brand Analytics: which searches matter, who wins them, and the shop's share.

One row per search term (and marketplace), from its newest imported period:
Top Search Terms gives the search frequency rank (1 = most searched) and the
three most-clicked products with their click and conversion shares; Search
Query Performance gives the query volume and the shop's own share of the
market's impressions, clicks and purchases (its ASINs' counts added up over
the market's totals). ``own_click_share`` is the shop's click share: SQP's
where there is one, else a Top Search Terms product of the shop's. ``in_ads``
says what the term already is in the Ads window: targeted as an exact
keyword, searched (a search term with clicks), or nothing yet, a term to
harvest (``harvest_proposal``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sellertui.domain.ads.proposal import Proposal

COLLECTION = "keyword_research"
COLUMNS = ["term", "marketplace", "period", "period_end", "rank", "rank_change", "volume", "top_asin",
           "top_click_share", "top3_click_share", "top3_conversion_share", "own_impression_share", "own_click_share",
           "own_purchase_share", "subjects", "in_ads", "clicked"]


def research_frame(records: list[dict], own_asins: set[str], ads_terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """The research rows, most-searched first (by volume, then rank)."""
    top = _top_search_terms([r for r in records if r.get("kind") == "top-search-terms"], own_asins)
    queries = _queries([r for r in records if r.get("kind") == "search-query-performance"])
    frame = top.merge(queries, on=["term", "marketplace"], how="outer", suffixes=("", "_sqp"))
    if not len(frame):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    frame["period"] = frame["period"].fillna(frame.pop("period_sqp"))
    frame["period_end"] = frame["period_end"].fillna(frame.pop("period_end_sqp"))
    frame["own_click_share"] = frame.pop("clicks_share").fillna(frame["own_click_share"])
    frame["in_ads"] = _in_ads(frame["term"], ads_terms)
    frame["clicked"] = frame["clicked"].apply(lambda v: v if isinstance(v, list) else [])
    frame["subjects"] = frame["subjects"].fillna("")
    order = np.lexsort((frame["rank"].fillna(np.inf).to_numpy(), -frame["volume"].fillna(-1).to_numpy()))
    return frame.iloc[order][COLUMNS].reset_index(drop=True)


def _newest(records: list[dict]) -> tuple[list[dict], dict[tuple[str, str], dict]]:
    """The records of each term's newest period, and each term's record of the period before it."""
    by_term: dict[tuple[str, str], dict[str, list[dict]]] = {}
    for r in records:
        by_term.setdefault((r["term"], r.get("marketplace", "")), {}).setdefault(r["period_end"], []).append(r)
    newest, before = [], {}
    for key, periods in by_term.items():
        ends = sorted(periods)
        newest.extend(periods[ends[-1]])
        if len(ends) > 1:
            before[key] = periods[ends[-2]][0]
    return newest, before


def _top_search_terms(records: list[dict], own_asins: set[str]) -> pd.DataFrame:
    newest, before = _newest(records)
    rows = []
    for r in newest:
        clicked = r.get("clicked") or []
        shares = [c.get("click_share") or 0.0 for c in clicked]
        own = [c.get("click_share") or 0.0 for c in clicked if c.get("asin") in own_asins]
        previous = before.get((r["term"], r.get("marketplace", "")))
        rows.append({"term": r["term"], "marketplace": r.get("marketplace", ""),
                     "period": f"{r['period_start']}..{r['period_end']}", "period_end": r["period_end"],
                     "rank": r.get("rank"), "rank_change": (previous["rank"] - r["rank"]) if previous and
                     r.get("rank") and previous.get("rank") else None,
                     "top_asin": clicked[0]["asin"] if clicked else "", "top_click_share": shares[0] if shares else None,
                     "top3_click_share": sum(shares) if shares else None,
                     "top3_conversion_share": sum(c.get("conversion_share") or 0.0 for c in clicked) if clicked else None,
                     "own_click_share": sum(own) if own else None, "clicked": clicked})
    columns = ["term", "marketplace", "period", "period_end", "rank", "rank_change", "top_asin", "top_click_share",
               "top3_click_share", "top3_conversion_share", "own_click_share", "clicked"]
    return pd.DataFrame(rows, columns=columns).drop_duplicates(["term", "marketplace"])


def _queries(records: list[dict]) -> pd.DataFrame:
    newest, _ = _newest(records)
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in newest:
        groups.setdefault((r["term"], r.get("marketplace", "")), []).append(r)
    rows = []
    for (term, market), found in groups.items():
        first = found[0]

        def share(stage: str) -> float | None:
            total = first.get(f"{stage}_total") or 0
            own = sum(r.get(f"{stage}_own") or 0 for r in found)
            return round(own * 100 / total, 2) if total else None

        rows.append({"term": term, "marketplace": market, "period": f"{first['period_start']}..{first['period_end']}",
                     "period_end": first["period_end"], "volume": first.get("volume"),
                     "own_impression_share": share("impressions"), "clicks_share": share("clicks"),
                     "own_purchase_share": share("purchases"),
                     "subjects": ", ".join(sorted({r.get("subject") or "" for r in found} - {""}))})
    columns = ["term", "marketplace", "period", "period_end", "volume", "own_impression_share", "clicks_share",
               "own_purchase_share", "subjects"]
    return pd.DataFrame(rows, columns=columns)


def _in_ads(terms: pd.Series, ads_terms: pd.DataFrame | None) -> list[str]:
    if ads_terms is None or not len(ads_terms):
        return [""] * len(terms)
    sp = ads_terms[(ads_terms["ad_product"] == "SP").to_numpy()]
    exact = set(sp.loc[(sp["match_type"] == "EXACT").to_numpy(), "targeting"].astype(str).str.strip().str.lower())
    searched = set(sp.loc[(sp["clicks"] > 0).to_numpy(), "term"].astype(str).str.strip().str.lower())
    return ["exact" if t.lower() in exact else "searched" if t.lower() in searched else "" for t in terms.astype(str)]


def harvest_proposal(term: str, currency: str, bid_minor: int | None, window: dict) -> Proposal:
    """A research term to add as an exact keyword (or, for an ASIN, a product target); it has no source to negate."""
    from sellertui.domain.ads.metrics import is_asin

    action = "harvest product" if is_asin(term) else "harvest exact"
    return Proposal(kind="harvest", action=action, term=term.strip(), campaign="", ad_group="", match_type="EXACT",
                    targeting="", source="research", currency=currency, rules=["research"],
                    reason=f"'{term}' from keyword research (Brand Analytics): not yet in the ads",
                    working=["Added by hand from the Research view; no search-term numbers back it yet."],
                    new_bid_minor=bid_minor, window=window)


def starting_bid(terms: pd.DataFrame, floor_minor: int) -> tuple[int, str]:
    """A first bid for a research term: the window's median cost per click of exact keywords, or the floor."""
    exact = terms[(terms["ad_product"] == "SP").to_numpy() & (terms["match_type"] == "EXACT").to_numpy()
                  & (terms["clicks"] > 0).to_numpy()] if len(terms) else terms
    if not len(exact):
        return floor_minor, "the bid floor (S): no exact keyword has clicks in this window"
    cpc = float(np.median(exact["spend_minor"].to_numpy(dtype=float) / exact["clicks"].to_numpy(dtype=float)))
    return max(floor_minor, int(round(cpc))), f"the median CPC of the window's {len(exact)} exact keywords"

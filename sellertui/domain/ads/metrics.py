"""The ad ratios (CTR, CPC, CVR, ACoS, ROAS, TACoS) and the kinds of search term and source.

CTR = clicks / impressions, CPC = spend / clicks, CVR = orders / clicks,
ACoS = spend / sales, ROAS = sales / spend. A ratio whose denominator is zero
is blank (NaN in frames, None in scalars), never zero: ACoS with no sales is
not 0 %, it is unknown.
"""

from __future__ import annotations

import re

ASIN_TERM = re.compile(r"^b0[0-9a-z]{8}$", re.IGNORECASE)
AUTO_TARGETS = frozenset({"*", "close-match", "loose-match", "substitutes", "complements"})
KEYWORD_MATCHES = ("EXACT", "PHRASE", "BROAD")


def is_asin(term: object) -> bool:
    """A customer search term that is a product page (``b0…``): negated and targeted as a product."""
    return isinstance(term, str) and bool(ASIN_TERM.match(term.strip()))


def source_of(match_type: object, targeting: object) -> str:
    """Where a search term came from: exact, phrase, broad, auto or product (targeting).

    Auto campaigns report Match Type ``-`` (``BROAD`` in old files) with Targeting
    ``*``/close-match/loose-match/substitutes/complements; product targets carry
    an ``asin="…"`` or ``category="…"`` expression.
    """
    target = str(targeting or "").strip().lower()
    if target in AUTO_TARGETS:
        return "auto"
    match = str(match_type or "").strip().upper()
    if match in KEYWORD_MATCHES:
        return match.lower()
    if target.startswith(("asin", "category")):
        return "product"
    return "auto"


def ratio(numerator: float, denominator: float) -> float | None:
    return None if not denominator else numerator / denominator


def add_ratios(frame):
    """Add ctr, cpc_minor, cvr, acos and roas columns (NaN where undefined) to an aggregate."""
    import numpy as np

    def div(a, b):
        a = frame[a].to_numpy(dtype=float)
        b = frame[b].to_numpy(dtype=float)
        out = np.full(len(frame), np.nan)
        np.divide(a, b, out=out, where=b != 0)
        return out

    frame["ctr"] = div("clicks", "impressions")
    frame["cpc_minor"] = div("spend_minor", "clicks")
    frame["cvr"] = div("orders", "clicks")
    frame["acos"] = div("spend_minor", "sales_minor")
    frame["roas"] = div("sales_minor", "spend_minor")
    return frame


def pct(value: float | None, places: int = 1) -> str:
    """0.1234 -> '12.3%'; blank for None/NaN."""
    if value is None or value != value:
        return ""
    return f"{value * 100:.{places}f}%"

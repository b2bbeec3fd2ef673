"""Brand Analytics: Top Search Terms and Search Query Performance -> ``keyword_research``.

- **Top Search Terms**: each search term's search frequency rank and the three
  products shoppers clicked most, with their click and conversion shares
  (2024+ ``Top Clicked Product #1: ASIN``…, and the older ``#1 Clicked ASIN``…
  with ``Department``).
- **Search Query Performance** (ASIN or brand view): each query's score and
  volume, the market's impressions, clicks, cart adds and purchases, and the
  shop's own count and share of each.

The period comes from the note line above the header (``Reporting Range=["Weekly"],
Viewing=["Week 5 | 2026-01-25 - 2026-01-31 2026"]``), else from ``Reporting Date``
and the range, else ``--period``. A record is ``kind|subject|period|term``: the
same week imported twice updates it. Other Brand Analytics reports (market
basket, repeat purchase, demographics, search catalog performance) and whole
Top Search Terms downloads of more than ``MAX_ROWS`` terms are refused in one
sentence that says what is read.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sellertui.core.i18n import N_, _, shown
from sellertui.importers import values
from sellertui.importers.errors import FileProblem
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, names

MAX_ROWS = 200_000
SUPPORTED = N_("sellertui reads Brand Analytics Top Search Terms and Search Query Performance (ASIN or brand view) "
             "reports")
_SETTING = re.compile(r"([A-Za-z][A-Za-z ]*?)\s*=\s*\[([^\]]*)\]")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def preamble_settings(lines: list[str]) -> dict[str, str]:
    """``Reporting Range=["Weekly"]``-style settings of the note lines above the header, lower-cased names."""
    found: dict[str, str] = {}
    for line in lines:
        for name, value in _SETTING.findall(line.replace('""', '"')):
            found[name.strip().lower()] = value.strip().strip('"').strip()
    return found


def _period_start(end: date, span: str) -> date:
    span = span.lower()
    if span.startswith("month"):
        return end.replace(day=1)
    if span.startswith("quarter"):
        return end.replace(month=(end.month - 1) // 3 * 3 + 1, day=1)
    if span.startswith(("day", "daily")):
        return end
    return end - timedelta(days=6)  # weekly, Amazon's default


def shares(frame, field: str) -> list[float | None]:
    """A share column in percent (12.5 = 12.5 %): ``12.5%``; a plain number is a percent under a header that
    ends in ``%`` (``Clicks: ASIN Share %``) and a fraction otherwise (as workbooks hold it)."""
    if not frame.has(field):
        return [None] * frame.n
    in_percent = frame.header(field).rstrip().endswith("%")
    comma = frame.locale.decimal_comma
    out: list[float | None] = []
    for i, cell in enumerate(frame.raw(field)):
        text = values.unguard(str(cell).strip()) if cell is not None else ""
        if text in ("", "-", "--"):
            out.append(None)
            continue
        try:
            plain = in_percent and not text.endswith("%")
            out.append(round(float(values.decimal_of(text, comma)), 4) if plain else values.percent(cell, comma))
        except values.Bad:
            frame.problem(i, field, _("is not a percentage"))
            out.append(None)
    return out


class BrandAnalyticsKind(Kind):
    family = "keyword_research"
    collection = "keyword_research"
    takes_period = True

    def period(self, frame, settings: dict[str, str]) -> tuple[str, str, str]:
        """(first day, last day, where they came from): --period, the note line, the file name, Reporting
        Date; else a FileProblem asking for --period."""
        if frame.period is not None and frame.period.source == "--period":
            return frame.period.start, frame.period.end, "--period"
        viewing = " ".join(v for k, v in settings.items() if k in ("viewing", "select week", "select month",
                                                                   "select quarter", "select day"))
        days = _ISO.findall(viewing)
        if len(days) >= 2:
            return days[0], days[1], "the report's note line"
        if frame.period is not None:
            return frame.period.start, frame.period.end, str(frame.period.source)
        reported = sorted({d for d in frame.col("reported") if d}) if frame.has("reported") else []
        if reported:
            end = date.fromisoformat(reported[-1])
            span = settings.get("reporting range", "Weekly")
            return _period_start(end, span).isoformat(), end.isoformat(), f"Reporting Date ({span.lower()})"
        raise FileProblem(frame.table.name, _("is {kind} without its note line or a Reporting Date, so its period is "
                                              "unknown: say which days it covers with --period START..END").format(
                                                kind=shown(self.label)))

    def totals(self, output: Output, frame) -> dict:
        docs = output.records[self.collection]
        return {"terms": len({d["term"] for d in docs}), "period": f"{docs[0]['period_start']}..{docs[0]['period_end']}"
                if docs else ""}


class TopSearchTerms(BrandAnalyticsKind):
    name = "top-search-terms"
    label = N_("a Brand Analytics Top Search Terms report")
    signatures = (names("search frequency rank", "search term", "top clicked product #1: asin"),
                  names("search frequency rank", "search term", "#1 clicked asin"))
    columns = (
        col("rank", "search frequency rank", parse="int", required=True, blank=REQUIRED),
        col("term", "search term", required=True, blank=REQUIRED),
        col("department", "department", blank=""),
        col("reported", "reporting date", parse="date"),
        *(c for n in (1, 2, 3) for c in (
            col(f"asin{n}", f"top clicked product #{n}: asin", f"#{n} clicked asin", blank=""),
            col(f"title{n}", f"top clicked product #{n}: product title", f"#{n} product title", blank=""),
            col(f"click{n}", f"top clicked product #{n}: click share", f"#{n} click share"),
            col(f"conversion{n}", f"top clicked product #{n}: conversion share", f"#{n} conversion share"),
        )),
        col("brand1", "top clicked brand #1", blank=""),
    )

    def build(self, frame) -> Output:
        if frame.n > MAX_ROWS:
            raise FileProblem(frame.table.name, _(
                "holds {rows:,} search terms; sellertui reads Top Search Terms downloads of up to {most:,}: filter "
                "the report in Brand Analytics (by a word, a department or an ASIN) and download that").format(
                    rows=frame.n, most=MAX_ROWS))
        settings = preamble_settings(frame.table.preamble)
        first, last, where = self.period(frame, settings)
        frame.notes.append(_("period {first}..{last} (from {source})").format(first=first, last=last, source=where))
        market = frame.locale.market.code
        clicked = [[{"asin": a.upper(), "title": t, "click_share": c, "conversion_share": v}
                    for a, t, c, v in zip(frame.col(f"asin{n}"), frame.col(f"title{n}"), shares(frame, f"click{n}"),
                                          shares(frame, f"conversion{n}"))] for n in (1, 2, 3)]
        columns = {
            "id": [f"{self.name}|{market}|{first}..{last}|{d}|{t}" for d, t in zip(frame.col("department"),
                                                                                  frame.col("term"))],
            "kind": [self.name] * frame.n, "marketplace": [market] * frame.n, "period_start": [first] * frame.n,
            "period_end": [last] * frame.n, "subject": [""] * frame.n, "term": frame.col("term"),
            "department": frame.col("department"), "rank": frame.col("rank"), "brand": frame.col("brand1"),
            "clicked": [[p for p in products if p["asin"]] for products in zip(*clicked)],
        }
        return Output({self.collection: frame.good(frame.records(columns))})


FUNNEL = ("impressions", "clicks", "cart adds", "purchases")
STAGES = tuple(f.replace(" ", "_") for f in FUNNEL)


def _funnel_cols() -> tuple:
    cols = []
    for stage in FUNNEL:
        field = stage.replace(" ", "_")
        cols += [col(f"{field}_total", f"{stage}: total count", parse="int", blank=0),
                 col(f"{field}_own", f"{stage}: asin count", f"{stage}: brand count", parse="int", blank=0),
                 col(f"{field}_share", f"{stage}: asin share %", f"{stage}: brand share %")]
    return tuple(cols)


class SearchQueryPerformance(BrandAnalyticsKind):
    name = "search-query-performance"
    label = N_("a Brand Analytics Search Query Performance report")
    signatures = (names("search query", "search query volume", "impressions: total count", "impressions: asin count"),
                  names("search query", "search query volume", "impressions: total count",
                        "impressions: brand count"))
    columns = (
        col("term", "search query", required=True, blank=REQUIRED),
        col("score", "search query score", parse="int"),
        col("volume", "search query volume", parse="int", required=True, blank=0),
        col("asin", "asin", blank=""),
        col("reported", "reporting date", parse="date"),
        col("price", "purchases: price (median)", "clicks: price (median)"),
        *_funnel_cols(),
    )

    def build(self, frame) -> Output:
        settings = preamble_settings(frame.table.preamble)
        first, last, where = self.period(frame, settings)
        frame.notes.append(_("period {first}..{last} (from {source})").format(first=first, last=last, source=where))
        brand_view = "impressions: brand count" in frame.headers.matched.values()
        named = settings.get("asin or product") or settings.get("brand") or settings.get("asin") or ""
        subjects = [(a or named).upper() if not brand_view else named for a in frame.col("asin")]
        market = frame.locale.market.code
        columns = {
            "id": [f"{self.name}|{market}|{s}|{first}..{last}|{t}" for s, t in zip(subjects, frame.col("term"))],
            "kind": [self.name] * frame.n, "marketplace": [market] * frame.n, "period_start": [first] * frame.n,
            "period_end": [last] * frame.n, "subject": subjects,
            "subject_kind": ["brand" if brand_view else "asin"] * frame.n, "term": frame.col("term"),
            "score": frame.col("score"), "volume": frame.col("volume"),
            **{f"{s}_{part}": frame.col(f"{s}_{part}") for s in STAGES for part in ("total", "own")},
            **{f"{s}_share": shares(frame, f"{s}_share") for s in STAGES},
        }
        return Output({self.collection: frame.good(frame.records(columns))})


class RefusedBrandAnalytics(Kind):
    """A Brand Analytics report sellertui does not read: recognised, so the refusal can name it."""

    collection = ""

    def __init__(self, name: str, label: str, *signature: str) -> None:
        self.name, self.label = name, label
        self.signatures = (names(*signature),)
        self.columns = ()

    def build(self, frame) -> Output:
        raise FileProblem(frame.table.name, _("is {kind}; {supported}").format(kind=shown(self.label), supported=_(SUPPORTED)))

    def totals(self, output: Output, frame) -> dict:
        return {}


REFUSED = (
    RefusedBrandAnalytics("market-basket", N_("a Brand Analytics Market Basket Analysis report"), "asin",
                          "purchased with asin #1"),
    RefusedBrandAnalytics("market-basket", N_("a Brand Analytics Market Basket Analysis report"), "asin",
                          "purchased with asin"),
    RefusedBrandAnalytics("repeat-purchase", N_("a Brand Analytics Repeat Purchase Behavior report"), "asin",
                          "repeat customers % total"),
    RefusedBrandAnalytics("search-catalog", N_("a Brand Analytics Search Catalog Performance report"), "asin",
                          "impressions: impressions", "clicks: clicks"),
    RefusedBrandAnalytics("demographics", N_("a Brand Analytics Demographics report"), "unique customers",
                          "percentage of total unique customers"),
)

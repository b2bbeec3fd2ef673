"""The Sales and Traffic report (GET_SALES_AND_TRAFFIC_REPORT, JSON) -> ``business_report`` and ``business_daily``.

Its entries become rows named by Amazon's JSON keys (a problem says
"line 3, column 'unitsOrdered'": the third entry, by-date entries first).
By child ASIN it is the Business Report by child item: the same records with
the same key ``start..end|child asin|sku`` as the CSV, so the same period
synced and downloaded by hand is stored once. By date it is the whole shop's
day (or week, or month): one ``business_daily`` record per date and
marketplace. The period is the report's own: ``dataStartTime``..``dataEndTime``
widened, as Amazon does, to whole weeks (Sunday–Saturday) or months. An
ASIN section by parent ASIN is not stored (sellertui keeps child items) and
the summary says so.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from sellertui.core.i18n import N_, _
from sellertui.core.markets import by_amazon_id
from sellertui.importers.errors import FileProblem
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import JsonKind, JsonRead, Output, combine, json_table, main_currency, \
    money_total, text, total
from sellertui.importers.kinds.business import COUNTS, MONEY, fold_rates
from sellertui.importers.period import Period

# column -> the key of the by-date or by-ASIN section that fills it (the same name in both)
TRAFFIC = {"sessions": "sessions", "sessions_b2b": "sessionsB2B", "sessions_mobile": "mobileAppSessions",
           "sessions_browser": "browserSessions", "page_views": "pageViews", "page_views_b2b": "pageViewsB2B",
           "page_views_mobile": "mobileAppPageViews", "page_views_browser": "browserPageViews"}
SALES = {"units_ordered": "unitsOrdered", "units_ordered_b2b": "unitsOrderedB2B",
         "total_order_items": "totalOrderItems", "total_order_items_b2b": "totalOrderItemsB2B"}
DAILY = {"units_refunded": "unitsRefunded", "units_shipped": "unitsShipped", "orders_shipped": "ordersShipped",
         "claims_granted": "claimsGranted", "feedback_received": "feedbackReceived",
         "negative_feedback": "negativeFeedbackReceived"}
RATES = {"buy_box_pct": "buyBoxPercentage", "unit_session_pct": "unitSessionPercentage",
         "order_item_session_pct": "orderItemSessionPercentage", "refund_pct": "refundRate"}
AMOUNTS = {"ordered_sales": "orderedProductSales", "ordered_sales_b2b": "orderedProductSalesB2B",
           "shipped_sales": "shippedProductSales", "claims_amount": "claimsAmount"}
GRANULARITIES = ("DAY", "WEEK", "MONTH")


def _named(fields: dict[str, str], parse: str):
    """Columns named by Amazon's JSON keys, so a problem names the key the document has."""
    return tuple(col(f, key, parse=parse) for f, key in fields.items())


class SalesAndTraffic(JsonKind):
    name = "sales-traffic"
    label = N_("a Sales and Traffic report (JSON)")
    family = "business_report"
    collection = "business_report"
    columns = (
        col("section", "section", required=True, blank=REQUIRED),
        col("date", "date", parse="date"),
        col("granularity", "dateGranularity", blank=""),
        col("parent_asin", "parentAsin", blank=""),
        col("child_asin", "childAsin", blank=""),
        col("sku", "sku", blank=""),
        col("currency", "currencyCode"),
        *_named({**TRAFFIC, **SALES, **DAILY}, "int"),
        *_named(RATES, "percent"),
        *_named(AMOUNTS, "amount"),
    )

    def fits(self, document: object) -> bool:
        return isinstance(document, dict) and "salesAndTrafficByAsin" in document and "reportSpecification" in document

    def read_json(self, name: str, document: object) -> JsonRead:
        if not self.fits(document):
            raise FileProblem(name, _("is not a Sales and Traffic report (no reportSpecification and "
                                      "salesAndTrafficByAsin)"))
        spec = document["reportSpecification"] if isinstance(document["reportSpecification"], dict) else {}
        options = spec.get("reportOptions") or {}
        granularity = str(options.get("dateGranularity") or "DAY").upper()
        if granularity not in GRANULARITIES:
            raise FileProblem(name, _("has dateGranularity {granularity}; expected DAY, WEEK or MONTH").format(
                granularity=repr(granularity)))
        by_date = [e for e in document.get("salesAndTrafficByDate") or [] if isinstance(e, dict)]
        by_asin = [e for e in document.get("salesAndTrafficByAsin") or [] if isinstance(e, dict)]
        period = _period(name, spec, granularity, by_date)
        by_parent = str(options.get("asinGranularity") or "PARENT").upper() == "PARENT"
        rows = [_row("date", e, e.get("salesByDate"), e.get("trafficByDate"), granularity) for e in by_date]
        notes = []
        if by_parent:
            notes.append(_("its ASIN section is by parent ASIN and was not stored (sellertui keeps child items)"))
        else:
            rows += [_row("asin", e, e.get("salesByAsin"), e.get("trafficByAsin")) for e in by_asin]
        headers = ["section", "date", "dateGranularity", "parentAsin", "childAsin", "sku", "currencyCode",
                   *(key for fields in (TRAFFIC, SALES, DAILY, RATES, AMOUNTS) for key in fields.values())]
        ids = spec.get("marketplaceIds") or []
        market = by_amazon_id(str(ids[0])) if ids else None
        return JsonRead(json_table(name, headers, rows), period, market.code if market else None, notes)

    def build(self, frame) -> Output:
        prefix = f"{frame.period.start}..{frame.period.end}"
        currency, market = frame.locale.currency, frame.locale.market.code
        money = {f: frame.money(f) for f in AMOUNTS}
        cols = {f: frame.col(f) for f in (*TRAFFIC, *SALES, *DAILY, *RATES, "parent_asin", "child_asin", "sku",
                                          "date", "granularity")}
        asins, days = [], []
        for i, section in enumerate(frame.col("section")):
            if section == "asin":
                if not cols["child_asin"][i]:
                    frame.problem(i, "child_asin", _("is empty, but a row by child ASIN needs one"))
                asins.append({
                    "id": f"{prefix}|{cols['child_asin'][i]}|{cols['sku'][i]}",
                    "period_start": frame.period.start, "period_end": frame.period.end,
                    "parent_asin": cols["parent_asin"][i], "child_asin": cols["child_asin"][i], "sku": cols["sku"][i],
                    "title": "", **{f: cols[f][i] for f in (*TRAFFIC, *SALES)},
                    "buy_box_pct": cols["buy_box_pct"][i], "unit_session_pct": cols["unit_session_pct"][i],
                    "ordered_sales_minor": money["ordered_sales"][i],
                    "ordered_sales_b2b_minor": money["ordered_sales_b2b"][i], "currency": currency,
                    "marketplace": market})
                days.append(None)
            elif cols["date"][i] is None:
                frame.problem(i, "date", _("is empty, but a row by date needs its date"))
                asins.append(None)
                days.append(None)
            else:
                day, granularity = cols["date"][i], cols["granularity"][i]
                days.append({
                    "id": f"{market}|{day}|{granularity}", "date": day, "period_end": _period_end(day, granularity),
                    "granularity": granularity, **{f: cols[f][i] for f in (*TRAFFIC, *SALES, *DAILY, *RATES)},
                    **{f"{f}_minor": money[f][i] for f in AMOUNTS}, "currency": currency, "marketplace": market})
                asins.append(None)
        docs, merged = combine(frame.good(asins), (*COUNTS, *MONEY), fold_rates)
        return Output({"business_report": docs, "business_daily": frame.good(days)}, merged)

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["business_report"]
        currency = main_currency(docs, frame.locale.currency)
        return {"units": total(docs, "units_ordered"), "sales": money_total(docs, "ordered_sales_minor", currency),
                "sessions": total(docs, "sessions"), "dates": len(output.records["business_daily"])}


def _row(section: str, entry: dict, sales: object, traffic: object, granularity: str = "") -> dict:
    """One entry of either section as text cells; amounts as their number, their currency in its own cell."""
    sales = sales if isinstance(sales, dict) else {}
    traffic = traffic if isinstance(traffic, dict) else {}
    merged = {**sales, **traffic}
    row = {"section": section, "date": text(entry.get("date")), "dateGranularity": granularity,
           "parentAsin": text(entry.get("parentAsin")), "childAsin": text(entry.get("childAsin")),
           "sku": text(entry.get("sku"))}
    row.update({key: text(merged.get(key)) for key in (*TRAFFIC.values(), *SALES.values(), *DAILY.values())})
    row.update({key: text(merged.get(key)) + "%" if merged.get(key) is not None else "" for key in RATES.values()})
    for key in AMOUNTS.values():
        amount = merged.get(key)
        if isinstance(amount, dict):
            row[key] = text(amount.get("amount"))
            row["currencyCode"] = row.get("currencyCode") or text(amount.get("currencyCode"))
    return row


def _day(text_value: object) -> date | None:
    try:
        return date.fromisoformat(str(text_value)[:10])
    except ValueError:
        return None


def _period(name: str, spec: dict, granularity: str, by_date: list[dict]) -> Period:
    """The report's own dates, widened to whole weeks (Sunday..Saturday) or months as Amazon widens them."""
    start, end = _day(spec.get("dataStartTime")), _day(spec.get("dataEndTime"))
    if start is None or end is None or end < start:
        raise FileProblem(name, _("has no valid dataStartTime and dataEndTime in its reportSpecification"))
    firsts = [d for d in (_day(e.get("date")) for e in by_date) if d is not None]
    if firsts:
        start = min(start, min(firsts))
    if granularity == "WEEK":
        start -= timedelta(days=(start.weekday() + 1) % 7)
        end += timedelta(days=(5 - end.weekday()) % 7)
    elif granularity == "MONTH":
        start = start.replace(day=1)
        end = end.replace(day=monthrange(end.year, end.month)[1])
    return Period(start.isoformat(), end.isoformat(), N_("the report's own dates"))


def _period_end(day: str, granularity: str) -> str:
    first = date.fromisoformat(day)
    if granularity == "WEEK":
        return (first + timedelta(days=6)).isoformat()
    if granularity == "MONTH":
        return first.replace(day=monthrange(first.year, first.month)[1]).isoformat()
    return day

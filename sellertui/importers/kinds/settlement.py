"""Settlement report flat file V2 (wide) and the long ``_V2`` layout -> ``settlements`` + ``settlement_summaries``.

The first data row is the settlement's summary (id, dates, deposit date,
total-amount); every other row is a detail line. In the wide V2 layout a line's
money is in one (or more) of nine amount columns, each with its type column
(``price-type``/``price-amount``, ``item-related-fee-type``/…, ``promotion-*`` —
absent when unused — ``other-amount``); the long layout has ``amount-type``,
``amount-description``, ``amount``. Either way a line becomes one record with
``amount_type``, ``amount_description``, ``amount_minor`` (the line's sum) and
``amounts`` {column: minor}. The sum over all lines must equal ``total-amount``;
a file where it does not is refused (it is usually cut short).

Keys: ``<settlement id>|<hash of the line>|<occurrence>`` — stable across
re-imports, and two identical lines stay two records.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.core.money import to_minor
from sellertui.importers.headers import col
from sellertui.importers.kinds.base import Kind, Output, content_keys, money_text, names
from sellertui.importers.locale import market_of_marketplace

# amount column -> (its type column, the amount type it records, as the long layout names it)
AMOUNTS = {
    "price_amount": ("price_type", "ItemPrice"),
    "item_related_fee_amount": ("item_related_fee_type", "ItemFees"),
    "shipment_fee_amount": ("shipment_fee_type", "ShipmentFees"),
    "order_fee_amount": ("order_fee_type", "OrderFees"),
    "misc_fee_amount": (None, "MiscFees"),
    "other_fee_amount": ("other_fee_reason_description", "OtherFees"),
    "promotion_amount": ("promotion_type", "Promotion"),
    "direct_payment_amount": ("direct_payment_type", "DirectPayment"),
    "other_amount": (None, "Other"),
}
TEXT = ("transaction_type", "order_id", "merchant_order_id", "adjustment_id", "shipment_id", "marketplace_name",
        "fulfillment_id", "order_item_code", "merchant_order_item_id", "merchant_adjustment_item_id", "sku",
        "promotion_id")


def _h(field: str) -> str:
    return field.replace("_", "-")


class Settlement(Kind):
    name = "settlement"
    label = N_("a settlement report (flat file V2)")
    family = "settlement"
    collection = "settlements"
    signatures = (names("settlement-id", "total-amount", "transaction-type", "price-amount"),
                  names("settlement-id", "total-amount", "transaction-type", "other-amount"),
                  names("settlement-id", "total-amount", "amount-type", "amount-description", "amount"))
    columns = (
        col("settlement_id", "settlement-id", required=True, blank=""),
        col("start", "settlement-start-date", parse="datetime"),
        col("end", "settlement-end-date", parse="datetime"),
        col("deposit", "deposit-date", parse="datetime"),
        col("total", "total-amount", parse="amount", required=True),
        col("currency", "currency"),
        col("posted", "posted-date-time", "posted-date", parse="datetime"),
        col("quantity", "quantity-purchased", parse="int"),
        col("amount_type", "amount-type", blank=""),
        col("amount_description", "amount-description", blank=""),
        col("amount", "amount", parse="amount"),
        *(col(f, _h(f), blank="") for f in TEXT),
        *(col(f, _h(f), parse="amount") for f in AMOUNTS),
        *(col(t, _h(t), blank="") for t, _ in AMOUNTS.values() if t),
    )

    def build(self, frame) -> Output:
        ids, types, totals = frame.col("settlement_id"), frame.col("transaction_type"), frame.col("total")
        summary_rows = [i for i in range(frame.n) if not types[i] and totals[i] is not None and not self._has_amount(frame, i)]
        currency = next((c for c in frame.col("currency") if c), frame.locale.currency).upper()
        summaries = {}
        for i in summary_rows:
            summaries.setdefault(ids[i], {
                "id": ids[i], "settlement_id": ids[i], "start": frame.col("start")[i], "end": frame.col("end")[i],
                "deposit_date": frame.col("deposit")[i], "total_minor": to_minor(totals[i], currency),
                "currency": currency})
        skip = set(summary_rows)
        lines = [None if i in skip else self._line(frame, i, currency) for i in range(frame.n)]
        for i, settlement in enumerate(ids):
            if not settlement and i not in skip:
                frame.problem(i, "settlement_id", _("is empty, but this column needs a value"))
        good = frame.good(lines)
        keys = content_keys([d["settlement_id"] for d in good], (tuple(d.items()) for d in good))
        for doc, key in zip(good, keys):
            doc["id"] = key
        if not summaries:
            frame.file_problem(_("has no summary row (the first data row, with settlement-id and total-amount)"))
        self._check_sum(frame, summaries, good)
        return Output({"settlements": good, "settlement_summaries": list(summaries.values())},
                      summary={"summaries": summaries, "currency": currency})

    @staticmethod
    def _has_amount(frame, i: int) -> bool:
        return any(frame.col(f)[i] is not None for f in (*AMOUNTS, "amount"))

    def _line(self, frame, i: int, currency: str) -> dict:
        doc = {"settlement_id": frame.col("settlement_id")[i], "posted_date": frame.col("posted")[i],
               **{f: frame.col(f)[i] for f in TEXT}, "quantity": frame.col("quantity")[i]}
        market = market_of_marketplace(doc["marketplace_name"]) or frame.locale.market.code
        amounts: dict[str, int] = {}
        kind, description = "", ""
        if frame.col("amount")[i] is not None:  # the long layout
            amounts["amount"] = to_minor(frame.col("amount")[i], currency)
            kind, description = frame.col("amount_type")[i], frame.col("amount_description")[i]
        for field, (type_field, amount_type) in AMOUNTS.items():
            value = frame.col(field)[i]
            if value is not None:
                amounts[_h(field)] = to_minor(value, currency)
                if not kind:
                    kind = amount_type
                    description = (frame.col(type_field)[i] if type_field else "") or doc["transaction_type"]
        doc.update(amount_type=kind, amount_description=description, amount_minor=sum(amounts.values()),
                   amounts=amounts, currency=currency, marketplace=market)
        return doc

    def _check_sum(self, frame, summaries: dict, lines: list[dict]) -> None:
        for settlement, summary in summaries.items():
            added = sum(d["amount_minor"] for d in lines if d["settlement_id"] == settlement)
            mine = [d for d in lines if d["settlement_id"] == settlement]
            summary["sum_minor"] = added
            summary["lines"] = len(mine)
            summary["marketplace"] = mine[0]["marketplace"] if mine else frame.locale.market.code
            if added != summary["total_minor"]:
                c = summary["currency"]
                fields = {"settlement": settlement, "added": money_text(added, c), "total":
                          money_text(summary["total_minor"], c), "currency": c}
                if frame.bad:
                    frame.notes.append(_("settlement {settlement}: its lines add up to {added} {currency} but its "
                                         "total-amount is {total} {currency} (rows were set aside)").format(**fields))
                else:
                    frame.file_problem(_("settlement {settlement}: its lines add up to {added} {currency} but its "
                                         "total-amount is {total} {currency}; the file may be incomplete: download "
                                         "it again").format(**fields))

    def merge(self, collection: str):
        return None

    def totals(self, output: Output, frame) -> dict:
        lines = output.records["settlements"]
        summaries = output.summary["summaries"]
        currency = output.summary["currency"]
        return {"total_amount": money_text(sum(s["total_minor"] for s in summaries.values()), currency),
                "sum_of_amounts": money_text(sum(d["amount_minor"] for d in lines), currency),
                "orders": len({d["order_id"] for d in lines if d["order_id"]})}

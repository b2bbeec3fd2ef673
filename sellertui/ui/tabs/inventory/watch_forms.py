"""The competitor watch's forms: an ASIN to watch, a day's figures, a CSV to import, the thresholds.

Each field parses with the domain's own parser (``domain.watch.entry``), so
the form refuses exactly what ``sellertui watch record`` and the CSV import do.
"""

from __future__ import annotations

from pathlib import Path

from sellertui import clock
from sellertui.core.markets import MARKETS
from sellertui.domain import fields
from sellertui.domain.fields import FieldError
from sellertui.domain.watch import entry as rules
from sellertui.domain.watch.listing import buybox_text
from sellertui.domain.watch.watchlist import clean_asin
from sellertui.core.errors import UserError
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.settings_form import settings_form

WHOSE = [("a competitor's", "rival"), ("my own", "own")]


def _asin(known: set[str], text: str) -> str:
    try:
        asin = clean_asin(text)
    except UserError as exc:
        raise FieldError(str(exc)) from None
    if asin in known:
        raise FieldError("already watched: edit it instead (e)")
    return asin


def entry_form(record: dict | None, market: str, known: set[str]) -> FormScreen:
    """Watch an ASIN (``record`` None) or edit whose it is, its label and note."""
    r = record or {}
    form_fields = []
    if record is None:
        form_fields += [
            Field("asin", "ASIN", lambda t: _asin(known, t), placeholder="B07XJ8C8F5",
                  help="from the product page's URL (/dp/ASIN) or its details"),
            Field("marketplace", "Marketplace", kind="choice", value=market,
                  choices=[(f"{m.code} · {m.name}", m.code) for m in MARKETS.values() if m.amazon_id]),
        ]
    form_fields += [
        Field("whose", "Whose", kind="choice", value="own" if r.get("own") else "rival", choices=WHOSE),
        Field("label", "Label", lambda t: fields.text(t, max_length=80), value=r.get("label", ""),
              placeholder="e.g. BambooCo 3-pack"),
        Field("note", "Note", lambda t: fields.text(t, max_length=500), value=r.get("note", "")),
    ]
    return FormScreen("Watch an ASIN" if record is None else f"Watched ASIN {r.get('asin', '')}", form_fields)


def figures_form(row: dict, currency: str) -> FormScreen:
    """A day's figures for one ASIN; coupon and deal start as last known (blank saves "none")."""

    def latest(name: str) -> str:
        value = row.get(name)
        return "" if value is None else f"{value:,}" if isinstance(value, int) else str(value)

    def money_or_blank(text: str):
        return None if not text.strip() else fields.money(text, currency)

    def optional(parse):
        return lambda text: None if not text.strip() else parse(text)

    last = f"last {row['day']}" if row.get("day") else "none recorded yet"
    return FormScreen(f"Figures for {row.get('label') or row['asin']}", [
        Field("day", "Day", fields.day, value=clock.today().isoformat(), help="today, yesterday, -3 or 2026-11-20"),
        Field("rating", "Rating (stars)", optional(rules.rating), placeholder=latest("rating"),
              help=f"0–5; blank: not checked ({last})"),
        Field("reviews", "Reviews", optional(rules.reviews), placeholder=latest("reviews")),
        Field("coupon", "Coupon", rules.offer_text, value=row.get("coupon") or "",
              help="as the page shows it (10% off, $2 off); blank: none"),
        Field("deal", "Deal", rules.offer_text, value=row.get("deal") or "", help="Lightning Deal, Prime Day…; "
                                                                                   "blank: none"),
        Field("price", f"Price ({currency})", money_or_blank, placeholder="what a shopper pays",
              help="when not synced from Seller Central"),
        Field("rank", "Sales rank", optional(rules.rank), placeholder=latest("rank")),
        Field("buybox", "Buy Box owner", optional(rules.buybox_owner), placeholder=buybox_text(row),
              help="you, a seller's name, or none; blank: not checked"),
    ], submit_label="Record")


def csv_form() -> FormScreen:
    def path(text: str) -> Path:
        found = Path(text.strip()).expanduser()
        if not text.strip():
            raise FieldError("required")
        if not found.is_file():
            raise FieldError("no such file")
        return found

    return FormScreen("Import watch figures from a CSV", [
        Field("path", "CSV file", path, placeholder="~/Downloads/competitors.csv",
              help="columns asin, date and any of rating, reviews, coupon, deal, price, rank, buybox, "
                   "marketplace"),
    ], submit_label="Import")


def thresholds_form(settings) -> FormScreen:
    return settings_form(settings, "watch", labels={
        "price_cut_pct": "Price cut alert (%)", "rank_jump_pct": "Rank jump alert (%)",
        "alert_days": "Alerts for (days)"})

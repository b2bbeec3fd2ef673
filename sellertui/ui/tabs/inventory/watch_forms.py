"""The competitor watch's forms: an ASIN to watch, a day's figures, a CSV to import, the thresholds.

Each field parses with the domain's own parser (``domain.watch.entry``), so
the form refuses exactly what ``sellertui watch record`` and the CSV import do.
"""

from __future__ import annotations

from pathlib import Path

from sellertui.core.i18n import N_, _
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

WHOSE = [(N_("a competitor's"), "rival"), (N_("my own"), "own")]  # translated in the form


def _asin(known: set[str], text: str) -> str:
    try:
        asin = clean_asin(text)
    except UserError as exc:
        raise FieldError(str(exc)) from None
    if asin in known:
        raise FieldError(_("already watched: edit it instead (e)"))
    return asin


def entry_form(record: dict | None, market: str, known: set[str]) -> FormScreen:
    """Watch an ASIN (``record`` None) or edit whose it is, its label and note."""
    r = record or {}
    form_fields = []
    if record is None:
        form_fields += [
            Field("asin", _("ASIN"), lambda t: _asin(known, t), placeholder=_("B07XJ8C8F5"),
                  help=_("from the product page's URL (/dp/ASIN) or its details")),
            Field("marketplace", _("Marketplace"), kind="choice", value=market,
                  choices=[(f"{m.code} · {m.name}", m.code) for m in MARKETS.values() if m.amazon_id]),
        ]
    form_fields += [
        Field("whose", _("Whose"), kind="choice", value="own" if r.get("own") else "rival", choices=[(_(label), value) for label, value in WHOSE]),
        Field("label", _("Label"), lambda t: fields.text(t, max_length=80), value=r.get("label", ""),
              placeholder=_("e.g. BambooCo 3-pack")),
        Field("note", _("Note"), lambda t: fields.text(t, max_length=500), value=r.get("note", "")),
    ]
    return FormScreen(_("Watch an ASIN") if record is None else _("Watched ASIN {asin}").format(asin=r.get('asin', '')), form_fields)


def figures_form(row: dict, currency: str) -> FormScreen:
    """A day's figures for one ASIN; coupon and deal start as last known (blank saves "none")."""

    def latest(name: str) -> str:
        value = row.get(name)
        return "" if value is None else f"{value:,}" if isinstance(value, int) else str(value)

    def money_or_blank(text: str):
        return None if not text.strip() else fields.money(text, currency)

    def optional(parse):
        return lambda text: None if not text.strip() else parse(text)

    last = _("last {day}").format(day=row["day"]) if row.get("day") else _("none recorded yet")
    return FormScreen(_("Figures for {label}").format(label=row.get('label') or row['asin']), [
        Field("day", _("Day"), fields.day, value=clock.today().isoformat(), help=_("today, yesterday, -3 or 2026-11-20")),
        Field("rating", _("Rating (stars)"), optional(rules.rating), placeholder=latest("rating"),
              help=_("0–5; blank: not checked ({last})").format(last=last)),
        Field("reviews", _("Reviews"), optional(rules.reviews), placeholder=latest("reviews")),
        Field("coupon", _("Coupon"), rules.offer_text, value=row.get("coupon") or "",
              help=_("as the page shows it (10% off, $2 off); blank: none")),
        Field("deal", _("Deal"), rules.offer_text, value=row.get("deal") or "", help=_("Lightning Deal, Prime Day…; blank: none")),
        Field("price", _("Price ({currency})").format(currency=currency), money_or_blank, placeholder=_("what a shopper pays"),
              help=_("when not synced from Seller Central")),
        Field("rank", _("Sales rank"), optional(rules.rank), placeholder=latest("rank")),
        Field("buybox", _("Buy Box owner"), optional(rules.buybox_owner), placeholder=buybox_text(row),
              help=_("you, a seller's name, or none; blank: not checked")),
    ], submit_label=_("Record"))


def csv_form() -> FormScreen:
    def path(text: str) -> Path:
        found = Path(text.strip()).expanduser()
        if not text.strip():
            raise FieldError(_("required"))
        if not found.is_file():
            raise FieldError(_("no such file"))
        return found

    return FormScreen(_("Import watch figures from a CSV"), [
        Field("path", _("CSV file"), path, placeholder=_("~/Downloads/competitors.csv"),
              help=_("columns asin, date and any of rating, reviews, coupon, deal, price, rank, buybox, "
                     "marketplace")),
    ], submit_label=_("Import"))


def thresholds_form(settings) -> FormScreen:
    return settings_form(settings, "watch", labels={
        "price_cut_pct": _("Price cut alert (%)"), "rank_jump_pct": _("Rank jump alert (%)"),
        "alert_days": _("Alerts for (days)")})

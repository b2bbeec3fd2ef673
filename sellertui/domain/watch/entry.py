"""What the API does not give, typed or imported: rating, review count, coupon, deal (and price, rank and
who holds the Buy Box for a shop that is not connected).

One parser per figure, shared by the form, ``sellertui watch record`` and the
CSV import, so all three accept and refuse the same text. A CSV has a header
row naming its columns (any order, any case): ``asin`` and ``date`` are
required, then any of ``rating``, ``reviews``, ``coupon``, ``deal``,
``price``, ``rank``, ``buybox`` and ``marketplace``. An empty coupon or deal
cell means "none"; a column left out means "not known". The file is all or
nothing. The Buy Box owner is "you", a seller's name, or "none"; with a
price on the same day, that price is the Buy Box price (a shopper pays what
the Buy Box asks).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from sellertui.core.i18n import _
from sellertui.core.errors import UserError
from sellertui.domain import fields
from sellertui.domain.watch.snapshots import build, record
from sellertui.domain.watch.watchlist import clean_asin, clean_market

# "nothing here" in a coupon, deal or Buy Box field, and "me" in a Buy Box field (YOU_WORDS), in English or in
# 中文, since the form's placeholder shows a zh-CN user the Chinese words
NONE_WORDS = {"", "none", "no", "-", "—", "n/a", "无", "无人", "没有"}
HEADERS = {"asin": "asin", "date": "day", "day": "day", "rating": "rating", "stars": "rating",
           "reviews": "reviews", "review count": "reviews", "ratings": "reviews", "coupon": "coupon",
           "deal": "deal", "price": "price", "rank": "rank", "sales rank": "rank", "bsr": "rank",
           "marketplace": "marketplace", "market": "marketplace", "buybox": "buybox", "buy box": "buybox",
           "buybox owner": "buybox", "buy box owner": "buybox", "buybox seller": "buybox", "buy box seller": "buybox"}
YOU_WORDS = {"you", "yours", "me", "mine", "us", "own", "ours", "你", "您", "我", "自己", "我们"}
MAX_ROWS = 100_000


def rating(text: str) -> float:
    return round(fields.number(text, 0, 5), 2)


def reviews(text: str) -> int:
    return fields.integer(text, 0)


def rank(text: str) -> int:
    return fields.integer(text.lstrip("#"), 1)


def offer_text(text: str) -> str:
    """A coupon or deal as shown on the page ("10% off", "$2 off", "Lightning Deal"); "none" clears it."""
    value = " ".join(str(text).split())
    if value.lower() in NONE_WORDS:
        return ""
    if len(value) > 40:
        raise fields.FieldError(_("at most 40 characters"))
    return value


def buybox_owner(text: str) -> dict:
    """Who holds the Buy Box, as snapshot fields: you, another seller (by name), or nobody ("none")."""
    value = " ".join(str(text).split())
    if not value:
        raise fields.FieldError(_("you, a seller's name, or none"))
    if value.lower() in YOU_WORDS:
        return {"buybox_seller": None, "buybox_mine": True}
    if value.lower() in NONE_WORDS | {"nobody"}:
        return {"buybox_seller": "", "buybox_mine": False}  # "": nobody holds it (the API's None: not known)
    if len(value) > 60:
        raise fields.FieldError(_("at most 60 characters"))
    return {"buybox_seller": value, "buybox_mine": False}


def values_from_text(raw: dict[str, str], currency: str) -> dict:
    """Parse the typed figures (a key left out or blank: not known; coupon/deal blank: none)."""
    parsers = {"rating": rating, "reviews": reviews, "rank": rank}
    out: dict = {}
    for name, text in raw.items():
        text = "" if text is None else str(text)
        try:
            if name in ("coupon", "deal"):
                out[name] = offer_text(text)
            elif not text.strip():
                continue
            elif name == "price":
                out["price_minor"] = fields.money(text, currency)
                out["currency"] = currency
            elif name in parsers:
                out[name] = parsers[name](text)
            elif name == "buybox":
                out.update(buybox_owner(text))
            else:
                raise fields.FieldError(_("unknown figure {name!r}").format(name=name))
        except fields.FieldError as exc:
            raise fields.FieldError(f"{name}: {exc}") from None
    return with_buybox_price(out)


def with_buybox_price(values: dict) -> dict:
    """A day's price is the Buy Box price when someone holds the Buy Box that day."""
    held = values.get("buybox_mine") or values.get("buybox_seller")
    if held and values.get("price_minor") is not None and values.get("buybox_price_minor") is None:
        return {**values, "buybox_price_minor": values["price_minor"]}
    return values


def record_entry(store, asin: str, market: str, day: date, raw: dict[str, str], currency: str,
                 source: str = "entry") -> dict[str, int]:
    """Record one day's typed figures for a watched ASIN."""
    try:
        values = values_from_text(raw, currency)
    except fields.FieldError as exc:
        raise UserError(str(exc)) from None
    return record_figures(store, asin, market, day, values, source)


def record_figures(store, asin: str, market: str, day: date, values: dict, source: str = "entry") -> dict[str, int]:
    """Record one day's parsed figures (snapshot field names; None: not known) for a watched ASIN."""
    asin, market = clean_asin(asin), clean_market(market)
    values = with_buybox_price({k: v for k, v in values.items() if v is not None})
    if not values or set(values) == {"currency"}:
        raise UserError(_("nothing to record: give a rating, reviews, coupon, deal, price, rank or Buy Box owner"))
    return record(store, [build(market, asin, day, values, source)], f"watch figures for {asin} on {day}")


def read_csv(text: str, default_market: str, currency_of) -> list[dict]:
    """The snapshots a CSV's rows describe; a bad row raises one sentence naming its line."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if not header:
        raise UserError(_("the file is empty: it needs a header row (asin, date, rating, reviews, "
                          "coupon, deal…)"))
    names = [HEADERS.get(" ".join(h.strip().lower().replace("_", " ").split())) for h in header]
    unknown = [h for h, n in zip(header, names) if n is None and h.strip()]
    if unknown:
        raise UserError(_("unknown column(s) {unknown}: the columns are asin, date, rating, reviews, "
                          "coupon, deal, price, rank, buybox, marketplace")
                        .format(unknown=', '.join(unknown)))
    if "asin" not in names or "day" not in names:
        raise UserError(_("the file needs an asin column and a date column"))
    snapshots = []
    for line, cells in enumerate(reader, 2):
        if not any(c.strip() for c in cells):
            continue
        if line > MAX_ROWS:
            raise UserError(_("more than {MAX_ROWS:,} rows: split the file").format(MAX_ROWS=MAX_ROWS))
        row = dict(zip(names, cells + [""] * (len(names) - len(cells))))
        try:
            asin = clean_asin(row.pop("asin"))
            market = clean_market(row.pop("marketplace", "") or default_market)
            day = fields.day(row.pop("day"))
            values = values_from_text(row, currency_of(market))
            if values:
                snapshots.append(build(market, asin, day, values, "csv"))
        except (UserError, fields.FieldError) as exc:
            raise UserError(_("line {line}: {exc}").format(line=line, exc=exc)) from None
    if not snapshots:
        raise UserError(_("no rows with figures in the file"))
    return snapshots


def import_csv(store, path: Path, default_market: str, currency_of) -> dict[str, int]:
    """Import a CSV of watch figures: every row or none."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(_("{path} is not UTF-8 text: save it as CSV UTF-8").format(path=path)) from None
    except OSError as exc:
        raise UserError(_("cannot read {path}: {strerror}").format(path=path, strerror=exc.strerror or exc)) from None
    snapshots = read_csv(text, default_market, currency_of)
    counts = record(store, snapshots, f"imported watch figures from {Path(path).name}")
    return {**counts, "rows": len(snapshots)}

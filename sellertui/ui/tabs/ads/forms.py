"""The Ads forms: edit a proposal, a target, the window, where the bulk file goes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.domain import fields
from sellertui.core.money import fmt
from sellertui.ui.kit.forms import Field, FormScreen


def _amount(minor: int | None, currency: str) -> str:
    return "" if minor is None else fmt(minor, currency, symbol=False, grouping=False)


class NoChoice(ValueError):
    """There is nothing to choose in the form; the message says why."""


def proposal_form(p, campaigns: dict, settings: dict, bid_help: str = "") -> FormScreen:
    """The form for one proposal (NoChoice when there is nothing to choose).

    Saving approves the proposal with the changes; the values are ready for
    ``decisions.save_edit``.
    """
    bid_help = bid_help or _("the rule: target ACoS × sales per click")
    from sellertui.domain.ads.campaigns import destinations
    from sellertui.domain.ads.settings import AdsRules

    rules = AdsRules.from_section(settings)
    low, high = rules.floor_minor(p.currency), rules.ceiling_minor(p.currency)
    money = lambda t: fields.money(t, p.currency)  # noqa: E731

    def bid_check(values: dict) -> dict[str, str]:
        bid = values.get("new_bid_minor")
        if bid is not None and not low <= bid <= high:
            return {"new_bid_minor": _("between the floor {low} and the ceiling {high}").format(
                low=fmt(low, p.currency), high=fmt(high, p.currency))}
        return {}

    if p.kind == "bid":
        form_fields = [Field("new_bid_minor", _("New bid"), money, _amount(p.new_bid_minor, p.currency),
                             help=_("now {current_bid_minor}; the rule says {new_bid_minor}").format(current_bid_minor=fmt(p.current_bid_minor, p.currency), new_bid_minor=fmt(p.new_bid_minor, p.currency)))]
        return FormScreen(_("Bid for '{term}'").format(term=p.term), form_fields, check=bid_check, submit_label=_("Approve"))
    if p.kind == "harvest":
        places = destinations(campaigns, p.is_asin)
        if not places:
            raise NoChoice(_("no manual product-targeting campaign in this window's data to harvest into: create one "
                             "in Amazon first") if p.is_asin else
                           _("no manual exact-match campaign in this window's data to harvest into: create one in "
                             "Amazon first"))
        choices = [(place.label, str(i)) for i, place in enumerate(places)]
        current = next((str(i) for i, place in enumerate(places)
                        if (place.campaign, place.ad_group) == (p.dest_campaign, p.dest_ad_group)), "0")

        def parse_place(index: str) -> dict:
            place = places[int(index)]
            return {"dest_campaign": place.campaign, "dest_campaign_id": place.campaign_id,
                    "dest_ad_group": place.ad_group, "dest_ad_group_id": place.ad_group_id}

        what = _("product-targeting") if p.is_asin else _("exact-match")
        form_fields = [
            Field("place", _("Add to"), parse_place, current, kind="choice", choices=choices,
                  help=_("the {what} ad groups seen in the data").format(what=what)),
            Field("new_bid_minor", _("Bid"), money, _amount(p.new_bid_minor, p.currency), help=bid_help),
        ]

        def harvest_check(values: dict) -> dict[str, str]:
            return bid_check(values)

        return _Flattening(_("Harvest '{term}'").format(term=p.term), form_fields, check=harvest_check, submit_label=_("Approve"))
    if p.is_asin:
        raise NoChoice(_("nothing to change: an ASIN is negated as a product in its own ad group; a approves it"))
    form_fields = [
        Field("negate_level", _("Negate in"), value=p.negate_level, kind="choice",
              choices=[(_("this ad group ({name})").format(name=p.ad_group), "ad_group"),
                       (_("the whole campaign ({name})").format(name=p.campaign), "campaign")]),
        Field("negate_match", _("Match"), value=p.negate_match, kind="choice",
              choices=[(_("negative exact: only this term"), "negativeExact"),
                       (_("negative phrase: every search containing it"), "negativePhrase")]),
    ]
    return FormScreen(_("Negate '{term}'").format(term=p.term), form_fields, submit_label=_("Approve"))


class _Flattening(FormScreen):
    """A form whose dict-valued fields spread into the result (a destination is four values)."""

    def dismiss(self, result=None):  # noqa: D102
        if isinstance(result, dict):
            flat = {}
            for key, value in result.items():
                flat.update(value if isinstance(value, dict) else {key: value})
            result = flat
        return super().dismiss(result)


def _percent(text: str) -> float | None:
    """'25' or '25%' -> 0.25; blank -> None (back to the default)."""
    text = text.strip().rstrip("%").strip()
    if not text:
        return None
    return fields.number(text, low=-99, high=99) / 100


def target_form(row: dict, places: list) -> FormScreen:
    """Target of a campaign (with its SKUs and harvest destination), an ad group or a SKU."""
    shown = "" if row["override"] is None else f"{row['override'] * 100:g}"
    default_help = {"campaign": _("blank: from the SKUs' break-even"), "ad group": _("blank: the campaign's target"),
                    "sku": _("blank: break-even − margin to keep")}[row["kind"]]
    form_fields = [Field("target_acos", _("Target ACoS %"), _percent, shown, help=default_help)]
    if row["kind"] == "campaign":
        form_fields.append(Field("skus", _("SKUs advertised"), lambda t: [s.strip() for s in t.split(",") if s.strip()]
                                 or None, ", ".join(row["skus"] or []),
                                 help=_("comma-separated; blank: guess from the campaign name")))
        choices = [(_("automatic: a manual campaign for the same SKUs"), "auto")] + [(p.label, str(i))
                                                                                   for i, p in enumerate(places)]
        chosen = row["harvest_to"] or {}
        current = next((str(i) for i, p in enumerate(places)
                        if (p.campaign, p.ad_group) == (chosen.get("campaign"), chosen.get("ad_group"))), "auto")
        form_fields.append(Field("harvest_to", _("Harvest into"), lambda i: None if i == "auto" else
                                 {"campaign": places[int(i)].campaign, "ad_group": places[int(i)].ad_group},
                                 current, kind="choice", choices=choices))
    return FormScreen(_("Target: {strip}").format(strip=row['name'].strip(' ›')), form_fields)


def window_form(start: date, end: date) -> FormScreen:
    def check(values: dict) -> dict[str, str]:
        if values["end"] < values["start"]:
            return {"end": _("on or after the start")}
        if (values["end"] - values["start"]).days > 730:
            return {"end": _("at most two years after the start")}
        return {}

    return FormScreen(_("Custom window"), [
        Field("start", _("From"), fields.day, start.isoformat(), help=_("a date like 2026-10-01, or -30")),
        Field("end", _("To"), fields.day, end.isoformat(), help=_("inclusive")),
    ], check=check, submit_label=_("Show"))


def export_form() -> FormScreen:
    default = Path("~") / f"amazon-bulk-{clock.today().isoformat()}.xlsx"

    def parse(text: str) -> str:
        value = fields.text(text, required=True)
        path = Path(value).expanduser()
        if path.suffix.lower() not in (".xlsx", ".csv"):
            raise fields.FieldError(_("ends in .xlsx (Excel) or .csv"))
        if not path.parent.is_dir():
            raise fields.FieldError(_("no folder {parent}").format(parent=path.parent))
        return value

    return FormScreen(_("Export approved changes as a bulk file"), [
        Field("path", _("File"), parse, str(default),
              help=_("upload it in Campaign Manager › Bulk operations; .csv also works")),
    ], submit_label=_("Export"))

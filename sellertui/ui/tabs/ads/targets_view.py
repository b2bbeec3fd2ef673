"""Targets: target ACoS per campaign, ad group and SKU, each with its working; e sets one."""

from __future__ import annotations

from textual.binding import Binding
from rich.text import Text

from sellertui.core.i18n import N_, _, shown
from sellertui.domain.ads.filtering import Field
from sellertui.ui.tabs.ads.base import AdsView, percent
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.table import Column

TARGETS = frozenset({"ad_targets"})


class TargetsView(AdsView):
    TITLE = N_("Targets")
    KEY = "t"
    ROW_KEY = "name"
    EMPTY = N_("No campaigns or products yet.")
    FILTER_HELP = N_("words, or kind:campaign|group|sku from:your target:<25 sku:")
    COLUMNS = [
        Column("name", N_("Campaign › ad group / SKU"), 30),
        Column("target_acos", N_("Target"), 7, "right", percent,
               style=lambda v: "bold red" if v == v and v <= 0 else None),
        Column("break_even", "B/E", 6, "right", percent),
        Column("per_order", N_("Per order"), 9, "right", sort_key="cost_per_order_minor"),
        Column("source", N_("From"), 20, fmt=shown, style=lambda v: "bold" if str(v).startswith("your") else None),
        Column("skus", N_("SKUs"), 28),
        Column("harvest_to", N_("Harvest into"), 28),
    ]
    FIELDS = {"kind": Field("kind"), "from": Field("source"), "sku": Field("skus"), "campaign": Field("campaign"),
              "target": Field("target_acos", N_("percent")), "be": Field("break_even", N_("percent"))}
    WORDS = ["name", "campaign", "skus"]
    BINDINGS = [Binding("e", "edit", N_("Edit target"), id="ads.edit")]

    def compute(self, service, window):
        from sellertui.domain.ads.tables import targets_table

        frame, campaigns = service.targets(window)
        return targets_table(frame), campaigns

    def show_summary(self, frame) -> None:
        line = Text(_("Target ACoS = break-even ACoS − the margin to keep (S), unless you set one (e). "), style="")
        line.append(_("{sum} campaigns · {sum2} set by you").format(sum=int((frame['kind'] == 'campaign').sum()), sum2=int(frame['source'].str.startswith('your').sum())), style="bold")
        self.summary(line)

    def row(self) -> dict | None:
        position = self.table.current_position
        if position is None or self.table.frame is None:
            return None
        return self.table.frame.iloc[position].to_dict()

    def explain(self) -> None:
        row = self.row()
        if row is not None:
            title = _("Target of {kind} {strip}").format(kind=shown(row['kind']), strip=row['name'].strip(' ›'))
            self.app.push_screen(InfoScreen(title, [(_("Target ACoS"), percent(row["target_acos"]) or "—"),
                                                    (_("From"), shown(row["source"]))], list(row["working"])))

    def action_edit(self) -> None:
        from sellertui.domain.ads.campaigns import destinations
        from sellertui.ui.tabs.ads.forms import target_form

        row = self.row()
        if row is None:
            return
        scope = {"campaign": "campaign", "ad group": "ad_group", "sku": "sku"}[row["kind"]]
        record = row["record"] or {}
        places = destinations(self.extra, asin=False) if scope == "campaign" else []
        form = target_form({**row, "override": record.get("target_acos"), "skus": record.get("skus"),
                            "harvest_to": record.get("harvest_to")}, places)
        rev = record.get("_rev")
        self.app.push_screen(form, lambda values: values is not None and self._save(scope, row, values, rev))

    def _save(self, scope: str, row: dict, values: dict, rev: int | None) -> None:
        from sellertui.domain.ads.targets import save_override

        self.save(lambda store: save_override(store, scope, row["campaign"], row["ad_group"], row["sku"], values, rev),
                  _("Saved the target of {strip}").format(strip=row['name'].strip(' ›')), TARGETS)

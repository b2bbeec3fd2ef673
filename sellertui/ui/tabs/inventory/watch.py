"""The competitor watch view: every watched ASIN with its latest figures and alerts.

``n`` watches an ASIN, ``e`` edits whose it is and its label, ``d`` stops
watching (its history is kept), ``a`` records a day's figures (rating,
reviews, coupon, deal), ``I`` imports them from a CSV, ``enter`` (or ``H``)
shows the history charts, ``t`` the alert thresholds.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _, shown
from sellertui import clock
from sellertui.core.markets import market as market_of
from sellertui.core.money import fmt
from sellertui.domain.query import parse, words_mask
from sellertui.domain.watch import watchlist
from sellertui.domain.watch.alerts import WatchSettings
from sellertui.domain.watch.listing import buybox_text, watch_frame, watch_rows
from sellertui.ui.kit.cells import money_cell
from sellertui.ui.kit.dialogs import fact_panel
from sellertui.ui.kit.records_view import RecordsView
from sellertui.ui.kit.settings_form import edit_section
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.inventory import watch_forms


def _pct(value) -> str:
    return "" if abs(value) < 0.5 else f"{value:+.0f}%"


def _change_style(value) -> str | None:
    return "red" if value < 0 else "green" if value > 0 else None


COLUMNS = [
    Column("whose", "", 5, fmt=shown, style=lambda v: "bold" if v == "own" else "dim"),
    Column("label", N_("Product"), 20),
    Column("price_minor", N_("Price"), 9, "right", money_cell(), needs=("currency",)),
    Column("price_change_pct", "Δ", 5, "right", _pct, _change_style),
    Column("buybox", N_("Buy Box"), 10),
    Column("rank", N_("Rank"), 8, "right", lambda v: f"#{int(v):,}"),
    Column("rating", "★", 4, "right", lambda v: f"{v:.1f}"),
    Column("reviews", N_("Reviews"), 7, "right", lambda v: f"{int(v):,}"),
    Column("coupon", N_("Coupon"), 9),
    Column("alerts", N_("Alerts"), 22, style=lambda v: "bold red" if v else None),
    Column("offers", N_("Offers"), 6, "right", lambda v: f"{int(v)}"),
    Column("deal", N_("Deal"), 12),
    Column("asin", N_("ASIN"), 10),
    Column("marketplace", N_("Mkt"), 3),
    Column("day", N_("Last seen"), 10),
]


class WatchView(RecordsView):
    TITLE = N_("Competitor watch")
    KEY = "c"
    NOUN = N_("watched ASIN")
    CHANGES = frozenset({"watchlist", "watch_snapshots"})
    COLUMNS = COLUMNS
    DETAIL_WIDTH = 40
    DETAIL_FROM = 118
    EMPTY = N_("No ASIN watched yet: n adds one (yours or a competitor's); the sync then "
               "snapshots it daily.")
    FILTER_HELP = N_("words (label, ASIN, coupon) · whose:own|rival · alert:yes")
    BINDINGS = [
        Binding("n", "new", N_("Watch ASIN"), id="inventory.watch_new"),
        Binding("e", "edit", N_("Edit"), id="inventory.watch_edit"),
        Binding("d", "delete", N_("Stop watching"), id="inventory.watch_remove"),
        Binding("a", "figures", N_("Record figures"), id="inventory.watch_figures"),
        Binding("I", "import_csv", N_("Import CSV"), id="inventory.watch_import"),
        Binding("t", "watch_thresholds", N_("Alert thresholds"), id="inventory.watch_thresholds"),
        Binding("H", "open", N_("History"), id="inventory.watch_history"),
    ]

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self.rows: dict[str, dict] = {}

    def load(self):
        settings = WatchSettings.from_section(self.ctx.settings.section("watch"))
        rows = watch_rows(self.shop.store, settings, clock.today())
        frame = watch_frame(rows)
        frame.insert(0, "id", frame["key"])
        frame["haystack"] = (frame["label"] + " " + frame["asin"] + " " + frame["coupon"] + " " + frame["deal"]
                             ).str.lower()
        return frame, rows

    def show_loaded(self, loaded) -> None:
        frame, rows = loaded
        self.rows = {r["key"]: r for r in rows}
        self.keep_records([r["_entry"] for r in rows])
        current = self.current_value("id")
        super().show_loaded(frame)
        if current is not None:
            self.select_row("id", current)

    def show_summary(self, frame) -> None:
        line = Text()
        own = int((frame["whose"] == "own").sum())
        line.append(_("{n} watched").format(n=len(frame)), style="bold")
        line.append(_(" · {own} own · {n} competitors").format(own=own, n=len(frame) - own))
        alerted = int((frame["alerts"] != "").sum())
        if alerted:
            line.append(_(" · {alerted} with alerts").format(alerted=alerted), style="bold red")
        self.summary(line)

    def filter(self, frame, query_text: str):
        import numpy as np

        query = parse(query_text, {"whose", "alert"})
        if query.empty:
            return None
        mask = words_mask(frame, query.words)
        whose = query.terms.get("whose", "").lower()
        if whose:
            mask &= frame["whose"].str.startswith(whose).to_numpy()
        if "alert" in query.terms:
            mask &= ((frame["alerts"] != "") == (query.terms["alert"].lower() in ("yes", "y", "1"))).to_numpy()
        return np.flatnonzero(mask)

    # -- the detail ------------------------------------------------------------------
    def chosen_row(self) -> dict | None:
        key = self.current_value("id")
        return None if key is None else self.rows.get(str(key))

    def detail(self, position: int):
        row = self.rows.get(str(self.table.value("id", position)))
        if row is None:
            return ""
        currency = row["currency"] or market_of(row["marketplace"]).currency
        facts = [("ASIN", f"{row['asin']} ({row['marketplace']})"),
                 (_("Whose"), _("yours") if row["own"] else _("competitor")),
                 (_("Last seen"), row["day"] or "—"), (_("Price"), fmt(row["price_minor"], currency)),
                 (_("Buy Box"), f"{buybox_text(row)} {fmt(row['buybox_price_minor'], currency)}"),
                 (_("Offers"), row["offers"] if row["offers"] is not None else "—"),
                 (_("Rank"), f"#{row['rank']:,} {row['rank_category'] or ''}" if row["rank"] else "—"),
                 (_("Rating"), f"{row['rating']} ({row['reviews'] or 0:,})" if row["rating"] is not None else "—"),
                 (_("Coupon"), row["coupon"] or "—"), (_("Deal"), row["deal"] or "—"),
                 (_("History"), _("{n} day(s)").format(n=len(row["history"])))]
        lines = [f"! {a.text}" for a in row["alerts"]] + ([_("Note: {note}").format(note=row["note"])]
                                                          if row["note"] else [])
        return fact_panel(row["label"] or row["asin"], facts, lines)

    # -- editing -------------------------------------------------------------------
    def record_form(self, record: dict | None):
        return watch_forms.entry_form(record, self.ctx.settings.marketplace, {r["asin"] for r in self.records.values()})

    def create(self, store, values: dict):
        return watchlist.add(store, values["asin"], values["marketplace"], values["whose"] == "own", values["label"],
                             values["note"], self.ctx.user)

    def update(self, store, record: dict, values: dict):
        return watchlist.edit(store, record, values["whose"] == "own", values["label"], values["note"])

    def delete(self, store, record: dict):
        return watchlist.remove(store, record["asin"], record["marketplace"])

    def saved_note(self, record, values, result) -> str:
        done = _("Watching {asin}") if record is None else _("Saved {asin}")
        return done.format(asin=result["asin"])

    def deleted_note(self, record, result) -> str:
        return _("Stopped watching {asin}; its history is kept").format(asin=record["asin"])

    def delete_question(self, record: dict) -> str:
        return _("Stop watching {asin} ({label})? Its history is kept.").format(
            asin=record["asin"], label=record.get("label") or record["marketplace"])

    def action_open(self) -> None:
        """The history charts and every day's snapshot (enter or H)."""
        from sellertui.ui.tabs.inventory.watch_history import WatchHistoryScreen

        row = self.chosen_row()
        if row is not None:
            self.app.push_screen(WatchHistoryScreen(row, row["currency"] or market_of(row["marketplace"]).currency))

    def action_figures(self) -> None:
        row = self.chosen_row()
        if row is None:
            return
        from sellertui.domain.watch.entry import record_figures

        currency = market_of(row["marketplace"]).currency

        def done(values: dict | None) -> None:
            if values is None:
                return
            day = values.pop("day")
            values["price_minor"] = values.pop("price")
            values.update(values.pop("buybox") or {})
            values["currency"] = currency if values["price_minor"] is not None else None
            self.save(lambda store: record_figures(store, row["asin"], row["marketplace"], day, values),
                      _("Recorded the figures of {asin} for {day}").format(asin=row['asin'], day=day), self.CHANGES)

        self.app.push_screen(watch_forms.figures_form(row, currency), done)

    def action_import_csv(self) -> None:
        from sellertui.domain.watch.entry import import_csv

        def done(values: dict | None) -> None:
            if values is None:
                return
            self.save(lambda store: import_csv(store, values["path"], self.ctx.settings.marketplace,
                                               lambda code: market_of(code).currency),
                      lambda counts: _("Imported {rows} row(s): {inserted} new day(s), {updated} updated").format(rows=counts['rows'], inserted=counts['inserted'], updated=counts['updated']), self.CHANGES)

        self.app.push_screen(watch_forms.csv_form(), done)

    def action_watch_thresholds(self) -> None:
        edit_section(self.area, "watch", form=watch_forms.thresholds_form(self.ctx.settings))

"""The competitor watch view: every watched ASIN with its latest figures and alerts.

``n`` watches an ASIN, ``e`` edits whose it is and its label, ``d`` stops
watching (its history is kept), ``a`` records a day's figures (rating,
reviews, coupon, deal), ``I`` imports them from a CSV, ``enter`` (or ``H``)
shows the history charts, ``t`` the alert thresholds.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

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
    Column("whose", "", 5, style=lambda v: "bold" if v == "own" else "dim"),
    Column("label", "Product", 20),
    Column("price_minor", "Price", 9, "right", money_cell(), needs=("currency",)),
    Column("price_change_pct", "Δ", 5, "right", _pct, _change_style),
    Column("buybox", "Buy Box", 10),
    Column("rank", "Rank", 8, "right", lambda v: f"#{int(v):,}"),
    Column("rating", "★", 4, "right", lambda v: f"{v:.1f}"),
    Column("reviews", "Reviews", 7, "right", lambda v: f"{int(v):,}"),
    Column("coupon", "Coupon", 9),
    Column("alerts", "Alerts", 22, style=lambda v: "bold red" if v else None),
    Column("offers", "Offers", 6, "right", lambda v: f"{int(v)}"),
    Column("deal", "Deal", 12),
    Column("asin", "ASIN", 10),
    Column("marketplace", "Mkt", 3),
    Column("day", "Last seen", 10),
]


class WatchView(RecordsView):
    TITLE = "Competitor watch"
    KEY = "c"
    NOUN = "watched ASIN"
    CHANGES = frozenset({"watchlist", "watch_snapshots"})
    COLUMNS = COLUMNS
    DETAIL_WIDTH = 40
    DETAIL_FROM = 118
    EMPTY = "No ASIN watched yet: n adds one (yours or a competitor's); the sync then snapshots it daily."
    FILTER_HELP = "words (label, ASIN, coupon) · whose:own|rival · alert:yes"
    BINDINGS = [
        Binding("n", "new", "Watch ASIN", id="inventory.watch_new"),
        Binding("e", "edit", "Edit", id="inventory.watch_edit"),
        Binding("d", "delete", "Stop watching", id="inventory.watch_remove"),
        Binding("a", "figures", "Record figures", id="inventory.watch_figures"),
        Binding("I", "import_csv", "Import CSV", id="inventory.watch_import"),
        Binding("t", "watch_thresholds", "Alert thresholds", id="inventory.watch_thresholds"),
        Binding("H", "open", "History", id="inventory.watch_history"),
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
        line.append(f"{len(frame)} watched", style="bold")
        line.append(f" · {own} own · {len(frame) - own} competitors")
        alerted = int((frame["alerts"] != "").sum())
        if alerted:
            line.append(f" · {alerted} with alerts", style="bold red")
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
        facts = [("ASIN", f"{row['asin']} ({row['marketplace']})"), ("Whose", "yours" if row["own"] else "competitor"),
                 ("Last seen", row["day"] or "—"), ("Price", fmt(row["price_minor"], currency)),
                 ("Buy Box", f"{buybox_text(row)} {fmt(row['buybox_price_minor'], currency)}"),
                 ("Offers", row["offers"] if row["offers"] is not None else "—"),
                 ("Rank", f"#{row['rank']:,} {row['rank_category'] or ''}" if row["rank"] else "—"),
                 ("Rating", f"{row['rating']} ({row['reviews'] or 0:,})" if row["rating"] is not None else "—"),
                 ("Coupon", row["coupon"] or "—"), ("Deal", row["deal"] or "—"),
                 ("History", f"{len(row['history'])} day(s)")]
        lines = [f"! {a.text}" for a in row["alerts"]] + ([f"Note: {row['note']}"] if row["note"] else [])
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
        return f"Watching {result['asin']}" if record is None else f"Saved {result['asin']}"

    def deleted_note(self, record, result) -> str:
        return f"Stopped watching {record['asin']}; its history is kept"

    def delete_question(self, record: dict) -> str:
        return f"Stop watching {record['asin']} ({record.get('label') or record['marketplace']})? Its history is kept."

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
                      f"Recorded the figures of {row['asin']} for {day}", self.CHANGES)

        self.app.push_screen(watch_forms.figures_form(row, currency), done)

    def action_import_csv(self) -> None:
        from sellertui.domain.watch.entry import import_csv

        def done(values: dict | None) -> None:
            if values is None:
                return
            self.save(lambda store: import_csv(store, values["path"], self.ctx.settings.marketplace,
                                               lambda code: market_of(code).currency),
                      lambda counts: f"Imported {counts['rows']} row(s): {counts['inserted']} new day(s), "
                                     f"{counts['updated']} updated", self.CHANGES)

        self.app.push_screen(watch_forms.csv_form(), done)

    def action_watch_thresholds(self) -> None:
        edit_section(self.area, "watch", form=watch_forms.thresholds_form(self.ctx.settings))

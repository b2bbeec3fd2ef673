"""Buyers: their orders, messages and returns side by side; tags, notes and the blacklist."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import work
from textual.binding import Binding

from sellertui.domain.orders import buyers as buyer_rules
from sellertui.domain.query import parse
from sellertui.ui.tabs.orders.forms import blacklist_form, buyer_notes_form, tags_form
from sellertui.ui.tabs.orders.messages import build_messages
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView


class BuyersView(TableView):
    TITLE = "Buyers"
    KEY = "b"
    EMPTY = "No buyers yet: they come with FBM orders and messages."
    FILTER_HELP = "words (name, email, tag), or tag: blacklisted:yes"
    DETAIL_WIDTH = 44
    DETAIL_FROM = 110  # the side panel shows from this terminal width
    COLUMNS = [
        Column("name", "Buyer", 20),
        Column("blacklisted", "⚑", 1, fmt=lambda v: "⚑" if v else "", style=lambda v: "bold red" if v else None),
        Column("orders", "Orders", 6, "right"),
        Column("last_order", "Last order", 10, sort_key="last_key"),
        Column("messages", "Msgs", 4, "right"),
        Column("returns", "Rets", 4, "right"),
        Column("tag_text", "Tags", 18),
        Column("notes", "Notes", 40),
    ]
    BINDINGS = [
        Binding("t", "tags", "Tags", id="buyers.tags"),
        Binding("e", "notes", "Notes", id="buyers.notes"),
        Binding("x", "blacklist", "Blacklist", id="buyers.blacklist"),
    ]

    def on_mount(self) -> None:
        self.table.sort_by = ("last_key", True)

    def load(self):
        import pandas as pd
        from sellertui.domain.orders import table as order_table

        store = self.ctx.store()
        people = store["buyers"].all()
        frame = pd.DataFrame({
            "id": [b["id"] for b in people], "name": [b.get("name") or b["id"] for b in people],
            "email": [b.get("email") or "" for b in people], "blacklisted": [bool(b.get("blacklisted")) for b in people],
            "tag_text": [", ".join(b.get("tags") or []) for b in people], "notes": [b.get("notes") or "" for b in people],
            "_rev": [b.get("_rev") for b in people],
        })
        orders = order_table.orders_frame(self.ctx.frames(), set())
        self._orders = orders[orders["buyer_id"].notna()]
        self._messages = self.ctx.frames().frame("messages", build_messages, version=1)
        self._returns = pd.DataFrame(store["returns"].all())
        counts = self._orders.groupby("buyer_id").agg(orders=("order_id", "nunique"), last_order=("purchase_date", "max"))
        frame = frame.join(counts, on="id")
        frame["orders"] = frame["orders"].fillna(0).astype(int)
        frame["last_key"] = frame["last_order"].fillna("") + "|" + frame["id"]  # no ties: same order every time
        frame["last_order"] = frame["last_order"].fillna("").str.slice(0, 10)
        frame["messages"] = frame["id"].map(self._messages.groupby("buyer_id").size()).fillna(0).astype(int) if len(self._messages) else 0
        frame["returns"] = frame["id"].map(self._returns.groupby("buyer_id").size()).fillna(0).astype(int) \
            if len(self._returns) and "buyer_id" in self._returns else 0
        frame["haystack"] = (frame["name"] + " " + frame["email"] + " " + frame["tag_text"]).str.lower()
        return frame

    def filter(self, frame, text_: str):
        import numpy as np

        query = parse(text_, {"tag", "blacklisted"})
        if query.empty:
            return None
        mask = np.ones(len(frame), dtype=bool)
        for word in query.words:
            mask &= frame["haystack"].str.contains(word, regex=False).to_numpy()
        if "tag" in query.terms:
            mask &= frame["tag_text"].str.lower().str.contains(query.terms["tag"].lower(), regex=False).to_numpy()
        if "blacklisted" in query.terms:
            mask &= frame["blacklisted"].to_numpy() == (query.terms["blacklisted"].lower() in ("yes", "true", "1"))
        return np.flatnonzero(mask)

    def show_summary(self, frame) -> None:
        line = Text()
        line.append(f"{len(frame):,} buyers", style="bold")
        listed = int(frame["blacklisted"].sum()) if len(frame) else 0
        if listed:
            line.append(f" · {listed} blacklisted (their new orders are flagged ⚑)", style="red")
        line.append(" · t tags, e notes, x blacklist, enter history")
        self.summary(line)


    def _buyer(self, position: int | None = None) -> dict | None:
        position = self.table.current_position if position is None else position
        return None if position is None else self.table.row(position)

    def detail(self, position: int):
        buyer = self._buyer(position)
        if not buyer:
            return ""
        return buyer_history(buyer, self._orders, self._messages, self._returns)

    # -- actions ------------------------------------------------------------------
    def action_tags(self) -> None:
        buyer = self._buyer()
        if buyer:
            tags = [t for t in buyer["tag_text"].split(", ") if t]
            self.app.push_screen(tags_form(tags), lambda v: v is not None and self._update(
                buyer, tags=buyer_rules.parse_tags(v["tags"])))

    def action_notes(self) -> None:
        buyer = self._buyer()
        if buyer:
            self.app.push_screen(buyer_notes_form(buyer["notes"]), lambda v: v is not None and self._update(buyer, notes=v["notes"]))

    def action_blacklist(self) -> None:
        buyer = self._buyer()
        if not buyer:
            return
        if buyer["blacklisted"]:
            self._update(buyer, blacklisted=False)
            return

        def done(values: dict | None) -> None:
            if values:
                notes = (buyer["notes"] + "\n" if buyer["notes"] else "") + f"Blacklisted: {values['reason']}"
                self._update(buyer, blacklisted=True, notes=notes)

        self.app.push_screen(blacklist_form(buyer["name"]), done)

    @work(thread=True, exclusive=True, group="buyer-write", exit_on_error=False)
    def _update(self, buyer: dict, **changes) -> None:
        buyer_rules.update_buyer(self.ctx.store(), buyer, **changes)
        self.app.call_from_thread(self._changed, f"Saved {buyer['name']}.")

    def _changed(self, note: str) -> None:
        self.notify(note, timeout=3)
        self.app.broadcast_change(frozenset({"buyers"}), external=False)

    def action_open(self) -> None:
        buyer = self._buyer()
        if buyer:
            from sellertui.ui.kit.dialogs import DetailScreen

            self.app.push_screen(DetailScreen(buyer["name"], buyer_history(buyer, self._orders, self._messages, self._returns)))


def buyer_history(buyer: dict, orders, messages, returns) -> Group:
    head = Text()
    head.append(plain(buyer["name"]), style="bold")
    if buyer.get("blacklisted"):
        head.append("  ⚑ blacklisted", style="bold red")
    parts: list = [head, text(buyer.get("email") or "", "dim")]
    if buyer.get("tag_text"):
        parts.append(text(f"tags: {buyer['tag_text']}"))
    if buyer.get("notes"):
        parts.append(text(buyer["notes"], "italic"))
    mine = orders[orders["buyer_id"] == buyer["id"]].sort_values("purchase_date", ascending=False)
    parts.append(Text(f"\nOrders ({mine['order_id'].nunique()})", style="bold underline"))
    for row in mine.head(15).itertuples():
        parts.append(text(f"{row.purchase_date[:10]}  {row.order_id}  {row.status}  {row.sku} ×{row.quantity}"))
    if len(messages):
        said = messages[messages["buyer_id"] == buyer["id"]].sort_values("received_at", ascending=False)
        parts.append(Text(f"\nMessages ({len(said)})", style="bold underline"))
        for row in said.head(10).itertuples():
            parts.append(text(f"{str(row.received_at)[:10]}  {row.status}  {str(row.text)[:60]}"))
    if len(returns) and "buyer_id" in returns:
        back = returns[returns["buyer_id"] == buyer["id"]]
        parts.append(Text(f"\nReturns ({len(back)})", style="bold underline"))
        for row in back.itertuples():
            parts.append(text(f"{str(row.requested_at)[:10]}  {row.order_id}  {row.sku}  {row.status}  {row.reason}"))
    return Group(*parts)

"""Buyers: their orders, messages and returns side by side; tags, notes and the blacklist."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui.domain.orders import buyers as buyer_rules
from sellertui.domain.orders.buyer_list import BuyerList, buyer_list, filter_buyers
from sellertui.ui.kit.dialogs import DetailScreen
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.tabs.orders.forms import blacklist_form, buyer_notes_form, tags_form


class BuyersView(TableView):
    TITLE = N_("Buyers")
    KEY = "b"
    TODAY_KEY = "buyer:{id}"
    TODAY_DONE = frozenset({"buyers"})
    EMPTY = N_("No buyers yet: they come with FBM orders and messages.")
    FILTER_HELP = N_("words (name, email, tag), or tag: blacklisted:yes")
    DETAIL_WIDTH = 44
    DETAIL_FROM = 110  # the side panel shows from this terminal width
    COLUMNS = [
        Column("name", N_("Buyer"), 20),
        Column("blacklisted", "⚑", 1, fmt=lambda v: "⚑" if v else "", style=lambda v: "bold red" if v else None),
        Column("orders", N_("Orders"), 6, "right"),
        Column("last_order", N_("Last order"), 10, sort_key="last_key"),
        Column("messages", N_("Msgs"), 4, "right"),
        Column("returns", N_("Rets"), 4, "right"),
        Column("tag_text", N_("Tags"), 18),
        Column("notes", N_("Notes"), 40),
    ]
    BINDINGS = [
        Binding("t", "tags", N_("Tags"), id="buyers.tags"),
        Binding("e", "notes", N_("Notes"), id="buyers.notes"),
        Binding("x", "blacklist", N_("Blacklist"), id="buyers.blacklist"),
    ]

    def on_mount(self) -> None:
        self.table.sort_by = ("last_key", True)

    def load(self) -> BuyerList:
        return buyer_list(self.shop)

    def show_loaded(self, listing: BuyerList) -> None:
        self.listing = listing
        super().show_loaded(listing.buyers)

    def filter(self, frame, text_: str):
        return filter_buyers(frame, text_)

    def show_summary(self, frame) -> None:
        line = Text()
        line.append(_("{n:,} buyers").format(n=len(frame)), style="bold")
        listed = int(frame["blacklisted"].sum()) if len(frame) else 0
        if listed:
            line.append(_(" · {listed} blacklisted (their new orders are flagged ⚑)").format(listed=listed), style="red")
        line.append(_(" · enter: their history"))
        self.summary(line)

    def _buyer(self, position: int | None = None) -> dict | None:
        position = self.table.current_position if position is None else position
        return None if position is None else self.table.row(position)

    def detail(self, position: int):
        buyer = self._buyer(position)
        if not buyer:
            return ""
        return buyer_history(buyer, self.listing)

    # -- actions ------------------------------------------------------------------
    def action_tags(self) -> None:
        buyer = self._buyer()
        if buyer:
            tags = [t for t in buyer["tag_text"].split(", ") if t]
            self.app.push_screen(tags_form(tags), lambda v: v is not None and self._save_tags(buyer, v["tags"]))

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
                notes = (buyer["notes"] + "\n" if buyer["notes"] else "") + _("Blacklisted: {reason}").format(reason=values["reason"])
                self._update(buyer, blacklisted=True, notes=notes)

        self.app.push_screen(blacklist_form(buyer["name"]), done)

    def _save_tags(self, buyer: dict, typed: str) -> None:
        # parsed with the write: a tag that is too long is refused like any write ("Not saved: ...")
        self.save(lambda store: buyer_rules.update_buyer(store, buyer, tags=buyer_rules.parse_tags(typed)),
                  _("Saved {name}.").format(name=buyer['name']), {"buyers"})

    def _update(self, buyer: dict, **changes) -> None:
        self.save(lambda store: buyer_rules.update_buyer(store, buyer, **changes), _("Saved {name}.")
                                                                                       .format(name=buyer['name']), {"buyers"})

    def action_open(self) -> None:
        buyer = self._buyer()
        if buyer:
            self.app.push_screen(DetailScreen(buyer["name"], buyer_history(buyer, self.listing)))


def buyer_history(buyer: dict, listing: BuyerList) -> Group:
    """The buyer's card: tags and notes, then their latest orders, messages and returns."""
    orders, messages, returns = listing.orders, listing.messages, listing.returns
    head = Text()
    head.append(plain(buyer["name"]), style="bold")
    if buyer.get("blacklisted"):
        head.append(_("  ⚑ blacklisted"), style="bold red")
    parts: list = [head, text(buyer.get("email") or "", "dim")]
    if buyer.get("tag_text"):
        parts.append(text(_("tags: {tags}").format(tags=buyer["tag_text"])))
    if buyer.get("notes"):
        parts.append(text(buyer["notes"], "italic"))
    mine = orders[orders["buyer_id"] == buyer["id"]].sort_values("purchase_date", ascending=False)
    parts.append(Text(_("\nOrders ({nunique})").format(nunique=mine['order_id'].nunique()), style="bold underline"))
    for row in mine.head(15).itertuples():
        parts.append(text(f"{row.purchase_date[:10]}  {row.order_id}  {row.status}  {row.sku} ×{row.quantity}"))
    if len(messages):
        said = messages[messages["buyer_id"] == buyer["id"]].sort_values("received_at", ascending=False)
        parts.append(Text(_("\nMessages ({n})").format(n=len(said)), style="bold underline"))
        for row in said.head(10).itertuples():
            parts.append(text(f"{str(row.received_at)[:10]}  {row.status}  {str(row.text)[:60]}"))
    if len(returns) and "buyer_id" in returns:
        back = returns[returns["buyer_id"] == buyer["id"]]
        parts.append(Text(_("\nReturns ({n})").format(n=len(back)), style="bold underline"))
        for row in back.itertuples():
            parts.append(text(f"{str(row.requested_at)[:10]}  {row.order_id}  {row.sku}  {row.status}  {row.reason}"))
    return Group(*parts)

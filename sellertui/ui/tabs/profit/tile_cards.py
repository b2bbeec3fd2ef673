"""The Overview's tiles as tiles: each period's net profit large, its change against the period before beside
it, sales, orders and margin below. ←/→ move between them; enter (or w) shows how the tile adds up."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Digits, Static

from sellertui.core.i18n import N_, _
from sellertui.ui.kit.safe import plain

BIG_FROM = (110, 30)  # columns and rows from which the figure is drawn in big digits
# a tile's name where its full one does not fit its border (at 80 columns a tile has 10 columns for it)
SHORT_TITLES = {"today": N_("Today"), "yesterday": N_("Yesterday"), "mtd": N_("This month"),
                "forecast": N_("Forecast"), "last_month": N_("Last month")}


def short_money(symbol: str, digits: int = 3):
    """A major amount in ``digits`` significant figures: $1.23k, $45.6k (chart axes; 2 for the big digits)."""
    def fmt(value: float) -> str:
        sign = "-" if value < 0 else ""
        value = abs(value)
        for limit, suffix in ((1e6, "M"), (1e3, "k")):
            if value >= limit:
                return f"{sign}{symbol}{value / limit:.{digits}g}{suffix}"
        return f"{sign}{symbol}{value:.0f}"

    return fmt


def change_text(change: float | None, vs: str) -> Text:
    """"▲ 12%" in green, "▼ 8%" in red, "—" when there is nothing to compare; then "vs Oct" below."""
    out = Text(no_wrap=True, overflow="ellipsis")
    if change is None:
        out.append("—", style="dim")
    else:
        up = change >= 0
        shown = f"{abs(change):.0%}" if abs(change) < 10 else f"×{abs(change) + (1 if up else -1):.0f}"
        out.append(f"{'▲' if up else '▼'} {shown}", style="bold green" if up else "bold red")
    out.append(f"\n{vs}", style="dim")
    return out


def tile_titles(tiles, room: int) -> list[tuple[str, bool]]:
    """Each tile's border title and whether its ~ (estimated) goes on the figure instead, alike for all five:
    the full names where they all fit in ``room`` columns, else the short ones, with their ~ where it fits."""
    def mark(tile) -> str:
        return "~ " if tile.estimated else ""

    for names in ([_(t.title) for t in tiles], [_(SHORT_TITLES.get(t.key, t.title)) for t in tiles]):
        titled = [mark(t) + name for t, name in zip(tiles, names)]
        if all(len(title) <= room for title in titled):
            return [(title, False) for title in titled]
    return [(name, t.estimated) for t, name in zip(tiles, names)]


class TileCard(Vertical):
    """One tile; the row around it holds the keyboard (one focusable widget per view, as a table is)."""

    DEFAULT_CSS = """
    TileCard { width: 1fr; height: auto; border: round $panel; padding: 0 1; }
    TileRow:focus > TileCard.-selected { border: round $accent; }
    TileCard.-selected { border: round $foreground 40%; }
    TileCard Static { text-wrap: nowrap; text-overflow: ellipsis; }
    TileCard .big-row .change { text-wrap: wrap; }
    TileCard .big-row { height: auto; display: none; }
    TileCard.big .big-row { display: block; }
    TileCard.big .figure-text { display: none; }
    TileCard Digits { width: auto; }
    TileCard .big-row .change { width: 1fr; padding: 0 0 0 1; }
    TileCard .figure-text { text-style: bold; }
    TileCard .details { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(classes="big-row"):  # wide and tall: the figure in big digits, the change beside
            yield Digits("")
            yield Static("", classes="change")
        yield Static("", classes="figure-text")  # else: the figure in bold, the change below it
        yield Static("", classes="details")

    def show(self, tile, money, short, big: bool, title: str, marked: bool) -> None:
        """``money`` formats minor units in full, ``short`` compactly ($12.3k); ``marked``: the ~ of an estimate
        goes on the figure (the title had no room for it)."""
        self.border_title = plain(title)
        self.tooltip = _(tile.title)
        self.set_class(big, "big")
        change = change_text(tile.change("net"), tile.vs)
        self.query_one(Digits).update(short(tile.net, digits=2))
        self.query_one(".change", Static).update(change)
        estimate = "~" if marked else ""
        figure = Text(estimate + money(tile.net), style="bold red" if tile.net < 0 else "bold")
        self.query_one(".figure-text", Static).update(Text.assemble(figure, "\n", change))
        margin = "—" if tile.margin is None else f"{tile.margin:.0%}"
        if big:
            details = _("margin {margin}\nsales {sales}\n{orders} orders\nads {ads}").format(
                margin=margin, sales=money(tile.sales), orders=f"{tile.orders:,}", ads=money(tile.ads))
        else:  # 12 columns at 80: the short forms
            details = _("margin {margin}\nsales {sales}").format(margin=margin, sales=short(tile.sales))
        self.query_one(".details", Static).update(Text(details))



class TileRow(Horizontal, can_focus=True):
    """The five tiles; ←/→ pick one, enter (or the view's w) shows how it adds up."""

    HELP_TITLE = N_("Tiles")
    DEFAULT_CSS = "TileRow { height: auto; }"
    BINDINGS = [
        Binding("left", "step(-1)", N_("Tile left"), show=False, id="tiles.left"),
        Binding("right", "step(1)", N_("Tile right"), show=False, id="tiles.right"),
        Binding("enter", "choose", N_("Open"), id="tiles.open"),
    ]
    selected = reactive(0)

    class Chosen(Message):
        """enter on a tile: show how it adds up."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def compose(self) -> ComposeResult:
        for index in range(5):
            yield TileCard(id=f"tile-{index}", classes="-selected" if index == 0 else "")

    @property
    def cards(self) -> list[TileCard]:
        return list(self.query(TileCard))

    def watch_selected(self, selected: int) -> None:
        for index, card in enumerate(self.cards):
            card.set_class(index == selected, "-selected")

    def action_step(self, step: int) -> None:
        self.selected = max(0, min(self.selected + step, len(self.cards) - 1))

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self.selected))

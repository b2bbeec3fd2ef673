"""The Overview's tiles as tiles: each period's net profit large, its change against the period before beside
it, sales, orders and margin below. ←/→ move between them; enter (or w) shows how the tile adds up."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Digits, Static

from sellertui.ui.kit.safe import plain

BIG_FROM = (110, 30)  # columns and rows from which the figure is drawn in big digits


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


class TileCard(Vertical, can_focus=True):
    HELP_TITLE = "Tiles"
    DEFAULT_CSS = """
    TileCard { width: 1fr; height: auto; border: round $panel; padding: 0 1; }
    TileCard:focus { border: round $accent; }
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
    BINDINGS = [
        Binding("left", "step(-1)", "Tile left", show=False, id="tiles.left"),
        Binding("right", "step(1)", "Tile right", show=False, id="tiles.right"),
        Binding("enter", "choose", "Open", id="tiles.open"),
    ]

    class Chosen(Message):
        """enter on a tile: show how it adds up."""

        def __init__(self, card: "TileCard") -> None:
            self.card = card
            super().__init__()

    def __init__(self, index: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.index = index

    def compose(self) -> ComposeResult:
        with Horizontal(classes="big-row"):  # wide and tall: the figure in big digits, the change beside
            yield Digits("")
            yield Static("", classes="change")
        yield Static("", classes="figure-text")  # else: the figure in bold, the change below it
        yield Static("", classes="details")

    def show(self, tile, money, short, big: bool) -> None:
        """``money`` formats minor units in full, ``short`` compactly ($12.3k)."""
        self.border_title = plain(("~ " if tile.estimated else "") + tile.title)
        self.set_class(big, "big")
        change = change_text(tile.change("net"), tile.vs)
        self.query_one(Digits).update(short(tile.net, digits=2))
        self.query_one(".change", Static).update(change)
        figure = Text(money(tile.net), style="bold red" if tile.net < 0 else "bold")
        self.query_one(".figure-text", Static).update(Text.assemble(figure, "\n", change))
        margin = "—" if tile.margin is None else f"{tile.margin:.0%}"
        if big:
            details = f"margin {margin}\nsales {money(tile.sales)}\n{tile.orders:,} orders\nads {money(tile.ads)}"
        else:  # 12 columns at 80: the short forms
            details = f"margin {margin}\nsales {short(tile.sales)}"
        self.query_one(".details", Static).update(Text(details))

    def action_step(self, step: int) -> None:
        cards = list(self.parent.query(TileCard)) if self.parent else []
        target = self.index + step
        if 0 <= target < len(cards):
            cards[target].focus()

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self))

"""The shop switcher (O, or "App: switch shop" in the palette): pick one of the shops config.toml lists.

Dismisses with the chosen shop's name (None: stay). The app then closes this
shop and opens the chosen one, as `sellertui --shop NAME` would.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sellertui.ui.kit.safe import content, plain
from sellertui.core.i18n import N_, _
from sellertui.core.cells import pad


BINDINGS = [Binding("O", "switch_shop", N_("Switch shop"), show=False, id="app.switch_shop")]


class ShopSwitching:
    """The app's side: O (or the palette) opens the switcher; the chosen shop opens once this app has
    closed (``cli.run_app`` runs the app again on it)."""

    switch_to: str | None = None

    def action_switch_shop(self) -> None:
        def where(entry) -> str:
            return self.ctx.where if entry.name == self.ctx.shop_name else entry.where

        def chosen(name: str | None) -> None:
            if name:
                self.switch_to = name
                self.exit()

        shops = [(e.name, where(e)) for e in self.ctx.listing]
        self.push_screen(ShopSwitcher(shops, self.ctx.shop_name), chosen)


class ShopSwitcher(ModalScreen[str | None]):
    DEFAULT_CSS = """
    ShopSwitcher { align: center middle; }
    ShopSwitcher > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 1 2;
    }
    ShopSwitcher .lead { text-style: bold; }
    ShopSwitcher OptionList { height: auto; max-height: 14; margin-top: 1; border: none; }
    ShopSwitcher .hint { margin-top: 1; color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "stay", N_("Stay"), id="switcher.stay")]

    def __init__(self, shops: list[tuple[str, str]], current: str) -> None:
        """``shops``: (name, where its store is), in config.toml's order."""
        super().__init__()
        self.shops, self.current = shops, current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Switch shop"), classes="lead")
            options = []
            for name, where in self.shops:
                line = Text(no_wrap=True, overflow="ellipsis")
                line.append("● " if name == self.current else "  ", style="green")
                line.append(pad(plain(name), 16), style="bold")
                line.append(plain(where), style="dim")
                options.append(Option(line, id=name))
            yield OptionList(*options)
            hint = _("enter opens the shop, esc stays here.")
            if len(self.shops) == 1:
                hint = _("Only this shop is listed. Add another to config.toml as [shops.NAME] with "
                         "store = \"postgresql://…\" or data_dir = \"…\".") + " " + hint
            yield Static(content(hint), classes="hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        options.highlighted = next((i for i, (name, _where) in enumerate(self.shops) if name == self.current), 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(None if event.option.id == self.current else event.option.id)

    def action_stay(self) -> None:
        self.dismiss(None)

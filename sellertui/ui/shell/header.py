"""The one-line header: shop, user, how fresh the Seller Central data is, store path, outside changes."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from sellertui.ui.kit.safe import plain
from sellertui.core.cells import cell_len
from sellertui.core.i18n import _


def short_path(path: Path | str, width: int) -> str:
    text = str(path)
    home = str(Path.home())
    if text.startswith(home + "/"):
        text = "~" + text[len(home):]
    if cell_len(text) > width:  # keep the end, the part that names the shop; count cells, not characters
        while text and cell_len(text) > width - 1:
            text = text[1:]
        text = "…" + text
    return text


class ShopHeader(Widget):
    DEFAULT_CSS = """
    ShopHeader {
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    shop = reactive("")
    user = reactive("")
    store_path: reactive[Path | str | None] = reactive(None)  # a folder, or a database URL (no password)
    outside_change = reactive("")  # e.g. "changed by another process at 09:14"
    sync = reactive("")  # e.g. "synced 7 min ago · 2 new orders · 1 settlement" ("" when not connected)
    sync_problem = reactive(False)  # a stream failed, the credentials were refused, a confirmation refused
    unreachable = reactive(False)  # the database server does not answer (the poller keeps asking)

    def render(self) -> Text:
        # Text objects never interpret markup, so a shop called "[red]x" shows as typed.
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(plain(self.shop or "sellertui"), style="bold")
        text.append("  ·  ")
        text.append(plain(self.user))
        if self.sync:
            text.append("  ·  ")
            text.append(plain(self.sync), style="bold red" if self.sync_problem else "")
        marker = _("database unreachable") if self.unreachable else self.outside_change
        room = self.size.width - text.cell_len - (cell_len(marker) + 5 if marker else 0) - 5
        if self.store_path is not None and room > 12:
            text.append("  ·  ")
            text.append(plain(short_path(self.store_path, room)), style="dim")
        if marker:
            text.append("  ")
            text.append(f" ⟳ {plain(marker)} ", style="bold red reverse" if self.unreachable else "reverse")
        return text

"""The language, switched live: `f2` or "App: language 简体中文 / English" in the palette.

Text marked ``N_`` (key descriptions, tab titles, column headings) is translated
where it is shown, and text written by ``compose`` in the language of its day:
so the main screen is composed again, the open tab kept, the header's state
carried over, and the choice saved in config.toml (``language``) for next time.
"""

from __future__ import annotations

from textual.compose import compose
from textual.binding import Binding

from sellertui.core.i18n import N_, language, set_language

BINDINGS = [Binding("f2", "switch_language", N_("Language: 简体中文 / English"), show=False, id="app.language")]
HEADER_STATE = ("shop", "user", "store_path", "outside_change", "sync", "sync_problem", "unreachable")


def other_language(code: str) -> str:
    return "en" if code == "zh-CN" else "zh-CN"


class LanguageShell:
    async def action_switch_language(self, code: str = "") -> None:
        chosen = set_language(code or other_language(language()))
        self.ctx.settings.language = chosen
        self._save_setting("language", chosen)
        await self.relabel()

    async def relabel(self) -> None:
        """Compose the main screen again in the language now chosen, on the tab that was open."""
        from textual.widgets import TabbedContent

        from sellertui.ui.shell.header import ShopHeader

        base = self.screen_stack[0]
        header = base.query(ShopHeader).first(ShopHeader) if base.query(ShopHeader) else None
        state = {name: getattr(header, name) for name in HEADER_STATE} if header else {}
        tabs = base.query(TabbedContent)
        active = tabs.first().active if tabs else ""
        async with base.batch():
            await base.query_children().exclude(".-textual-system").remove()
            await base.mount_all(compose(self))
        for name, value in state.items():
            setattr(base.query_one(ShopHeader), name, value)
        if active:
            base.query_one(TabbedContent).active = active
            await self.area(active.removeprefix("tab-"))
        self.on_resize()
        self.refresh_bindings()

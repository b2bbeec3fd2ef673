"""The footer, in the language shown now.

Key descriptions are written once, as class attributes (``Binding(…, N_("Filter"))``),
before any language is chosen, and the language can change while the app runs:
so they are translated here, where they are displayed, each time the footer is
composed. Textual's footer lays the keys out; this only translates what it yields.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

from sellertui.core.i18n import _


class ShellFooter(Footer):
    _recompose_planned = False

    def bindings_changed(self, screen) -> None:
        # Textual's footer recomposes once per change of bindings, and a tab switch makes two or more in a
        # row (focus leaves, a pane hides, focus lands): each rebuilds and restyles every key. One
        # recompose after the refresh shows the same keys, read when it runs.
        self._bindings_ready = True
        if not screen.app.app_focus or self._recompose_planned:
            return
        if self.is_attached and screen is self.screen:
            self._recompose_planned = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_planned = False
        await self.recompose()

    def compose(self):
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str) and widget.tooltip:
                    widget.tooltip = _(widget.tooltip)
            elif isinstance(widget, FooterLabel) and isinstance(widget.content, str):
                widget.update(_(widget.content))
            yield widget

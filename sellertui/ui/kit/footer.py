"""The footer, in the language shown now.

Key descriptions are written once, as class attributes (``Binding(…, N_("Filter"))``),
before any language is chosen, and the language can change while the app runs:
so they are translated here, where they are displayed, each time the footer is
composed. Textual's footer lays the keys out; this only translates what it yields.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

from sellertui.core.i18n import _, language


class ShellFooter(Footer):
    def bindings_changed(self, screen) -> None:
        # Textual's footer recomposes (every key rebuilt and restyled) once per change of bindings, and a tab
        # switch makes several in a row (focus leaves, a pane hides, focus lands). Each change still asks for a
        # recompose after the refresh, as Textual's does (one may be dropped with a screen popped first), but
        # it recomposes only when the keys it would show differ from those on screen: the first to run after
        # the latest change does it, the rest find the keys shown.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    _shown: tuple | None = None  # what the keys on screen were composed from

    async def _recompose_if_changed(self) -> None:
        if self._keys() != self._shown:
            await self.recompose()

    def _keys(self) -> tuple:
        """What the keys are composed from: the screen's bindings (each enabled or not, its tooltip), in the
        language shown."""
        return language(), tuple((binding.key, binding.action, binding.description,
                                  binding.tooltip, binding.show, id(binding.group), enabled, tooltip)
                                 for _node, binding, enabled, tooltip in self.screen.active_bindings.values())

    def compose(self):
        if self._bindings_ready:
            self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str) and widget.tooltip:
                    widget.tooltip = _(widget.tooltip)
            elif isinstance(widget, FooterLabel) and isinstance(widget.content, str):
                widget.update(_(widget.content))
            yield widget

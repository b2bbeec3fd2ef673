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
    def compose(self):
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str) and widget.tooltip:
                    widget.tooltip = _(widget.tooltip)
            elif isinstance(widget, FooterLabel) and isinstance(widget.content, str):
                widget.update(_(widget.content))
            yield widget

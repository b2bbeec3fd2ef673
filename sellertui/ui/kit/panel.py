"""A side panel that is never out of reach: beside the main widget where it fits, a bottom drawer below that.

Nothing the wide layout shows may be unreachable at 80×24 (an order's detail,
the product notes beside a message, Today's "where your time goes"). One key,
the same everywhere (``D``, id ``panel.toggle``): where the panel fits beside,
it hides or shows it; where it does not, it opens or closes it as a drawer
across the bottom. Until the user presses it, the panel shows exactly where it
fits.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from textual.binding import Binding
from textual.widget import Widget

DRAWER_HEIGHT = "45%"  # of the holder: the list above keeps the cursor's neighbourhood in view


def panel_binding(description: str = N_("Panel")) -> Binding:
    return Binding("D", "toggle_panel", description, id="panel.toggle")


class SidePanel:
    """Where one panel goes: beside its container's main widget from ``wide_from`` columns on, else a drawer."""

    def __init__(self, width: int, wide_from: int = 0) -> None:
        self.width = width
        self.wide_from = wide_from
        self.wanted: bool | None = None  # the user's choice (D); None: shown exactly where it fits beside

    def fits(self, screen_width: int) -> bool:
        return screen_width >= self.wide_from

    def shown(self, screen_width: int) -> bool:
        return self.fits(screen_width) if self.wanted is None else self.wanted

    def toggle(self, screen_width: int) -> bool:
        """Flip it; returns whether it now shows."""
        self.wanted = not self.shown(screen_width)
        return self.wanted

    def fit(self, container: Widget, panel: Widget, screen_width: int) -> bool:
        """Lay ``panel`` out beside (wide) or across the bottom (narrow); returns whether it shows."""
        beside = self.fits(screen_width)
        container.styles.layout = "horizontal" if beside else "vertical"
        panel.styles.width = self.width if beside else "100%"
        panel.styles.height = "1fr" if beside else DRAWER_HEIGHT
        panel.set_class(beside, "panel-beside")  # app.tcss draws the border on the side it faces the list
        panel.set_class(not beside, "panel-drawer")
        panel.display = self.shown(screen_width)
        return bool(panel.display)


class PanelHolder:
    """For a widget with one side panel: ``panel`` says where it goes, ``panel_widget`` which widget it is.

    The panel is fitted on every resize and toggled with ``D``; ``panel_fitted`` hears whether it shows
    (the calendar shows its one-line agenda instead).
    """

    panel: SidePanel | None = None  # None: this one has no panel (a table view without a detail)

    def panel_widget(self) -> Widget:
        raise TypeError(f"{type(self).__name__} must say which widget is its panel")

    def panel_fitted(self, shown: bool) -> None:
        """The panel was laid out (``shown``: it is on screen)."""

    def fit_panel(self) -> bool:
        widget = self.panel_widget()
        shown = self.panel.fit(widget.parent, widget, self.app.size.width)
        self.panel_fitted(shown)
        return shown

    def on_resize(self) -> None:
        if self.panel is not None:
            self.fit_panel()

    def action_toggle_panel(self) -> None:
        if self.panel is not None:
            self.panel.toggle(self.app.size.width)
            self.fit_panel()

"""A calendar picker for date fields: dates are typed, the picker only helps.

``DatePickerScreen`` is a small month grid (events shaded) that returns the
chosen date, or None on esc. ``DateFormScreen`` is a ``FormScreen`` whose date
fields open it with ctrl+o and take the chosen date as typed text.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.domain.fields import FieldError, day as parse_day
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.tabs.promotions.grid import GridData, MonthGrid

PICK_KEY = "ctrl+o"
HINT = "ctrl+o: calendar"


class DatePickerScreen(ModalScreen[date | None]):
    DEFAULT_CSS = """
    DatePickerScreen { align: center middle; }
    DatePickerScreen > Vertical {
        width: 45; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    DatePickerScreen MonthGrid { height: 8; min-height: 8; }
    DatePickerScreen .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Cancel"), id="datepicker.cancel"),
        Binding("t", "today", N_("Today"), id="datepicker.today"),
    ]

    def __init__(self, day: date, events: list[dict] | None = None, title: str = "Pick a date") -> None:
        super().__init__()
        self.day = day
        self.events = events or []
        self.picker_title = title

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.picker_title
            yield MonthGrid(self.day, GridData(events=self.events), today=clock.today(), id="picker-grid")
            yield Static(_("←→ day · ↑↓ week · pgup/pgdn month · t today · enter pick · esc cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(MonthGrid).focus()

    def action_today(self) -> None:
        self.query_one(MonthGrid).cursor = clock.today()

    @on(MonthGrid.DayChosen)
    def _chosen(self, event: MonthGrid.DayChosen) -> None:
        event.stop()
        self.dismiss(event.day)


class DateFormScreen(FormScreen):
    """A form whose date fields (``date_fields``) open the calendar picker with ctrl+o."""

    BINDINGS = [Binding(PICK_KEY, "pick_date", N_("Calendar"), id="form.pick_date")]

    def __init__(self, title: str, fields: list[Field], check=None, submit_label: str = "Save",
                 date_fields: tuple[str, ...] = (), events: list[dict] | None = None, focus: str | None = None) -> None:
        super().__init__(title, fields, check=check, submit_label=submit_label, focus=focus)
        self.date_fields = date_fields
        self.events = events or []

    def action_pick_date(self) -> None:
        focused = self.focused
        name = (focused.id or "").removeprefix("field-") if isinstance(focused, Input) else ""
        if name not in self.date_fields:
            name = self.date_fields[0] if self.date_fields else ""
            if not name:
                return
            focused = self.query_one(f"#field-{name}", Input)
        try:
            current = parse_day(focused.value) if focused.value.strip() else clock.today()
        except FieldError:
            current = clock.today()
        label = next((f.label for f in self.fields if f.name == name), "date")

        def picked(day: date | None) -> None:
            if day is not None:
                focused.value = day.isoformat()
                focused.focus()

        self.app.push_screen(DatePickerScreen(current, self.events, f"Pick: {label}"), picked)

"""Which days does a report without dates cover? Asked when its file name carries no range.

Seller Central names a Business Report by the day it was downloaded, so the
name cannot say which days the sessions and sales belong to. The question
offers the last full month before the download and the 30 days up to it (the
first is focused: enter takes it), or any days typed as ``START..END``.
Dismisses with the period as ``START..END``, or None.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from sellertui.ui.kit.safe import text
from sellertui.core.i18n import N_, _

OTHER = "other"


class PeriodQuestion(ModalScreen[str | None]):
    DEFAULT_CSS = """
    PeriodQuestion { align: center middle; }
    PeriodQuestion > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    PeriodQuestion OptionList { height: auto; max-height: 6; margin-top: 1; }
    PeriodQuestion #other-days { margin-top: 1; }
    PeriodQuestion #period-hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="import.period_cancel")]

    def __init__(self, file: str, label: str, saved: date | None) -> None:
        super().__init__()
        self.file, self.label, self.saved = file, label, saved

    def compose(self) -> ComposeResult:
        from sellertui import clock
        from sellertui.importers.period import choices

        self.offered = choices(self.saved or clock.today())
        saved = " " + _("It was downloaded on {day}.").format(day=f"{self.saved:%Y-%m-%d}") if self.saved else ""
        with Vertical() as box:
            box.border_title = _("Which days does it cover?")
            yield Static(text(_("{file} is {kind}: it has no dates, and its name does not say which days it "
                                "covers.").format(file=self.file, kind=_(self.label)) + saved))
            yield OptionList(*[Option(f"{label}  {start}..{end}", id=str(i))
                               for i, (label, start, end) in enumerate(self.offered)],
                             Option(_("other days…"), id=OTHER), id="period-choices")
            yield Input(placeholder=_("START..END, e.g. 2025-09-01..2025-09-30"), id="other-days")
            yield Static(_("enter: use these days · esc: cancel"), id="period-hint")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == OTHER:
            self.query_one("#other-days", Input).focus()
            return
        _label, start, end = self.offered[int(event.option.id)]
        self.dismiss(f"{start}..{end}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from sellertui.core.errors import UserError
        from sellertui.importers.period import from_option

        try:
            period = from_option(event.value.strip())
        except UserError as exc:
            self.query_one("#period-hint", Static).update(Text(str(exc), style="bold red"))
            return
        self.dismiss(f"{period.start}..{period.end}")

    def action_cancel(self) -> None:
        self.dismiss(None)

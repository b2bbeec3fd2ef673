"""What is on one day: its promotions and events; a promotion's keys act on the highlighted one."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sellertui.core.i18n import N_, _, shown
from sellertui.domain.promotions import checks as check_rules
from sellertui.domain.promotions.fees import TYPES
from sellertui.ui.kit.dialogs import modal_box
from sellertui.ui.kit.safe import plain
from sellertui.core.formats import dated


def promotion_line(board, promo: dict) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    summary = check_rules.summary(board.checks_of(promo))
    line.append(f"{summary or ' ':<6}", style="bold red" if "✗" in summary else "yellow" if "!" in summary else "green")
    line.append(plain(promo.get("name", "")), style="bold")
    line.append(_("  {type} · {status} · {discount_pct:g}% · {start} to {end}").format(type=shown(TYPES.get(promo.get('type'), '')), status=shown(promo.get('status')), discount_pct=float(promo.get('discount_pct') or 0), start=promo['start'], end=promo.get('end')), style="dim")
    return line


def event_line(event: dict, day: str) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    kind = _("peak event") if event.get("peak") else event.get("kind", _("event"))
    line.append("      ")
    line.append(plain(event.get("name", "")), style="italic")
    line.append(_("  {kind} · {start} to {end}").format(kind=kind, start=event['start'], end=event['end']), style="dim")
    if event.get("deadline") == day:
        line.append(_("  ◆ deal deadline today"), style="bold red")
    if event.get("inventory_by") == day:
        line.append(_("  ▲ stock at FBA by today"), style="bold yellow")
    return line


class DayScreen(ModalScreen[tuple[str, str | None] | None]):
    """Dismisses with (action, promotion id), ("new", None), or None."""

    DEFAULT_CSS = modal_box("DayScreen", 100) + """
    DayScreen OptionList { height: auto; max-height: 20; border: none; }
    DayScreen .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", N_("Close"), id="day.close"),
        Binding("n", "new", N_("New promotion"), id="day.new"),
        Binding("e", "act('edit')", N_("Edit"), id="day.edit"),
        Binding("c", "act('duplicate')", N_("Duplicate"), id="day.duplicate"),
        Binding("x", "act('cancel')", N_("Cancel it"), id="day.cancel"),
        Binding("greater_than_sign", "act('advance')", N_("Next status"), id="day.advance"),
        Binding("w", "act('working')", N_("Working"), id="day.working"),
    ]

    def __init__(self, board, day: date, title: str = "") -> None:
        super().__init__()
        self.board = board
        self.day = day
        self.heading = title

    def compose(self) -> ComposeResult:
        key = self.day.isoformat()
        promotions, events = self.board.on_day(key)
        due = [p for p in self.board.promotions if p.get("status") == "idea"
               and self.board.deadline_of(p).due == self.day]
        options: list[Option] = [Option(promotion_line(self.board, p), id=f"p:{p['id']}") for p in promotions]
        options += [Option(Text.assemble(("◆ ", "bold red"), (_("submit") + " ", "bold"), plain(p.get("name", "")),
                                         (" " + _("today (its deadline)"), "dim")), id=f"p:{p['id']}") for p in due
                    if p not in promotions]
        options += [Option(event_line(e, key), id=f"e:{e['id']}", disabled=True) for e in events]
        if not options:
            options.append(Option(Text(_("Nothing on this day. n plans a promotion starting on it."), style="italic"),
                                  disabled=True))
        with Vertical() as box:
            box.border_title = self.heading or dated(self.day, "%A %d %B %Y", "yMMMEd")
            yield OptionList(*options, id="day-list")
            yield Static(_("enter/w working · e edit · c duplicate · x cancel · > next status · n new · "
                           "esc close"),
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _current(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or not option.id or not option.id.startswith("p:"):
            return None
        return option.id[2:]

    def action_act(self, action: str) -> None:
        promo_id = self._current()
        if promo_id is not None:
            self.dismiss((action, promo_id))

    def action_new(self) -> None:
        self.dismiss(("new", None))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_act("working")

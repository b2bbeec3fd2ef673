"""The Today tab: one keyboard-driven checklist across every area.

j/k move, space ticks an item done for today (a team notice: marks it read), enter jumps to it in its own tab
(and starts the clock for the workload measure), s snoozes it to tomorrow.
Ticks are kept per day and per user in the store.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from sellertui.domain.today import recurring, ticks
from sellertui.domain.today.model import Item, Section
from sellertui.ui.kit.area import Area
from sellertui.ui.kit.safe import plain

AREA_NAMES = {"orders": "Orders", "ads": "Ads", "promotions": "Promotions", "inventory": "Inventory",
              "profit": "Profit", "team": "Team", "today": "Routine"}


def _duration(seconds: int) -> str:
    minutes = seconds // 60
    return f"{minutes // 60}h {minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m"


class Checklist(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="today.down"),
        Binding("k", "cursor_up", "Up", show=False, id="today.up"),
    ]


class TodayArea(Area):
    """The checklist, read in a worker (``ChecklistRead``: the quick sections first, then all of them)."""

    TITLE = "Today"
    KEY = "1"
    WATCHES = frozenset({"messages", "orders", "returns", "tasks", "recurring", "today_ticks", "today_snoozes",
                         "products", "purchase_orders", "promotions", "search_terms", "ad_reports", "ad_actions",
                         "ad_targets", "events", "promo_fees", "watchlist", "watch_snapshots", "notices"})
    DEFAULT_CSS = """
    TodayArea #today-top { height: 1; padding: 0 1; background: $panel; }
    TodayArea #today-top ProgressBar { width: 1fr; }
    TodayArea #today-count { width: auto; margin-right: 2; }
    TodayArea Horizontal#today-body { height: 1fr; }
    TodayArea Checklist { height: 1fr; border: none; text-wrap: nowrap; text-overflow: ellipsis; }
    TodayArea #workload { width: 38; border-left: tall $panel; padding: 0 1; }
    """
    BINDINGS = [
        Binding("space", "tick", "Tick", id="today.tick"),
        Binding("enter", "jump", "Go", id="today.jump"),
        Binding("s", "snooze", "Snooze", id="today.snooze"),
        Binding("n", "new_routine", "New routine", id="today.new_routine"),
        Binding("d", "delete_routine", "Delete routine", id="today.delete_routine"),
    ]
    CHANGES = frozenset({"today_ticks"})

    class ChecklistRead(Message, bubble=False):
        """Sections (with today's ticks) and the user's workload; ``partial``: the slow sections follow."""

        def __init__(self, sections: list[Section], workload: dict, partial: bool) -> None:
            self.sections, self.workload, self.partial = sections, workload, partial
            super().__init__()

    def compose(self) -> ComposeResult:
        with Horizontal(id="today-top"):
            yield Static(id="today-count")
            yield ProgressBar(total=1, show_eta=False, show_percentage=True)
        with Horizontal(id="today-body"):
            yield Checklist(id="checklist")
            yield Static(id="workload")
        self.items: dict[str, Item] = {}

    def on_mount(self) -> None:
        self.set_interval(60, self.reload)  # the message countdowns move

    def focus_main(self) -> None:
        for checklist in self.query(Checklist):  # none yet while the tab is still being composed
            checklist.focus()

    def on_resize(self) -> None:
        self.query_one("#workload").display = self.app.size.width >= 100

    # -- loading -------------------------------------------------------------------
    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        from sellertui.domain.today.sections import checklist, merged

        shop, user = self.shop, self.ctx.user
        # the quick sections show at once; inventory's and ads' plans follow when computed (pandas only then)
        quick = checklist(shop, user, which="quick")
        load = ticks.workload(shop.store, user)
        self.post_message(self.ChecklistRead(quick, load, partial=True))
        slow = checklist(shop, user, which="slow")
        self.post_message(self.ChecklistRead(merged(quick, slow), load, partial=False))

    def on_today_area_checklist_read(self, message: ChecklistRead) -> None:
        from sellertui.domain.today.sections import progress

        sections, partial = message.sections, message.partial
        checklist = self.query_one(Checklist)
        highlighted = checklist.highlighted_option.id if checklist.highlighted_option else None
        options: list[Option | None] = []
        self.items = {}
        for section in sections:
            if not section.items:
                continue
            head = Text()
            head.append(section.name, style="bold underline")
            shown, total = len(section.items), section.total or len(section.items)
            head.append(f" — {len(section.open)} to do" + (f" (top {shown} of {total})" if total > shown else ""),
                        style="dim")
            options.append(Option(head, disabled=True))
            for item in section.items:
                self.items[item.key] = item
                options.append(Option(self._line(item), id=item.key))
        if partial:
            options.append(Option(Text("checking stock and ad proposals…", style="dim italic"), disabled=True))
        elif not options:
            options.append(Option(Text("Nothing needs doing right now. Import reports (i) to keep it that way.",
                                       style="italic"), disabled=True))
        checklist.set_options(options)
        if highlighted in self.items:
            checklist.highlighted = checklist.get_option_index(highlighted)
        elif self.items:
            checklist.highlighted = checklist.get_option_index(next(iter(self.items)))
        done, total = progress(sections)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#today-count", Static).update(Text(f"{done} of {total} done today", style="bold"))
        self._show_workload(message.workload)
        if not partial:
            self.mark_ready()

    @staticmethod
    def _line(item: Item) -> Text:
        """Mark, then the deadline in a fixed column (it is what orders the list), then the title."""
        line = Text(no_wrap=True, overflow="ellipsis")
        mark, title_style = (" ✓ ", "dim strike") if item.ticked else (" z ", "dim italic") if item.snoozed \
            else (" · ", "bold" if item.mine else "")
        line.append(mark, style="green" if item.ticked else "dim" if item.snoozed else "")
        line.append(f"{plain(item.detail)[:16]:<17}", style="bold red" if item.late and not item.ticked else "dim")
        line.append(plain(item.title), style=title_style)
        return line

    def _show_workload(self, load: dict) -> None:
        text = Text()
        text.append("Where your time went\n", style="bold")
        text.append("last 30 days, from opening an item to ticking it\n\n", style="dim")
        total = sum(v["seconds"] for v in load.values())
        if not total:
            text.append("Nothing timed yet: open an item with enter, tick it with space when it is done.", style="dim")
        for area, entry in load.items():
            share = entry["seconds"] / total
            text.append(f"{AREA_NAMES.get(area, area):<11} {_duration(entry['seconds']):>8} {share:>4.0%}\n")
        if total:
            first = next(iter(load))
            text.append(f"\nFirst candidate to hand to a hire: {AREA_NAMES.get(first, first)}", style="bold yellow")
        self.query_one("#workload", Static).update(text)

    # -- actions -----------------------------------------------------------------------
    def _current(self) -> Item | None:
        option = self.query_one(Checklist).highlighted_option
        return self.items.get(option.id) if option is not None and option.id else None

    def action_tick(self) -> None:
        item = self._current()
        if item and item.key.startswith("notice:"):  # a notice stays until read, not just for today
            from sellertui.domain.team.notices import acknowledge

            self.save(lambda store: acknowledge(store, item.value, self.ctx.user), "Notice marked read",
                      {"notices"})
        elif item:
            self.save(lambda store: ticks.toggle_tick(store, self.ctx.user, item.key, item.area, item.title), "",
                      self.CHANGES)

    def action_snooze(self) -> None:
        item = self._current()
        if item:
            self.save(lambda store: ticks.snooze(store, self.ctx.user, item.key, item.title), "",
                      {"today_snoozes"})

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    def action_jump(self) -> None:
        item = self._current()
        if not item:
            return
        self.save(lambda store: ticks.mark_opened(store, self.ctx.user, item.key, item.area, item.title), "",
                  self.CHANGES)
        if item.area in ("today", ""):
            self.notify("Started: tick it with space when it is done.", timeout=3)
            return
        self.app.action_show_area(item.area)
        self.app.call_after_refresh(self._reveal, item)

    async def _reveal(self, item: Item) -> None:
        area = await self.app.area(item.area)
        reveal = getattr(area, "reveal", None)
        if reveal is not None and item.view:
            self.app.run_worker(reveal(item.view, item.column, item.value), exclusive=False)

    def action_new_routine(self) -> None:
        from sellertui.domain import fields
        from sellertui.ui.kit.forms import Field, FormScreen

        def rule(text: str) -> dict:
            try:
                return recurring.parse_rule(text)
            except ValueError as exc:
                raise fields.FieldError(str(exc)) from None

        form = FormScreen("New routine item", [
            Field("title", "What", lambda t: fields.text(t, required=True, max_length=120),
                  placeholder="read the business report"),
            Field("rule", "When", rule, value="daily", help="daily, weekdays, mon,wed,fri or monthly 15"),
            Field("area", "Area", kind="choice", choices=[(v, k) for k, v in AREA_NAMES.items()], value="today"),
        ])
        self.app.push_screen(form, lambda v: v and self.save(lambda store: recurring.add(store, self.ctx.user, v),
                                                             f"Added “{v['title']}” to your routine", {"recurring"}))

    def action_delete_routine(self) -> None:
        item = self._current()
        if not item or not item.key.startswith("recurring:"):
            self.notify("Only routine items can be deleted here; the others go away when they are done.",
                        severity="warning")
            return
        from sellertui.ui.kit.dialogs import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: recurring.delete(store, item.value), "Deleted the routine item",
                          {"recurring"})

        self.app.push_screen(ConfirmScreen(f"Delete the routine item “{item.title}”?"), confirmed)

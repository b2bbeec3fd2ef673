"""The Today tab: one keyboard-driven checklist across every area.

j/k move, space ticks an item done (a team notice: marks it read), enter jumps to it in its own tab (and
starts the clock for the workload measure), s snoozes it to tomorrow. A tick
does what the item's tab does with its record (``domain.today.acts``): a
buyer message is replied, a task done; an order to ship opens the Ship
queue's form on that order. Ticks are kept per day and per user in the store.
"""

from __future__ import annotations

from rich.cells import set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from sellertui import clock
from sellertui.core.i18n import N_, _, label
from sellertui.domain.today import acts, recurring, ticks
from sellertui.domain.today.model import Item, Section
from sellertui.ui.kit.area import Area
from sellertui.ui.kit.panel import PanelHolder, SidePanel, panel_binding
from sellertui.ui.kit.safe import plain
from sellertui.ui.kit.workers import work

AREA_NAMES = {"orders": N_("Orders"), "ads": N_("Ads"), "promotions": N_("Promotions"),
              "inventory": N_("Inventory"), "profit": N_("Profit"), "team": N_("Team"), "today": N_("Routine")}


def _duration(seconds: int) -> str:
    minutes = seconds // 60
    if minutes >= 60:
        return _("{hours}h {minutes:02d}m").format(hours=minutes // 60, minutes=minutes % 60)
    return _("{minutes}m").format(minutes=minutes)


class Checklist(OptionList):
    HELP_TITLE = N_("Checklist")
    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="today.down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="today.up"),
    ]


class TodayArea(PanelHolder, Area):
    """The checklist, read in a worker (``ChecklistRead``: the quick sections first, then all of them)."""

    TITLE = N_("Today")
    KEY = "1"
    WATCHES = frozenset({"messages", "orders", "returns", "tasks", "recurring", "today_ticks", "today_snoozes",
                         "products", "purchase_orders", "promotions", "search_terms", "ad_reports", "ad_actions",
                         "ad_targets", "events", "promo_fees", "feedback", "reviews", "feedback_work",
                         "review_requests", "postage_refunds", "buyers", "watchlist",
                         "watch_snapshots", "notices"})
    DEFAULT_CSS = """
    TodayArea #today-top { height: 1; padding: 0 1; background: $panel; }
    TodayArea #today-top ProgressBar { width: 1fr; }
    TodayArea #today-count { width: auto; margin-right: 2; }
    TodayArea Horizontal#today-body { height: 1fr; }
    TodayArea Checklist { height: 1fr; border: none; text-wrap: nowrap; text-overflow: ellipsis; }
    TodayArea #workload { padding: 0 1; }
    """
    BINDINGS = [
        Binding("space", "tick", N_("Tick"), id="today.tick"),
        Binding("enter", "jump", N_("Go"), id="today.jump"),
        Binding("s", "snooze", N_("Snooze"), id="today.snooze"),
        Binding("n", "new_routine", N_("New routine"), id="today.new_routine"),
        Binding("d", "delete_routine", N_("Delete routine"), id="today.delete_routine"),
        panel_binding(N_("Your time")),
    ]
    CHANGES = frozenset({"today_ticks"})
    FOCUS_WIDGETS = (Checklist,)

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
        self.panel = SidePanel(38, wide_from=100)  # "where your time goes": beside, or a drawer (D)
        self.fit_panel()
        self.set_interval(60, self.reload)  # the message countdowns move

    def focus_main(self) -> None:
        for checklist in self.query(Checklist):  # none yet while the tab is still being composed
            checklist.focus()

    def panel_widget(self):
        return self.query_one("#workload")

    # -- loading -------------------------------------------------------------------
    def reload(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        from sellertui.domain.today.sections import checklist, merged

        shop, user = self.shop, self.ctx.user
        others = self.ctx.other_shops()  # one Today across the shops config.toml lists
        if others:
            from sellertui.domain.today.across import across

            def checklist(shop, user, which):  # noqa: F811 - the same call, every shop's items merged in
                return across(shop, others, user, which=which)
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
            count = _("{n} to do (top {shown} of {total})") if total > shown else _("{n} to do")
            head.append(" — " + count.format(n=len(section.open), shown=shown, total=total), style="dim")
            options.append(Option(head, disabled=True))
            for item in section.items:
                self.items[item.key] = item
                options.append(Option(self._line(item), id=item.key))
        if partial:
            options.append(Option(Text(_("checking stock and ad proposals…"), style="dim italic"), disabled=True))
        elif not options:
            options.append(Option(Text(_("Nothing needs doing right now. Import reports (i) to keep it that way."),
                                       style="italic"), disabled=True))
        checklist.set_options(options)
        if highlighted in self.items:
            checklist.highlighted = checklist.get_option_index(highlighted)
        elif self.items:
            checklist.highlighted = checklist.get_option_index(next(iter(self.items)))
        done, total = progress(sections)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        count = _("{done} of {total} done today").format(done=done, total=total)
        self.query_one("#today-count", Static).update(Text(count, style="bold"))
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
        line.append(set_cell_size(plain(item.detail), 16) + " ",  # cells, not characters: 简体中文 is wide
                    style="bold red" if item.late and not item.ticked else "dim")
        if item.shop:  # another shop's item (Today across shops)
            line.append(f"[{plain(item.shop)}] ", style="bold magenta")
        line.append(plain(item.title), style=title_style)
        return line

    def _show_workload(self, load: dict) -> None:
        text = Text()
        text.append(_("Where your time went") + "\n", style="bold")
        text.append(_("last 30 days: time on items, here and in their tabs") + "\n\n", style="dim")
        total = sum(v["seconds"] for v in load.values())
        if not total:
            text.append(_("Nothing timed yet: open an item with enter (or a record in its tab) and finish it."),
                        style="dim")
        for area, entry in load.items():
            share = entry["seconds"] / total
            name = set_cell_size(label(AREA_NAMES, area), 11)  # cells: a Chinese name is twice as wide
            text.append(f"{name} {_duration(entry['seconds']):>8} {share:>4.0%}\n")
        if total:
            first = next(iter(load))
            candidate = _("First candidate to hand to a hire: {area}").format(area=label(AREA_NAMES, first))
            text.append("\n" + candidate, style="bold yellow")
        self.query_one("#workload", Static).update(text)

    # -- actions -----------------------------------------------------------------------
    def _current(self) -> Item | None:
        """The highlighted item of this shop (another shop's item is acted on in that shop: it says so)."""
        option = self.query_one(Checklist).highlighted_option
        item = self.items.get(option.id) if option is not None and option.id else None
        if item is not None and item.shop:
            self.notify(_("That item is in the shop “{shop}”: switch to it (O) to work on it.").format(shop=item.shop),
                        timeout=5)
            return None
        return item

    def action_tick(self) -> None:
        item = self._current()
        if not item:
            return
        if item.key.startswith("notice:"):  # a notice stays until read, not just for today
            from sellertui.domain.team.notices import acknowledge

            self.save(lambda store: acknowledge(store, item.value, self.ctx.user), _("Notice marked read"),
                      {"notices"})
            return
        act = acts.act_for(item)
        if item.ticked:
            refused = acts.refuse_untick(item)
            if refused:
                self.notify(refused, timeout=5)
            else:
                self._toggle(item)
        elif act.how == "tick":
            self._toggle(item)
        elif act.how == "tab":
            self._in_tab(item, act)
        elif acts.kind(item.key) == "message":
            self.save(lambda store: acts.reply_sent(store, self.ctx.user, item),
                      _("Replied: {title} (Orders › Messages agrees).").format(title=item.title[:50]),
                      self.CHANGES | {"messages"})
        elif acts.kind(item.key) == "task":
            self.save(lambda store: acts.task_done(store, self.ctx.user, item),
                      _("Done: {title}.").format(title=item.title[:60]),
                      self.CHANGES | {"tasks"})
        elif acts.kind(item.key) == "reorder":
            self._find_draft(item)

    def _toggle(self, item: Item) -> None:
        self.save(lambda store: ticks.toggle_tick(store, self.ctx.user, item.key, item.area, item.title), "",
                  self.CHANGES)

    def _in_tab(self, item: Item, act: acts.Act) -> None:
        """The tab's own form on the item's record (the tracking of an order, a refund's amount)."""
        self.notify(f"{_(act.tab)}: {item.title[:50]}", timeout=3)
        self._go(item, then=act.action, view=act.view)

    # a reorder: its draft PO placed, or the SKU's draft made first ----------------------------------
    class DraftFound(Message, bubble=False):
        """The draft PO holding a reorder item's SKU was looked for (None: there is none yet)."""

        def __init__(self, item: Item, po: dict | None) -> None:
            self.item, self.po = item, po
            super().__init__()

    @work(thread=True, exclusive=True, group="today-draft", exit_on_error=False)
    def _find_draft(self, item: Item) -> None:
        self.post_message(self.DraftFound(item, acts.draft_for(self.shop.store, item.value)))

    def on_today_area_draft_found(self, found: DraftFound) -> None:
        from sellertui.ui.kit.dialogs import ConfirmScreen

        item, po = found.item, found.po
        if po is None:  # nothing to place yet: Inventory drafts it (its own confirmation)
            self._in_tab(item, acts.DRAFT_PO)
            return

        def placed(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: acts.po_placed(store, self.ctx.user, item, po),
                          _("PO {id} to {supplier} is ordered (Inventory agrees).").format(
                              id=po["id"], supplier=po.get("supplier", "")),
                          self.CHANGES | {"purchase_orders"})

        lines = ", ".join(f"{l.get('qty', 0):,} × {l.get('sku')}" for l in po.get("lines") or [])
        self.app.push_screen(ConfirmScreen(_("Mark PO {id} to {supplier} ({lines}) ordered?").format(
            id=po["id"], supplier=po.get("supplier", ""), lines=lines)),
                             placed)

    def action_snooze(self) -> None:
        item = self._current()
        if not item:
            return
        warning = acts.snooze_warning(item, clock.now())

        def snooze(yes: bool | None = True) -> None:
            if yes:
                self.save(lambda store: ticks.snooze(store, self.ctx.user, item.key, item.title), "",
                          {"today_snoozes"})

        if warning is None:
            snooze()
            return
        from sellertui.ui.kit.dialogs import ConfirmScreen

        self.app.push_screen(ConfirmScreen(_("{warning} Snooze it anyway?").format(warning=warning)), snooze)

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
            self.notify(_("Started: tick it with space when it is done."), timeout=3)
            return
        self._go(item)

    def _go(self, item: Item, then: str | None = None, view: str | None = None) -> None:
        """Show the item's record in its tab (its work session goes on there), then run ``then`` on it."""
        self.app.action_show_area(item.area)
        self.app.call_after_refresh(self._reveal, item, then, view or item.view)

    async def _reveal(self, item: Item, then: str | None, view: str) -> None:
        area = await self.app.area(item.area)
        reveal = getattr(area, "reveal", None)
        if reveal is not None and view:
            work = (item.key, item.area, item.title)
            self.app.run_worker(reveal(view, item.column, item.value, work, then), exclusive=False)

    def action_new_routine(self) -> None:
        from sellertui.domain import fields
        from sellertui.ui.kit.forms import Field, FormScreen

        def rule(text: str) -> dict:
            try:
                return recurring.parse_rule(text)
            except ValueError as exc:
                raise fields.FieldError(str(exc)) from None

        form = FormScreen(_("New routine item"), [
            Field("title", _("What"), lambda t: fields.text(t, required=True, max_length=120),
                  placeholder=_("read the business report")),
            Field("rule", _("When"), rule, value="daily", help=_("daily, weekdays, mon,wed,fri or monthly 15")),
            Field("area", _("Area"), kind="choice", choices=[(_(v), k) for k, v in AREA_NAMES.items()], value="today"),
        ])
        def add(v: dict | None) -> None:
            if v:
                self.save(lambda store: recurring.add(store, self.ctx.user, v),
                          _("Added “{title}” to your routine").format(title=v["title"]), {"recurring"})

        self.app.push_screen(form, add)

    def action_delete_routine(self) -> None:
        item = self._current()
        if not item or not item.key.startswith("recurring:"):
            self.notify(_("Only routine items can be deleted here; the others go away when they are done."),
                        severity="warning")
            return
        from sellertui.ui.kit.dialogs import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: recurring.delete(store, item.value), _("Deleted the routine item"),
                          {"recurring"})

        self.app.push_screen(ConfirmScreen(_("Delete the routine item “{title}”?").format(title=item.title)), confirmed)

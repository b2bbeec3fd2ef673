"""The application shell: header, seven tabs, footer, and the store's heartbeat.

Slow work (opening the store, loading the demo, restoring a backup) runs in thread
workers that never touch widgets; they post named messages (``StoreOpened``,
``DemoLoaded``, ``BackupRestored``) that the handlers below turn into screen
changes; the store's poller lives in ``shell/live.py``. Failed workers from anywhere end up in one place (``worker_failed``),
which shows them instead of crashing.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
import os
from pathlib import Path
import signal
from typing import Iterable

from textual.app import App, ComposeResult, SystemCommand
from textual.message import Message
from textual.binding import Binding
from textual.lazy import Lazy
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent, TabPane

from sellertui.core.i18n import N_, _, language, language_from, ngettext, set_language
from textual.worker import Worker, WorkerState
from sellertui.ui.kit.workers import work

from sellertui.config import DEFAULT_SHOP_NAME, ConfigError
from sellertui.context import Context
from sellertui.domain.shop import shown_shop_name
from sellertui.memory import give_back
from sellertui.core.errors import UserError
from sellertui.store.errors import CorruptFile, StoreError
from sellertui.ui.kit.area import Area, PendingArea
from sellertui.ui.tabs.ads.area import AdsArea
from sellertui.ui.tabs.inventory.area import InventoryArea
from sellertui.ui.tabs.orders.area import OrdersArea
from sellertui.ui.tabs.profit.area import ProfitArea
from sellertui.ui.tabs.promotions.area import PromotionsArea
from sellertui.ui.tabs.team.area import TeamArea
from sellertui.ui.tabs.today.area import TodayArea
from sellertui.ui.shell.header import ShopHeader, short_path
from sellertui.ui.shell.help_screen import HelpScreen, describe_bindings
from sellertui.ui.kit.messages import Saved, StoreChanged
from sellertui.ui.kit.safe import plain
from sellertui.ui.kit.saving import SAVE_GROUP
from sellertui.ui.shell.palette import palette_commands
from sellertui.ui.shell.shop_switcher import BINDINGS as SHOP_BINDINGS
from sellertui.ui.shell.shop_switcher import ShopSwitching
from sellertui.ui.shell.ads_connect import AdsConnectShell
from sellertui.ui.shell.live import POLL_SECONDS, LiveStore
from sellertui.ui.shell.sync import SyncShell
from sellertui.ui.shell.sync import BINDINGS as SYNC_BINDINGS
from sellertui.ui.kit.footer import ShellFooter
from sellertui.ui.shell.language import BINDINGS as LANGUAGE_BINDINGS
from sellertui.ui.shell.language import LanguageShell

# The seven tabs, in order (keys 1-7). The app sits above them, so no tab needs this list.
TABS: tuple[type[Area], ...] = (TodayArea, OrdersArea, AdsArea, PromotionsArea, InventoryArea, ProfitArea, TeamArea)

class StoreOpened(Message):
    def __init__(self, empty: bool, meta: dict) -> None:
        self.empty, self.meta = empty, meta
        super().__init__()


class DemoLoaded(Message):
    def __init__(self, counts: dict[str, int], meta: dict) -> None:
        self.counts, self.meta = counts, meta
        super().__init__()


class BackupRestored(Message):
    def __init__(self, files: int) -> None:
        self.files = files
        super().__init__()


class SellerApp(LanguageShell, LiveStore, SyncShell, ShopSwitching, AdsConnectShell, App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses may live elsewhere
    TITLE = "sellertui"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        # the footer keeps its room for the keys of the tab on screen: these are under ? and in the palette
        Binding("question_mark,f1", "help", N_("Help"), id="app.help"),
        Binding("r", "refresh", N_("Refresh"), show=False, id="app.refresh"),
        Binding("i", "import_report", N_("Import"), show=False, id="app.import"),
        *[replace(b, show=False) for b in SYNC_BINDINGS],
        Binding("left_square_bracket", "step_tab(-1)", N_("Prev tab"), show=False, id="app.previous_tab"),
        Binding("right_square_bracket", "step_tab(1)", N_("Next tab"), show=False, id="app.next_tab"),
        *[replace(b, show=False) for b in SHOP_BINDINGS],
        *LANGUAGE_BINDINGS,
        Binding("q", "quit", N_("Quit"), show=False, id="app.quit"),
        *[
            Binding(area.KEY, f"show_area('{area.slug()}')", area.TITLE, show=False, id=f"tab.{area.slug()}")
            for area in TABS
        ],
    ]

    def __init__(self, ctx: Context, watch_signals: bool = True) -> None:
        set_language(language_from(ctx.settings.language, os.environ))  # before anything is composed
        super().__init__()
        self.ctx = ctx
        self.watch_signals = watch_signals
        self.shop = None  # the open shop (set once its store is open)
        self._mounting: dict[str, asyncio.Future] = {}
        self.keymap_problems: list[str] = []  # what is wrong with the user's [keymap] (? lists them too)

    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications carry file names, buyer names, errors: always shown literally."""
        super().notify(plain(message), title=plain(title), severity=severity, timeout=timeout, markup=False)

    # -- layout ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ShopHeader()
        with TabbedContent(id="tabs"):
            for i, area in enumerate(TABS):
                with TabPane(f"{area.KEY} {_(area.TITLE)}", id=f"tab-{area.slug()}"):
                    # The first tab mounts after the first paint (toolong's pattern); the others when
                    # first shown (``area``): composing all seven would delay the morning's first screen.
                    yield Lazy(area(self.ctx)) if i == 0 else PendingArea(area)
        yield ShellFooter(compact=True)

    async def area(self, slug: str) -> Area | None:
        """The area of tab ``slug``, mounted now if it had not been shown yet."""
        if slug in self._mounting:  # another caller is mounting it (the tab switch, a jump, the palette)
            return await asyncio.shield(self._mounting[slug])
        for area in self.query(f"#area-{slug}").results(Area):
            return area
        for pending in self.query(PendingArea):
            if pending.area_class.slug() == slug:
                done = self._mounting[slug] = asyncio.get_running_loop().create_future()
                area = pending.area_class(self.ctx)
                if self.shop is not None:  # its first read starts now, while Textual builds it
                    area.read_ahead(self.shop)
                mounted = None  # if mounting fails, waiters get no area rather than a half-mounted one
                try:
                    await pending.parent.mount(area, after=pending)
                    await pending.remove()
                    mounted = area
                finally:
                    del self._mounting[slug]
                    done.set_result(mounted)
                return area
        return None

    def on_resize(self) -> None:
        # at 80 columns the footer's room goes to the tab's keys; ctrl+p is under ? and in the README
        for footer in self.query(Footer):
            footer.show_command_palette = self.size.width >= 100

    def on_mount(self) -> None:
        settings = self.ctx.settings
        if settings.keymap:
            self._apply_keymap(settings.keymap)
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        header = self.query_one(ShopHeader)
        header.shop = settings.shop_name
        header.user = self.ctx.user
        header.store_path = self.ctx.where if self.ctx.store_url else self.ctx.data_dir
        if self.watch_signals and not self.is_headless:
            self._watch_terminal()
        self.open_store()

    def _apply_keymap(self, keymap: dict[str, str]) -> None:
        """Apply the entries that name a binding and a real key; say what is wrong with the others."""
        from sellertui.ui.shell.keys import check_keymap

        checked = check_keymap(keymap, type(self), TABS)
        self.set_keymap(checked.usable)
        self.keymap_problems = checked.problems
        if checked.problems:
            more = " " + _("(and {count} more)").format(count=len(checked.problems) - 1) \
                if len(checked.problems) > 1 else ""
            self.notify(checked.problems[0] + more + " " + _("? lists every problem; sellertui check too."),
                        title=_("Key map"), severity="warning", timeout=20)

    # -- the store -------------------------------------------------------------
    @work(thread=True, exclusive=True, group="store-open", exit_on_error=False)
    def open_store(self) -> None:
        shop = self.ctx.shop()
        empty = shop.is_empty()
        meta = shop.meta
        shop.changes()  # baseline for the poller
        self.post_message(StoreOpened(empty, meta))

    _heap_frozen = False

    def on_area_ready(self, message: Area.Ready) -> None:
        # Once the first tab shows its data, what start-up built (modules, the shell's widgets) lives as
        # long as the app: kept out of the collector's full passes, which otherwise walk it all again
        # every time a tab's load allocates (~10% of Orders' first paint).
        if not self._heap_frozen:
            import gc

            self._heap_frozen = True
            gc.freeze()
        give_back()  # what the tab's load freed goes back to the system, not kept for the next tab to grow on

    def on_store_opened(self, message: StoreOpened) -> None:
        self.shop = self.ctx.shop()
        self._show_shop_name(message.meta)
        for area in self.query(Area):  # areas shown before the store was open load now
            if area.stale:
                area.store_changed(frozenset({"meta"}))
        self.set_interval(POLL_SECONDS, self.poll_store, name="poll-store")
        self.start_sync_status()
        if message.empty:
            from sellertui.ui.shell.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(short_path(self.ctx.data_dir, 60)), self._welcome_choice)

    def _show_shop_name(self, meta: dict) -> None:
        settings = self.ctx.settings
        name = settings.shop_name
        if meta.get("demo") and name == DEFAULT_SHOP_NAME:  # the default name: the demo's own (枫与苔 in 中文)
            name = meta.get("demo_shop", name)
        self.query_one(ShopHeader).shop = shown_shop_name(name)

    def _welcome_choice(self, choice: str | None) -> None:
        if choice == "demo":
            self.notify(_("Building the demo shop…"), timeout=3)
            self.load_demo()
        elif choice == "import":
            self.action_import_report()

    @work(thread=True, exclusive=True, group="demo", exit_on_error=False)
    def load_demo(self) -> None:
        from sellertui.demo import generate

        counts = generate(self.shop.store, founder=self.ctx.user, lang=language())  # the shop of the language
        self.post_message(DemoLoaded(counts, self.shop.meta))

    def on_demo_loaded(self, message: DemoLoaded) -> None:
        self._show_shop_name(message.meta)
        self.notify(_("Demo shop loaded: {orders} orders, {skus} SKUs.").format(
            orders=f"{message.counts['orders']:,}", skus=message.counts["products"]))
        self.broadcast_change(frozenset(message.counts) | {"meta"}, external=False)

    def on_saved(self, message: Saved) -> None:
        """A tab saved something: say so, and refresh every tab that shows it."""
        if message.note:
            self.notify(message.note, severity=message.severity, timeout=4 if message.severity == "information" else 8)
        self.broadcast_change(message.collections, external=False)

    def broadcast_change(self, collections: frozenset[str], external: bool) -> None:
        if "meta" in collections and self.shop is not None:
            self._show_shop_name(self.shop.meta)
        for area in self.query(Area):
            area.store_changed(collections)
        self.post_message(StoreChanged(collections, external))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.worker_failed(event)

    def worker_failed(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker is reported (widgets forward theirs: the message does not bubble)."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, CorruptFile):
            self._show_problem(error)
        elif isinstance(error, (StoreError, UserError, ConfigError, OSError)):
            title = _("Not saved") if event.worker.group == SAVE_GROUP else _("Could not finish")
            self.notify(str(error), title=title, severity="error", timeout=15)
        else:  # a bug: say so plainly rather than lose it
            self.log.error(event.worker.name, repr(error))
            self.notify(f"{type(error).__name__}: {error}", title=_("Unexpected error"), severity="error", timeout=30)

    def _show_problem(self, error: CorruptFile) -> None:
        from sellertui.ui.shell.problem_screen import StoreProblemScreen

        def choice(result: str | None) -> None:
            if result == "restore":
                self.restore_backup()
            else:
                self.exit(return_code=1, message=str(error))

        self.push_screen(StoreProblemScreen(str(error), error.backup is not None), choice)

    @work(thread=True, exclusive=True, group="store-open", exit_on_error=False)
    def restore_backup(self) -> None:
        restored = self.ctx.restore_backup()
        self.post_message(BackupRestored(len(restored)))

    def on_backup_restored(self, message: BackupRestored) -> None:
        self.notify(ngettext("Restored {count} file from backup; damaged files kept aside.",
                              "Restored {count} files from backup; damaged files kept aside.",
                              message.files).format(count=message.files))
        self.open_store()

    # -- focus follows the tab ----------------------------------------------------
    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        slug = event.pane.id.removeprefix("tab-")
        await self.area(slug)
        self.call_after_refresh(self._focus_area, slug)

    def _focus_area(self, slug: str) -> None:
        for area in self.query(f"#area-{slug}"):
            if area.is_active:  # the user may already have moved to another tab
                area.focus_main()

    # -- actions ---------------------------------------------------------------
    def action_show_area(self, slug: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{slug}"

    def action_step_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [f"tab-{a.slug()}" for a in TABS]
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]

    def action_import_report(self) -> None:
        from sellertui.ui.shell.importing import ImportScreen

        if not isinstance(self.screen, ImportScreen):
            self.push_screen(ImportScreen())

    def action_help(self) -> None:
        self.push_screen(HelpScreen(describe_bindings(self, self.screen), self.keymap_problems))

    def tabs(self) -> tuple[type[Area], ...]:
        return TABS

    def action_refresh(self) -> None:
        self.query_one(ShopHeader).outside_change = ""
        for area in self.query(Area):
            area.stale = True
        self.broadcast_change(frozenset().union(*(a.WATCHES for a in TABS)), external=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every tab and every action of its views as "Area: action"."""
        yield from super().get_system_commands(screen)
        yield from palette_commands(self, TABS, self._run_area_action)

    def _run_area_action(self, slug: str, views: tuple[str | None, ...], action: str) -> None:
        """A palette entry: show the tab, then run ``action`` in the view shown if it has it, else the first."""
        self.action_show_area(slug)

        async def run() -> None:
            area = await self.area(slug)
            if area is None:
                return
            current = getattr(area, "current", None)
            view = current.id if current is not None and current.id in views else views[0]
            if view is None:
                await self.run_action(action, area)
            else:
                await area.action_go(view, action)

        self.call_after_refresh(run)

    # -- settings and terminal -----------------------------------------------------
    def _remember_theme(self, theme) -> None:
        if theme.name != self.ctx.settings.theme:
            self.ctx.settings.theme = theme.name
            self._save_setting("theme", theme.name)

    @work(thread=True, group="settings", exit_on_error=False)
    def _save_setting(self, key: str, value) -> None:
        from sellertui import config

        config.save_value(self.ctx.settings.path, key, value)

    def _watch_terminal(self) -> None:
        """End cleanly when the terminal goes away (SSH drop, closed tmux pane) or on SIGTERM."""
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGHUP, self._terminal_gone)
        loop.add_signal_handler(signal.SIGTERM, self.exit)

    def _terminal_gone(self) -> None:
        # There is no terminal left to restore, and Textual's shutdown blocks forever
        # writing to it. Let a store commit in flight finish, then leave.
        if self.shop is not None:
            self.shop.wait_idle(timeout=10)
        os._exit(0)

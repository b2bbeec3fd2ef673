"""The Ads tab: views over one window of ads data (search terms, targets, products), research, the reports.

The window (7/14/30/60/90 days or custom, ending on the last day of data) is
the area's: ``w`` cycles the presets, ``W`` asks for dates, shift+←/→ step by
the window's length, and every view follows. Work runs in thread workers
through one ``AdsService`` (created in the first worker: it imports pandas),
whose caches make a window change or a new threshold a re-aggregation, not a
re-read. The view-specific keys (a, x, e, u, U) are bound here too, hidden, so
the palette and ``?`` list them; here they switch to the view that does them.
Sending approved changes through the Ads API (A, U, C) is ``sending``'s.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from rich.text import Text
from textual.worker import get_current_worker
from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui.ui.kit.messages import Saved
from sellertui.ui.kit.settings_form import SettingsSaved, edit_section, saved_note
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.ads.base import DECIDED
from sellertui.ui.tabs.ads.keywords_view import KeywordsView
from sellertui.ui.tabs.ads.ledger_view import LedgerView
from sellertui.ui.tabs.ads.overview_view import OverviewView
from sellertui.ui.tabs.ads.products_view import ProductsView
from sellertui.ui.tabs.ads.proposals_view import ProposalsView
from sellertui.ui.tabs.ads.reports_view import ReportsView
from sellertui.ui.tabs.ads.research_view import ResearchView
from sellertui.ui.tabs.ads.sending import AdsSending
from sellertui.ui.tabs.ads.targets_view import TargetsView
from sellertui.ui.tabs.ads.terms_view import TermsView
from sellertui.ui.kit.views import ViewArea, view_bindings


PREFETCH = "ads-prefetch"  # the background warm-up's worker group
STEP = Binding.Group("Step", compact=True)  # shift+← shift+→ share one footer label


class AdsArea(AdsSending, ViewArea):
    TITLE = N_("Ads")
    KEY = "3"
    WATCHES = frozenset({"products", "search_terms", "ad_targets", "ad_actions", "orders", "ad_reports",
                         "ad_targeting", "advertised_products", "keyword_research", "ad_entities"})
    VIEWS = (TermsView, ProposalsView, TargetsView, LedgerView, OverviewView, KeywordsView, ProductsView, ResearchView,
             ReportsView)
    # the bar names the views and their keys: the footer keeps its room for actions
    BINDINGS = [replace(b, show=False) for b in view_bindings(VIEWS)] + [
        Binding("w", "next_window", N_("Window"), id="ads.window"),
        Binding("shift+left", "step_window(-1)", N_("Earlier window"), id="ads.earlier", group=STEP, key_display="⇧←"),
        Binding("shift+right", "step_window(1)", N_("Later window"), id="ads.later", group=STEP, key_display="⇧→"),
        Binding("W", "custom_window", N_("Custom window"), show=False, id="ads.custom_window"),
        Binding("i", "explain", N_("Why"), id="ads.explain"),
        Binding("b", "export", N_("Export"), id="ads.export"),
        Binding("S", "settings", N_("Settings"), show=False, id="ads.settings"),  # rare: ? and the palette have it
        Binding("a", "approve", N_("Approve"), show=False, id="ads.approve"),
        Binding("x", "reject", N_("Reject"), show=False, id="ads.reject"),
        Binding("e", "edit", N_("Edit"), show=False, id="ads.edit"),
        Binding("u", "undo", N_("Undo"), show=False, id="ads.undo"),
        Binding("A", "apply_by_api", N_("Send approved changes by API"), show=False, id="ads.apply"),
        Binding("U", "take_back", N_("Take back by API"), show=False, id="ads.take_back"),
        Binding("C", "connect_ads", N_("Connect the Ads console"), show=False, id="ads.connect"),
    ]

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self.window = None  # the Window every view shows (None until the data says where it ends)
        self.chosen = False  # the user picked the window; until then it follows the newest data
        self._service = None
        self._service_lock = threading.Lock()
        self._warmed = None

    def service(self):
        """The area's AdsService (created on first use, in a worker: it imports pandas)."""
        with self._service_lock:
            if self._service is None:
                from sellertui.domain.ads.service import AdsService

                self._service = AdsService.for_shop(self.shop)
            return self._service

    # -- the window ----------------------------------------------------------------
    def window_shown(self, window) -> None:
        """A view loaded ``window``: adopt it (the first load finds the last day of data) and warm up."""
        if self.window is None:
            self.window = window
        self._draw_bar()
        if self._warmed != window.end:
            self._warmed = window.end
            self._prefetch(window)

    @work(thread=True, exclusive=True, group=PREFETCH, exit_on_error=False)
    def _prefetch(self, window) -> None:
        """Parse the months the longest preset needs while the user reads, so w and shift+← are instant."""
        worker = get_current_worker()
        self.service().prefetch(window, stop=lambda: worker.is_cancelled)

    def left(self) -> None:
        # the warm-up stops after the month it is reading (not on top of the next tab's load), and starts
        # again when a window is next shown
        self.workers.cancel_group(self, PREFETCH)
        self._warmed = None

    def store_changed(self, collections: frozenset[str]) -> None:
        if {"ad_reports", "search_terms"} & collections and not self.chosen:
            self.window = None  # newly imported days: the default window ends on the new last day
        super().store_changed(collections)

    def _set_window(self, window) -> None:
        self.window, self.chosen = window, True
        self._draw_bar()
        self.reload()

    def action_next_window(self) -> None:
        if self.window is not None:
            self._set_window(self.window.next_preset())

    def action_step_window(self, step: int) -> None:
        if self.window is not None:
            self._set_window(self.window.step(step))

    def action_custom_window(self) -> None:
        from sellertui import clock
        from sellertui.domain.ads.window import Window
        from sellertui.ui.tabs.ads.forms import window_form

        window = self.window or Window.last(30, clock.today())
        self.app.push_screen(window_form(window.start, window.end),
                             lambda v: v and self._set_window(Window.custom(v["start"], v["end"])))

    def bar_suffix(self) -> Text:
        if self.window is None:
            return Text()
        return Text.assemble(("│ ", "dim"), (self.window.short_label, "bold"))

    # -- keys of one view, from anywhere (palette, ?) --------------------------------------
    def _in_view(self, view_type, action: str, hint: str) -> None:
        view = self.current
        if isinstance(view, view_type) or hasattr(view, f"action_{action}"):
            getattr(view, f"action_{action}")()
            return
        self.call_later(self.action_view, view_type.__name__.lower())  # views mount on first open: async
        self.notify(hint, timeout=4)

    def action_approve(self) -> None:
        self._in_view(ProposalsView, "approve", _("Proposals: pick rows (space marks several), then a approves."))

    def action_reject(self) -> None:
        self._in_view(ProposalsView, "reject", _("Proposals: pick rows (space marks several), then x rejects."))

    def action_edit(self) -> None:
        self._in_view(ProposalsView, "edit", _("e edits the proposal (here) or the target (t) under the cursor."))

    def action_undo(self) -> None:
        self._in_view(LedgerView, "undo", _("Ledger: u undoes an approval not yet exported or sent."))

    def action_take_back(self) -> None:
        self._in_view(LedgerView, "take_back", _("Ledger: pick changes applied through the Ads API, then U takes them back (a "
                                                 "dry run first)."))

    def action_explain(self) -> None:
        explain = getattr(self.current, "explain", None)
        if explain is not None:
            explain()

    # -- export and settings ---------------------------------------------------------------
    def action_export(self) -> None:
        from sellertui.ui.tabs.ads.forms import export_form

        self.app.push_screen(export_form(), lambda v: v and self._export(v["path"]))

    def _export(self, path: str) -> None:
        from sellertui.domain.ads.bulk import export_approved

        user = self.shop.user
        self.save(lambda store: export_approved(store, path, user), "", DECIDED)  # the bulk file's screen says it

    def on_saved(self, message: Saved) -> None:
        from sellertui.domain.ads.bulk import ExportResult

        if isinstance(message.result, ExportResult):
            self._exported(message.result)
        elif hasattr(message.result, "outcomes"):  # sent through the Ads API
            self.sent(message)

    def _exported(self, result) -> None:
        from sellertui.ui.kit.dialogs import InfoScreen

        rows = [(_("File"), str(result.path) if result.path else _("not written")), (_("Rows"), str(result.rows)),
                (_("Changes exported"), str(len(result.exported)))]
        paragraphs = [_("Held back: {kind} '{term}' in {campaign} › {ad_group} — {why}").format(
            kind=r.get("kind"), term=r.get("term"), campaign=r.get("campaign"), ad_group=r.get("ad_group"), why=why)
            for r, why in result.held]
        if result.held:
            paragraphs.append(_("Their ids are unknown, so Amazon would refuse those rows. Import the bulk "
                                "file's Search Term Report tab (it carries the ids), then export again: they "
                                "stay approved."))
        if not result.path and not result.held:
            paragraphs.append(_("No approved changes to export: approve proposals first (p, then a)."))
        if result.failed_by_api:
            paragraphs.append(result.message())
        self.app.push_screen(InfoScreen(_("Bulk file"), rows, paragraphs))

    def action_settings(self) -> None:
        from sellertui.domain.ads.settings import LABELS, check_section

        edit_section(self, "ads", labels={k: _(v) for k, v in LABELS.items()}, check=check_section)

    def on_settings_saved(self, message: SettingsSaved) -> None:
        changed = message.changed
        if not changed:
            return
        if self._service is not None:
            self._service.set_rules(self.shop.settings.section("ads"))
        if "window_days" in changed and self.window is not None and not self.chosen:
            self.window = None  # the new default length, ending on the last day of data
        self.notify(saved_note(changed, _("the rules ran again")), timeout=4)
        self.reload()

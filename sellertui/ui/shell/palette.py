"""The command palette's entries: every tab, and every action of every tab and view, as "Area: action".

An action several views share (Team's lists all have "New"; every table has
"Filter") is one entry: it runs in the view on screen when that view has it,
else in the first view that does, switching to it first and running once its
data is loaded. Where two different actions of a tab have the same name, the
view's title tells them apart.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Iterator

from textual.app import SystemCommand
from textual.binding import Binding

from sellertui.core.i18n import _

Run = Callable[[str, tuple[str | None, ...], str], object]  # (tab slug, views that have it, action)


def name(binding: Binding) -> str:
    """An action's name in full: the footer may show a short description, the tooltip then says it whole."""
    return _(binding.tooltip or binding.description)


def area_entries(area) -> list[tuple[Binding, tuple[str | None, ...]]]:
    """(binding, the views that have it; None: the tab itself) for every action of ``area``, once each."""
    grouped: dict[tuple[str, str], tuple[Binding, list[str | None]]] = {}
    for binding, view in area.palette_entries():
        if not isinstance(binding, Binding) or not binding.description:
            continue
        key = (binding.id or f"{binding.key}:{binding.action}", name(binding))  # one id, two names: two
        _first, views = grouped.setdefault(key, (binding, []))
        if view not in views:
            views.append(view)
    return [(binding, tuple(views)) for binding, views in grouped.values()]


def palette_commands(app, tabs: Iterable[type], run: Run) -> Iterator[SystemCommand]:
    for area in tabs:
        slug = area.slug()
        tab = _(area.TITLE)
        yield SystemCommand(_("Go: {tab}").format(tab=tab), _("Switch to the {tab} tab ({key})").format(
                            tab=tab, key=area.KEY), lambda slug=slug: app.action_show_area(slug))
        entries = area_entries(area)
        names = Counter(name(binding) for binding, _views in entries)
        titles = {v.view_id(): _(v.TITLE) for v in getattr(area, "VIEWS", ())}
        for binding, views in entries:
            title = f"{tab}: {name(binding)}"
            if names[name(binding)] > 1 and views[0] is not None:
                title += f" ({titles.get(views[0], views[0])})"
            yield SystemCommand(title, _("key {key}").format(key=app.get_key_display(binding)),
                                lambda slug=slug, views=views, action=binding.action: run(slug, views, action))
    yield SystemCommand(_("App: help"), _("List every key of this screen (?)"), app.action_help)
    yield SystemCommand(_("App: refresh"), _("Reload everything from the store (r)"), app.action_refresh)
    yield SystemCommand(_("App: switch shop"), _("Open another of the shops config.toml lists (O)"),
                        app.action_switch_shop)
    yield SystemCommand(_("App: import a report"), _("Preview and import a report file (i)"),
                        app.action_import_report)
    yield SystemCommand(_("App: sync with Seller Central"), _("Fetch orders, settlements and reports now (R)"),
                        app.action_sync)
    yield SystemCommand(_("App: connect to Seller Central"),
                        _("Your SP-API app's credentials, region and marketplaces"), app.action_connect)
    yield SystemCommand(_("App: connect to the Ads console"),
                        _("Your Ads API app's credentials and advertiser profile"), app.action_connect_ads)
    # both names in both languages: whoever cannot read the one shown still finds the way back
    yield SystemCommand(_("App: language 简体中文 / English"), _("Show the app in the other language (f2)"),
                        app.action_switch_language)

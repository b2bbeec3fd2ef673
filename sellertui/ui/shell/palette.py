"""The command palette's entries: every tab, and every action of every tab and view, as "Area: action".

An action of a view that is not shown switches to that view first, then runs
once its data is loaded. Where two views of a tab name an action alike
("New"), the view's title tells them apart.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Iterator

from textual.app import SystemCommand
from textual.binding import Binding


def palette_commands(app, tabs: Iterable[type], run: Callable[[str, str | None, str], object]) -> Iterator[SystemCommand]:
    for area in tabs:
        slug = area.slug()
        yield SystemCommand(f"Go: {area.TITLE}", f"Switch to the {area.TITLE} tab ({area.KEY})",
                            lambda slug=slug: app.action_show_area(slug))
        entries = [(b, view) for b, view in area.palette_entries() if isinstance(b, Binding) and b.description]
        titles = Counter(b.description for b, _ in entries)
        views = {v.view_id(): v.TITLE for v in getattr(area, "VIEWS", ())}
        seen: set[str] = set()
        for binding, view in entries:
            title = f"{area.TITLE}: {binding.description}"
            if titles[binding.description] > 1 and view:
                title += f" ({views.get(view, view)})"
            if title in seen:
                continue
            seen.add(title)
            yield SystemCommand(title, f"key {app.get_key_display(binding)}",
                                lambda slug=slug, view=view, action=binding.action: run(slug, view, action))
    yield SystemCommand("App: help", "List every key of this screen (?)", app.action_help)
    yield SystemCommand("App: refresh", "Reload everything from the store (r)", app.action_refresh)
    yield SystemCommand("App: import a report", "Preview and import a report file (i)", app.action_import_report)
    yield SystemCommand("App: sync with Seller Central", "Fetch orders, settlements and reports now (R)",
                        app.action_sync)
    yield SystemCommand("App: connect to Seller Central", "Your SP-API app's credentials, region and marketplaces",
                        app.action_connect)
    yield SystemCommand("App: connect to the Ads console", "Your Ads API app's credentials and advertiser profile",
                        app.action_connect_ads)

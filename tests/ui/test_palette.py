"""The command palette lists every key of every tab and view as "Area: action", and runs it from anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TabbedContent

from sellertui.ui.app import TABS
from sellertui.ui.kit.area import own_bindings
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.shell.palette import palette_commands
from tests.ui.conftest import settle


class _Keys:
    """Just enough of an app for ``palette_commands`` (the entries are built, not run)."""

    def get_key_display(self, binding) -> str:
        return binding.key

    def __getattr__(self, name):
        return lambda *args: None


def titles() -> list[str]:
    return [command.title for command in palette_commands(_Keys(), TABS, lambda *args: None)]


@pytest.mark.parametrize("area", TABS, ids=[a.slug() for a in TABS])
def test_every_binding_of_the_tab_and_its_views_has_an_entry(area) -> None:
    listed = titles()
    expected = [(b, None) for b in own_bindings(area)]
    expected += [(b, view) for view in getattr(area, "VIEWS", ()) for b in own_bindings(view)]
    assert expected
    for binding, view in expected:
        if not binding.description:
            continue
        name = f"{area.TITLE}: {binding.tooltip or binding.description}"
        assert any(t == name or t.startswith(f"{name} (") for t in listed), f"{name} ({view}) is missing"
    assert f"Go: {area.TITLE}" in listed


def test_orders_actions_are_all_listed() -> None:
    listed = set(titles())
    for action in ("Mark shipped", "Export confirmations", "Log message", "Reply template", "Next step",
                   "Blacklist", "Send again", "Copy id"):
        assert f"Orders: {action}" in listed
    assert len(listed) == len(titles())  # one entry per action: a key several views share is listed once


async def run_entry(pilot, app, title: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    app.screen.query_one(Input).value = title
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot, app)


# (tab key to start from, palette entry, tab it lands on, form title it opens)
FROM_ANYWHERE = [
    ("2", "Today: New routine", "today", "New routine item"),
    ("1", "Orders: Mark shipped", "orders", "Mark 1 order(s) shipped"),
    ("1", "Ads: Custom window", "ads", "Custom window"),
    ("1", "Promotions: New event", "promotions", "New event"),
    ("1", "Inventory: New PO", "inventory", "New purchase order"),
    ("1", "Profit: Cash reserve", "profit", "Cash in reserve"),
    ("1", "Team: New", "team", "New task"),
]


@pytest.mark.parametrize("start, title, tab, form", FROM_ANYWHERE, ids=[e[2] for e in FROM_ANYWHERE])
async def test_an_entry_runs_from_another_tab(make_app, demo_copy: Path, start, title, tab, form) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press(start)
        await settle(pilot, app)
        await run_entry(pilot, app, title)
        assert app.query_one(TabbedContent).active == f"tab-{tab}"
        assert isinstance(app.screen, FormScreen), f"{title} opened {app.screen}"
        assert app.screen.form_title.startswith(form)
        assert app.screen.focused is not None and app.screen.focused.id.startswith("field-")

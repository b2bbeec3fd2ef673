"""The Ads API from the app at 80×24, against the stand-in on 127.0.0.1: connect, a dry run, send, take back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, ProgressBar, Select

from sellertui.amazon import credentials
from sellertui.amazon.credentials import ADS
from sellertui.domain.ads import decisions
from sellertui.store import open_store
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.kit.table import FrameTable
from sellertui.ui.tabs.ads.area import AdsArea
from sellertui.ui.tabs.ads.ledger_view import LedgerView
from sellertui.ui.tabs.ads.send_screen import SendScreen
from tests.amazon import ads_standin as ads
from tests.amazon.ads_standin import AdsStandIn, profile
from tests.amazon.conftest import ads_config
from tests.domain.ads.test_bulk import proposals
from tests.ui.conftest import settle

ORDER = [("negate", "waste"), ("negate", "b0xyz98765"), ("harvest", "bamboo board"), ("harvest", "b0comp1234"),
         ("bid", "cutting board")]
SIZE = (80, 24)


@pytest.fixture
def standin():
    server = AdsStandIn()
    server.entities["keywords"] = [{"keywordId": "555", "adGroupId": "444", "campaignId": "333",
                                    "keywordText": "cutting board", "matchType": "EXACT", "bid": 1.0,
                                    "state": "ENABLED"}]
    server.start()
    yield server
    server.stop()


def config_for(standin: AdsStandIn) -> str:
    lines = ['user = "ana"', "[amazon]"]
    for key, value in ads_config(standin.url).items():
        lines.append(f'{key} = "{value}"' if isinstance(value, str) else
                     f"{key} = {value!r}".replace("'", '"'))
    return "\n".join(lines) + "\n"


def approved(data_dir: Path) -> Path:
    """Five approved changes whose ids are known (the bulk file's and the API's)."""
    store = open_store(data_dir, user="ana")
    found = proposals()
    for key in ORDER:
        decisions.approve(store, [found[key]])
    store.close()
    return data_dir


def statuses(data_dir: Path) -> dict[str, str]:
    store = open_store(data_dir)
    try:
        return {r["term"]: r["status"] for r in decisions.load(store)}
    finally:
        store.close()


def notes(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def press(pilot, app, *keys: str) -> None:
    await settle(pilot, app)  # the first key only once the app is up (Today takes the focus as it opens)
    for key in keys:
        await pilot.press(key)
        await settle(pilot, app)


@pytest.fixture
def connected(standin, monkeypatch) -> AdsStandIn:
    for name, value in ads.ENV.items():
        monkeypatch.setenv(name, value)
    return standin


async def test_a_shows_the_dry_run_and_y_sends_with_each_items_outcome(make_app, data_dir, connected) -> None:
    app = make_app(approved(data_dir), config_for(connected))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, app, "3", "A")
        screen = app.screen
        assert isinstance(screen, SendScreen), notes(app)
        text = screen.as_text()
        assert "create negative keyword 'waste' (negativeExact) in ad group 222 of campaign 111" in text
        assert "then, once that is in: create negative keyword 'bamboo board'" in text
        assert "would send 7 item(s) for 5 approved change(s): y sends them now" in text
        assert app.focused is screen.query_one(VerticalScroll)  # ↓ and pgdn read the rest at 80×24
        await press(pilot, app, "n")  # the dry run sent nothing, and no sends without a yes
        assert not isinstance(app.screen, SendScreen)
        assert connected.calls == [] and set(statuses(data_dir).values()) == {"approved"}

        connected.refuse["keywords:bamboo board"] = "Duplicate value in the request"
        await press(pilot, app, "A", "y")
        screen = app.screen
        assert isinstance(screen, SendScreen) and screen.stage == "done", notes(app)
        bar = screen.query_one(ProgressBar)
        assert (bar.progress, bar.total) == (6, 7)  # the harvest's negative waits for its keyword: never sent
        text = screen.as_text()
        assert "failed: harvest 'bamboo board'" in text
        assert "create keyword 'bamboo board' (exact), bid $1.40 in ad group 444 of campaign 333: Amazon " \
               "refused it: Duplicate value in the request" in text
        assert "not sent: it goes once the item before it is in" in text
        assert "applied: negate 'waste'" in text and "new id 9000000000" in text
        assert "Applied 4 change(s) through the Ads API; Amazon refused part of 1" in text
        await press(pilot, app, "escape")
        area = app.query_one(AdsArea)
        assert isinstance(area.current, LedgerView)  # where the outcomes stay
        table = area.current.query_one(FrameTable)
        frame = table.frame
        amazon = dict(zip(frame["term"], frame["amazon"]))
        assert amazon["bamboo board"] == "refused: Duplicate value in the request"
        assert amazon["waste"].startswith("id 9000000000")
    assert statuses(data_dir) == {"waste": "applied", "b0xyz98765": "applied", "bamboo board": "failed",
                                  "b0comp1234": "applied", "cutting board": "applied"}


async def test_u_in_the_ledger_takes_an_applied_change_back_after_its_dry_run(make_app, data_dir, connected) -> None:
    from sellertui.context import Context
    from sellertui.domain.ads.applying import apply_approved

    app = make_app(approved(data_dir), config_for(connected))
    ctx = Context.create(data_dir)
    assert apply_approved(ctx.shop(), sleep=lambda s: None).ok
    ctx.close()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, app, "3", "L")
        area = app.query_one(AdsArea)
        await pilot.press("slash", *"cutting", "enter")
        await settle(pilot, app)
        await press(pilot, app, "u")
        assert "U takes it back by the reverse change" in notes(app)
        await press(pilot, app, "U")
        screen = app.screen
        assert isinstance(screen, SendScreen)
        assert "set keyword 555's bid back to $1.00" in screen.as_text() and "would take back 1 change(s)" in \
            screen.as_text()
        await press(pilot, app, "y")
        assert app.screen.stage == "done" and "set keyword 555's bid back to $1.00: done" in app.screen.as_text()
        await press(pilot, app, "escape")
        assert area.current.query_one(FrameTable).value("amazon") == "taken back"
    assert statuses(data_dir)["cutting board"] == "undone"
    assert next(k for k in connected.entities["keywords"] if k["keywordId"] == "555")["bid"] == 1.0


async def test_a_send_refused_whole_says_why_and_sends_nothing(make_app, data_dir, connected) -> None:
    from sellertui.domain.sync.lock import SyncLock

    app = make_app(approved(data_dir), config_for(connected))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, app, "3", "A")
        with SyncLock(data_dir, "bo", "sellertui sync"):
            await press(pilot, app, "y")
            assert app.screen.stage == "done"
            assert "Not sent: sellertui sync (pid" in app.screen.as_text() and "is syncing this shop now" in \
                app.screen.as_text()
        assert "Not saved" in {n.title for n in app._notifications}
    assert connected.calls == [] and set(statuses(data_dir).values()) == {"approved"}


async def test_not_connected_the_dry_run_offers_to_connect_and_the_profile_is_picked(make_app, data_dir,
                                                                                     standin) -> None:
    standin.profiles = [profile("101", "CA", "Bamboo CA"), profile(ads.PROFILE_ID)]
    app = make_app(approved(data_dir), config_for(standin))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, app, "3", "A")
        screen = app.screen
        assert isinstance(screen, SendScreen) and "Not connected to the Ads console" in screen.as_text()
        await press(pilot, app, "y")  # nothing can be sent
        assert app.screen is screen and screen.stage == "review" and standin.calls == []
        await press(pilot, app, "c")
        form = app.screen
        assert isinstance(form, FormScreen) and form.form_title == "Connect to the Ads console"
        assert form.query_one("#field-refresh_token", Input).password  # typed secrets are never shown
        for name, value in (("client_id", ads.CLIENT_ID), ("client_secret", ads.CLIENT_SECRET),
                            ("refresh_token", ads.REFRESH_TOKEN)):
            form.query_one(f"#field-{name}", Input).value = value
        await press(pilot, app, "ctrl+s")
        choose = app.screen
        assert isinstance(choose, FormScreen) and choose.form_title == "Choose the advertiser profile"
        assert credentials.load(ADS) is None  # nothing kept before a profile is chosen
        choose.query_one("#field-profile", Select).value = "101"
        await press(pilot, app, "ctrl+s")
        assert "Advertiser profile: Bamboo CA (seller, CA, USD) — profile 101." in notes(app)
        assert ads.CLIENT_SECRET not in notes(app) and ads.REFRESH_TOKEN not in notes(app)
    kept = credentials.load(ADS)
    assert kept is not None and kept.profile_id == "101" and kept.refresh_token.reveal() == ads.REFRESH_TOKEN


async def test_refused_secrets_keep_nothing_and_the_palette_has_every_ads_api_action(make_app, data_dir,
                                                                                     standin) -> None:
    app = make_app(approved(data_dir), config_for(standin))
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, app, "3")
        commands = {c.title for c in app.get_system_commands(app.screen)}
        assert {"App: connect to the Ads console", "Ads: Send approved changes by API", "Ads: Take back by API",
                "Ads: Connect the Ads console"} <= commands
        await press(pilot, app, "C")
        form = app.screen
        assert isinstance(form, FormScreen) and form.form_title == "Connect to the Ads console"
        for name, value in (("client_id", ads.CLIENT_ID), ("client_secret", ads.CLIENT_SECRET),
                            ("refresh_token", "Atzr|WRONG-ADS-TOKEN")):
            form.query_one(f"#field-{name}", Input).value = value
        await press(pilot, app, "ctrl+s")
        assert "Not connected" in {n.title for n in app._notifications}
        assert "invalid_grant" in notes(app) and "Nothing was kept." in notes(app) and "WRONG" not in notes(app)
    assert credentials.load(ADS) is None


def test_the_dry_run_at_80x24(snap_compare, make_app, connected) -> None:
    app = make_app(approved(Path.home() / "shop"), config_for(connected))  # the same path in the header each run

    async def dry_run(pilot) -> None:
        await settle(pilot, app)
        await press(pilot, app, "3", "A")

    assert snap_compare(app, terminal_size=SIZE, run_before=dry_run)


def test_the_outcome_of_a_send_at_80x24(snap_compare, make_app, connected) -> None:
    connected.refuse["keywords:bamboo board"] = "Duplicate value in the request"
    app = make_app(approved(Path.home() / "shop"), config_for(connected))

    async def sent(pilot) -> None:
        await settle(pilot, app)
        await press(pilot, app, "3", "A", "y")

    assert snap_compare(app, terminal_size=SIZE, run_before=sent)

"""`sellertui serve`: loopback by default, a token for anything else, and the page asks for it."""

from __future__ import annotations

import argparse

import pytest
from aiohttp.test_utils import TestClient, TestServer

from sellertui.cli import main
from sellertui.cli.serve import app_command, server_for

TOKEN = "correct-horse-battery"


def args(**given) -> argparse.Namespace:
    base = {"host": "127.0.0.1", "port": 8000, "token": None, "public_url": None}
    return argparse.Namespace(**{**base, **given})


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "shop.example.com"])
def test_another_address_without_a_token_is_refused(capsys, host, monkeypatch) -> None:
    monkeypatch.delenv("SELLERTUI_SERVE_TOKEN", raising=False)
    assert main(["serve", "--host", host]) == 1
    err = capsys.readouterr().err
    assert f"refusing to serve on {host} without a token" in err and "SSH tunnel" in err


def test_a_short_token_is_refused(capsys) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--token", "abc"]) == 1
    assert "at least 12 characters" in capsys.readouterr().err


def test_each_browser_tab_runs_this_shop() -> None:
    command = app_command(args(shop="brand-b", store="postgresql:///x?host=/tmp/s"))
    assert command.endswith("-m sellertui --store 'postgresql:///x?host=/tmp/s' --shop brand-b")


async def _client(server) -> TestClient:
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return client


async def test_loopback_needs_no_token() -> None:
    client = await _client(server_for(args()))
    try:
        response = await client.get("/")
        assert response.status == 200 and "token" not in (await response.text()).lower()
    finally:
        await client.close()


async def test_with_a_token_the_page_asks_for_it_and_a_cookie_lets_the_browser_in(monkeypatch) -> None:
    monkeypatch.setenv("SELLERTUI_SERVE_TOKEN", TOKEN)
    client = await _client(server_for(args(host="0.0.0.0")))
    try:
        asked = await client.get("/")
        assert asked.status == 401 and 'name="token"' in await asked.text()
        assert (await client.get("/ws")).status == 401  # no terminal without the token
        wrong = await client.post("/login", data={"token": "guess-guess-guess"}, allow_redirects=False)
        assert wrong.status == 401 and "That is not this shop" in await wrong.text()
        right = await client.post("/login", data={"token": TOKEN}, allow_redirects=False)
        assert right.status == 303 and TOKEN not in right.headers["Set-Cookie"]
        assert "HttpOnly" in right.headers["Set-Cookie"] and "SameSite=Strict" in right.headers["Set-Cookie"]
        page = await client.get("/")
        assert page.status == 200 and "sellertui" in await page.text()
    finally:
        await client.close()

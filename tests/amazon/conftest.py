"""Fixtures: the stand-in SP-API on 127.0.0.1, settings pointing at it, a shop to sync into."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.amazon.standin import ENV, StandIn

FAST = {"report_poll_seconds": 0.0, "backoff_seconds": 0.0, "retry_seconds": 10.0, "timeout_seconds": 5.0,
        "retry_attempts": 4}


def write_config(url: str, **extra) -> Path:
    """config.toml's [amazon] pointing at the stand-in, every wait set to ~0 (no timing luck)."""
    lines = ["[amazon]", 'region = "NA"', 'marketplaces = ["US"]', f'sp_api_endpoint = "{url}"',
             f'lwa_token_url = "{url}/auth/o2/token"']
    for key, value in {**FAST, **extra}.items():
        lines.append(f"{key} = {value!r}" if not isinstance(value, str) else f'{key} = "{value}"')
    path = Path(os.environ["SELLERTUI_CONFIG_DIR"]) / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def standin():
    server = StandIn()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def connected(standin, monkeypatch) -> StandIn:
    """The three environment variables set and config.toml pointing at the stand-in."""
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    write_config(standin.url)
    return standin


@pytest.fixture
def shop(data_dir):
    from sellertui.context import Context

    ctx = Context.create(data_dir)
    yield ctx.shop()
    ctx.close()


@pytest.fixture
def api_settings():
    def make(url: str, **extra):
        from sellertui.amazon.settings import ApiSettings

        return ApiSettings.from_section({"region": "NA", "marketplaces": ["US"], "sp_api_endpoint": url,
                                         "lwa_token_url": f"{url}/auth/o2/token", **FAST, **extra})

    return make


@pytest.fixture
def ads_standin():
    from tests.amazon.ads_standin import AdsStandIn

    server = AdsStandIn()
    server.start()
    yield server
    server.stop()


def ads_config(url: str, **extra) -> dict:
    """[amazon] for the Ads API at the stand-in (its Login with Amazon too), every wait ~0."""
    return {"region": "NA", "marketplaces": ["US"], "ads_api_endpoint": url, "lwa_token_url": f"{url}/auth/o2/token",
            **FAST, **extra}


@pytest.fixture
def ads_connected(ads_standin, monkeypatch):
    """The four Ads environment variables set and config.toml pointing at the Ads stand-in."""
    from tests.amazon.ads_standin import ENV as ADS_ENV

    for name, value in ADS_ENV.items():
        monkeypatch.setenv(name, value)
    write_ads_config(ads_standin.url)
    return ads_standin


def write_ads_config(url: str, **extra) -> Path:
    lines = ["[amazon]"]
    for key, value in ads_config(url, **extra).items():
        lines.append(f'{key} = "{value}"' if isinstance(value, str) else f"{key} = {value!r}".replace("'", '"'))
    path = Path(os.environ["SELLERTUI_CONFIG_DIR"]) / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path

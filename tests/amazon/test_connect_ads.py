"""`sellertui connect ads`: checked before kept, the profile chosen from Amazon's list, kept beside the SP-API's."""

from __future__ import annotations

import stat

from sellertui.amazon import credentials
from sellertui.amazon.credentials import ADS, SP, Secret
from tests.amazon import ads_standin as ads
from tests.amazon.ads_standin import profile
from tests.amazon.conftest import write_ads_config
from tests.amazon.standin import CLIENT_ID as SP_ID
from tests.test_cli_import import run as cli


def answers(monkeypatch, *values: str) -> None:
    given = iter(values)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(given))


def test_one_profile_is_chosen_by_itself_and_kept_beside_the_sp_api_credentials(ads_standin, capsys, monkeypatch,
                                                                                  data_dir) -> None:
    write_ads_config(ads_standin.url)
    credentials.save(Secret(SP_ID), Secret("sp-secret-1234"), Secret("Atzr|sp-refresh-1234"))  # Seller Central's
    answers(monkeypatch, ads.CLIENT_ID, ads.CLIENT_SECRET, ads.REFRESH_TOKEN)
    code, out, err = cli(capsys, "connect", "ads", "--region", "NA", "--data-dir", str(data_dir))
    assert code == 0, err
    assert f"connected to the Ads console: Bamboo & Co (seller, US, USD) — profile {ads.PROFILE_ID}" in out
    assert "secrets.toml" in out and ads.CLIENT_SECRET not in out + err
    kept = credentials.load(ADS)
    assert kept.refresh_token.reveal() == ads.REFRESH_TOKEN and kept.profile_id == ads.PROFILE_ID
    assert credentials.load(SP).client_id.reveal() == SP_ID  # the other section is untouched
    assert stat.S_IMODE(credentials.secrets_file().stat().st_mode) == 0o600
    code, out, _ = cli(capsys, "connect", "ads", "--check", "--data-dir", str(data_dir))
    assert code == 0 and "connected to the Ads console" in out
    code, out, _ = cli(capsys, "connect", "ads", "--forget", "--data-dir", str(data_dir))
    assert code == 0 and "[ads_api] section" in out
    assert credentials.load(ADS) is None and credentials.load(SP) is not None


def test_several_profiles_are_listed_and_one_is_picked(ads_standin, capsys, monkeypatch, data_dir) -> None:
    write_ads_config(ads_standin.url)
    ads_standin.profiles = [profile("101", "CA", "Bamboo CA"), profile(ads.PROFILE_ID), profile("55", "US", kind="agency")]
    answers(monkeypatch, ads.CLIENT_ID, ads.CLIENT_SECRET, ads.REFRESH_TOKEN)
    code, _, err = cli(capsys, "connect", "ads", "--region", "NA", "--data-dir", str(data_dir))
    assert code == 1 and "several advertiser profiles; choose one with --profile ID" in err
    assert "1. Bamboo CA (seller, CA, USD)" in err and "3. Bamboo & Co (agency, US, USD) — profile 55" in err
    assert credentials.load(ADS) is None  # nothing kept until a profile is chosen
    answers(monkeypatch, ads.CLIENT_ID, ads.CLIENT_SECRET, ads.REFRESH_TOKEN)
    code, out, _ = cli(capsys, "connect", "ads", "--region", "NA", "--profile", "101", "--data-dir", str(data_dir))
    assert code == 0 and "profile 101" in out and credentials.load(ADS).profile_id == "101"


def test_refused_credentials_keep_nothing_and_say_what_to_do(ads_standin, capsys, monkeypatch, data_dir) -> None:
    write_ads_config(ads_standin.url)
    answers(monkeypatch, ads.CLIENT_ID, ads.CLIENT_SECRET, "Atzr|WRONG-ADS-TOKEN")
    code, _, err = cli(capsys, "connect", "ads", "--region", "NA", "--data-dir", str(data_dir))
    assert code == 1 and "invalid_grant" in err and "`sellertui connect ads`" in err and "WRONG-ADS" not in err
    assert credentials.load(ADS) is None and not credentials.secrets_file().exists()


def test_the_environment_alone_connects_the_ads_console(monkeypatch) -> None:
    assert credentials.missing(ADS) == ["Ads LWA client id", "Ads LWA client secret", "Ads refresh token",
                                        "advertiser profile"]
    for name, value in ads.ENV.items():
        monkeypatch.setenv(name, value)
    found = credentials.load(ADS)
    assert found.source == "environment" and found.profile_id == ads.PROFILE_ID and credentials.load(SP) is None

"""No Ads API secret, and no Ads access token, in any output, store file, backup, log, cache or error text."""

from __future__ import annotations

import logging

from sellertui.domain.ads import decisions
from sellertui.store import open_store
from tests.amazon import ads_account
from tests.amazon.ads_standin import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, SECRETS, TOKEN_PREFIX
from tests.amazon.conftest import write_ads_config
from tests.amazon.test_no_secret_leaks import nothing_leaks, runner
from tests.domain.ads.test_bulk import proposals


def leaks(text: str) -> list[str]:
    return [s for s in (*SECRETS, TOKEN_PREFIX) if s in text]


def test_no_ads_secret_anywhere(ads_standin, capsys, caplog, monkeypatch, data_dir) -> None:
    caplog.set_level(logging.DEBUG)  # whatever anything logs, at any level
    write_ads_config(ads_standin.url)
    ads_standin.rows["spSearchTerm"] = ads_account.search_term_rows()
    ads_standin.entities = ads_account.structure()
    ads_standin.throttle["createReport"] = 1
    ads_standin.expire_after_calls = 4  # a 401 mid-run: the token is exchanged again
    cli, outputs = runner(capsys, data_dir)
    answers = iter([CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    cli("connect", "ads", "--region", "NA")
    cli("connect", "ads", "--check")
    cli("sync", "--only", "ads")
    cli("sync", "--only", "ads", "--json")
    cli("sync", "--status", "--json")
    cli("sync", "--dry-run", "--json")
    store = open_store(data_dir, user="ana")
    found = proposals()
    for key in (("negate", "waste"), ("harvest", "bamboo board"), ("bid", "cutting board")):
        decisions.approve(store, [found[key]])
    store.close()
    ads_standin.entities["keywords"].append({"keywordId": "555", "adGroupId": "444", "campaignId": "333",
                                             "keywordText": "cutting board", "matchType": "EXACT", "bid": 1.0,
                                             "state": "ENABLED"})
    ads_standin.refuse["keywords:bamboo board"] = "Duplicate value in the request"
    cli("ads", "apply", "--dry-run", "--json")
    cli("ads", "apply")
    cli("ads", "apply", "--json")
    store = open_store(data_dir)
    applied = [r["id"] for r in decisions.load(store) if r["status"] == "applied"]
    store.close()
    assert len(applied) == 2  # the negative and the bid went; the harvest was refused in part
    cli("ads", "revert", *applied, "--json")
    cli("export", "ads-ledger", "--format", "json")
    cli("pnl", "--json")
    cli("today", "--json")
    # a crash inside the stream: the sentence kept in the run log has the secrets cut out
    from sellertui.domain.sync import ads_stream

    def crash(*args, **kwargs):
        raise RuntimeError(f"boom {CLIENT_SECRET} {REFRESH_TOKEN}")

    monkeypatch.setattr(ads_stream, "sync_structure", crash)
    cli("sync", "--only", "ads", "--json")
    assert any("boom … …" in o for o in outputs)
    monkeypatch.setenv("SELLERTUI_ADS_CLIENT_SECRET", "wrong")  # refused credentials
    cli("sync", "--only", "ads")
    cli("ads", "apply")
    assert any("invalid_client" in o for o in outputs)
    nothing_leaks(leaks, SECRETS, outputs, caplog, data_dir)

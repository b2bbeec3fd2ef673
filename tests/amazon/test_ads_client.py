"""The Ads API client against the stand-in: how it signs, profiles, v3 reports, paging, batches, a 401 mid-run."""

from __future__ import annotations

import gzip
import json

import pytest

from sellertui.amazon.ads import changes, entities
from sellertui.amazon.ads.client import AdsApi, ads_problems
from sellertui.amazon.ads.profiles import Profile, chosen, profiles
from sellertui.amazon.ads.reporting import AdsReports, ReportRequest
from sellertui.amazon.credentials import Credentials, Secret
from sellertui.amazon.errors import AmazonError, ApiError, AuthError, ReportFailed
from sellertui.amazon.reports import StillProcessing
from sellertui.amazon.settings import ApiSettings
from tests.amazon.ads_standin import CLIENT_ID, CLIENT_SECRET, PROFILE_ID, REFRESH_TOKEN, profile
from tests.amazon.conftest import ads_config

GOOD = Credentials(Secret(CLIENT_ID), Secret(CLIENT_SECRET), Secret(REFRESH_TOKEN), "test", PROFILE_ID)
SEARCH_TERMS = ReportRequest("SPONSORED_PRODUCTS", "spSearchTerm", ("searchTerm",),
                             ("date", "campaignName", "searchTerm", "cost"))


def api(standin, creds=GOOD, **extra) -> AdsApi:
    waits: list[float] = []
    client = AdsApi(ApiSettings.from_section(ads_config(standin.url, **extra)), creds, sleep=waits.append)
    client.waits = waits
    return client


def test_the_token_goes_as_a_bearer_with_the_client_id_and_the_profile_as_scope(ads_standin) -> None:
    with api(ads_standin) as client:
        found = profiles(client)
        entities_seen = list(entities.listed(client, entities.ENTITIES["campaign"]))
    assert ads_standin.operations() == ["token", "listProfiles", "listCampaigns"]
    listed = ads_standin.calls[1][2]
    assert listed["Authorization"] == "Bearer Atza|ads-standin-access-1"
    assert listed["Amazon-Advertising-API-ClientId"] == CLIENT_ID and "Amazon-Advertising-API-Scope" not in listed
    scoped = ads_standin.calls[2][2]
    assert scoped["Amazon-Advertising-API-Scope"] == PROFILE_ID and "x-amz-access-token" not in scoped
    assert scoped["Content-Type"] == scoped["Accept"] == "application/vnd.spCampaign.v3+json"
    assert found == [Profile(PROFILE_ID, "US", "USD", "America/Los_Angeles", "seller", "Bamboo & Co",
                             "ATVPDKIKX0DER")] and entities_seen == []


def test_a_profile_is_picked_by_id_or_alone() -> None:
    one, two = Profile.of(profile("1")), Profile.of(profile("2", "CA"))
    assert chosen([one], None) == one and chosen([one, two], None) is None and chosen([one, two], "2") == two
    with pytest.raises(AmazonError, match="profile 3 is not one these credentials reach \\(they reach 1, 2\\)"):
        chosen([one, two], "3")


def test_refused_credentials_say_to_connect_the_ads_console_again(ads_standin) -> None:
    wrong = Credentials(Secret(CLIENT_ID), Secret(CLIENT_SECRET), Secret("Atzr|REVOKED-ADS-TOKEN"), "t", PROFILE_ID)
    with api(ads_standin, wrong) as client, pytest.raises(AuthError) as caught:
        profiles(client)
    assert "invalid_grant" in str(caught.value) and "`sellertui connect ads`" in str(caught.value)
    assert "Ads account" in str(caught.value) and "REVOKED" not in str(caught.value)


def test_report_create_poll_429_once_then_download(ads_standin) -> None:
    ads_standin.rows["spSearchTerm"] = [
        {"date": "2026-11-20", "campaignName": "A", "searchTerm": "x", "cost": 1.25, "impressions": 3},
        {"date": "2026-12-01", "campaignName": "A", "searchTerm": "late", "cost": 9.0}]
    ads_standin.throttle["getReportStatus"] = 1
    with api(ads_standin) as client:
        reports = AdsReports(client, sleep=client.waits.append)
        report_id = reports.create(SEARCH_TERMS, "2026-11-01", "2026-11-21")
        report = reports.wait(report_id, "spSearchTerm")
        rows = json.loads(reports.document(report, "spSearchTerm"))
        assert client.retries == 1 and 1.0 in client.waits  # Retry-After: 1 honoured
    assert rows == [{"date": "2026-11-20", "campaignName": "A", "searchTerm": "x", "cost": 1.25}]
    (body,) = ads_standin.bodies("createReport")
    assert body["configuration"] == {"adProduct": "SPONSORED_PRODUCTS", "reportTypeId": "spSearchTerm",
                                     "groupBy": ["searchTerm"], "columns": ["date", "campaignName", "searchTerm",
                                                                           "cost"],
                                     "timeUnit": "DAILY", "format": "GZIP_JSON"}
    assert ads_standin.operations().count("getReportStatus") == 4  # 429, PENDING, PROCESSING, COMPLETED
    download = [c for c in ads_standin.calls if c[0] == "download"][0]
    assert "Authorization" not in download[2]  # the pre-signed URL carries its own signature


def test_a_report_still_processing_is_left_to_the_next_sync_and_a_repeat_is_told_the_first_id(ads_standin) -> None:
    ads_standin.statuses = ["PENDING"]
    with api(ads_standin, report_wait_minutes=0.0) as client:
        reports = AdsReports(client, sleep=client.waits.append)
        first = reports.create(SEARCH_TERMS, "2026-11-01", "2026-11-21")
        with pytest.raises(StillProcessing, match="still PENDING at Amazon; the next sync picks it up"):
            reports.wait(first, "spSearchTerm")
        assert reports.create(SEARCH_TERMS, "2026-11-01", "2026-11-21") == first  # 425: a duplicate of it


def test_a_failed_report_says_amazons_reason(ads_standin, monkeypatch) -> None:
    with api(ads_standin) as client:
        reports = AdsReports(client, sleep=client.waits.append)
        monkeypatch.setattr(ads_standin, "_status", lambda report: {"reportId": report["id"], "status": "FAILURE",
                                                                    "failureReason": "Report generation failed"})
        report_id = reports.create(SEARCH_TERMS, "2026-11-01", "2026-11-21")
        with pytest.raises(ReportFailed, match="spSearchTerm report .* failed at Amazon .*: Report generation failed"):
            reports.wait(report_id, "spSearchTerm")


def test_list_calls_page_through_next_token(ads_standin) -> None:
    ads_standin.entities["keywords"] = [{"keywordId": str(i), "keywordText": f"k{i}", "state": "ENABLED"}
                                        for i in range(5)] + [{"keywordId": "9", "state": "ARCHIVED"}]
    with api(ads_standin) as client:
        found = list(entities.listed(client, entities.ENTITIES["keyword"]))
    assert [k["keywordId"] for k in found] == ["0", "1", "2", "3", "4"]
    bodies = ads_standin.bodies("listKeywords")
    assert [b.get("nextToken") for b in bodies] == [None, "2", "4"]
    assert bodies[0]["stateFilter"] == {"include": ["ENABLED", "PAUSED"]}


def test_a_batch_where_some_items_are_rejected_keeps_each_items_result(ads_standin) -> None:
    ads_standin.refuse["bamboo"] = "Duplicate value in the request"
    items = [{"campaignId": "1", "adGroupId": "2", "keywordText": text, "matchType": "NEGATIVE_EXACT",
              "state": "ENABLED"} for text in ("waste", "bamboo", "junk")]
    with api(ads_standin) as client:
        results = changes.send(client, "negative_keyword", "create", items)
    assert [r.ok for r in results] == [True, False, True]
    assert results[0].id and results[2].id and results[0].id != results[2].id
    assert results[1].error == "Duplicate value in the request"


def test_a_401_mid_run_exchanges_the_token_again_and_goes_on(ads_standin, monkeypatch) -> None:
    monkeypatch.setattr(changes, "BATCH", 2)
    ads_standin.expire_after_calls = 1
    items = [{"campaignId": "1", "adGroupId": "2", "keywordText": f"t{i}", "matchType": "EXACT", "state": "ENABLED",
              "bid": 0.5} for i in range(4)]
    with api(ads_standin) as client:
        results = changes.send(client, "keyword", "create", items)
        assert client.tokens.exchanges == 2
    assert all(r.ok for r in results) and len({r.id for r in results}) == 4
    assert ads_standin.operations() == ["token", "createKeywords", "createKeywords", "token", "createKeywords"]


def test_a_batch_refused_whole_fails_each_item_and_refused_credentials_stop(ads_standin, monkeypatch) -> None:
    monkeypatch.setattr(ads_standin, "_create", lambda body, groups, headers: (
        400, {"code": "INVALID_ARGUMENT", "message": "campaignId is not a number"}))
    with api(ads_standin) as client:
        results = changes.send(client, "keyword", "create", [{"keywordText": "a"}, {"keywordText": "b"}])
    assert [r.error for r in results] == ["INVALID_ARGUMENT: campaignId is not a number"] * 2
    ads_standin.profiles = [profile("777")]  # the stored profile is no longer reachable
    with api(ads_standin) as client, pytest.raises(ApiError, match="401: UNAUTHORIZED: Not authorized to access "
                                                                    f"scope {PROFILE_ID}"):
        changes.send(client, "keyword", "create", [{"keywordText": "a"}])


def test_every_shape_of_ads_api_error_becomes_amazons_words() -> None:
    assert [p.text() for p in ads_problems({"code": "UNAUTHORIZED", "details": "no"})] == ["UNAUTHORIZED: no"]
    assert [p.text() for p in ads_problems({"message": "bad date"})] == ["bad date"]
    assert [p.text() for p in ads_problems({"errors": [{"errorType": "rangeError", "errorValue": {
        "rangeError": {"message": "bid too low", "reason": "TOO_LOW"}}}]})] == ["rangeError: bid too low"]
    assert ads_problems(["not", "a", "dict"]) == [] and ads_problems({"other": 1}) == []


def test_the_download_is_gunzipped_and_a_cut_one_is_named(ads_standin) -> None:
    with api(ads_standin) as client:
        reports = AdsReports(client)
        client.download = lambda url: gzip.compress(b"[]")[:10]
        from sellertui.amazon.ads.reporting import AdsReport

        with pytest.raises(AmazonError, match="not the GZIP JSON Amazon makes"):
            reports.document(AdsReport("R", "COMPLETED", "http://127.0.0.1/x"), "spSearchTerm")

"""The SP-API client against the stand-in: token exchange, pacing, retries, expiry, Amazon's errors."""

from __future__ import annotations

import pytest

from sellertui.amazon.client import SpApi
from sellertui.amazon.credentials import Credentials, Secret
from sellertui.amazon.errors import ApiError, AuthError, Unreachable
from sellertui.amazon.throttle import Bucket, Budget, RateLimits, backoff
from tests.amazon.standin import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN

GOOD = Credentials(Secret(CLIENT_ID), Secret(CLIENT_SECRET), Secret(REFRESH_TOKEN), "test")


def api(standin, api_settings, creds=GOOD, **extra) -> SpApi:
    waits: list[float] = []
    client = SpApi(api_settings(standin.url, **extra), creds, sleep=waits.append)
    client.waits = waits
    return client


def test_the_token_is_exchanged_once_and_sent_as_x_amz_access_token(standin, api_settings) -> None:
    with api(standin, api_settings) as client:
        client.call("getReports", "GET", "/reports/2021-06-30/reports", params={"reportTypes": ["X"]})
        client.call("getReports", "GET", "/reports/2021-06-30/reports", params={"reportTypes": ["X"]})
    assert standin.operations() == ["token", "getReports", "getReports"]
    headers = standin.calls[1][2]
    assert headers["x-amz-access-token"] == "Atza|standin-access-1" and "Authorization" not in headers
    assert headers["User-Agent"].startswith("sellertui/")


@pytest.mark.parametrize("creds, code, words", [
    (Credentials(Secret(CLIENT_ID), Secret(CLIENT_SECRET), Secret("Atzr|REVOKEDTOKEN42"), "t"), "invalid_grant",
     "refused the refresh token (invalid_grant)"),
    (Credentials(Secret(CLIENT_ID), Secret("wrong-secret"), Secret(REFRESH_TOKEN), "t"), "invalid_client",
     "does not know this client id and secret (invalid_client)"),
])
def test_login_with_amazon_errors_say_what_to_fix(standin, api_settings, creds, code, words) -> None:
    with api(standin, api_settings, creds) as client, pytest.raises(AuthError) as caught:
        client.call("getReports", "GET", "/reports/2021-06-30/reports")
    assert caught.value.code == code and words in str(caught.value)
    assert "wrong-secret" not in str(caught.value) and "REVOKEDTOKEN42" not in str(caught.value)


def test_429_backs_off_and_retries_taking_amazons_rate(standin, api_settings) -> None:
    standin.throttle["getReports"] = 2
    standin.rate_limit = "0.5"
    with api(standin, api_settings, backoff_seconds=1.0) as client:
        answer = client.call("getReports", "GET", "/reports/2021-06-30/reports")
        assert answer.status == 200 and client.retries == 2
        assert client.limits.rate("getReports") == 0.5
        assert all(w >= 2.0 for w in client.waits)  # at least one request interval at Amazon's rate


def test_transient_5xx_is_retried_within_the_budget(standin, api_settings) -> None:
    standin.fail["getReport"] = 2
    standin.add_report("X", b"", ["DONE"], report_id="R1")
    with api(standin, api_settings) as client:
        assert client.call("getReport", "GET", "/reports/2021-06-30/reports/R1").body["reportId"] == "R1"
    standin.fail["getReport"] = 10
    with api(standin, api_settings, retry_attempts=3) as client, pytest.raises(Unreachable, match="gave up after 3"):
        client.call("getReport", "GET", "/reports/2021-06-30/reports/R1")


def test_an_expired_token_is_refreshed_once_and_the_call_repeated(standin, api_settings) -> None:
    standin.expire_after_calls = 1
    with api(standin, api_settings) as client:
        client.call("getReports", "GET", "/reports/2021-06-30/reports")
        client.call("getReports", "GET", "/reports/2021-06-30/reports")
        assert client.tokens.exchanges == 2
    assert standin.operations() == ["token", "getReports", "getReports", "token", "getReports"]


def test_other_errors_carry_amazons_error_document(standin, api_settings) -> None:
    with api(standin, api_settings) as client, pytest.raises(ApiError) as caught:
        client.call("getReport", "GET", "/reports/2021-06-30/reports/nope")
    assert caught.value.status == 400
    assert str(caught.value) == "getReport: Amazon answered 400: 400: Invalid input (Invalid input)"


def test_a_missing_role_is_told_apart_from_an_expired_token() -> None:
    from sellertui.amazon.errors import Problem

    denied = ApiError("getOrders", 403, [Problem("Unauthorized", "Access to requested resource is denied.")])
    expired = ApiError("getOrders", 403, [Problem("Unauthorized", "Access to requested resource is denied.",
                                                  "The access token you provided has expired.")])
    assert denied.missing_role and not expired.missing_role


def test_unreachable_login_is_one_sentence(api_settings) -> None:
    with SpApi(api_settings("http://127.0.0.1:9", retry_attempts=1), GOOD) as client:
        with pytest.raises(Unreachable, match="cannot reach Login with Amazon"):
            client.call("getReports", "GET", "/x")


# -- pacing, unit by unit -------------------------------------------------------------
def test_a_bucket_lets_the_burst_through_then_paces_at_the_rate() -> None:
    bucket = Bucket(rate=2.0, burst=2, tokens=2.0, stamp=0.0)
    assert [bucket.wait_for_token(0.0) for _ in range(3)] == [0.0, 0.0, 0.5]
    assert bucket.wait_for_token(10.0) == 0.0  # refilled, up to the burst


def test_rate_limits_sleep_when_the_bucket_is_empty_and_take_amazons_header() -> None:
    now = [0.0]
    slept: list[float] = []
    limits = RateLimits(clock=lambda: now[0], sleep=slept.append)
    limits.observe("confirmShipment", "5")
    for _ in range(11):
        limits.acquire("confirmShipment")  # burst 10
    assert slept == [pytest.approx(0.2)]
    limits.observe("confirmShipment", "not a number")
    assert limits.rate("confirmShipment") == 5.0


def test_backoff_doubles_with_jitter_and_respects_the_rate() -> None:
    assert backoff(1, 1.0, rng=lambda: 1.0) == 1.0
    assert backoff(3, 1.0, rng=lambda: 0.0) == 2.0  # half of 4: full jitter's floor
    assert backoff(10, 1.0, cap=60, rng=lambda: 1.0) == 60.0
    assert backoff(1, 1.0, rate=0.0167, rng=lambda: 0.0) == pytest.approx(1 / 0.0167)  # one request a minute
    assert backoff(1, 0.0, rate=0.0167) == 0.0  # tests set the base to zero


def test_the_budget_bounds_attempts_and_seconds() -> None:
    now = [0.0]
    budget = Budget(3, 10.0, clock=lambda: now[0])
    assert budget.allows(1.0) and budget.allows(1.0) and not budget.allows(1.0)
    budget = Budget(10, 10.0, clock=lambda: now[0])
    now[0] = 9.5
    assert not budget.allows(1.0)

"""Amazon's failures under 简体中文: our sentence in Chinese, Amazon's own reason kept as Amazon wrote it."""

from __future__ import annotations

import pytest

from sellertui.amazon.credentials import Credentials, Secret
from sellertui.amazon.errors import ApiError, AuthError, Unreachable
from tests.amazon.standin import CLIENT_ID, CLIENT_SECRET
from tests.amazon.test_client import api


pytestmark = pytest.mark.usefixtures("chinese")


def test_a_refused_refresh_token_says_what_to_fix_in_chinese(standin, api_settings) -> None:
    revoked = Credentials(Secret(CLIENT_ID), Secret(CLIENT_SECRET), Secret("Atzr|REVOKEDTOKEN42"), "t")
    with api(standin, api_settings, revoked) as client, pytest.raises(AuthError) as caught:
        client.call("getReports", "GET", "/reports/2021-06-30/reports")
    message = str(caught.value)
    assert message.startswith("Login with Amazon 拒绝了刷新令牌（invalid_grant）")
    assert "请在卖家后台重新自授权该应用，并用新的刷新令牌运行 `sellertui connect`" in message
    assert "REVOKEDTOKEN42" not in message and caught.value.code == "invalid_grant"


def test_amazons_reason_stays_its_own_inside_a_chinese_sentence(standin, api_settings) -> None:
    with api(standin, api_settings) as client, pytest.raises(ApiError) as caught:
        client.call("getReport", "GET", "/reports/2021-06-30/reports/nope")
    assert str(caught.value) == "getReport：Amazon 返回 400：400: Invalid input (Invalid input)"
    assert caught.value.reason == "400: Invalid input (Invalid input)"


def test_throttled_until_the_budget_runs_out_is_one_chinese_sentence(standin, api_settings) -> None:
    standin.throttle["getReports"] = 10
    with api(standin, api_settings, retry_attempts=2) as client, pytest.raises(Unreachable) as caught:
        client.call("getReports", "GET", "/reports/2021-06-30/reports")
    assert str(caught.value) == ("getReports：尝试 2 次后放弃（被 Amazon 限流（429））；下次同步会从这次停下的地方继续")

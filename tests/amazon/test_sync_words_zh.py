"""Under 简体中文 the sync reads in Chinese where the app shows it: the header's freshness, the progress, Today's
failed-stream item and the lock message. What the store keeps (a stream, its error) stays English."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.sync import state
from sellertui.domain.sync.lock import SyncBusy, SyncLock
from sellertui.domain.sync.status import SyncStatus, StreamStatus, ago
from sellertui.domain.sync.words import SKIPPED, error_text, stream_name


NOW = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)


def status(**kw) -> SyncStatus:
    failing = StreamStatus("transactions", "US", False, NOW.isoformat(), "", "internal error", {})
    return SyncStatus(connected=True, last_sync_at=(NOW - timedelta(minutes=7)).isoformat(), new_orders=2,
                      settlements=1, streams=[failing], **kw)


def test_the_headers_freshness_in_chinese(chinese) -> None:
    assert status().header(NOW) == "7 分钟前同步 · 2 个新订单 · 1 份结算 · 1 个数据流失败"
    assert SyncStatus(connected=True).header(NOW) == "尚未同步"
    assert SyncStatus(connected=True, running={"pid": 1}).header(NOW) == "同步中…"
    assert ago((NOW - timedelta(hours=3)).isoformat(), NOW) == "3 小时前"
    assert ago("yesterday", NOW) == "于 yesterday"


def test_the_headers_freshness_in_english_is_as_before() -> None:
    assert status().header(NOW) == "synced 7 min ago · 2 new orders · 1 settlement · 1 stream failed"
    assert ago(NOW.isoformat(), NOW) == "just now" and ago((NOW - timedelta(days=3)).isoformat(), NOW) == "3 days ago"


def test_a_stored_error_stays_english_and_shows_translated(chinese) -> None:
    assert SKIPPED == "skipped: the credentials were refused"
    assert error_text(SKIPPED) == "已跳过：凭证被拒绝"
    assert error_text("sellertui failed unexpectedly (KeyError: 'x'); Amazon said: FATAL") == \
        "sellertui 意外出错（KeyError: 'x'）；Amazon said: FATAL"
    assert stream_name("transactions") == "交易" and stream_name("nonsense") == "nonsense"


def test_todays_failed_stream_item_in_chinese(shop, chinese) -> None:
    from sellertui import clock
    from sellertui.domain.sync.today import sync_section

    state.save_state(shop.store, "transactions", "US", "sync of transactions", last_run_at=clock.stamp(), ok=False,
                     error="skipped: the credentials were refused")
    item = sync_section(shop, clock.now(), "ana").items[0]
    assert item.key == "sync:transactions|US"
    assert item.title == "卖家后台同步 交易（站点 US）失败"
    assert item.detail == "已跳过：凭证被拒绝"
    assert state.read_state(shop.store, "transactions", "US")["error"] == "skipped: the credentials were refused"


def test_the_lock_message_in_chinese(tmp_path, chinese) -> None:
    with SyncLock(tmp_path, "bo", "sellertui sync"):
        with pytest.raises(SyncBusy) as held:
            with SyncLock(tmp_path, "ana"):
                pass
    assert str(held.value).startswith("sellertui sync（pid ") and ", bo" not in str(held.value)
    assert "bo，自 " in str(held.value) and str(held.value).endswith("正在同步这个店铺；请等它完成后再试")
    (tmp_path / "elsewhere").write_text("")
    (tmp_path / "sync.lock").unlink()
    (tmp_path / "sync.lock").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UserError, match="是符号链接；请删除它"):
        with SyncLock(tmp_path, "ana"):
            pass


def test_a_streams_summary_line_shows_the_syncs_own_errors_in_chinese(chinese) -> None:
    from sellertui.domain.sync.results import StreamResult

    result = StreamResult("orders", "US", errors=[SKIPPED, "Amazon said: bad date; bad marketplace"])
    line = result.line()
    assert "已跳过：凭证被拒绝" in line and "skipped" not in line
    # Amazon's own text is shown whole, its "; " kept: only the joins between errors are the Chinese "；"
    assert line.endswith("已跳过：凭证被拒绝；Amazon said: bad date; bad marketplace")


def test_a_streams_summary_line_in_english_is_as_before() -> None:
    from sellertui.domain.sync.results import StreamResult

    line = StreamResult("orders", "US", errors=[SKIPPED, "Amazon said: x; y"]).line()
    assert line.endswith(" — failed: skipped: the credentials were refused; Amazon said: x; y")

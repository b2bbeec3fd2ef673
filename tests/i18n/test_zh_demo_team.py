"""The Chinese demo shop's team writes in Chinese: tasks, routines, notices, notes; the English demo is as it was."""

from __future__ import annotations

import json
import re

import pytest

from sellertui.demo import build
from sellertui.demo.chinese_team import TEAM, decided
from sellertui.domain.watch.entry import buybox_owner

LATIN_WORDS = re.compile(r"[A-Za-z]{3,}")
# codes, names and model lines (Pro, Classic) stay as they are on the listing
CODES = {"FBM", "FBA", "PED", "Prime", "Pro", "Classic", "BambooCo", "Kitchenly", "HomeChef"}


@pytest.fixture(scope="module")
def both():
    return build("small", 7, "ana"), build("small", 7, "ana", lang="zh-CN")


def english_words(text: str) -> set[str]:
    return {w for w in LATIN_WORDS.findall(text or "") if w not in CODES} - {"FBA15K2X"}


def test_every_team_text_is_in_the_english_demo(both):
    """A key that no longer matches the English demo would leave English in the Chinese one."""
    english, _zh = both
    everything = json.dumps(english, ensure_ascii=False)
    assert all(json.dumps(text, ensure_ascii=False)[1:-1] in everything for text in TEAM)


def test_the_team_writes_in_chinese(both):
    _english, zh = both
    texts = [t["title"] for t in zh["tasks"]] + [t.get("description") or "" for t in zh["tasks"]]
    texts += [r["title"] for r in zh["recurring"]] + [n[k] for n in zh["notices"] for k in ("title", "body")]
    texts += [n[k] for n in zh["product_notes"] for k in ("selling_points", "answers")]
    texts += [p.get("notes") or "" for p in zh["purchase_orders"]] + [c.get("note") or "" for c in zh["cash_reserve"]]
    texts += [p["name"] for p in zh["promotions"]] + [p.get("notes") or "" for p in zh["promotions"]]
    texts += [h.get("reason") or "" for p in zh["products"] for h in p.get("stock_history") or []]
    texts += [a["reason"] for a in zh["ad_actions"]] + [p["title"] for p in zh["products"]]
    texts += [w["label"] for w in zh["watchlist"] if w.get("own")]
    left = {text: english_words(text) for text in texts if english_words(text)}
    assert not left, left
    assert "审批黑五秒杀价格" in texts and "（演示）" in zh["ad_actions"][0]["reason"]


def test_the_english_demo_keeps_its_words(both):
    english, _zh = both
    assert english["tasks"][0]["title"] == "Approve Black Friday deal prices"
    assert english["ad_actions"][0]["reason"].startswith("(demo) decided ")
    assert decided("(demo) decided 12 days ago on the 30 days before") == "（演示）12 天前按之前 30 天的数据决定"


def test_the_buy_box_field_takes_the_owner_as_shown_in_chinese():
    assert buybox_owner("你") == buybox_owner("you") == {"buybox_seller": None, "buybox_mine": True}
    assert buybox_owner("无人") == buybox_owner("none") == {"buybox_seller": "", "buybox_mine": False}

"""Every translation uses the glossary's term wherever its English names the thing."""

from __future__ import annotations

import re
import tomllib

from sellertui.core.i18n import LOCALE_DIR
from sellertui.devtools.catalog import po_files, read


def glossary() -> dict[str, str]:
    return tomllib.loads((LOCALE_DIR / "glossary.toml").read_text(encoding="utf-8"))["terms"]


def term_pattern(term: str) -> re.Pattern:
    """The English term as a word, with its plural and past endings ("campaigns", "negated")."""
    stem = re.escape(term).replace(r"\ ", r"[\s-]+")
    return re.compile(rf"(?<![\w&]){stem}(?:s|es|d|ed|ing)?(?![\w&])", re.IGNORECASE)


PLACEHOLDER = re.compile(r"\{[^}]*\}|%\(\w+\)[sdr]|`[^`]*`")  # filled in, or code: never translated


def misses(pairs, terms: dict[str, str]) -> list[str]:
    found = []
    for msgid, msgstr in pairs:
        english = PLACEHOLDER.sub(" ", msgid)  # "{marketplaces}", "`sellertui export`" stay as they are
        for term, chinese in terms.items():
            if msgstr and term_pattern(term).search(english) and chinese not in msgstr:
                found.append(f"{msgid!r} → {msgstr!r}: '{term}' is {chinese}")
    return found


def catalog_pairs():
    for po in po_files():
        for message in read(po):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
            strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
            for msgid in ids:
                for msgstr in strings:
                    yield msgid, msgstr


def test_the_glossary_holds_the_trade_terms():
    terms = glossary()
    for english, chinese in {"campaign": "广告活动", "search term": "搜索词", "negate": "否定",
                             "days of cover": "库存周转天数", "reorder": "补货",
                             "settlement report": "结算报告", "P&L": "利润表", "hiring": "招聘"}.items():
        assert terms[english] == chinese


def test_every_translation_uses_the_glossary_terms():
    problems = misses(catalog_pairs(), glossary())
    assert not problems, "\n".join(problems[:40])


def test_the_check_catches_a_wrong_term_and_passes_endings_and_case():
    terms = {"campaign": "广告活动", "negate": "否定", "P&L": "利润表", "reorder": "补货"}
    assert misses([("Pause the campaigns", "暂停活动")], terms)  # 活动 alone is a promotion's word
    assert not misses([("Pause the Campaigns", "暂停广告活动")], terms)
    assert misses([("Negated 3 terms", "已排除 3 个")], terms)
    assert not misses([("Reorder now", "立即补货"), ("Order soon", "尽快下单")], terms)  # 'order' is not 'reorder'
    assert misses([("The P&L by month", "按月的损益")], terms)
    assert not misses([("Untranslated campaign", "")], terms)
    assert not misses([("Sells in {campaign}", "在 {campaign} 销售")], terms)  # a placeholder is no term  # not yet translated: the coverage test's job

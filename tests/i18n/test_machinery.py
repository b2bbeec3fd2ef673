"""The language machinery: choosing the language, gettext catalogs, the compiled .mo and its fallback."""

from __future__ import annotations

import os
import time

import pytest

from sellertui.core import i18n
from sellertui.core.i18n import N_, _, language, language_from, ngettext, set_language


@pytest.mark.parametrize("config, environ, expected", [
    ("zh-CN", {"LANG": "en_US.UTF-8"}, "zh-CN"),
    ("en", {"LANG": "zh_CN.UTF-8"}, "en"),
    ("", {"LANG": "zh_CN.UTF-8"}, "zh-CN"),
    ("", {"LANG": "zh_TW.UTF-8"}, "zh-CN"),  # zh_* → zh-CN (the only Chinese catalog)
    ("", {"LC_MESSAGES": "zh_CN.GB18030", "LANG": "en_US.UTF-8"}, "zh-CN"),
    ("", {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL wins, as in POSIX
    ("", {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_GB.UTF-8"}, "zh-CN"),
    ("", {"LANG": "de_DE.UTF-8"}, "en"),  # no German catalog: English
    ("", {}, "en"),
    (None, {"LANG": "zh_CN"}, "zh-CN"),
])
def test_language_from_config_then_environment(config, environ, expected):
    assert language_from(config, environ) == expected


def test_set_language_switches_gettext_and_back():
    assert language() == "en"
    assert _("Help") == "Help"
    assert set_language("zh_CN.UTF-8") == "zh-CN" and language() == "zh-CN"
    assert _("Help") == "帮助"
    assert ngettext("%(count)d file was not imported (nothing of it was written)",
                    "%(count)d files were not imported (nothing of them was written)", 2) % {"count": 2} \
        == "2 个文件未导入（其内容均未写入）"
    assert _("") == ""  # gettext would return the catalog's header
    assert N_("Help") == "Help"  # marked only: translated where shown
    set_language("en")
    assert _("Help") == "Help"
    with pytest.raises(ValueError):
        set_language("klingon")


def test_a_stale_mo_is_compiled_from_the_po_in_memory(tmp_path, monkeypatch):
    folder = tmp_path / "zh_CN" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "sellertui.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgid "Quit"\nmsgstr "退出（新）"\n', encoding="utf-8")
    mo = folder / "sellertui.mo"
    mo.write_bytes(b"not a catalog")  # older than the .po: must not be read
    old = time.time() - 60
    os.utime(mo, (old, old))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.catalog.cache_clear()
    try:
        assert i18n.catalog("zh-CN").gettext("Quit") == "退出（新）"
    finally:
        i18n.catalog.cache_clear()


def test_the_installed_package_has_its_compiled_catalog():
    """`pip install` (and `-e .`) ran setup.py's step: the .mo is there and as new as its .po."""
    po = i18n.LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "sellertui.po"
    mo = po.with_suffix(".mo")
    assert mo.exists(), "the catalog was not compiled at install: reinstall with pip install -e ."
    from sellertui.core.i18n import compile_po

    import gettext

    with mo.open("rb") as fp:
        installed = gettext.GNUTranslations(fp)
    fresh = gettext.GNUTranslations(compile_po(po))
    assert installed.gettext("Help") == fresh.gettext("Help") == "帮助"

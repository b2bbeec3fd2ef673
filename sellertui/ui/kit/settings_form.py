"""Edit one section of config.toml (an area's thresholds) in a form: the one way every tab does it.

Fields come from the section's defaults in ``sellertui.config.SECTION_DEFAULTS``:
their type decides how the text is parsed. Saving (in a worker: it writes a
file) keeps the rest of the file and its comments, and posts ``SettingsSaved``
with the keys that changed, so the area can re-run its rules at once.
"""

from __future__ import annotations

from typing import Any, Callable

from textual.message import Message
from textual.widget import Widget

from sellertui import config
from sellertui.domain import fields
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.core.i18n import _


def _parser(default: Any) -> Callable[[str], Any]:
    if isinstance(default, bool):
        def parse_bool(text: str) -> bool:
            value = text.strip().lower()
            if value in ("true", "yes", "1", "on"):
                return True
            if value in ("false", "no", "0", "off"):
                return False
            raise fields.FieldError(_("true or false"))
        return parse_bool
    if isinstance(default, int):
        return lambda text: fields.integer(text)
    if isinstance(default, float):
        return lambda text: fields.number(text)
    return lambda text: fields.text(text, required=True)


def _shown(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else f"{value:g}" if isinstance(value, float) else str(value)


def settings_form(settings: config.Settings, section: str, labels: dict[str, str] | None = None,
                  check: Callable[[dict], dict[str, str]] | None = None) -> FormScreen:
    defaults = config.SECTION_DEFAULTS[section]
    current = settings.section(section)
    labels = labels or {}
    form_fields = [
        Field(key, labels.get(key, key.replace("_", " ")), _parser(default), value=_shown(current[key]),
              help=_("default {value}").format(value=_shown(default)))
        for key, default in defaults.items()
    ]
    return FormScreen(_("Settings: {section}").format(section=section), form_fields, check=check)


def save_section(settings: config.Settings, section: str, values: dict[str, Any]) -> dict[str, Any]:
    """Write the values that differ from the current ones; return the changed keys."""
    current = settings.section(section)
    changed = {k: v for k, v in values.items() if current.get(k) != v}
    for key, value in changed.items():
        config.save_value(settings.path, f"{section}.{key}", value)
    settings.sections.setdefault(section, {}).update(changed)
    return changed


class SettingsSaved(Message, bubble=False):
    """A settings section was saved; ``changed`` holds the keys whose value changed (maybe none)."""

    def __init__(self, section: str, changed: dict[str, Any]) -> None:
        self.section = section
        self.changed = changed
        super().__init__()


def edit_section(owner: Widget, section: str, form: FormScreen | None = None, labels: dict[str, str] | None = None,
                 check: Callable[[dict], dict[str, str]] | None = None) -> None:
    """Ask for ``section``'s values (``form``, or the generic one), save what changed, then post
    ``SettingsSaved`` to ``owner``."""
    settings = owner.app.ctx.settings

    def write(values: dict) -> None:
        owner.post_message(SettingsSaved(section, save_section(settings, section, values)))

    def done(values: dict | None) -> None:
        if values:
            owner.run_worker(lambda: write(values), thread=True, group="settings", exit_on_error=False)

    owner.app.push_screen(form or settings_form(settings, section, labels, check), done)


def saved_note(changed: dict[str, Any], after: str = "") -> str:
    """"Saved x, y; the rules ran again." or "Nothing changed"."""
    if not changed:
        return _("Nothing changed.")
    saved = ", ".join(changed)
    return _("Saved {settings}; {after}.").format(settings=saved, after=after) if after else \
        _("Saved {settings}.").format(settings=saved)

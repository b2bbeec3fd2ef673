"""Edit one section of config.toml (an area's thresholds) in a form.

Fields come from the section's defaults in ``sellertui.config.SECTION_DEFAULTS``:
their type decides how the text is parsed. Saving writes only what changed,
keeping the rest of the file and its comments, and returns the new values so
the area can re-run its rules at once.
"""

from __future__ import annotations

from typing import Any, Callable

from sellertui import config
from sellertui.domain import fields
from sellertui.ui.kit.forms import Field, FormScreen


def _parser(default: Any) -> Callable[[str], Any]:
    if isinstance(default, bool):
        def parse_bool(text: str) -> bool:
            value = text.strip().lower()
            if value in ("true", "yes", "1", "on"):
                return True
            if value in ("false", "no", "0", "off"):
                return False
            raise fields.FieldError("true or false")
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
              help=f"default {_shown(default)}")
        for key, default in defaults.items()
    ]
    return FormScreen(f"Settings: {section}", form_fields, check=check)


def save_section(settings: config.Settings, section: str, values: dict[str, Any]) -> dict[str, Any]:
    """Write the values that differ from the current ones; return the changed keys."""
    current = settings.section(section)
    changed = {k: v for k, v in values.items() if current.get(k) != v}
    for key, value in changed.items():
        config.save_value(settings.path, f"{section}.{key}", value)
    settings.sections.setdefault(section, {}).update(changed)
    return changed

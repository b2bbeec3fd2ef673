"""Where a key map goes wrong: keys bound twice where they are live, unknown binding ids, malformed keys.

Pure: it reads the BINDINGS of the app, tab, view and widget classes without
running anything, so the app's start (a notification, and ``?``) and
``sellertui check`` say the same. A *place* is one focus chain, as Textual
resolves a key in it: the focused widget first (a table, the month grid, the
checklist), then the view, the tab, the screen and the app; the first binding
of a key on that way wins and the ones behind it never fire.

The defaults are designed: a tab may take an app-wide letter for its own work
(Inventory's ``i`` is the SKU card, not Import), and the footer shows what a
key does where it is pressed. So a clash is reported only where the user's key
map put a key: that is where a remap silently does nothing.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import string
from sellertui.core.i18n import _
from dataclasses import dataclass
from typing import Iterable, Iterator

from textual.binding import Binding
from textual.keys import Keys, _character_to_key

MODIFIERS = ("ctrl", "alt", "shift", "meta", "super", "hyper")
NAMED = {k.value for k in Keys if "+" not in k.value and not k.value.startswith("<")} | {
    _character_to_key(c) for c in string.punctuation} | {"space"}
SHOWN_PLACES = 3  # places named in a clash's sentence; the rest are counted


@dataclass(frozen=True)
class Bound:
    """One binding as the user meets it: its id, its keys (Textual's names), what it does and whose it is."""

    id: str
    keys: tuple[str, ...]
    description: str
    owner: str
    remapped: bool = False  # its keys come from the user's key map


@dataclass(frozen=True)
class Place:
    """Where keys are live at once: ``layers`` from the focused widget out to the app (first wins)."""

    name: str
    layers: tuple[tuple[Bound, ...], ...]


# -- keys ----------------------------------------------------------------------------


def key_problem(key: str) -> str | None:
    """Why ``key`` (one key of a key string) is not a key Textual can bind, or None."""
    if key == "":
        return _("an empty key")
    if len(key) == 1:
        return None if key.isprintable() and not key.isspace() else \
            _("{key} is not a printable character").format(key=repr(key))
    *mods, base = key.split("+")
    if not base:
        return _("“{key}” has no key after its modifier").format(key=key)
    for mod in mods:
        if mod.lower() in MODIFIERS and mod not in MODIFIERS:
            return _("key names are lower case: “{lower}”, not “{key}”").format(lower=key.lower(), key=key)
        if mod not in MODIFIERS:
            return _("“{modifier}” in “{key}” is not a modifier ({modifiers})").format(
                modifier=mod, key=key, modifiers=", ".join(MODIFIERS))
    if len(set(mods)) != len(mods):
        return _("“{key}” repeats a modifier").format(key=key)
    if len(base) == 1 and base.isprintable() and not base.isspace():
        return None
    if base.lower() in NAMED and base != base.lower():
        return _("key names are lower case: “{lower}”, not “{key}”").format(
            lower=key.replace(base, base.lower()), key=key)
    if base in NAMED:
        return None
    near = difflib.get_close_matches(base, sorted(NAMED), n=1)
    if near:
        return _("“{name}” is not a key name (did you mean “{near}”?)").format(name=base, near=near[0])
    return _("“{name}” is not a key name").format(name=base)


def normalize(key: str) -> str:
    """A key as Textual names it: ``?`` is ``question_mark``, ``O`` stays ``O``."""
    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


def split_keys(keys: str) -> tuple[str, ...]:
    """A binding's or a key map's key string ("up,k") as normalized keys."""
    return tuple(normalize(k) for k in keys.split(","))


# -- what the classes bind -------------------------------------------------------------


def merged(cls) -> list[Binding]:
    """The bindings an instance of ``cls`` has: its own over its bases' (one list per key, as Textual merges)."""
    return [b for bindings in cls._merge_bindings().key_to_bindings.values() for b in bindings]


def bound(cls, owner: str, keymap: dict[str, str]) -> tuple[Bound, ...]:
    """``cls``'s bindings with ids, the key map applied (a remapped binding has the key map's keys)."""
    out: dict[str, Bound] = {}
    for binding in merged(cls):
        if not binding.id:
            continue
        remapped = binding.id in keymap
        keys = split_keys(keymap[binding.id]) if remapped else split_keys(binding.key)
        previous = out.get(binding.id)
        if previous is not None and not remapped:  # a binding listed under several keys ("up,k")
            keys = tuple(dict.fromkeys(previous.keys + keys))
        out[binding.id] = Bound(binding.id, keys, binding.description or binding.action, owner, remapped)
    return tuple(out.values())


def places(app_class, tabs: Iterable[type], keymap: dict[str, str]) -> list[Place]:
    """Every focus chain of the main screen: each tab (and view) with each widget that can hold the keys."""
    from textual.screen import Screen

    outer = (bound(Screen, "Screen", keymap), bound(app_class, "Everywhere", keymap))
    found: list[Place] = []
    for area in tabs:
        area_layer = bound(area, area.TITLE, keymap)
        views = getattr(area, "VIEWS", ()) or (None,)
        for view in views:
            name = area.TITLE if view is None else f"{area.TITLE} › {view.TITLE}"
            view_layer = () if view is None else bound(view, name, keymap)
            holder = area if view is None else view
            widgets = getattr(holder, "FOCUS_WIDGETS", ()) or (None,)
            for widget in widgets:
                widget_layer = () if widget is None else bound(widget, help_title(widget), keymap)
                found.append(Place(name, (widget_layer, view_layer, area_layer, *outer)))
    return found


def help_title(cls) -> str:
    """What ``?`` calls a widget's keys: its ``HELP_TITLE``, else its class name."""
    return getattr(cls, "HELP_TITLE", "") or cls.__name__


def known_ids() -> set[str]:
    """Every binding id of every sellertui screen, tab, view and widget, and of Textual's own widgets."""
    import sellertui.ui
    import textual.widgets
    from textual.app import App
    from textual.dom import DOMNode

    for module in pkgutil.walk_packages(sellertui.ui.__path__, "sellertui.ui."):
        importlib.import_module(module.name)
    ids: set[str] = set()
    stack = [DOMNode]
    seen: set[type] = set()
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        stack.extend(cls.__subclasses__())
        ids.update(b.id for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.id)
    for name in textual.widgets.__all__:  # Textual's widgets load lazily: ask for each
        widget = getattr(textual.widgets, name, None)
        if isinstance(widget, type):
            ids.update(b.id for b in merged(widget) if b.id)
    ids.update(b.id for b in merged(App) if b.id)
    return ids


# -- the problems ---------------------------------------------------------------------------


@dataclass
class KeymapCheck:
    usable: dict[str, str]  # the entries to apply: a known id and well-formed keys
    problems: list[str]  # one sentence each: unknown ids and malformed keys, then clashes


def check_keymap(keymap: dict[str, str], app_class, tabs: Iterable[type],
                 known: set[str] | None = None) -> KeymapCheck:
    """What is wrong with ``keymap`` (malformed keys, unknown ids, then clashes) and what can be applied."""
    known = known_ids() if known is None else known
    problems: list[str] = []
    usable: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            near = difflib.get_close_matches(binding_id, sorted(known), n=1, cutoff=0.8)
            problems.append(said(_("no binding has the id “{id}” (did you mean “{near}”?).").format(
                id=binding_id, near=near[0]) if near else
                _("no binding has the id “{id}”; ? lists the ids.").format(id=binding_id)))
            continue
        bad = [p for p in (key_problem(k.strip()) for k in keys.split(",")) if p]
        if bad:
            problems.append(said(_("“{id}” = “{keys}” is not a key: {why}.").format(id=binding_id, keys=keys,
                                                                                       why=bad[0])))
            continue
        usable[binding_id] = keys
    problems.extend(clashes(places(app_class, tabs, usable)))
    return KeymapCheck(usable, problems)


def clashes(found: list[Place]) -> list[str]:
    """Keys the user's key map put where another binding already holds them, one sentence per pair."""
    where: dict[tuple, list[str]] = {}
    pairs: dict[tuple, tuple[Bound, Bound]] = {}
    for place in found:
        for winner, loser, key in _shadowed(place):
            pair = (winner.id, loser.id, key)  # the same pair in a table and a board column: one sentence
            pairs.setdefault(pair, (winner, loser))
            where.setdefault(pair, []).append(place.name)
    sentences = []
    for pair, names in where.items():
        (winner, loser), key = pairs[pair], pair[2]
        names = list(dict.fromkeys(names))
        shown = ", ".join(names[:SHOWN_PLACES])
        if len(names) > SHOWN_PLACES:
            shown = _("{places} and {count} more").format(places=shown, count=len(names) - SHOWN_PLACES)
        sentences.append(said(_("“{key}” is both {winner} and {loser} in {places}; {action} wins there, so "
                                "choose another key.").format(key=key, winner=_named(winner), loser=_named(loser),
                                                              places=shown, action=_(winner.description))))
    return sentences


def _shadowed(place: Place) -> Iterator[tuple[Bound, Bound, str]]:
    """(winner, loser, key) in ``place`` where at least one of the two was put there by the key map."""
    first: dict[str, Bound] = {}
    for layer in place.layers:
        for b in layer:
            for key in b.keys:
                holder = first.get(key)
                if holder is None:
                    first[key] = b
                elif holder.id != b.id and (holder.remapped or b.remapped):
                    yield holder, b, key


def _named(b: Bound) -> str:
    return f"{_(b.owner)}: {_(b.description)} ({b.id})"


def said(problem: str) -> str:
    """A key map problem as the notification and ``sellertui check`` say it ("Key map: …")."""
    return _("Key map: ") + problem


def unsaid(problem: str) -> str:
    """The problem without its "Key map: " (``?`` and ``check`` list them under that heading)."""
    return problem.removeprefix(_("Key map: "))


def hidden_by_widgets(found: list[Place]) -> list[tuple[str, Bound, Bound, str]]:
    """(place, widget's binding, tab's or view's binding, key) where a widget's own key hides the tab's.

    A tab's keys must win over the table's: the defaults keep this list empty.
    """
    hidden = []
    for place in found:
        widget_layer, *inner = place.layers[:3]
        mine = {key: b for b in widget_layer for key in b.keys}
        for layer in inner:
            for b in layer:
                for key in b.keys:
                    if key in mine and mine[key].id != b.id:
                        hidden.append((place.name, mine[key], b, key))
    return hidden

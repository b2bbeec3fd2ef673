"""The costly checklist sections, remembered on disk until what they read changes.

The reorder plan, the promotion checks and the ad proposals read the whole
order and search-term history (1–2 s on a large store); the ship queue parses
the recent months of orders. Their result depends only on the store files
they read, the settings and the day, so it is kept beside the store's frames
(``Shop.cache_dir``: every process and login of the store reads it; one file
per user) under a fingerprint of exactly those (file signatures are stats, so checking costs a
few milliseconds). When nothing they read has changed — a
second start the same day, a teammate's instance, a tick or a new task — the
sections show at once; any write to what they read computes them afresh.
Ticks and snoozes are applied after, so ticking never invalidates them.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Callable

from sellertui.domain.today.model import Item, Section

VERSION = 1  # bump when a slow section's output changes shape or meaning

# the collections each slow provider reads (by provider name); a provider not listed is never remembered
READS: dict[str, tuple[str, ...]] = {
    "ship_section": ("orders",),  # parses the recent months of orders: ~0.4 s at 100k
    "negatives_section": ("feedback", "reviews", "feedback_work", "orders"),  # finds the orders' buyers
    "review_requests_section": ("orders", "returns", "postage_refunds", "buyers", "review_requests", "feedback"),
    "reorder_section": ("products", "orders", "purchase_orders", "promotions"),
    "ad_proposals_section": ("search_terms", "ad_reports", "ad_actions", "ad_targets", "products", "orders"),
    "promotions_section": ("promotions", "events", "promo_fees", "products", "orders", "purchase_orders"),
}


def fingerprint(shop, provider_name: str, now: datetime, user: str) -> str | None:
    """What the provider's result depends on, hashed; None when it cannot be remembered."""
    reads = READS.get(provider_name)
    if reads is None:
        return None
    from sellertui import __version__
    from sellertui.core.i18n import language

    store = shop.store
    files = []
    for name in reads:
        view = store[name]
        files.append([name, [[p, _sig(store.partition_signature(name, p))] for p in view.partitions()]])
    settings = shop.settings
    config = [settings.home_currency, settings.marketplace, settings.sections]
    basis = [VERSION, __version__, provider_name, user, language(), now.date().isoformat(),
             now.astimezone().date().isoformat(), config, files]
    return hashlib.sha1(json.dumps(basis, sort_keys=True, default=str).encode()).hexdigest()


def _sig(sig) -> list[int] | None:
    return None if sig is None else [sig.ino, sig.size, sig.mtime_ns]


def _path(shop, user: str) -> Path:
    """One file per user beside the store's frames: a new login or a teammate's cleared cache finds them."""
    return shop.cache_dir() / "today" / f"{hashlib.sha1(user.encode()).hexdigest()[:12]}.json"


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_bytes())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):  # missing or damaged: it is only a cache
        return {}


def _write(path: Path, data: dict, shared: bool) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        missing = [p for p in (path.parent.parent, path.parent) if not p.exists()]
        for folder in missing:
            folder.mkdir(exist_ok=True)
            os.chmod(folder, 0o2770 if shared else 0o700)  # like the frames: private, or the team's
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o660 if shared else 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(json.dumps(data).encode())
        os.replace(tmp, path)
    except OSError:  # a read-only folder costs speed, never correctness
        tmp.unlink(missing_ok=True)


def _section(data: dict) -> Section:
    items = [Item(**item) for item in data.pop("items")]
    return Section(**data, items=items)


def remembered(shop, provider: Callable, now: datetime, user: str) -> Section:
    """The provider's section: from the memo when its inputs are unchanged, else computed and kept."""
    name = provider.__name__
    key = fingerprint(shop, name, now, user)
    if key is None:
        return provider(shop, now, user)
    path = _path(shop, user)
    entry = _read(path).get(name)
    if isinstance(entry, dict) and entry.get("key") == key:
        try:
            return _section(dict(entry["section"]))
        except (KeyError, TypeError):
            pass
    section = provider(shop, now, user)
    memo = _read(path)  # re-read: another provider or process may have written meanwhile
    memo[name] = {"key": key, "section": asdict(section)}
    _write(path, memo, bool(getattr(shop.store, "shared", False)))
    return section

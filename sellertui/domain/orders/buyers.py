"""Buyers: tags, notes and a blacklist whose new orders get flagged."""

from __future__ import annotations

from sellertui.core.i18n import _
from sellertui.core.errors import UserError


FIELDS = ("id", "blacklisted")  # all the blacklist reads of a buyer


def blacklisted_ids(store, frames=None) -> set[str]:
    """Ids of blacklisted buyers (through the frame cache when given: 21k buyers parse in ~0.5 s)."""
    if frames is None:  # only the flag is decoded: the buyers' names, tags and notes are not read into memory
        from sellertui.store.fields import rows

        return {b["id"] for b in rows(store, "buyers", store["buyers"].partitions(), FIELDS) if b.get("blacklisted")}
    listed = frames.frame("buyers", _blacklist_frame, version=1, fields=FIELDS)
    return set(listed["id"])


def _blacklist_frame(docs: list[dict]):
    import pandas as pd

    return pd.DataFrame({"id": [d["id"] for d in docs if d.get("blacklisted")]}, dtype="object")


def parse_tags(text: str) -> list[str]:
    tags = []
    for raw in text.replace(";", ",").split(","):
        tag = " ".join(raw.split()).lower()
        if tag and tag not in tags:
            if len(tag) > 30:
                raise UserError(_("tag {tag!r}… is longer than 30 characters").format(tag=tag[:30]))
            tags.append(tag)
    return tags


def update_buyer(store, buyer: dict, **changes) -> dict:
    allowed = {"tags", "notes", "blacklisted"}
    if set(changes) - allowed:
        raise UserError(_("unknown buyer field(s): {changes}")
                            .format(changes=', '.join(sorted(set(changes) - allowed))))
    what = ", ".join(f"{k}" for k in changes)
    with store.transaction(f"buyer {buyer.get('name') or buyer['id']}: {what}") as tx:
        current = tx["buyers"].get(buyer["id"])
        if current is None:  # a buyer known only from a message: create the record
            return tx["buyers"].insert({"id": buyer["id"], "name": buyer.get("name", ""), "email": buyer.get("email", ""),
                                        "tags": [], "notes": "", "blacklisted": False, **changes})
        return tx["buyers"].update(buyer["id"], changes, expect_rev=buyer.get("_rev"))

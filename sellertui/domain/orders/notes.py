"""Product notes: the knowledge base per SKU that whoever answers buyers reads."""

from __future__ import annotations

from sellertui import clock


def note_for(store, sku: str | None) -> dict | None:
    return store["product_notes"].get(sku) if sku else None


def save_note(store, sku: str, selling_points: str, answers: str, expect_rev: int | None = None) -> dict:
    fields = {"selling_points": selling_points.strip(), "answers": answers.strip(), "updated_at": clock.stamp()}
    with store.transaction(f"product notes for {sku}") as tx:
        notes = tx["product_notes"]
        if notes.get(sku) is None:
            return notes.insert({"id": sku, "sku": sku, **fields})
        return notes.update(sku, fields, expect_rev=expect_rev)


def notes_by_sku(store) -> dict[str, dict]:
    """Every SKU's product notes (a note's id is its SKU)."""
    return {note["id"]: note for note in store["product_notes"].all()}

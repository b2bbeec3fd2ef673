"""Changes sent to the Sponsored Products v3 endpoints in batches, each item's result kept.

Create (POST), update (PUT) and archive (POST …/delete) take up to 1,000 items
and answer 207 with ``success`` and ``error`` lists whose ``index`` is the
item's place in the batch: each item ends with its new id or Amazon's reason.
A batch the API refuses whole (400, 404, 422…) fails each of its items with
that reason; throttling and 5xx are retried by the client, an expired token is
exchanged once; refused credentials (a 401/403 that persists) stop the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sellertui.amazon.ads.client import AdsApi, first_message
from sellertui.amazon.ads.entities import CREATED_ID, ENTITIES
from sellertui.amazon.errors import ApiError

BATCH = 100  # items per call: well under Amazon's 1,000, so one refused batch costs little
VERBS = {"create": "POST", "update": "PUT", "delete": "POST"}


@dataclass(frozen=True)
class ItemResult:
    ok: bool
    id: str = ""  # the item's id at Amazon (new for a create)
    error: str = ""  # Amazon's reason when not ok


def send(api: AdsApi, entity_name: str, verb: str, items: list, done: Callable[[int], None] | None = None
         ) -> list[ItemResult]:
    """One result per item, in order; ``items`` are request objects, or ids to archive for ``delete``."""
    entity = ENTITIES[entity_name]
    results: list[ItemResult] = []
    for start in range(0, len(items), BATCH):
        batch = items[start:start + BATCH]
        body = {entity.id_filter: {"include": batch}} if verb == "delete" else {entity.key: batch}
        path = f"{entity.path}/delete" if verb == "delete" else entity.path
        try:
            answer = api.call(f"{verb}{entity.operations}", VERBS[verb], path, json=body, media=entity.media).body
        except ApiError as exc:
            if exc.status in (401, 403):
                raise
            results += [ItemResult(False, error=exc.reason)] * len(batch)
        else:
            results += _results(answer, entity_name, len(batch), batch if verb != "create" else None)
        if done is not None:
            done(len(results))
    return results


def _results(answer, entity_name: str, count: int, sent: list | None) -> list[ItemResult]:
    entity = ENTITIES[entity_name]
    lists = answer.get(entity.key) if isinstance(answer, dict) else None
    lists = lists if isinstance(lists, dict) else {}
    found: dict[int, ItemResult] = {}
    id_keys = (CREATED_ID.get(entity_name, entity.id_key), entity.id_key)
    for entry in lists.get("success") or []:
        if isinstance(entry, dict) and isinstance(entry.get("index"), int):
            new_id = next((str(entry[k]) for k in id_keys if entry.get(k) is not None), "")
            if not new_id and sent is not None:
                new_id = _sent_id(sent[entry["index"]], entity.id_key)
            found[entry["index"]] = ItemResult(True, new_id)
    for entry in lists.get("error") or []:
        if isinstance(entry, dict) and isinstance(entry.get("index"), int):
            found[entry["index"]] = ItemResult(False, error=first_message(entry.get("errors")) or
                                               "Amazon refused it without saying why")
    return [found.get(i, ItemResult(False, error="Amazon's answer did not mention it")) for i in range(count)]


def _sent_id(item, id_key: str) -> str:
    return str(item.get(id_key) or "") if isinstance(item, dict) else str(item)

"""The frames a partition written from columns gets in the same step, so the first read after an import is warm.

An import into a new month writes that month straight from columns
(``store.columns``); the store then hands the columns here (``Store.on_columns``,
set by ``Shop``) with the signature the commit gave the month's files. Each frame
the tabs read from that collection is built from the columns (no JSON parsed)
and kept beside the store under that signature, exactly as ``FrameCache.frame``
would have kept it on first read. A later write changes the signature, so a
frame kept here is never read for other records.

``FRAMES`` must name each frame as its reader does (name, builder, version);
tests/domain/test_warming.py checks that every one is then read without
a build.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Callable, NamedTuple

from sellertui import clock


class Warm(NamedTuple):
    name: str
    build: Callable
    version: int = 1
    columns: bool = False  # the builder takes ``store.columns.Columns`` as they are (else: a list of dicts)
    subset_of: str = ""  # these columns of that frame (named before this one) are this frame: no second build
    recent: bool = False  # read only for the last months (sales velocity, promotions, the Ads overview's weeks)
    fields: tuple[str, ...] = ()  # a builder of dicts reads only these fields: its dicts hold only them


RECENT_DAYS = 400  # the months a ``recent`` frame is kept for: its readers look back at most about a year


def frames_of(collection: str) -> list[Warm]:
    """The frames read from ``collection`` (names carry the local zone where the frame bakes it in)."""
    now = clock.now()
    zone, tag = now.tzinfo, now.strftime("%z")
    if collection == "orders":
        from sellertui.domain.ads import overview
        from sellertui.domain.inventory import velocity
        from sellertui.domain.orders.table import FRAME_VERSION
        from sellertui.domain.orders.table_columns import build_orders_columns
        from sellertui.domain.profit import sources
        from sellertui.domain.promotions import board

        # what the velocity, promotions and Ads overview sales frames read of a line: one set of dicts serves all three
        sales = tuple(dict.fromkeys(f for f in (*velocity.SALES_FIELDS, *board.SALES_FIELDS, *overview.SALES_FIELDS)
                                    if f != "id"))
        return [Warm(f"orders{tag}", build_orders_columns, FRAME_VERSION, columns=True),
                Warm(f"profit.orders{tag}", lambda docs: sources.orders_frame(docs, zone), sources.VERSION,
                     columns=True),
                Warm("inventory.sales", velocity.sales_frame, recent=True, fields=sales),
                Warm("promotions.sales", board.sales_frame, 2, recent=True, fields=sales),
                Warm("ads.sales_by_day", overview.sales_frame, recent=True, fields=sales)]
    from sellertui.domain.ads.layouts import BY_REPORT
    from sellertui.domain.ads.rows import LEAN_COLUMNS, LEAN_VERSION, VERSION, build

    for layout in BY_REPORT.values():
        if layout.collection == collection:  # all time (the P&L's ad spend) lean; windows (the Ads views) whole
            return [Warm(layout.name, lambda docs, layout=layout: build(layout, docs), VERSION, columns=True),
                    Warm(layout.name + ".lean", lambda frame: frame[LEAN_COLUMNS], LEAN_VERSION,
                         subset_of=layout.name)]
    return []


def warm(frames, collection: str, partition: str, part, signature) -> int:
    """Keep every frame of ``collection`` for this freshly written partition (a ``ColumnPart``); how many."""
    specs = frames_of(collection)
    if partition < (clock.today() - timedelta(days=RECENT_DAYS)).isoformat()[:7]:  # an old month of history
        specs = [spec for spec in specs if not spec.recent]  # (built on first read, if ever read)
    frames.keep(collection, partition, signature, specs, part)
    return len(specs)

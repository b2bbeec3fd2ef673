"""All orders' first load is read while the tab is built (a read ahead): its rows, and never a stale read."""

from __future__ import annotations

from pathlib import Path

from sellertui.context import Context
from sellertui.domain.orders.table import all_orders
from sellertui.ui.kit.table_columns import sorted_positions
from sellertui.ui.tabs.orders.all_orders import AllOrdersView
from tests.ui.conftest import settle


def keep_frames(data_dir: Path) -> int:
    """Every month's order lines kept as frames (as after any earlier start): the tab then reads ahead."""
    return len(all_orders(Context.create(data_dir).shop()))


async def open_orders(make_app, data_dir: Path):
    """The All orders table once the Orders tab was opened from Today."""
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("2")
        await settle(pilot, app)
        return app.query_one(AllOrdersView).table


async def test_the_first_open_shows_the_rows_read_ahead_newest_first(make_app, demo_copy: Path, monkeypatch) -> None:
    total = keep_frames(demo_copy)
    reads = []
    read_ahead = AllOrdersView.read_ahead.__func__

    def spied(cls, shop):
        reads.append(read_ahead(cls, shop))
        return reads[-1]

    monkeypatch.setattr(AllOrdersView, "read_ahead", classmethod(spied))
    table = await open_orders(make_app, demo_copy)
    assert len(reads) == 1 and reads[0] is not None
    assert table.frame is reads[0][1] and len(table.frame) == total  # the read ahead, shown as it is
    newest_first = sorted_positions(table.frame["purchase_date"], True)
    assert list(table.order) == list(newest_first)  # its sort, worked out in the read, is the table's


async def test_a_read_ahead_from_before_a_write_is_never_shown(make_app, demo_copy: Path, monkeypatch) -> None:
    total = keep_frames(demo_copy)
    stale = []

    def outdated(cls, shop):  # as if a write landed after the read began: its files' signature differs
        frame = all_orders(shop).head(3)
        stale.append(frame)
        return ("before the write",), frame, sorted_positions(frame["purchase_date"], True)

    monkeypatch.setattr(AllOrdersView, "read_ahead", classmethod(outdated))
    table = await open_orders(make_app, demo_copy)
    assert stale and table.frame is not stale[0]
    assert len(table.frame) == total == len(table.order)  # read again from the store

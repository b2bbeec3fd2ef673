"""The frames the Profit tab shows, and the reads behind them, on hand-made records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sellertui.domain.profit import expenses, fx
from sellertui.domain.profit.flags import Flag, rates_wanted
from sellertui.domain.profit.hiring import role_status
from sellertui.domain.profit.pnl import ROWS, Statement
from sellertui.domain.profit.tables import (expenses_frame, plan_frame, rates_frame, skus_frame, statement_frame,
                                            tiles_frame)
from tests.shops import shop_of


def expense(description: str, day: str, amount: int, recurring: str | None = None, until: date | None = None,
            currency: str = "USD") -> dict:
    return {"date": date.fromisoformat(day), "category": "tools", "description": description,
            "amount_minor": amount, "currency": currency, "recurring": recurring, "until": until}


def test_expenses_are_read_and_running_monthly_ones_come_first(store) -> None:
    expenses.add(store, expense("Old tool", "2026-03-01", 900, "monthly", date(2026, 6, 30)))
    expenses.add(store, expense("Boxes", "2026-11-02", 4500))
    expenses.add(store, expense("Software", "2026-01-01", 2900, "monthly", currency="EUR"))
    records = expenses.all_expenses(store)
    frame = expenses_frame(records, "2026-11-22")
    assert list(frame["description"]) == ["Software", "Boxes", "Old tool"]
    assert list(frame["running"]) == [True, False, False]
    assert list(frame["until"]) == ["running", "", "2026-06-30"]
    assert list(frame["repeats"]) == ["every month", "one-off", "every month"]
    assert list(frame["amount"]) == ["€29.00", "$45.00", "$9.00"]
    assert frame["haystack"].iloc[0] == "tools and software software"
    assert set(frame["id"]) == {str(r["id"]) for r in records}


def test_no_expenses_is_an_empty_frame_with_its_columns() -> None:
    frame = expenses_frame([], "2026-11-22")
    assert len(frame) == 0 and {"id", "amount_minor", "running", "haystack"} <= set(frame.columns)


def test_rates_are_read_newest_month_first(store) -> None:
    fx.save_rate(store, "2026-09", "EUR", Decimal("1.08"), "USD")
    fx.save_rate(store, "2026-10", "GBP", Decimal("1.27"), "USD", note="deposit")
    fx.save_rate(store, "2026-10", "CAD", Decimal("0.73"), "USD")
    frame = rates_frame(fx.all_rates(store), "USD")
    assert list(zip(frame["month"], frame["currency"])) == [("2026-10", "CAD"), ("2026-10", "GBP"),
                                                            ("2026-09", "EUR")]
    assert list(frame["in_home"]) == ["0.73 USD", "1.27 USD", "1.08 USD"] and frame["note"].iloc[1] == "deposit"
    assert list(frame["id"]) == ["2026-10|CAD", "2026-10|GBP", "2026-09|EUR"]


def test_the_rates_wanted_are_named_newest_month_first() -> None:
    flags = {
        "2026-09": [Flag("2026-09", "missing", "no_rate", "no CAD→USD rate for 2026-09"),
                    Flag("2026-09", "missing", "no_cost", "no landed cost for MUG")],
        "2026-10": [Flag("2026-10", "missing", "borrowed_rate", "no CAD→USD rate for 2026-10: 2026-08's rate used")],
    }
    assert rates_wanted(flags) == ["no CAD→USD rate for 2026-10: 2026-08's rate used",
                                   "no CAD→USD rate for 2026-09"]
    assert rates_wanted({}) == []


def statement() -> Statement:
    periods = ["2026-09", "2026-10"]
    values = {key: [0, 0] for key in ROWS if key not in ("margin", "units", "orders")}
    values.update(sales=[10_000, 0], fees=[-1_500, -250], net=[8_500, -250])
    estimated = {key: [False, False] for key in values}
    estimated["fees"] = [False, True]
    flags = [[], [Flag("2026-10", "missing", "no_rate", "x"), Flag("2026-10", "estimate", "fee_table", "y")]]
    return Statement("month", "USD", periods, values, estimated, [12, 1_234], [10, 0], flags, date(2026, 11, 22))


def test_a_figure_reads_as_the_p_and_l_shows_it() -> None:
    s = statement()
    assert s.figure("sales", 0) == "$100.00" and s.figure("fees", 1) == "~-$2.50"
    assert s.figure("margin", 0) == "85.0%" and s.figure("margin", 1) == "—"
    assert s.figure("units", 1) == "1,234" and s.figure("orders", 0) == "10"


def test_the_p_and_l_grid_is_newest_first_with_a_row_of_flags() -> None:
    frame, order = statement_frame(statement())
    assert order == [1, 0]
    rows = frame.set_index("key")
    assert list(rows.loc["sales", ["p0", "p1"]]) == ["$0.00", "$100.00"]
    assert rows.loc["net", "label"] == "= Net profit" and rows.loc["net", "p1"] == "$85.00"
    assert list(rows.loc["flags", ["p0", "p1"]]) == ["⚠1 ~1", ""] and rows.loc["flags", "label"] == "Flags"
    assert list(frame["key"]) == [*ROWS, "flags"]


def test_the_hiring_plan_shows_each_role_s_full_cost_and_status() -> None:
    hired = {"id": "a", "position": 1, "title": "Operator", "salary_minor": 200_000, "overhead_pct": 25,
             "status": "hired", "hired_on": "2026-11-01"}
    second = {"id": "b", "position": 2, "title": "PPC", "salary_minor": 100_000, "overhead_pct": 20.5}
    third = {"id": "c", "position": 3, "title": "Designer", "salary_minor": 50_000}
    frame = plan_frame([hired, second, third], second)
    assert list(frame["status"]) == ["hired 2026-11-01", "next", "planned"]
    assert list(frame["cost"]) == [250_000, 120_500, 50_000] and list(frame["overhead"]) == ["25%", "20.5%", "0%"]
    assert role_status(second, None) == "planned" and len(plan_frame([], None).columns) == 7


def test_tiles_and_skus_carry_their_marks() -> None:
    import pandas as pd

    class Tile:
        def __init__(self, title: str, estimated: bool) -> None:
            self.title, self.estimated = title, estimated
            self.sales, self.orders, self.units, self.ads, self.net, self.margin = 100, 1, 2, -10, 40, 0.4

    frame = tiles_frame([Tile("Today", False), Tile("Yesterday", True)])
    assert list(frame["title"]) == ["  Today", "~ Yesterday"] and frame["net"].sum() == 80
    table = pd.DataFrame({"sku": ["MUG", "BOWL", "CUP"], "title": ["Big Mug", "Bowl", "Cup"],
                          "no_cost": [False, True, False], "estimated": [True, True, False]})
    shown = skus_frame(table)
    assert list(shown["flag"]) == ["~", "⚠", ""] and shown["haystack"].iloc[0] == "mug big mug"


def test_the_service_is_built_from_the_shop(store) -> None:
    from sellertui.domain.profit.service import ProfitService

    shop = shop_of(store, user="ben")
    service = ProfitService.for_shop(shop)
    assert (service.store, service.settings, service.user, service.home) == (store, shop.settings, "ben", "USD")
    assert service.frames is shop.frames()


def test_each_tile_is_compared_with_the_period_before() -> None:
    from datetime import date

    from sellertui.domain.profit.tiles import Tile

    def tile(net: int, sales: int = 100) -> Tile:
        return Tile("t", "T", date(2026, 11, 1), date(2026, 11, 1), sales, 1, 1, 0, net, False)

    now = tile(150)
    now.before, now.vs = tile(100), "vs yesterday"
    assert now.change() == 0.5 and now.change("sales") == 0.0
    now.before = tile(-200)  # from a loss to a profit: the change is against the size of the loss
    assert now.change() == 1.75
    now.before = tile(0)
    assert now.change() is None and tile(5).change() is None

"""The watch list and its snapshots in the store: one entry a day, sources merged, CSV all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.watch import entry, snapshots, watchlist


def usd(_market: str) -> str:
    return "USD"


def test_add_checks_the_asin_and_refuses_a_second_watch(store) -> None:
    made = watchlist.add(store, " b07xj8c8f5 ", "us", own=True, label="  Our   board ")
    assert made["id"] == "US|B07XJ8C8F5" and made["label"] == "Our board" and made["own"] is True
    with pytest.raises(UserError, match="already watched in US"):
        watchlist.add(store, "B07XJ8C8F5", "US")
    with pytest.raises(UserError, match="is not an ASIN"):
        watchlist.add(store, "B07-XJ8C8F", "US")
    with pytest.raises(UserError, match="not an Amazon marketplace"):
        watchlist.add(store, "B07XJ8C8F6", "CN")


def test_a_days_figures_merge_the_api_and_the_users(store) -> None:
    watchlist.add(store, "B0RIVAL001", "US")
    snapshots.record(store, [snapshots.build("US", "B0RIVAL001", "2026-11-22", {"price_minor": 1999, "rank": 500,
                                                                                  "currency": "USD"}, "api")], "api")
    entry.record_entry(store, "B0RIVAL001", "US", date(2026, 11, 22), {"rating": "4.4", "coupon": "10% off"}, "USD")
    (day,) = snapshots.history(store, "US", "B0RIVAL001")
    assert (day["price_minor"], day["rank"], day["rating"], day["coupon"]) == (1999, 500, 4.4, "10% off")
    assert day["sources"]["price_minor"] == "api" and day["sources"]["rating"] == "entry"
    # a second sync the same day replaces the API's figures, unknowns too, and keeps the user's
    snapshots.record(store, [snapshots.build("US", "B0RIVAL001", "2026-11-22", {"price_minor": 1899}, "api")], "api")
    (day,) = snapshots.history(store, "US", "B0RIVAL001")
    assert (day["price_minor"], day["rank"], day["rating"]) == (1899, None, 4.4)


def test_snapshots_only_for_watched_asins_and_never_in_the_future(store) -> None:
    with pytest.raises(UserError, match="not on the watch list: B0NOTWATCH"):
        entry.record_entry(store, "B0NOTWATCH", "US", date(2026, 11, 22), {"rating": "4"}, "USD")
    watchlist.add(store, "B0RIVAL001", "US")
    with pytest.raises(UserError, match="in the future"):
        entry.record_entry(store, "B0RIVAL001", "US", date(2026, 11, 23), {"rating": "4"}, "USD")
    with pytest.raises(UserError, match="rating: at most 5"):
        entry.record_entry(store, "B0RIVAL001", "US", date(2026, 11, 22), {"rating": "7"}, "USD")
    with pytest.raises(UserError, match="nothing to record"):
        entry.record_entry(store, "B0RIVAL001", "US", date(2026, 11, 22), {"rating": " "}, "USD")


def test_removing_keeps_the_history_unless_asked(store) -> None:
    watchlist.add(store, "B0RIVAL001", "US")
    entry.record_entry(store, "B0RIVAL001", "US", date(2026, 11, 22), {"rating": "4"}, "USD")
    assert watchlist.remove(store, "B0RIVAL001", "US") == 0
    assert snapshots.history(store, "US", "B0RIVAL001")
    watchlist.add(store, "B0RIVAL001", "US")
    assert watchlist.remove(store, "B0RIVAL001", "US", keep_history=False) == 1
    assert snapshots.history(store, "US", "B0RIVAL001") == []
    with pytest.raises(UserError, match="not watched in US"):
        watchlist.remove(store, "B0RIVAL001", "US")


def test_csv_import_reads_any_column_order_and_keeps_empty_coupons_as_none(store, tmp_path) -> None:
    watchlist.add(store, "B0RIVAL001", "US")
    watchlist.add(store, "B0RIVAL002", "US")
    path = tmp_path / "watch.csv"
    path.write_text("\ufeffDate,ASIN,Review Count,Rating,Coupon,Deal\n"
                    "2026-11-21,b0rival001,1200,4.4,,\n"
                    "2026-11-22,B0RIVAL001,1210,4.4,10% off,Lightning Deal\n"
                    ",,,,,\n"
                    "2026-11-22,B0RIVAL002,55,3.9,none,\n", encoding="utf-8")
    counts = entry.import_csv(store, path, "US", usd)
    assert counts == {"inserted": 3, "updated": 0, "unchanged": 0, "rows": 3}
    first, second = snapshots.history(store, "US", "B0RIVAL001")
    assert (first["coupon"], first["reviews"], second["coupon"], second["deal"]) == ("", 1200, "10% off",
                                                                                    "Lightning Deal")
    assert "price_minor" not in first  # no price column: not known, not zero
    assert entry.import_csv(store, path, "US", usd)["unchanged"] == 3  # importing again changes nothing


@pytest.mark.parametrize(("text", "problem"), [
    ("asin,date,rating\nB0RIVAL001,2026-11-22,six\n", "line 2: rating: a number"),
    ("asin,date,stars,colour\nB0RIVAL001,2026-11-22,4,red\n", "unknown column(s) colour"),
    ("asin,rating\nB0RIVAL001,4\n", "needs an asin column and a date column"),
    ("asin,date,rating\nB0RIVAL001,2026-11-22,4\nB0NOTWATCH,2026-11-22,4\n", "not on the watch list: B0NOTWATCH"),
    ("", "the file is empty"),
])
def test_a_bad_csv_says_why_and_writes_nothing(store, tmp_path, text, problem) -> None:
    watchlist.add(store, "B0RIVAL001", "US")
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(UserError) as caught:
        entry.import_csv(store, path, "US", usd)
    assert problem in str(caught.value)
    assert snapshots.history(store, "US", "B0RIVAL001") == []


def test_typed_and_csv_figures_carry_the_buy_box_owner_and_the_list_shows_it(store, tmp_path) -> None:
    from sellertui.domain.watch.alerts import WatchSettings
    from sellertui.domain.watch.listing import buybox_text, watch_rows

    watchlist.add(store, "B0OWN00001", "US", own=True)
    watchlist.add(store, "B0RIVAL001", "US")
    path = tmp_path / "buybox.csv"
    path.write_text("asin,date,price,Buy Box Owner\n"
                    "B0OWN00001,2026-11-21,24.99,you\n"
                    "B0OWN00001,2026-11-22,23.49,Cheap Jars Ltd\n"
                    "B0RIVAL001,2026-11-22,,none\n")
    assert entry.import_csv(store, path, "US", usd)["inserted"] == 3
    first, second = snapshots.history(store, "US", "B0OWN00001")
    assert (first["buybox_mine"], first["buybox_price_minor"]) == (True, 2499)  # the day's price is the Buy Box's
    assert (second["buybox_seller"], second["buybox_mine"], second["buybox_price_minor"]) == ("Cheap Jars Ltd",
                                                                                              False, 2349)
    rows = {r["asin"]: r for r in watch_rows(store, WatchSettings(), date(2026, 11, 22))}
    own, rival = rows["B0OWN00001"], rows["B0RIVAL001"]
    assert buybox_text(own) == "Cheap Jars Ltd" and buybox_text(rival) == "nobody"
    assert [a.kind for a in own["alerts"]] == ["lost_buybox"]  # typed figures raise the same alert as synced ones
    assert "held by Cheap Jars Ltd" in own["alerts"][0].text
    entry.record_entry(store, "B0RIVAL001", "US", date(2026, 11, 22), {"buybox": "Mine"}, "USD")
    assert buybox_text(next(r for r in watch_rows(store, WatchSettings(), date(2026, 11, 22))
                            if r["asin"] == "B0RIVAL001")) == "you"
    with pytest.raises(UserError, match="buybox: at most 60 characters"):
        entry.record_entry(store, "B0RIVAL001", "US", date(2026, 11, 22), {"buybox": "x" * 61}, "USD")
    assert entry.values_from_text({"buybox": ""}, "USD") == {}  # blank in a CSV cell: not known

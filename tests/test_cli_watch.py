"""`sellertui watch list|add|remove|record|import`: the same domain functions, printed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import run


def test_add_record_list_and_remove(capsys, data_dir: Path, tmp_path: Path) -> None:
    base = ["--data-dir", str(data_dir)]
    assert run(capsys, "watch", "add", "B0OWN00001", "--own", "--label", "Our board", *base)[0] == 0
    code, out, _ = run(capsys, "watch", "add", "b0rival001", "--label", "Rival", *base)
    assert code == 0 and out.strip() == "watching B0RIVAL001 in US (a competitor)"
    assert run(capsys, "watch", "record", "B0RIVAL001", "--date", "-1", "--price", "24.99", "--coupon", "none",
               *base)[0] == 0
    code, out, _ = run(capsys, "watch", "record", "B0RIVAL001", "--price", "21.99", "--coupon", "10% off",
                       "--rating", "4.4", "--reviews", "1,210", *base)
    assert code == 0 and out.startswith("recorded rating, reviews, coupon, price for B0RIVAL001 on 2026-11-22")
    code, out, _ = run(capsys, "watch", "list", "--json", *base)
    rows = json.loads(out)
    assert [r["asin"] for r in rows] == ["B0OWN00001", "B0RIVAL001"]  # own first
    rival = rows[1]
    assert [d["day"] for d in rival["history"]] == ["2026-11-21", "2026-11-22"]  # one entry a day
    assert rival["history"][1]["price_minor"] == 2199 and rival["history"][1]["sources"]["coupon"] == "entry"
    assert {a["kind"] for a in rival["alerts"]} == {"price_cut", "new_coupon"}
    assert (rival["price_minor"], rival["reviews"], rival["coupon"]) == (2199, 1210, "10% off")
    code, out, _ = run(capsys, "watch", "list", *base)
    assert "! Rival cut its price 12%: $24.99 on 2026-11-21 → $21.99" in out
    path = tmp_path / "figures.csv"
    path.write_text("asin,date,rating,reviews\nB0OWN00001,2026-11-22,4.7,88\n")
    code, out, _ = run(capsys, "watch", "import", str(path), "--json", *base)
    assert code == 0 and json.loads(out)["inserted"] == 1
    code, out, _ = run(capsys, "watch", "remove", "B0RIVAL001", *base)
    assert code == 0 and "its history is kept" in out
    rows = json.loads(run(capsys, "watch", "list", "--json", *base)[1])
    assert [r["asin"] for r in rows] == ["B0OWN00001"] and rows[0]["rating"] == 4.7


def test_mistakes_are_one_line_and_exit_1(capsys, data_dir: Path) -> None:
    base = ["--data-dir", str(data_dir)]
    code, _, err = run(capsys, "watch", "add", "xx", *base)
    assert code == 1 and err.strip() == "sellertui: 'xx' is not an ASIN: ten letters and digits, like B07XJ8C8F5"
    run(capsys, "watch", "add", "B0RIVAL001", *base)
    code, _, err = run(capsys, "watch", "record", "B0RIVAL001", "--rating", "7", *base)
    assert code == 1 and err.strip() == "sellertui: rating: at most 5"
    code, _, err = run(capsys, "watch", "record", "B0RIVAL001", "--date", "soon", "--rating", "4", *base)
    assert code == 1 and "--date: a date like" in err
    code, _, err = run(capsys, "watch", "remove", "B0RIVAL002", *base)
    assert code == 1 and err.strip() == "sellertui: B0RIVAL002 is not watched in US"
    code, out, _ = run(capsys, "watch", "list", "--json", *base)
    assert code == 0 and len(json.loads(out)) == 1


def test_record_and_list_the_buy_box_owner(capsys, data_dir: Path) -> None:
    base = ["--data-dir", str(data_dir)]
    run(capsys, "watch", "add", "B0RIVAL001", "--label", "Rival", *base)
    code, out, _ = run(capsys, "watch", "record", "B0RIVAL001", "--price", "21.99", "--buybox", "Rival Co", *base)
    assert code == 0 and out.startswith("recorded price, buybox for B0RIVAL001")
    (row,) = json.loads(run(capsys, "watch", "list", "--json", *base)[1])
    assert (row["buybox_seller"], row["buybox_mine"], row["buybox_price_minor"]) == ("Rival Co", False, 2199)
    assert row["history"][-1]["sources"]["buybox_seller"] == "entry"
    assert "buy box Rival Co" in run(capsys, "watch", "list", *base)[1]

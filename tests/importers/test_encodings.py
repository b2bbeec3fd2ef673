"""Text encodings: each code page Excel saves in is read right, or the user is asked; never silent mojibake.

Hand-made files as Excel saves them on each system: an FBM orders report with product and buyer names in
the local script, tab-separated with CRLF line ends.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sellertui.cli import main
from sellertui.importers.errors import FileProblem
from sellertui.importers.scan import EncodingUnsure
from sellertui.store import open_store
from tests.importers.conftest import parse, run_import, store_files

HEADER = ["order-id", "order-item-id", "purchase-date", "payments-date", "buyer-email", "buyer-name", "sku",
          "product-name", "quantity-purchased", "currency", "item-price", "ship-city", "ship-country"]

PEOPLE = {
    "gbk": ("CNY", "CN", [("张伟", "竹制砧板 大号 厨房用品", "上海市"), ("王芳", "硅胶烘焙垫 两件套", "北京市"),
                          ("李娜", "玻璃储物罐 四件套", "广州市"), ("刘洋", "咖啡罐 哑光黑色", "深圳市")]),
    "big5": ("TWD", "TW", [("張偉", "竹製砧板 大號 廚房用品", "臺北市"), ("王芳", "矽膠烘焙墊 兩件套", "新北市"),
                           ("李娜", "玻璃儲物罐 四件套", "臺中市"), ("劉洋", "咖啡罐 霧面黑色", "高雄市")]),
    "shift_jis": ("JPY", "JP", [("山田 太郎", "竹のまな板 大サイズ キッチン用品", "東京都"),
                                ("佐藤 花子", "シリコン製ベーキングマット 2枚セット", "大阪府")]),
    "cp1252": ("EUR", "FR", [("Élodie Dupont", "Tasse à café crème – 12 oz", "Orléans"),
                             ("François Müller", "Planche à découper – €29 “Classic”", "Besançon")]),
}


def orders_text(script: str) -> str:
    currency, country, people = PEOPLE[script]
    lines = ["\t".join(HEADER)]
    for i, (buyer, product, city) in enumerate(people):
        lines.append("\t".join([f"112-000000{i}-0000001", f"1111{i}", "2026-01-06T09:00:00+00:00",
                                "2026-01-06T09:05:00+00:00", f"b{i}@marketplace.amazon.com", buyer, f"MM-{i}",
                                product, "1", currency, "99.00", city, country]))
    return "\r\n".join(lines) + "\r\n"


def names_read(parsed) -> list[tuple[str, str]]:
    orders = parsed.output.records["orders"]
    return [(o["buyer_name"], o["product"]) for o in orders]


def names_written(script: str) -> list[tuple[str, str]]:
    return [(buyer, product) for buyer, product, _ in PEOPLE[script][2]]


@pytest.mark.parametrize("script, codec, label", [
    ("gbk", "gbk", "GBK / GB18030 (Chinese, simplified)"),  # Excel on a Chinese Windows: "Text (Tab delimited)"
    ("big5", "cp950", "Big5 (Chinese, traditional)"),
    ("shift_jis", "cp932", "Shift_JIS (Japanese)"),
    ("cp1252", "cp1252", "Windows-1252 (Western European)"),
])
def test_each_windows_code_page_is_detected_and_read_right(tmp_path: Path, script: str, codec: str, label: str) -> None:
    path = tmp_path / "orders.txt"
    path.write_bytes(orders_text(script).encode(codec))
    parsed = parse(path)
    assert names_read(parsed) == names_written(script)
    assert f"text read as {label}, detected" in parsed.notes()


@pytest.mark.parametrize("script", ["gbk", "cp1252", "shift_jis"])
def test_excels_unicode_text_is_utf16_with_a_byte_order_mark(tmp_path: Path, script: str) -> None:
    path = tmp_path / "orders.txt"
    path.write_bytes(b"\xff\xfe" + orders_text(script).encode("utf-16-le"))
    assert names_read(parse(path)) == names_written(script)


def test_utf16_without_a_byte_order_mark_is_told_by_its_nul_pattern(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    path.write_bytes(orders_text("gbk").encode("utf-16-le"))
    assert names_read(parse(path)) == names_written("gbk")


def test_a_gbk_file_never_becomes_shift_jis_mojibake(tmp_path: Path) -> None:
    """The issue's file: before, it imported as half-width katakana with no warning."""
    path = tmp_path / "orders.txt"
    path.write_bytes(orders_text("gbk").encode("gbk"))
    buyers = [b for b, _ in names_read(parse(path))]
    assert buyers == ["张伟", "王芳", "李娜", "刘洋"]
    assert not any("\uff61" <= ch <= "\uff9f" for b in buyers for ch in b)  # no half-width katakana


def _two_names(path: Path) -> Path:
    row = ["112-0000001-0000001", "111", "2026-01-06T09:00:00+00:00", "2026-01-06T09:05:00+00:00", "x@m.com",
           "张伟", "SKU-1", "Board", "1", "CNY", "99.00", "", "CN"]
    path.write_bytes(("\t".join(HEADER) + "\r\n" + "\t".join(row) + "\r\n").encode("gbk"))
    return path


def test_when_unsure_the_file_is_refused_with_each_reading_and_nothing_is_written(store, data_dir, tmp_path) -> None:
    path = _two_names(tmp_path / "orders.txt")  # four bytes GBK, Big5 and Shift_JIS all read
    before = store_files(data_dir)
    with pytest.raises(EncodingUnsure) as caught:
        run_import(store, path)
    message = str(caught.value)
    assert message.startswith("orders.txt: cannot tell which text encoding it is in: it reads as ")
    assert "('张伟')" in message and "('ﾕﾅﾎｰ')" in message and "--encoding gbk" in message and "\n" not in message
    assert store_files(data_dir) == before
    result = run_import(store, path, encoding="gbk")
    assert result.inserted == 1 and "text read as GBK / GB18030 (Chinese, simplified), as you chose" in result.notes
    assert [o["buyer_name"] for o in store["orders"].all()] == ["张伟"]


def test_the_cli_refuses_in_one_sentence_naming_encoding_and_takes_it(capsys, data_dir: Path, tmp_path: Path) -> None:
    path = _two_names(tmp_path / "orders.txt")
    code = main(["import", str(path), "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and err.count("\n") == 1 and "say which with --encoding gbk" in err
    code = main(["import", str(path), "--encoding", "gbk", "--json", "--data-dir", str(data_dir)])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out)["inserted"] == 1
    code = main(["import", str(path), "--encoding", "ebcdic", "--data-dir", str(data_dir)])
    assert code == 1 and "--encoding: unknown encoding 'ebcdic'" in capsys.readouterr().err


def test_a_chosen_encoding_that_does_not_fit_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    path.write_bytes(orders_text("gbk").encode("gbk"))
    with pytest.raises(FileProblem, match=r"orders.txt: was read as UTF-8 but line 2 is not \(the byte at [\d,]+"):
        parse(path, encoding="utf-8")


def test_a_byte_order_mark_that_lies_is_named(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    path.write_bytes(b"\xef\xbb\xbf" + orders_text("cp1252").encode("cp1252"))
    with pytest.raises(FileProblem, match="says it is UTF-8 but line 2 is not"):
        parse(path)


def test_the_whole_file_decides_not_its_first_megabyte(tmp_path: Path) -> None:
    """An é on the last of 20,000 lines: UTF-8 by its start, Windows-1252 by its end."""
    currency, country, _ = PEOPLE["cp1252"]
    rows = ["\t".join([f"112-{i:07d}-0000001", str(i), "2026-01-06T09:00:00+00:00", "", "x@m.com", "Ann Smith",
                       "MM-1", "Plain board", "1", "USD", "9.00", "Austin", "US"]) for i in range(20_000)]
    rows[-1] = rows[-1].replace("Ann Smith", "Renée Dupré")
    path = tmp_path / "orders.txt"
    path.write_bytes(("\t".join(HEADER) + "\n" + "\n".join(rows) + "\n").encode("cp1252"))
    assert path.stat().st_size > 1 << 20
    parsed = parse(path)
    assert parsed.output.records["orders"][-1]["buyer_name"] == "Renée Dupré"


def test_utf8_that_breaks_late_is_named_not_guessed(tmp_path: Path) -> None:
    rows = [f"112-{i:07d}-0000001\t{i}\t2026-01-06T09:00:00+00:00\t\tx@m.com\tRenée\tMM-1\tBoard – ß\t1\tEUR\t9.00\t\tDE"
            for i in range(300)]
    data = ("\t".join(HEADER) + "\n" + "\n".join(rows) + "\n").encode("utf-8") + "Zoë\n".encode("cp1252")
    path = tmp_path / "orders.txt"
    path.write_bytes(data)
    with pytest.raises(FileProblem, match="is UTF-8 text until line 302, where the byte at"):
        parse(path)


def test_rejects_of_a_chosen_encoding_are_read_back_in_it(store, tmp_path: Path) -> None:
    path = tmp_path / "orders.txt"
    text = orders_text("gbk").replace("\t1\tCNY", "\tone\tCNY", 1)
    path.write_bytes(text.encode("gbk"))
    result = run_import(store, path, encoding="gbk", skip_bad_rows=True)
    assert result.rejected == 1
    rejects = path.with_name("orders.txt.rejects.csv").read_text(encoding="utf-8-sig")
    assert "张伟" in rejects and "竹制砧板" in rejects

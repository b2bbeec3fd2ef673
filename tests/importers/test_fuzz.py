"""Hostile input, generated: every importer kind and config.toml, against random bytes, random cells under the
real headers, random encodings, truncated and inflated workbooks.

Each property: the outcome is a result or one of our sentences (``UserError``/``ConfigError``), never a
traceback; a failed import leaves every file under the data dir byte-identical; Python's peak allocation
stays bounded. Examples are few and small so the file runs in seconds.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sellertui.config import ConfigError, load
from sellertui.core.errors import UserError
from sellertui.devtools.reports import search_terms_xlsx
from sellertui.importers.errors import RowProblems
from sellertui.importers.kinds import KINDS
from sellertui.importers.pipeline import Options, import_report, parse_report
from sellertui.store import open_store
from tests.importers.conftest import fixture

QUICK = settings(max_examples=40, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
MEMORY_BOUND = 64 << 20  # Python allocations while importing one small hostile file
KIND_NAMES = sorted(KINDS)


def tree(data_dir: Path) -> dict[str, str]:
    """Every file under the data dir (store, backups, locks) and a hash of its bytes."""
    return {str(p.relative_to(data_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(data_dir.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """One store for every example: written once today, so the day's backup already exists."""
    data_dir = tmp_path_factory.mktemp("fuzz") / "shop"
    store = open_store(data_dir, user="ana")
    import_report(store, fixture("all-orders-us.txt"), Options())
    yield store, data_dir
    store.close()


def attempt(shop, name: str, data: bytes, **options) -> None:
    """Import ``data`` as a file; the properties every outcome must have."""
    store, data_dir = shop
    before = tree(data_dir)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        tracemalloc.start()
        try:
            import_report(store, path, Options(period="2026-01-01..2026-01-31", **options))
        except UserError as exc:
            message = str(exc)
            assert message.strip()
            if not isinstance(exc, RowProblems):  # a listing of bad rows is many lines; anything else is one
                assert "\n" not in message, message
            assert tree(data_dir) == before  # nothing written, not even a byte
        finally:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        assert peak < MEMORY_BOUND


def header_line(kind_name: str, sep: str = "\t") -> str:
    return sep.join(c.names[0] for c in KINDS[kind_name].columns)


CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", "0", "-1", "1e999", "NaN", "=cmd|' /C calc'!A0", "2026-02-30", "12,345.67", "1.234,56 €", "\x1b]52;c;x\x07",
     "\"", "'", "N/A", "--", "９９", "2026-01-05T18:22:11+00:00", "45000.5", "TRUE", "\u2028"])


@QUICK
@given(kind=st.sampled_from(KIND_NAMES), body=st.binary(max_size=600))
def test_random_bytes_under_each_kinds_header(shop, kind, body) -> None:
    attempt(shop, "report.txt", header_line(kind).encode() + b"\n" + body, kind=kind)


@QUICK
@given(body=st.binary(max_size=800))
def test_random_bytes_alone(shop, body) -> None:
    attempt(shop, "report.csv", body)


@QUICK
@given(kind=st.sampled_from(KIND_NAMES), sep=st.sampled_from(["\t", ",", ";"]),
       rows=st.lists(st.lists(CELL, min_size=0, max_size=40), min_size=1, max_size=6))
def test_random_cells_under_each_kinds_real_headers(shop, kind, sep, rows) -> None:
    width = len(KINDS[kind].columns)
    lines = [header_line(kind, sep)]
    for row in rows:
        cells = (row + [""] * width)[:width]
        lines.append(sep.join(f'"{c}"' if sep in c or '"' in c or "\n" in c else c for c in cells))
    attempt(shop, "report.txt", ("\n".join(lines) + "\n").encode("utf-8"), kind=kind)


# -- encodings: read right, or refused; never silent mojibake ---------------------------------------------
def _alphabet(codec: str, first: int, last: int, trail=range(0xA1, 0xFF)) -> list[str]:
    chars = []
    for lead in range(first, last + 1):
        for t in trail:
            try:
                chars.append(bytes([lead, t]).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


SCRIPTS = {  # the characters real names and products are written in, for each code page Excel saves
    "gbk": _alphabet("gb2312", 0xB0, 0xD7),
    "cp950": _alphabet("cp950", 0xA4, 0xC6, [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
    "cp932": [chr(c) for c in range(0x3041, 0x3094)] + [chr(c) for c in range(0x30A1, 0x30F7)]
    + _alphabet("cp932", 0x88, 0x97, range(0x9F, 0xFD)),
    "cp1252": list("éèêëàâäçôöûüùîïñßÉÀÇÖÜ"),
}


@st.composite
def encoded_orders(draw) -> tuple[str, list[str], bytes]:
    script = draw(st.sampled_from(sorted(SCRIPTS)))
    codec = draw(st.sampled_from([script, "utf-8", "utf-16"]))
    alphabet = SCRIPTS[script]
    names = []
    for _ in range(draw(st.integers(2, 5))):
        letters = draw(st.lists(st.sampled_from(alphabet), min_size=3, max_size=8))
        if script == "cp1252":  # accents sit inside words
            names.append(" ".join(f"ab{c}cd" for c in letters))
        else:
            names.append("".join(letters))
    headers = header_line("fba-inventory").split("\t")
    lines = ["\t".join(headers)]
    for i, name in enumerate(names):
        cell = {"sku": f"SKU-{i}", "asin": f"B0{i:08d}", "fnsku": f"X0{i:08d}", "product-name": name}
        lines.append("\t".join(cell.get(h, "1") for h in headers))
    return codec, names, ("\r\n".join(lines) + "\r\n").encode(codec)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(encoded_orders())
def test_any_encoding_is_read_exactly_or_refused(case) -> None:
    codec, names, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "inventory.txt"
        path.write_bytes(data)
        try:
            parsed = parse_report(path, Options(kind="fba-inventory"))
        except UserError as exc:  # unsure: refused, naming --encoding
            assert "--encoding" in str(exc)
            return
        read = [r.get("title") or r.get("product_name") for r in parsed.output.records["products"]]
        assert read == names, f"{codec}: read {read!r}"


# -- workbooks: truncated, inflated, mutated --------------------------------------------------------------
_BOOK: dict[str, bytes] = {}


def workbook() -> bytes:
    if "st" not in _BOOK:
        with tempfile.TemporaryDirectory() as folder:
            _BOOK["st"] = search_terms_xlsx(Path(folder) / "st.xlsx", 30).read_bytes()
    return _BOOK["st"]


@QUICK
@given(cut=st.integers(0, 100_000))
def test_truncated_workbooks(shop, cut) -> None:
    data = workbook()
    attempt(shop, "report.xlsx", data[: cut % len(data)])


@QUICK
@given(part=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]),
       declared=st.sampled_from([0, 1, 10, 300 << 20, 1 << 40]), extra=st.integers(0, 4 << 20))
def test_workbooks_whose_parts_lie_or_swell(shop, part, declared, extra) -> None:
    """A part padded with highly compressible bytes, its directory entry set to some other size."""
    source = zipfile.ZipFile(io.BytesIO(workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == part:
                body = body.replace(b"</", b" " * extra + b"</", 1)
            book.writestr(info.filename, body)
        book.getinfo(part).file_size = declared  # the central directory, written at close
    attempt(shop, "report.xlsx", out.getvalue())


# -- config.toml ------------------------------------------------------------------------------------------
TOML_VALUE = st.recursive(
    st.none().map(lambda _: '""') | st.integers().map(str) | st.floats(allow_nan=True).map(
        lambda f: {float("inf"): "inf", float("-inf"): "-inf"}.get(f, "nan" if f != f else repr(f)))
    | st.booleans().map(lambda b: str(b).lower()) | st.text(max_size=10).map(lambda s: '"' + s.encode(
        "unicode_escape").decode().replace('"', '\\"') + '"'),
    lambda inner: st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
    | st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), inner, max_size=3).map(
        lambda d: "{" + ", ".join(f"{k} = {v}" for k, v in d.items()) + "}"),
    max_leaves=6)
KEYS = st.sampled_from(["shop_name", "user", "home_currency", "marketplace", "theme", "shared", "data_dir",
                        "keymap", "inventory", "ads", "profit", "promotions", "zzz"])


@QUICK
@given(st.lists(st.tuples(KEYS, TOML_VALUE), max_size=5), st.lists(
    st.tuples(st.sampled_from(["inventory", "ads", "keymap", "profit"]),
              st.sampled_from(["weight_7", "window_days", "tab.orders", "reserve_months", "x"]), TOML_VALUE),
    max_size=4))
def test_config_toml_documents(top, sections) -> None:
    lines = [f"{key} = {value}" for key, value in top]
    for section, key, value in sections:
        lines += [f"[{section}]", f'"{key}" = {value}']
    _load("\n".join(lines).encode())


@QUICK
@given(st.binary(max_size=300))
def test_config_toml_bytes(data) -> None:
    _load(data)


def _load(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_bytes(data)
        try:
            settings_ = load(path)
        except ConfigError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc).strip()
            return
        settings_.section("inventory")  # what the areas read works on whatever loaded

"""Text measured in terminal cells: 中文 takes two cells a character, and nothing is split in half."""

from __future__ import annotations

from hypothesis import given, strategies as st
from rich.cells import cell_len

from sellertui.core.cells import cut, fit, pad
from sellertui.ui.kit.table_columns import fit_cell


def test_pad_cut_and_fit_count_cells():
    assert pad("蓝牙耳机", 10) == "蓝牙耳机  "  # 8 cells + 2
    assert pad("蓝牙", 6, "right") == "  蓝牙"
    assert cut("蓝牙耳机 Pro", 7) == "蓝牙耳…"  # 6 cells + …
    assert cut("蓝牙耳机", 6) == "蓝牙…  "[:3]  # a wide character never straddles the edge: 5 cells used
    assert fit("蓝牙耳机", 6) == "蓝牙… "
    assert fit("Ana Lopez xyz", 6) == "Ana L…"  # Latin as before
    assert fit_cell("王伟 (VIP)", 12, "left") == "王伟 (VIP)  "
    assert fit_cell("item 1", 8, "right") == "  item 1"


@given(st.text(alphabet=st.sampled_from(list("ab 中文字🙂é")), max_size=30), st.integers(min_value=0, max_value=25),
       st.sampled_from(["left", "right"]))
def test_fit_is_always_exactly_the_width(text, width, align):
    assert cell_len(fit(text, width, align)) == width
    assert cell_len(fit_cell(text, width, align)) == width

"""A table over a pandas frame that renders only the rows on screen.

Textual's DataTable builds every row up front (~7 s for 100k rows); this one
keeps the frame's columns as arrays and formats a row only when it is drawn
(toolong's Line-API pattern), so first paint costs the same at 100 rows or
100k. Filtering and sorting produce an index (``order``) into the frame, never
a copy. Every cell goes through ``safe.plain``: no markup, no control codes.
"""

from __future__ import annotations

from typing import Any, Callable

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sellertui.ui.kit.safe import plain
from sellertui.ui.kit.table_columns import Column, default_fmt, fit_cell, lazy_numpy, plain_value, sorted_positions
from sellertui.ui.kit.table_groups import Lines, group_lines, plain_lines
from sellertui.core.i18n import N_, _

__all__ = ["Column", "FrameTable"]


class FrameTable(ScrollView, can_focus=True):
    """Rows of a frame; ``order`` says which rows and in which order."""

    HELP_TITLE = N_("Table")  # what ? calls these keys

    DEFAULT_CSS = """
    FrameTable { height: 1fr; background: $surface; }
    FrameTable > .frame-table--header { text-style: bold; background: $panel; color: $foreground; }
    FrameTable > .frame-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    FrameTable > .frame-table--cursor-blurred { background: $block-cursor-blurred-background; }
    FrameTable > .frame-table--marked { background: $accent 30%; }
    FrameTable > .frame-table--empty { color: $text-muted; text-style: italic; }
    FrameTable > .frame-table--group { color: $accent; text-style: bold; }
    """
    COMPONENT_CLASSES = {
        "frame-table--group",
        "frame-table--header",
        "frame-table--cursor",
        "frame-table--cursor-blurred",
        "frame-table--marked",
        "frame-table--empty",
    }
    BINDINGS = [
        Binding("up,k", "move(-1)", N_("Up"), show=False, id="table.up"),
        Binding("down,j", "move(1)", N_("Down"), show=False, id="table.down"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="table.page_up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="table.page_down"),
        Binding("home,g", "jump(0)", N_("Top"), show=False, id="table.top"),
        Binding("end,G", "jump(-1)", N_("Bottom"), show=False, id="table.bottom"),
        # arrows only for columns: h and l are letters a view may bind (Promotions' l is its List)
        Binding("left", "column(-1)", N_("Column left"), show=False, id="table.left"),
        Binding("right", "column(1)", N_("Column right"), show=False, id="table.right"),
        Binding("o", "sort_current", N_("Sort"), show=False, id="table.sort"),
        Binding("space", "toggle_mark", N_("Mark"), show=False, id="table.mark"),
        Binding("enter", "select", N_("Open"), show=False, id="table.select"),  # every table: ? and the README say it
    ]

    cursor_row = reactive(0)
    cursor_column = reactive(0)

    class RowHighlighted(Message):
        def __init__(self, table: "FrameTable", position: int | None) -> None:
            self.table = table
            self.position = position  # row position in the frame, None when empty
            super().__init__()

        @property
        def control(self) -> "FrameTable":
            return self.table

    class RowSelected(RowHighlighted):
        pass

    LOADING_TEXT = N_("Reading…")

    def __init__(self, columns: list[Column], empty_text: str = N_("Nothing here."), show_header: bool = True,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.columns = columns
        self._top = 1 if show_header else 0  # lines above the first row
        self.empty_text = empty_text
        self._frame = None
        self._values: dict[str, Any] = {}  # column key -> the frame's array, fetched when first drawn
        self._sort_index = None
        self.order = lazy_numpy().arange(0)
        self.sort_by: tuple[str, bool] | None = None  # (column key, descending)
        self.marked: set[int] = set()
        self._row_cache: dict[int, list[tuple[str, str | None]]] = {}
        # (column, label(value, count), the sort key it groups under): headings between groups of rows
        self.group_by: tuple[str, Callable[[Any, int], str], str] | None = None
        self._lines = plain_lines(0)

    # -- data ------------------------------------------------------------------
    def set_frame(self, frame, order=None, keep_position: bool = True, sorted_index=None) -> None:
        """Show ``frame`` (a pandas DataFrame; None: let its rows go, the marks kept); ``order`` selects rows
        (default: all). ``sorted_index``: (sort key, every position in that order), worked out off the UI thread
        (used while the table sorts by that key)."""
        current = self.current_position if keep_position else None
        self._frame, self._values, self._sort_index = frame, {}, sorted_index
        if frame is not None:
            self.marked = {m for m in self.marked if m < len(frame)}  # not a set of every row: 100k ints, ~5 ms
        np, rows = lazy_numpy(), 0 if frame is None else len(frame)
        self._apply_order(np.arange(rows) if order is None else np.asarray(order), current)

    def set_order(self, order) -> None:
        """Show these frame rows (e.g. a filter's result), keeping the sort."""
        np = lazy_numpy()
        if isinstance(order, range):  # all rows: a million Python ints through asarray cost ~50 ms
            order = np.arange(order.start, order.stop, order.step, dtype=np.intp)
        self._apply_order(np.asarray(order, dtype=np.intp), self.current_position)  # an empty list is float

    def _apply_order(self, order, keep: int | None) -> None:
        np = lazy_numpy()
        if self.sort_by is not None and len(order):
            # Sort once per frame and key; a filter then only picks from that order
            # (a boolean pass, ~1 ms at 100k rows, instead of re-sorting every keystroke).
            index = self._sorted_index()
            if index is not None:
                keep_rows = np.zeros(len(self._frame), dtype=bool)
                keep_rows[order] = True
                order = index[keep_rows[index]]
        self.order = order
        self._row_cache.clear()
        self._lines = self._layout_lines(order)
        self.virtual_size = Size(self._total_width(), len(self._lines) + self._top)
        row = 0
        if keep is not None and len(order):
            hits = np.flatnonzero(order == keep)
            row = int(hits[0]) if len(hits) else min(self.cursor_row, len(order) - 1)
        self.cursor_row = max(0, min(row, len(order) - 1))
        self.scroll_to_cursor()  # the row may be the same number in a new order: show it all the same
        self.refresh()
        self.post_message(self.RowHighlighted(self, self.current_position))

    def _layout_lines(self, order) -> Lines:
        """The rows, with a heading before each group while the table is sorted by the group's key."""
        if self.group_by is None or self.sort_by is None or self.sort_by[0] != self.group_by[2] or not len(order):
            return plain_lines(len(order))
        column, label, _order = self.group_by
        if column not in self._frame:
            return plain_lines(len(order))
        values = self._frame[column].to_numpy()[order]
        return group_lines([None if v != v else v for v in values], label)

    @property
    def frame(self):
        return self._frame

    @property
    def current_position(self) -> int | None:
        """Position in the frame of the row under the cursor."""
        if not len(self.order):
            return None
        return int(self.order[min(self.cursor_row, len(self.order) - 1)])

    def value(self, key: str, position: int | None = None) -> Any:
        position = self.current_position if position is None else position
        if position is None or self._frame is None or key not in self._frame:
            return None
        return self._cell(key, position)

    def row(self, position: int) -> dict[str, Any]:
        """One row as plain Python values (missing values are None)."""
        return {key: self._cell(key, position) for key in self._frame.columns}

    def _cell(self, key: str, position: int) -> Any:
        """One value, read straight from the frame's (Arrow) column: no whole-column copies."""
        values = self._values.get(key)
        if values is None:
            values = self._values[key] = self._frame[key].array
        return plain_value(values[position])

    def selected_positions(self) -> list[int]:
        """Marked rows, or the row under the cursor when none is marked."""
        if self.marked:
            return sorted(self.marked)
        return [] if self.current_position is None else [self.current_position]

    # -- sorting ---------------------------------------------------------------
    def _sorted_index(self):
        """Every frame position, sorted by ``sort_by`` (cached until the frame or key changes)."""
        key, descending = self.sort_by
        if self._frame is None or key not in self._frame:
            return None
        if self._sort_index is None or self._sort_index[0] != self.sort_by:
            self._sort_index = (self.sort_by, sorted_positions(self._frame[key], descending))
        return self._sort_index[1]

    def sort(self, column_index: int, descending: bool | None = None) -> None:
        column = self.columns[column_index]
        key = column.sort_key or column.key
        if descending is None:
            descending = self.sort_by == (key, False)
        self.sort_by = (key, descending)
        self._apply_order(self.order, self.current_position)

    def action_sort_current(self) -> None:
        self.sort(self.cursor_column)

    # -- cursor ----------------------------------------------------------------
    def action_move(self, step: int) -> None:
        self.cursor_row = max(0, min(self.cursor_row + step, len(self.order) - 1))

    def action_page(self, step: int) -> None:
        self.action_move(step * max(1, self.size.height - 2))

    def action_jump(self, row: int) -> None:
        self.cursor_row = max(0, len(self.order) - 1) if row < 0 else 0

    def action_column(self, step: int) -> None:
        self.cursor_column = max(0, min(self.cursor_column + step, len(self.columns) - 1))
        x = sum(c.width + 1 for c in self.columns[: self.cursor_column])
        self.scroll_to_region_x(x, self.columns[self.cursor_column].width)

    def scroll_to_region_x(self, x: int, width: int) -> None:
        if x < self.scroll_x:
            self.scroll_to(x=x, animate=False)
        elif x + width > self.scroll_x + self.size.width:
            self.scroll_to(x=x + width - self.size.width, animate=False)

    def action_toggle_mark(self) -> None:
        position = self.current_position
        if position is None:
            return
        self.marked ^= {position}
        self._row_cache.pop(self.cursor_row, None)
        self.virtual_size = Size(self._total_width(), self.virtual_size.height)  # the gutter comes or goes
        self.action_move(1)
        self.refresh()

    def clear_marks(self) -> None:
        self.marked.clear()
        self.virtual_size = Size(self._total_width(), self.virtual_size.height)
        self._row_cache.clear()
        self.refresh()

    def action_select(self) -> None:
        self.post_message(self.RowSelected(self, self.current_position))

    def scroll_to_cursor(self) -> None:
        lines = self._lines
        if not len(lines.line_of):
            return
        new = lines.line_of[min(self.cursor_row, len(lines.line_of) - 1)]
        first = new - 1 if new and isinstance(lines.shows[new - 1], str) else new  # its group's heading too
        if first < self.scroll_y:
            self.scroll_to(y=first, animate=False)
        elif new >= self.scroll_y + self.size.height - self._top:
            self.scroll_to(y=new - self.size.height + self._top + 1, animate=False)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.refresh()
        if old != new:
            self.post_message(self.RowHighlighted(self, self.current_position))

    def watch_cursor_column(self) -> None:
        self.refresh()

    async def _on_click(self, event: events.Click) -> None:
        y = event.y
        if y == 0 and self._top:  # header: sort by the clicked column
            x = event.x - self.mark_gutter + int(self.scroll_x)
            edge = 0
            for index, column in enumerate(self.columns):
                edge += column.width + 1
                if x < edge:
                    self.cursor_column = index
                    self.sort(index)
                    break
            return
        line = int(self.scroll_y) + y - self._top
        shows = self._lines.shows[line] if 0 <= line < len(self._lines) else None
        row = shows if isinstance(shows, int) else -1  # a heading is not a row
        if 0 <= row < len(self.order):
            if row == self.cursor_row and event.chain == 2:
                self.action_select()
            self.cursor_row = row

    # -- rendering -------------------------------------------------------------
    def _total_width(self) -> int:
        return sum(c.width + 1 for c in self.columns) + self.mark_gutter

    def _cells(self, row: int) -> list[tuple[str, str | None]]:
        cached = self._row_cache.get(row)
        if cached is not None:
            return cached
        position = int(self.order[row])
        frame = self._frame

        def other(key: str) -> Any:
            return self._cell(key, position) if key in frame else None

        cells = []
        for column in self.columns:
            value = other(column.key)
            if value is None:  # missing (None, NaN, NA): an empty cell, formatters never see it
                cells.append(("", None))
                continue
            extra = (other,) if column.needs else ()
            text = plain(column.fmt(value, *extra) if column.fmt else default_fmt(value))
            style = column.style(value, *extra) if column.style else None
            cells.append((text, style))
        if len(self._row_cache) > 500:
            self._row_cache.clear()
        self._row_cache[row] = cells
        return cells

    _fit = staticmethod(fit_cell)

    _base_style: Style | None = None

    def render_lines(self, crop):
        # the widget's style walks every ancestor's styles: once a repaint, not once a line
        self._base_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = int(self.scroll_x), int(self.scroll_y)
        base = self._base_style or self.rich_style
        if y == 0 and self._top:
            header = self.get_component_rich_style("frame-table--header")
            segments = []
            for index, column in enumerate(self.columns):
                label = _(column.label)  # headings are marked N_: translated where shown
                if self.sort_by and self.sort_by[0] == (column.sort_key or column.key):
                    label = f"{label} {'▼' if self.sort_by[1] else '▲'}"
                style = header + Style(underline=True) if index == self.cursor_column and self.has_focus else header
                segments.append(Segment(self._fit(label, column.width, column.align), style))
                segments.append(Segment(" ", header))
            return self._with_gutter(Strip(segments), "", header, scroll_x, width)
        line = scroll_y + y - self._top
        if not len(self.order):
            if y == self._top + 1:
                # no frame yet: its worker is still reading (on a large store, seconds); "nothing here" would lie
                message = _(self.empty_text if self._frame is not None else self.LOADING_TEXT)
                empty = base + self.get_component_rich_style("frame-table--empty")
                return Strip([Segment(f"  {message}", empty)]).extend_cell_length(width, base)
            return Strip.blank(width, base)
        if line >= len(self._lines):
            return Strip.blank(width, base)
        row = self._lines.shows[line]
        if isinstance(row, str):  # a group's heading
            style = base + self.get_component_rich_style("frame-table--group")
            return Strip([Segment(plain(row), style)]).crop(0, width).extend_cell_length(width, base)
        if row == self.cursor_row:
            row_style = base + self.get_component_rich_style(
                "frame-table--cursor" if self.has_focus else "frame-table--cursor-blurred"
            )
        elif int(self.order[row]) in self.marked:
            row_style = base + self.get_component_rich_style("frame-table--marked")
        else:
            row_style = base
        segments = []
        for column, (text, style) in zip(self.columns, self._cells(row)):
            cell_style = row_style + Style.parse(style) if style else row_style
            segments.append(Segment(self._fit(text, column.width, column.align), cell_style))
            segments.append(Segment(" ", row_style))
        mark = "✓" if int(self.order[row]) in self.marked else ""
        return self._with_gutter(Strip(segments), mark, row_style, scroll_x, width)

    @property
    def mark_gutter(self) -> int:
        """Columns kept at the left for the marks while any row is marked (a tint alone is lost under the
        cursor and on terminals with few colours)."""
        return 2 if self.marked else 0

    def _with_gutter(self, strip: Strip, mark: str, style: Style, scroll_x: int, width: int) -> Strip:
        gutter = self.mark_gutter
        body = strip.crop(scroll_x, scroll_x + width - gutter)
        if gutter:
            marked = style + Style(bold=True, color="green") if mark else style
            body = Strip([Segment(f"{mark:<{gutter}}", marked), *body])
        return body.extend_cell_length(width, style)

    def redraw(self) -> None:
        """Format visible rows again (for cells that depend on the time, like countdowns)."""
        self._row_cache.clear()
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

"""A table view of the Promotions area's board: the list, the events and the fee table are each one."""

from __future__ import annotations

from sellertui.ui.kit.table_view import TableView


class BoardView(TableView):
    """Loads the area's board in the worker, makes its frame with ``frame_of``, keeps the cursor's row.

    Views that edit records add ``RecordsView`` after it (``class EventsView(BoardView, RecordsView)``).
    """

    DETAIL_WIDTH = 42
    DETAIL_FROM = 118  # at 80 columns the table needs the room

    @staticmethod
    def frame_of(board):
        """The frame this view shows, made from the board (each view names a domain function)."""
        raise TypeError("a BoardView defines frame_of(board)")

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self.board = None

    def load(self):
        board = self.area.board()
        return board, self.frame_of(board)

    def show_loaded(self, loaded) -> None:
        self.board, frame = loaded
        super().show_loaded(frame)  # a reload after a save keeps the record the user was on

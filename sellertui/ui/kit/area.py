"""What every tab's content has in common.

An area knows which collections it shows (``WATCHES``); the app tells it when
any of them changed, and it reloads if it is on screen or marks itself stale
and reloads when next shown. Its BINDINGS (each with an id, so users can remap
them) feed the footer, the help screen and the command palette.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from sellertui.context import Context
from sellertui.memory import give_back
from sellertui.ui.kit.saving import Note, Write, save

if TYPE_CHECKING:
    from sellertui.domain.shop import Shop


class ShopPart:
    """What a tab's widgets share: the shop they show, saving, and failed workers sent to the app."""

    ctx: Context

    @property
    def shop(self) -> "Shop":
        return self.ctx.shop()

    def save(self, write: Write, done: Note, collections) -> None:
        """Run ``write(store)`` in a worker, then say ``done`` and refresh what shows ``collections``."""
        save(self, write, done, collections)

    def on_worker_state_changed(self, event) -> None:
        # Worker.StateChanged does not bubble: hand failures to the app's single handler.
        self.app.worker_failed(event)


class Area(ShopPart, Vertical):
    TITLE: ClassVar[str] = ""
    KEY: ClassVar[str] = ""
    WATCHES: ClassVar[frozenset[str]] = frozenset()
    # the widgets inside that hold the keyboard (their keys come first): the key map's check reads it
    FOCUS_WIDGETS: ClassVar[tuple[type, ...]] = ()

    DEFAULT_CSS = """
    Area { height: 1fr; }
    """

    class Ready(Message):
        """The area shows its data (posted after each load; benchmarks and tests wait for it)."""

        def __init__(self, area: "Area") -> None:
            self.area = area
            super().__init__()

    def __init__(self, ctx: Context, **kwargs) -> None:
        super().__init__(id=f"area-{self.slug()}", **kwargs)
        self.ctx = ctx
        self.stale = True

    @classmethod
    def slug(cls) -> str:
        return cls.TITLE.lower()

    @property
    def store_open(self) -> bool:
        return getattr(self.app, "shop", None) is not None

    def on_show(self) -> None:
        # The app opens the store once (and shows any problem with it); until then, wait.
        if self.stale and self.store_open:
            self.stale = False
            self.reload()

    def on_hide(self) -> None:
        # The user left the tab (a dialog over it leaves it active): its background work stops, what it holds is
        # let go when the frames it came from are kept on disk (quick to read again), and its pages go back to
        # the system, so the next tab's peak is not on top of it.
        if not self.store_open or self.is_active:
            return
        self.left()
        if self.shop.release_frames():
            if self.release():
                self.stale = True  # read again when next shown
            self.app.call_after_refresh(give_back)  # after the next tab is painted: a trim takes 4-17 ms

    def left(self) -> None:
        """The user left the tab: stop background work that only serves it (subclasses say which)."""

    def release(self) -> bool:
        """Let go of the data shown (the tab is not on screen); whether anything was. Subclasses say what."""
        return False

    def store_changed(self, collections: frozenset[str]) -> None:
        if not self.store_open:
            return
        if collections & self.WATCHES or "meta" in collections:
            self.stale = True
            if self.display and self.is_on_screen:
                self.stale = False
                self.reload()

    @property
    def is_active(self) -> bool:
        """Is this the tab on screen? (A focus landing in a hidden tab would switch back to it.)"""
        from textual.widgets import TabbedContent

        tabs = self.app.query(TabbedContent)
        return bool(tabs) and tabs.first().active == f"tab-{self.slug()}"

    def focus_main(self) -> None:
        """Put the keyboard where the area's work is (its table), so its keys work and show."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
        self.app.set_focus(None)  # nothing to type into here: no hidden widget keeps the keys

    ahead: Future | None = None  # the first read, started as the area was built (``read_ahead``)

    @classmethod
    def first_read(cls, shop: "Shop") -> Callable[[], Any] | None:
        """What the tab shows first, as a read that needs no widget: started in a thread as the tab is first
        shown, it runs while Textual composes, styles and mounts the area (Orders' 100k rows: ~0.1 s)."""
        return None

    def read_ahead(self, shop: "Shop") -> None:
        """Start the first read (the app calls it before mounting the area); its view's load takes it."""
        read = self.first_read(shop)
        if read is not None:
            self.ahead = read_in_thread(read)

    def take_read_ahead(self) -> Future | None:
        """The read started before this area was mounted (once: a later load reads the store again), or None."""
        ahead, self.ahead = self.ahead, None
        return ahead

    def reload(self) -> None:
        """Read what this area shows (subclasses do it in a worker, then ``mark_ready``)."""
        self.mark_ready()

    def mark_ready(self) -> None:
        self.post_message(self.Ready(self))

    @classmethod
    def palette_entries(cls):
        """(binding, view id or None) for every action of the tab: the command palette lists them all."""
        for binding in own_bindings(cls):
            yield binding, None


def own_bindings(cls) -> list[Binding]:
    """Every binding an instance of ``cls`` has, its bases' included (a view inherits its keys), once each."""
    found: dict[str, Binding] = {}
    for bindings in cls._merge_bindings().key_to_bindings.values():
        for binding in bindings:
            found.setdefault(binding.id or f"{binding.key}:{binding.action}", binding)
    return list(found.values())


def read_in_thread(read: Callable[[], Any]) -> Future:
    """Run ``read`` in a thread now; a view's load (in its worker) takes the result, or the error, from the future.

    A plain thread rather than a Textual worker: it runs before the area is mounted, and is never cancelled
    before it starts (a load waits on it).
    """
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(read())
        except BaseException as exc:  # handed to the load that waits for it, which reports it
            future.set_exception(exc)

    threading.Thread(target=run, name="read-ahead", daemon=True).start()
    return future


class PendingArea(Widget):
    """Stands in a tab for its area until the tab is first shown (``SellerApp.area`` mounts it)."""

    DEFAULT_CSS = "PendingArea { display: none; }"

    def __init__(self, area_class: type[Area]) -> None:
        super().__init__()
        self.area_class = area_class

"""Over SSH the terminal can vanish: the app must end, not spin or hang."""

from __future__ import annotations

import os
import pty
import select
import sys
import time
from pathlib import Path


def test_app_exits_when_its_terminal_goes_away(demo_copy: Path) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # child: the app on a real pseudo-terminal
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "sellertui", "--data-dir", str(demo_copy)])
    screen = b""
    deadline = time.time() + 20
    while time.time() < deadline and b"Today" not in screen:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            screen += os.read(fd, 65536)
    assert b"Today" in screen, "the app did not start"
    os.close(fd)  # hang up: like an SSH connection dropping
    deadline = time.time() + 10
    while time.time() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0
            return
        time.sleep(0.05)
    os.kill(pid, 9)
    raise AssertionError("the app was still running 10 s after its terminal went away")

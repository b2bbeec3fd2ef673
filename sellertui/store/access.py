"""Why a store file cannot be read, and the command that fixes it.

A file the system refuses us (EACCES, EPERM) is not damaged: a teammate's
umask, a copy made as root or a stray ``chmod`` locked it. Restoring a backup
over it would throw away everything written since that backup, so the message
names the owner and mode and the exact ``chmod``/``chown`` that gives it back;
an I/O error points at the disk instead.
"""

from __future__ import annotations

import errno
import mmap
import os
import stat
from pathlib import Path

from sellertui.paths import SHARED_DIR
from sellertui.store.errors import N_, UnreadableFile, Words
from sellertui.store.fsio import PRIVATE_FILE, SHARED_FILE, Signature, map_snapshot, read_snapshot

DENIED = (errno.EACCES, errno.EPERM)


def read_store_file(path: Path, mapped: bool = False) -> tuple["bytes | mmap.mmap", Signature]:
    """A store file's bytes; refused by the system, it is unreadable (fix its permissions), not damaged.
    ``mapped``: a big file as a read-only mapping, for a reader that drops it once decoded (``map_snapshot``)."""
    try:
        return map_snapshot(path) if mapped else read_snapshot(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: OSError) -> UnreadableFile:
    reason = exc.strerror or str(exc)
    if exc.errno not in DENIED:
        return UnreadableFile(path, reason, Words(N_("the disk reported an error reading it: copy the file somewhere "
                                                     "safe and check the disk (dmesg, smartctl) before anything else")))
    return UnreadableFile(path, reason, _permission_fix(Path(path)))


def _permission_fix(path: Path) -> Words:
    try:
        info = path.stat()
    except OSError:  # the folder itself is closed to us
        return Words(N_("a folder above it is closed to you: check the permissions along {folder}"), folder=path.parent)
    team = _in_team_store(path)
    folder = stat.S_ISDIR(info.st_mode)
    mode = (SHARED_DIR if team else 0o700) if folder else (SHARED_FILE if team else PRIVATE_FILE)
    owner, group = _name_of_user(info.st_uid), _name_of_group(info.st_gid)
    me = _name_of_user(os.getuid())
    commands = [f"chmod {mode:o} '{path}'"]
    if not team and info.st_uid != os.getuid():
        commands += [f"chown {me} '{path}'"]  # a command, in no language
    fields = {"owner": owner, "group": group, "mode": f"{stat.S_IMODE(info.st_mode):04o}",
              "commands": " && ".join(commands)}
    if info.st_uid == os.getuid():
        return Words(N_("it is owned by {owner}:{group} with mode {mode}; as you, run {commands}"), **fields)
    return Words(N_("it is owned by {owner}:{group} with mode {mode}; as {owner} or root, run {commands}"), **fields)


def _in_team_store(path: Path) -> bool:
    """A team store's folders carry the setgid bit (``paths.SHARED_DIR``)."""
    try:
        return bool(path.parent.stat().st_mode & stat.S_ISGID)
    except OSError:
        return False


def _name_of_user(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _name_of_group(gid: int) -> str:
    import grp

    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)

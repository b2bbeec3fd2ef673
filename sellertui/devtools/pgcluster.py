"""A throwaway PostgreSQL cluster for tests, CI and the bench: a temporary folder, a unix socket, trust auth.

Standard library only (``.ci/run`` calls it before any virtualenv exists):

    python3 sellertui/devtools/pgcluster.py start DIR   # prints the cluster's URL
    python3 sellertui/devtools/pgcluster.py stop DIR

No TCP port is opened: the socket lives in DIR. initdb refuses to run as root,
so as root the cluster runs as the ``postgres`` user (or ``nobody``) and the
folder is handed to it; a normal user runs it as themselves. The user who
started it gets a superuser role of their own name, so ``postgresql:///db?host=DIR``
works without naming a role.
"""

from __future__ import annotations

import getpass
import glob
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path


def binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def available() -> bool:
    return binary("initdb") is not None and binary("pg_ctl") is not None


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root, and neither a 'postgres' nor a 'nobody' user exists to run the cluster")


def url(folder: Path, database: str = "postgres") -> str:
    return f"postgresql:///{database}?host={folder}"


def start(folder: Path, durable: bool = False) -> str:
    """Create and start a cluster in ``folder`` (made if missing); returns its URL."""
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    prefix = _run_as()
    if prefix:
        owner = pwd.getpwnam(prefix[2])
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    os.chmod(folder, 0o755)
    data = folder / "data"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "text": True}
    _check(subprocess.run([*prefix, binary("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                           "-E", "UTF8", "--locale=C", "--no-sync"], **quiet), "initdb")
    options = f"-k {folder} -c listen_addresses='' -c max_connections=60"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    _check(subprocess.run([*prefix, binary("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
                           "-w", "-t", "60", "start"], **quiet), "pg_ctl start")
    me = getpass.getuser()
    if me != "postgres":
        psql = binary("psql") or "psql"
        _check(subprocess.run([psql, "-h", str(folder), "-U", "postgres", "-d", "postgres", "-qc",
                               f'CREATE ROLE "{me}" SUPERUSER LOGIN'], **quiet), "create role")
    return url(folder)


def stop(folder: Path) -> None:
    folder = Path(folder).resolve()
    if (folder / "data" / "postmaster.pid").exists():
        subprocess.run([*_run_as(), binary("pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(folder, ignore_errors=True)


def _check(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed: {result.stderr.strip()[-500:]}")


if __name__ == "__main__":
    command, where = sys.argv[1], Path(sys.argv[2])
    if command == "start":
        print(start(where))
    elif command == "stop":
        stop(where)
    else:
        sys.exit(f"usage: {sys.argv[0]} start|stop DIR")

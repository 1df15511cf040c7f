"""A throwaway PostgreSQL server for tests and benchmarks (not for production).

:class:`TemporaryPostgres` runs ``initdb`` and ``pg_ctl`` from the system's PostgreSQL
(``pg_ctl`` on ``PATH``, else the newest ``/usr/lib/postgresql/*/bin``) on a temporary
directory, listening on a unix socket only, with durability off (``fsync=off``: a crash loses
the cluster, which is thrown away anyway). As root, ``initdb`` refuses to run: the cluster is
then made and run by the ``postgres`` user (``runuser``), and the directory given to it.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from legaldocs.errors import StoreError

__all__ = ["TemporaryPostgres", "postgres_bin"]


def postgres_bin() -> Path | None:
    """The directory of the PostgreSQL server programs, or None when not installed."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")

    def version(path: str) -> tuple[int, ...]:
        part = Path(path).parent.parent.name
        return tuple(int(x) for x in part.split(".") if x.isdigit())

    if candidates:
        return Path(max(candidates, key=version)).parent
    return None


class TemporaryPostgres:
    """A PostgreSQL cluster in a temporary directory: :meth:`start` returns a connection
    string, :meth:`stop` stops it and removes everything. Also a context manager."""

    def __init__(self, *, user: str = "postgres") -> None:
        bindir = postgres_bin()
        if bindir is None:
            raise StoreError(
                "PostgreSQL is not installed (no pg_ctl): apt-get install -y postgresql"
            )
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="legaldocs-pg-"))
        self.data = self.dir / "data"
        self.run_as = user if os.geteuid() == 0 else None
        if self.run_as is not None:
            import pwd

            entry = pwd.getpwnam(self.run_as)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self.conninfo = f"host={self.dir} dbname=postgres user=postgres"
        self._started = False

    def _run(self, *args: object) -> None:
        command = [str(a) for a in args]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            name = Path(str(args[0])).name
            raise StoreError(f"{name} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> str:
        """Create and start the cluster; its connection string."""
        self._run(
            self.bindir / "initdb",
            "-D",
            self.data,
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
        )
        options = (
            f"-k {self.dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=50"
        )
        self._run(
            self.bindir / "pg_ctl",
            "-D",
            self.data,
            "-o",
            options,
            "-l",
            self.dir / "log",
            "-w",
            "start",
        )
        self._started = True
        return self.conninfo

    def stop(self) -> None:
        """Stop the cluster and remove its directory."""
        try:
            if self._started:
                self._run(self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
                self._started = False
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def create_database(self, name: str) -> str:
        """Create database ``name``; its connection string."""
        import psycopg

        with psycopg.connect(self.conninfo, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"host={self.dir} dbname={name} user=postgres"

    def __enter__(self) -> TemporaryPostgres:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

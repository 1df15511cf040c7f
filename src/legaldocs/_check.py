"""``legaldocs check DIR``: read every document under a folder, write it back, compare.

Each file whose name a readable document format claims (``.law.txt``, ``.md``, ``.txt``, …)
is parsed, rendered in its own format and compared with what was read:

``exact``
    the rendered text is the file's text (byte for byte, after decoding);
``stable``
    the text differs, but reading the rendered text gives the same document back;
``differs``
    neither: the writer loses or changes something the reader kept;
``error``
    reading or writing raised (the message says what and where).

A folder holding a ``versions.tsv`` (a header line, then ``file<TAB>date<TAB>…``) is also
checked as a history: its versions are parsed, :meth:`legaldocs.History.from_versions`
builds the history, and the text in force on each date must be that date's (last) version.

Files and histories are independent tasks: :func:`check` runs them on all cores with
:class:`concurrent.futures.ProcessPoolExecutor`; :func:`check_file` and
:func:`check_history` take and return plain picklable values, so the same work runs on a
cluster (see ``docs/performance.md`` for Dask).
"""

from __future__ import annotations

import concurrent.futures
import datetime
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, TextIO

import attrs

__all__ = [
    "FileCheck",
    "HistoryCheck",
    "Summary",
    "check",
    "check_file",
    "check_history",
    "find_files",
    "find_histories",
]

Status = Literal["exact", "stable", "differs", "error"]


@attrs.frozen(kw_only=True)
class FileCheck:
    """What checking one file found."""

    path: str
    format: str
    status: Status
    message: str = ""
    size: int = 0
    """The file's size in bytes."""
    seconds: float = 0.0


@attrs.frozen(kw_only=True)
class HistoryCheck:
    """What checking one folder's ``versions.tsv`` as a history found."""

    path: str
    versions: int
    status: Literal["ok", "differs", "error"]
    message: str = ""
    seconds: float = 0.0


@attrs.frozen(kw_only=True)
class Summary:
    """The results of one :func:`check` run."""

    files: tuple[FileCheck, ...]
    histories: tuple[HistoryCheck, ...]
    seconds: float
    workers: int

    @property
    def ok(self) -> bool:
        """Whether nothing differed and nothing failed."""
        return all(f.status in ("exact", "stable") for f in self.files) and all(
            h.status == "ok" for h in self.histories
        )

    def table(self) -> str:
        """A plain-text summary table: files by format and status, then histories."""
        counts = Counter((f.format, f.status) for f in self.files)
        sizes = Counter[str]()
        for f in self.files:
            sizes[f.format] += f.size
        formats = sorted({f.format for f in self.files})
        statuses: tuple[Status, ...] = ("exact", "stable", "differs", "error")
        head = ["format", "files", *statuses, "MB"]
        rows = [
            [
                name,
                str(sum(counts[(name, s)] for s in statuses)),
                *(str(counts[(name, s)]) for s in statuses),
                f"{sizes[name] / 1e6:.1f}",
            ]
            for name in formats
        ]
        rows.append(
            [
                "all",
                str(len(self.files)),
                *(str(sum(counts[(n, s)] for n in formats)) for s in statuses),
                f"{sum(sizes.values()) / 1e6:.1f}",
            ]
        )
        widths = [max(len(r[i]) for r in (head, *rows)) for i in range(len(head))]
        lines = [
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
            for r in (head, *rows)
        ]
        if self.histories:
            h = Counter(x.status for x in self.histories)
            lines.append(
                f"histories: {len(self.histories)} ({h['ok']} ok, {h['differs']} differ, "
                f"{h['error']} failed), {sum(x.versions for x in self.histories)} versions"
            )
        lines.append(f"{self.seconds:.1f} s on {self.workers} worker(s)")
        return "\n".join(lines) + "\n"

    def problems(self) -> Iterator[str]:
        """One line per file or history that differs or failed."""
        for f in self.files:
            if f.status in ("differs", "error"):
                yield f"{f.path}: {f.status}: {f.message}"
        for h in self.histories:
            if h.status != "ok":
                yield f"{h.path}: history {h.status}: {h.message}"


def _format_of(path: Path) -> str | None:
    from legaldocs import formats

    fmt = formats.for_path(path)
    return fmt.name if fmt is not None and fmt.readable else None


def find_files(root: Path) -> list[Path]:
    """Every file under ``root`` (or ``root`` itself) that a readable format claims, sorted."""
    if root.is_file():
        return [root] if _format_of(root) else []
    return sorted(p for p in root.rglob("*") if p.is_file() and _format_of(p))


def find_histories(root: Path) -> list[Path]:
    """Every ``versions.tsv`` under ``root``, sorted."""
    if root.is_file():
        return []
    return sorted(root.rglob("versions.tsv"))


def check_file(path: str | os.PathLike[str]) -> FileCheck:
    """Parse the file, render it in its own format and compare (see the module docs)."""
    from legaldocs import formats

    where = Path(path)
    started = time.perf_counter()
    fmt = formats.for_path(where)
    name = fmt.name if fmt is not None else "?"

    def done(status: Status, message: str = "", size: int = 0) -> FileCheck:
        return FileCheck(
            path=str(where),
            format=name,
            status=status,
            message=message,
            size=size,
            seconds=time.perf_counter() - started,
        )

    if fmt is None or not fmt.readable:
        return done("error", "no readable format claims this file name")
    try:
        raw = where.read_bytes()
        text = raw.decode("utf-8")
        doc = fmt.parse(text, source=str(where))
        if not fmt.writable:
            return done("stable", "read only (no writer to compare with)", len(raw))
        back = fmt.render(doc)
        if back == text:
            return done("exact", size=len(raw))
        if fmt.parse(back, source=f"{where} (rendered)") == doc:
            return done("stable", _first_difference(text, back), len(raw))
        return done("differs", _first_difference(text, back), len(raw))
    except Exception as exc:  # every failure is a result to report
        return done("error", f"{type(exc).__name__}: {exc}".replace("\n", " "))


def _first_difference(a: str, b: str) -> str:
    for n, (x, y) in enumerate(zip(a.splitlines(), b.splitlines(), strict=False), start=1):
        if x != y:
            return f"line {n}: {x[:60]!r} written as {y[:60]!r}"
    return f"{len(a.splitlines())} lines read, {len(b.splitlines())} written"


def check_history(versions_tsv: str | os.PathLike[str]) -> HistoryCheck:
    """Build a history from a folder's ``versions.tsv`` and check that the text in force on
    each date is that date's version."""
    from legaldocs import History, formats

    where = Path(versions_tsv)
    started = time.perf_counter()
    count = 0

    def done(status: Literal["ok", "differs", "error"], message: str = "") -> HistoryCheck:
        return HistoryCheck(
            path=str(where.parent),
            versions=count,
            status=status,
            message=message,
            seconds=time.perf_counter() - started,
        )

    try:
        lines = where.read_text(encoding="utf-8").splitlines()[1:]
        versions = []
        for line in lines:
            if not line.strip():
                continue
            name, written = line.split("\t")[:2]
            fmt = formats.for_path(name)
            if fmt is None:
                return done("error", f"{name}: no format claims this file name")
            file = where.parent / name
            doc = fmt.parse(file.read_text(encoding="utf-8"), source=str(file))
            versions.append((datetime.date.fromisoformat(written.strip()), doc))
        count = len(versions)
        if not versions:
            return done("error", "no versions listed")
        history = History.from_versions(versions)
        last = dict(versions)
        for day, doc in last.items():
            if history.as_of(day) != doc:
                return done("differs", f"the text in force on {day} is not that version")
        return done("ok")
    except Exception as exc:  # every failure is a result to report
        return done("error", f"{type(exc).__name__}: {exc}".replace("\n", " "))


def _progress(stream: TextIO, total: int, started: float) -> Callable[[int], None]:
    width = 30

    def show(done: int) -> None:
        filled = width * done // max(total, 1)
        elapsed = time.perf_counter() - started
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {elapsed:.0f} s")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def _run(
    tasks: Sequence[tuple[Callable[[str], object], str]],
    workers: int,
    tick: Callable[[int], None] | None,
) -> list[object]:
    results: list[object] = [None] * len(tasks)
    if workers <= 1:
        for i, (fn, arg) in enumerate(tasks):
            results[i] = fn(arg)
            if tick:
                tick(i + 1)
        return results
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(fn, arg): i for i, (fn, arg) in enumerate(tasks)}
        for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
            results[futures[future]] = future.result()
            if tick:
                tick(done)
    return results


def check(
    roots: Iterable[str | os.PathLike[str]],
    *,
    histories: bool = False,
    workers: int | None = None,
    progress: TextIO | None = None,
) -> Summary:
    """Check every document file under ``roots`` (and, with ``histories``, every
    ``versions.tsv``) on ``workers`` processes (default: every core); ``progress``: a
    stream for a progress bar."""
    started = time.perf_counter()
    paths: list[Path] = []
    tsvs: list[Path] = []
    for root in roots:
        paths.extend(find_files(Path(root)))
        if histories:
            tsvs.extend(find_histories(Path(root)))
    count = workers or os.cpu_count() or 1
    tasks: list[tuple[Callable[[str], object], str]] = [(check_history, str(t)) for t in tsvs]
    tasks += [(check_file, str(p)) for p in paths]  # the long histories first
    tick = _progress(progress, len(tasks), started) if progress is not None else None
    results = _run(tasks, count, tick)
    return Summary(
        files=tuple(r for r in results if isinstance(r, FileCheck)),
        histories=tuple(r for r in results if isinstance(r, HistoryCheck)),
        seconds=time.perf_counter() - started,
        workers=count,
    )


def main_check(roots: Sequence[str], *, histories: bool, workers: int | None, out: TextIO) -> int:
    """The ``check`` command: a progress bar on a terminal, the summary table, one line per
    problem; exit status 0 when everything read back, 1 otherwise."""
    for root in roots:
        if not Path(root).exists():
            print(f"legaldocs check: error: {root}: no such file or folder", file=sys.stderr)
            return 1
    bar = sys.stderr if sys.stderr.isatty() else None
    summary = check(roots, histories=histories, workers=workers, progress=bar)
    out.write(summary.table())
    for line in summary.problems():
        out.write(line + "\n")
    return 0 if summary.ok else 1

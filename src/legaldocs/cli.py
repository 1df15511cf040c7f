"""The ``legaldocs`` command line.

Every command reads FILE in any format the library reads, chosen by its name: a history or a
document serialized as JSON, TOML or YAML (``.json``, ``.toml``, ``.yaml``/``.yml``), Lawtext
(``.law.txt``, ``.lawtext``), 法令標準XML (``.xml``), Markdown (``.md``) or the plain-text
format (``.txt``).
Files are decoded as detected (UTF-8 with or without a byte-order mark, UTF-16,
Shift_JIS/CP932); ``--encoding`` names the encoding (``--encoding euc-jp``). Output goes to
standard output. Every error is one line on standard error, ``legaldocs COMMAND: error: …``,
with exit status 1 (2 for a command line argparse cannot read), never a traceback.
``start``, ``import-versions``, ``convert`` and ``diff --output`` refuse to replace an existing
file unless given ``--force``; ``amend`` rewrites its history file in place by design (the
history keeps every earlier version, and the amendment is checked before anything is
written). Every file is written atomically (the old file stays whole until the new one is
complete).
``amend --template KIND`` prints a commented amendment file.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from legaldocs import _templates, formats
from legaldocs.errors import LegaldocsError

__all__ = ["main", "program"]

_SHOW_FORMATS = (*(f.name for f in formats.all_formats() if f.writable), "json")
_DIFF_FORMATS = ("unified", "table", "html", "json", "kaimebun", "docx")


_EPILOGS = {
    "show": "example: legaldocs show policy.json --as-of 令和5年4月1日 --format markdown",
    "diff": "examples:\n"
    "  legaldocs diff policy.json --from 2021-02-25 --to 2024-04-01 --format table\n"
    "  legaldocs diff policy.json --from 2021-02-25T00:00:00+09:00/start\n"
    "  legaldocs diff old.law.txt new.law.txt --format unified",
    "accept": "example: legaldocs accept policy.json --store consent.sqlite --subject p-0001",
    "since": "examples:\n"
    "  legaldocs since 2021-02-25T00:00:00+09:00/start policy.json --substantive\n"
    "  legaldocs since sha256:bd42344b… policy.json --format markdown",
    "notices": "example: legaldocs notices policy.json --at 2024-09-01 --store consent.sqlite",
    "log": "examples:\n  legaldocs log policy.json\n  legaldocs log policy.json 第15条",
    "amend": "examples:\n"
    "  legaldocs amend --template replace-phrase > amendments/2024-04.toml\n"
    "  legaldocs amend policy.json amendments/2024-04.toml\n"
    f"kinds: {', '.join(_templates.KINDS)}",
    "pending": "example: legaldocs pending policy.json --at 2024-03-01",
    "convert": "example: legaldocs convert privacy-policy.txt privacy-policy.md",
    "validate": "example: legaldocs validate policy.json",
    "check": "examples:\n  legaldocs check corpus/\n  legaldocs check --histories --jobs 2 corpus/",
    "start": "example: legaldocs start privacy-policy.txt policy.json --effective 2021-02-25\n"
    "An existing HISTORY is only replaced with --force.",
    "import-versions": "example: legaldocs import-versions policies/mozilla-ja-websites-tou "
    "tou.json\nDIR/versions.tsv lists the versions in order: a header line, then the file name "
    "and\nits date (tab-separated; later columns are ignored). Each version is reproduced "
    "exactly\nby the history. An existing HISTORY is only replaced with --force.",
}


def _positive(text: str) -> int:
    """A whole number of at least 1 (argparse reports anything else as a usage error)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. With ``only``, the name of a command, the other commands are
    left out: running one command needs its own arguments alone, and argparse looks up its
    message catalogue for every parser it builds (building them all took 3 ms of a
    ``convert``)."""
    parser = _Parser(
        prog="legaldocs",
        description="Legal documents that change over time: show, compare and amend them.",
        epilog="example: legaldocs show examples/clinic/privacy-policy.txt --format html",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text, run, add_arguments in _COMMANDS:
        if only is not None and name != only:
            continue
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=_EPILOGS[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(run=run)
        if name not in ("amend", "check"):
            p.add_argument(
                "--encoding",
                default=None,
                metavar="ENC",
                help="the encoding of the files read (default: detected; a BOM is skipped)",
            )
        add_arguments(p)
    return parser


def _show(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--as-of", metavar="DATE")
    p.add_argument("--known-at", metavar="DATE")
    p.add_argument("--format", choices=_SHOW_FORMATS, default="text")


def _diff(p: argparse.ArgumentParser) -> None:
    p.add_argument("old", metavar="FILE|OLD")
    p.add_argument("new", metavar="NEW", nargs="?")
    p.add_argument("--from", dest="date_from", metavar="DATE|VERSION_ID")
    p.add_argument("--to", dest="date_to", metavar="DATE|VERSION_ID", help="default: now")
    p.add_argument("--format", choices=_DIFF_FORMATS, default="unified")
    p.add_argument("-o", "--output", help="write to this file (needed for docx)")
    p.add_argument("--force", action="store_true", help="replace the --output file if it exists")


def _log(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("citation", nargs="?")


def _amend(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?")
    p.add_argument("amendment", nargs="?")
    p.add_argument(
        "--template",
        metavar="KIND",
        choices=_templates.KINDS,
        help="print a commented amendment file with one change of KIND: "
        + ", ".join(_templates.KINDS),
    )
    p.add_argument(
        "--encoding",
        default=None,
        metavar="ENC",
        help="the encoding of the files read (default: detected; a BOM is skipped)",
    )


def _pending(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")
    p.add_argument("--at", metavar="DATE")


def _convert(p: argparse.ArgumentParser) -> None:
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("file")


def _start(p: argparse.ArgumentParser) -> None:
    p.add_argument("document")
    p.add_argument("history")
    p.add_argument("--effective", metavar="DATE", required=True)
    p.add_argument("--enacted", metavar="DATE")
    p.add_argument("--force", action="store_true", help="replace HISTORY if it exists")


def _import_versions(p: argparse.ArgumentParser) -> None:
    p.add_argument("dir", metavar="DIR")
    p.add_argument("history")
    p.add_argument("--force", action="store_true", help="replace HISTORY if it exists")


def _check(p: argparse.ArgumentParser) -> None:
    p.add_argument("dirs", metavar="DIR", nargs="+")
    p.add_argument(
        "--histories", action="store_true", help="also build a history from each versions.tsv"
    )
    p.add_argument(
        "--jobs", type=_positive, metavar="N", help="worker processes (default: all cores)"
    )


# ---------------------------------------------------------------------------------------
# Consent: accept, since, notices (and version ids for diff --from/--to)


_ERROR_STATUS = {"since": 2}
"""Commands whose exit status 1 means something else than an error (``since``: changed)."""


def _accept(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("--store", required=True, metavar="DB", help="SQLite file or postgresql:// URL")
    p.add_argument("--subject", required=True, metavar="ID", help="opaque subject id, not a name")
    p.add_argument("--document", metavar="ID", help="id in the store (default: FILE's stem)")
    p.add_argument("--version", metavar="VERSION_ID", help="default: the version in force --at")
    p.add_argument("--at", metavar="DATE", help="the version in force then (default: now)")
    p.add_argument("--time", metavar="TIME", help="when it was accepted (default: now)")
    p.add_argument(
        "--channel",
        default="web",
        help="how it was given: web (default), app, paper, ... (checked by the record)",
    )
    p.add_argument("--language", metavar="TAG", help="default: the document's language")
    p.add_argument("--record-id", metavar="ID", help="default: a new UUID")


def _since(p: argparse.ArgumentParser) -> None:
    p.add_argument("version", metavar="VERSION_ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--substantive", action="store_true", help="only substantive changes count")
    p.add_argument("--at", metavar="DATE|VERSION_ID", help="compare with (default: now)")
    p.add_argument("--format", choices=("text", "markdown", "html"), default="text")
    p.add_argument("--policy", metavar="FILE", help="a Policy as JSON, TOML or YAML")


def _notices(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE")
    p.add_argument("--at", metavar="DATE", help="default: now")
    p.add_argument("--notice-days", type=int, metavar="N", help="default: the store's, or 30")
    p.add_argument("--store", metavar="DB", help="count the cohorts in this store")
    p.add_argument("--document", metavar="ID", help="id in the store (default: FILE's stem)")
    p.add_argument("--policy", metavar="FILE", help="a Policy as JSON, TOML or YAML")


_COMMANDS: tuple[tuple[str, str, str, Callable[[argparse.ArgumentParser], None]], ...] = (
    ("show", "Print a document, or a history's text in force on a date.", "show", _show),
    ("diff", "Compare two versions of a history, or two documents.", "diff", _diff),
    ("log", "List a history's versions, or one element's timeline.", "log", _log),
    ("amend", "Validate an amendment and append it to a history.", "amend", _amend),
    ("pending", "List amendments enacted but not yet in force.", "pending", _pending),
    (
        "convert",
        "Convert between the formats legaldocs reads and writes.",
        "convert",
        _convert,
    ),
    ("validate", "Check that a file reads and every version applies.", "validate", _validate),
    ("start", "Start a history from a document.", "start", _start),
    (
        "import-versions",
        "Build a history from a folder of recorded versions (files and versions.tsv).",
        "import_versions",
        _import_versions,
    ),
    (
        "check",
        "Read every document under folders, write it back and compare (all cores).",
        "check",
        _check,
    ),
    ("accept", "Record that a subject accepted a version of a history.", "accept", _accept),
    (
        "since",
        "What changed since a version (id or sha256: hash); exit status 1 when something did.",
        "since",
        _since,
    ),
    ("notices", "Plan the notices due before pending amendments.", "notices", _notices),
)
"""Every command, in the order ``--help`` lists them: its name, what it does, the function of
:mod:`legaldocs._commands` that runs it (``_cmd_`` + this name) and its arguments."""


_ONE_SHOT = frozenset({"convert", "show", "diff", "validate"})
"""Commands that read one or two documents (or histories) and write one result."""


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 error, 2 usage)."""
    return run(argv, out=out, catch_all=True)


def program() -> NoReturn:
    """The ``legaldocs`` program (the installed script, ``python -m legaldocs``): :func:`main`
    on the process's arguments, then exit with its status.

    A process that runs one command spares the garbage collector work that frees nothing:
    the records a command builds live until it ends, so the collector runs every 10,000 new
    objects rather than every 700, and it does not walk every object once more as the
    process exits (:func:`gc.freeze`: the system takes the memory back). A command that reads
    one or two documents and writes one result (:data:`_ONE_SHOT`) runs without the
    collector: what it builds is as large as its input. Together about a sixth of a
    ``legaldocs convert``.
    """
    gc.set_threshold(10_000, 10, 10)
    if sys.argv[1:2] and sys.argv[1] in _ONE_SHOT:
        gc.disable()
    status = main()
    gc.freeze()
    raise SystemExit(status)


def run(argv: Sequence[str] | None, *, out: TextIO | None, catch_all: bool) -> int:
    """:func:`main`; with ``catch_all=False`` an unexpected exception propagates (for tests:
    it would otherwise be reported as an internal error, still on one line)."""
    words = sys.argv[1:] if argv is None else list(argv)
    named = words[0] if words and words[0] in _EPILOGS else None  # a command: only its parser
    args = _parser(named).parse_args(words)
    stream = sys.stdout if out is None else out
    commands = importlib.import_module("legaldocs._commands")  # what the command needs
    try:
        status = getattr(commands, f"_cmd_{args.run}")(args, stream)
    except (commands._Failure, LegaldocsError) as exc:
        _report(args.command, str(exc))
        return _ERROR_STATUS.get(args.command, 1)
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        _report(args.command, "interrupted")
        return 130
    except Exception as exc:
        if not catch_all:
            raise
        _report(args.command, f"internal error ({type(exc).__name__}: {exc}); please report it")
        return 1
    return 0 if status is None else int(status)


def _report(command: str, message: str) -> None:
    line = " ".join(message.split())
    print(f"legaldocs {command}: error: {line}", file=sys.stderr)

"""The commands of the ``legaldocs`` command line (private: see :mod:`legaldocs.cli`).

Imported when a command runs, so that ``legaldocs --help`` and argument errors load nothing
else.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from legaldocs import _files as _io
from legaldocs import _templates
from legaldocs.model._records import Document

if TYPE_CHECKING:
    import pendulum

    from legaldocs.history._history import History, Version

# Histories, amendments, diffs, the serializer and dates (pendulum) are imported by the
# commands that use them: converting one document between formats loads the two formats and
# the records only.


class _Failure(Exception):
    """A user's mistake, reported as one line."""


def _when(text: str, tz: str = "Asia/Tokyo") -> pendulum.Date | pendulum.DateTime:
    """A date or moment from the command line, read by the library's one moment reader:
    ISO (2021-02-25, 2021-02-25T09:00), 2021年2月25日 or 令和3年2月25日."""
    from legaldocs.dates import parse_moment

    return parse_moment(text, tz=tz, what="date")


def _load(path: str, args: argparse.Namespace) -> Document | History:
    return _io.read(Path(path), encoding=getattr(args, "encoding", None))


def _history(path: str, command: str, args: argparse.Namespace) -> History:
    loaded = _load(path, args)
    if isinstance(loaded, Document):
        raise _Failure(f"{path}: holds a document, not a history; '{command}' needs a history")
    return loaded


def _document(loaded: Document | History, as_of: str | None, known_at: str | None) -> Document:
    if not isinstance(loaded, Document):  # a history
        if as_of is None:
            if known_at is not None:
                raise _Failure("--known-at needs --as-of")
            import pendulum

            return loaded.as_of(pendulum.now(loaded.tz))
        known = None if known_at is None else _when(known_at, loaded.tz)
        return loaded.as_of(_when(as_of, loaded.tz), known_at=known)
    if as_of is not None or known_at is not None:
        raise _Failure("--as-of and --known-at need a history, not a single document")
    return loaded


def _cmd_show(args: argparse.Namespace, out: TextIO) -> None:
    doc = _document(_load(args.file, args), args.as_of, args.known_at)
    out.write(_io.render(doc, args.format))


def _writable(target: Path, force: bool) -> Path:
    """``target``, checked before any work: not a directory, and not an existing file unless
    ``force`` (it is then replaced atomically)."""
    if target.is_dir():
        raise _Failure(f"{target}: is a directory")
    if target.exists() and not force:
        raise _Failure(f"{target} exists (give --force to replace it)")
    return target


def _cmd_diff(args: argparse.Namespace, out: TextIO) -> None:
    if args.new is None:
        if args.date_from is None:
            raise _Failure("diff of one history needs --from DATE|VERSION_ID (--to: now)")
        history = _history(args.old, "diff", args)
        old = _version_or_moment(history, args.date_from).document
        new = _version_or_moment(history, args.date_to).document
    else:
        if args.date_from is not None or args.date_to is not None:
            raise _Failure("--from/--to go with one history file, not with OLD NEW")
        old = _document(_load(args.old, args), None, None)
        new = _document(_load(args.new, args), None, None)
    if args.format == "docx" and not args.output:
        raise _Failure("--format docx writes a file: give -o FILE.docx")
    output = None if args.output is None else _writable(Path(args.output), args.force)
    from legaldocs.compare._diff import diff as diff_documents
    from legaldocs.compare._render import render_diff

    if args.format == "docx":
        data = render_diff(diff_documents(old, new), "docx")
        assert output is not None
        _io.write_bytes(output, data)
        return
    text = render_diff(diff_documents(old, new), format=args.format)
    if output is not None:
        _io.write_text(output, text)
        return
    if args.format == "unified" and out.isatty():
        text = _colour(text)
    out.write(text if text.endswith("\n") or not text else text + "\n")


def _colour(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("+") and not line.startswith("+++"):
            lines.append(f"\x1b[32m{line.rstrip(chr(10))}\x1b[0m\n")
        elif line.startswith("-") and not line.startswith("---"):
            lines.append(f"\x1b[31m{line.rstrip(chr(10))}\x1b[0m\n")
        elif line.startswith("@@"):
            lines.append(f"\x1b[36m{line.rstrip(chr(10))}\x1b[0m\n")
        else:
            lines.append(line)
    return "".join(lines)


def _cmd_log(args: argparse.Namespace, out: TextIO) -> None:
    history = _history(args.file, "log", args)
    if args.citation is None:
        titles = {a.id: a.title for a in history.amendments}
        for version in history.versions:
            names = "; ".join(titles[i] for i in version.amendments) or "(original text)"
            out.write(f"{_interval(version.start, version.end)}  {names}  [{version.id}]\n")
        return
    for state in history.timeline(args.citation):
        out.write(
            f"{_interval(state.start, state.end)}  {state.citation}  {_summary(state.element)}\n"
        )


def _summary(element: object) -> str:
    text = getattr(element, "text", None) or getattr(element, "caption", None) or ""
    text = str(text).replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"


def _interval(start: pendulum.DateTime, end: pendulum.DateTime | None) -> str:
    from legaldocs.dates import format_date

    tail = format_date(end.date()) if end is not None else "…"
    return f"{format_date(start.date())} – {tail}"


def _cmd_amend(args: argparse.Namespace, out: TextIO) -> None:
    if args.template is not None:
        if args.file is not None or args.amendment is not None:
            raise _Failure("--template prints a file to start from; it takes no FILE")
        out.write(_templates.template(args.template))
        return
    if args.file is None or args.amendment is None:
        raise _Failure("amend needs FILE and AMENDMENT (or --template KIND to start one)")
    from legaldocs.amend._changes import Amendment
    from legaldocs.serialize._api import dump, loads

    history = _history(args.file, "amend", args)
    amendment_path = Path(args.amendment)
    fmt = _io.data_format(amendment_path)
    text = _io.read_text(amendment_path, encoding=args.encoding)
    amendment = loads(text, Amendment, format=fmt, source=str(amendment_path))
    updated = history.amend(amendment)
    dump(updated, Path(args.file))
    out.write(f"{args.file}: amendment {amendment.id!r} recorded\n")


def _cmd_pending(args: argparse.Namespace, out: TextIO) -> None:
    import pendulum

    from legaldocs.dates import format_date

    history = _history(args.file, "pending", args)
    at = _when(args.at, history.tz) if args.at else pendulum.now(history.tz)
    for amendment in history.pending(at):
        when = amendment.effective
        day = format_date(when.date() if isinstance(when, pendulum.DateTime) else when)
        out.write(f"{day}  {amendment.id}  {amendment.title}\n")


def _cmd_convert(args: argparse.Namespace, out: TextIO) -> None:
    target = _writable(Path(args.output), args.force)
    fmt = _io.format_of(target)
    loaded = _load(args.input, args)
    if _io.is_data_format(fmt):
        from legaldocs.serialize._api import dump

        dump(loaded, target)
    else:
        doc = _document(loaded, None, None)
        _io.write_text(target, _io.render(doc, fmt))
    out.write(f"{args.input} → {args.output}\n")


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> None:
    loaded = _load(args.file, args)
    if not isinstance(loaded, Document):  # a history
        for version in loaded.versions:
            loaded.as_of(version.start)
        out.write(f"{args.file}: valid history, {len(loaded.versions)} versions\n")
    else:
        count = sum(1 for _ in loaded.walk())
        out.write(f"{args.file}: valid document, {count} elements\n")


def _cmd_start(args: argparse.Namespace, out: TextIO) -> None:
    import pendulum

    target = Path(args.history)
    if target.exists() and not target.is_dir() and not args.force:
        raise _Failure(
            f"{target} exists; it may hold amendments that would be lost "
            "(give --force to replace it, or use 'legaldocs amend' to add to it)"
        )
    _writable(target, args.force)
    _io.data_format(target)
    doc = _document(_load(args.document, args), None, None)
    effective = _when(args.effective)
    enacted = _when(args.enacted) if args.enacted else effective
    if isinstance(enacted, pendulum.DateTime):
        enacted = enacted.date()
    from legaldocs.history._history import History
    from legaldocs.serialize._api import dump

    history = History.start(doc, enacted=enacted, effective=effective)
    dump(history, target)  # atomic: a replaced file stays whole until the new one is complete
    out.write(f"{args.history}: history started {args.effective}\n")


def _cmd_import_versions(args: argparse.Namespace, out: TextIO) -> None:
    folder = Path(args.dir)
    target = _writable(Path(args.history), args.force)
    _io.data_format(target)
    listing = folder / "versions.tsv"
    if not listing.is_file():
        raise _Failure(f"{listing}: no such file (one line a version: file, date)")
    rows = _io.read_text(listing, encoding=args.encoding).splitlines()[1:]
    versions: list[tuple[pendulum.Date | pendulum.DateTime, Document]] = []
    for number, row in enumerate(rows, start=2):
        if not row.strip():
            continue
        fields = row.split("\t")
        if len(fields) < 2:
            raise _Failure(f"{listing}, line {number}: expected a file name and a date")
        when = _when(fields[1].strip())
        versions.append((when, _document(_load(str(folder / fields[0]), args), None, None)))
    if not versions:
        raise _Failure(f"{listing}: lists no version")
    from legaldocs.history._history import History
    from legaldocs.serialize._api import dump

    history = History.from_versions(versions)
    dump(history, target)  # atomic
    out.write(f"{args.history}: {len(versions)} versions from {args.dir}\n")


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from legaldocs._check import main_check

    return main_check(args.dirs, histories=args.histories, workers=args.jobs, out=out)


def _version_or_moment(history: History, text: str | None) -> Version:
    """The version named by an id or content hash, or in force at a date (default: now)."""
    import pendulum

    if text is None:
        return history.version_at(pendulum.now("Asia/Tokyo"))
    for version in history.versions:
        if text == version.id:
            return version
    if text.startswith("sha256:"):
        from legaldocs.consent import content_hash

        found = [v for v in history.versions if content_hash(v.document).startswith(text)]
        if len(found) == 1:
            return found[0]
        raise _Failure(f"{text}: {'no' if not found else 'more than one'} version has this hash")
    if "/" in text:
        raise _Failure(f"no version with id {text!r} in this history")
    return history.version_at(_when(text))


def _policy(path: str | None, args: argparse.Namespace) -> Any:
    from legaldocs.consent import Policy
    from legaldocs.serialize._api import loads

    if path is None:
        return Policy()
    file = Path(path)
    fmt = _io.data_format(file)
    text = _io.read_text(file, encoding=args.encoding)  # FileError, ParseError: one line
    return loads(text, Policy, format=fmt, source=str(file))


def _cmd_accept(args: argparse.Namespace, out: TextIO) -> None:
    import pendulum

    from legaldocs.consent import Acceptance, open_store

    history = _history(args.file, "accept", args)
    document_id = args.document or Path(args.file).name.split(".")[0]
    if args.version is not None:
        version = _version_or_moment(history, args.version)
    else:
        version = _version_or_moment(history, args.at)
    moment = pendulum.now("Asia/Tokyo") if args.time is None else _when(args.time)
    if not isinstance(moment, pendulum.DateTime):
        raise _Failure("--time needs a date and time, not a date only")
    acceptance = Acceptance.of(
        version,
        document_id=document_id,
        pii_principal_id=args.subject,
        consent_timestamp=moment,
        collection_method=args.channel,
        language=args.language,
        record_id=args.record_id,
    )
    with open_store(args.store) as store:
        store.put_history(document_id, history)
        new = store.record(acceptance)
    what = "recorded" if new else "already recorded"
    out.write(
        f"{what} {acceptance.record_id}: {acceptance.pii_principal_id} accepted {document_id} "
        f"{version.id} ({acceptance.content_hash})\n"
    )


def _cmd_since(args: argparse.Namespace, out: TextIO) -> int:
    from legaldocs.consent import Grade, render_summary

    history = _history(args.file, "since", args)
    old = _version_or_moment(history, args.version)
    new = _version_or_moment(history, args.at)
    only: tuple[Grade, ...] | None = ("substantive",) if args.substantive else None
    policy = _policy(args.policy, args)
    summary = render_summary(history, old, new, policy=policy, format=args.format, only=only)
    out.write(summary)
    from legaldocs.consent._policy import decide

    changes = decide(history, old, new, policy).changes
    return 1 if any(only is None or c.grade in only for c in changes) else 0


def _cmd_notices(args: argparse.Namespace, out: TextIO) -> None:
    import pendulum

    from legaldocs.consent import open_store, plan_notices
    from legaldocs.dates import format_date

    history = _history(args.file, "notices", args)
    at = pendulum.now("Asia/Tokyo") if args.at is None else _when(args.at)
    policy = _policy(args.policy, args)
    cohorts: tuple[Any, ...] = ()
    days = args.notice_days
    if args.store is not None:
        document_id = args.document or Path(args.file).name.split(".")[0]
        with open_store(args.store) as store:
            store.put_history(document_id, history)
            cohorts = store.cohorts(document_id)
            if days is None:
                days = store.notice_days(document_id)
    plans = plan_notices(
        history, at=at, policy=policy, notice_days=30 if days is None else days, cohorts=cohorts
    )
    if not plans:
        out.write("no amendment pending\n")
    for plan in plans:
        late = "  OVERDUE" if plan.overdue else ""
        out.write(
            f"{format_date(plan.effective.date())}  {'+'.join(plan.amendments)}  "
            f"{plan.grade}, {plan.action}  notice by {format_date(plan.notice_by.date())}{late}"
            f"  {'; '.join(plan.titles)}\n"
        )
        for cohort in plan.cohorts:
            out.write(f"    {cohort.subjects:>8} accepted {cohort.version_id}: {cohort.action}\n")
        if plan.cohorts:
            out.write(
                f"    {plan.to_reaccept} must accept again, {plan.to_notify} to be notified\n"
            )

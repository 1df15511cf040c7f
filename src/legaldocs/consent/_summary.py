"""What changed since an acceptance, written for the person who gave it.

:func:`summary_since` writes plain text, Markdown or HTML, in the document's language
(Japanese for ``ja``, English otherwise), substantive changes first, then editorial ones;
typographic corrections are only counted. Each change names its place (citation and the
article's caption) and what happened, quoting the words replaced, added or removed
(shortened past 80 characters). A change that needs a new acceptance is marked.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Sequence
from typing import Literal

import attrs

from legaldocs.compare import Difference
from legaldocs.consent._grading import GradedChange
from legaldocs.consent._policy import (
    Decision,
    Policy,
    _article_at,
    accepted_version,
    decide,
    policy_or_default,
)
from legaldocs.consent._records import Acceptance, Grade
from legaldocs.dates import format_date
from legaldocs.errors import ArgumentTypeError, ConsentError, require_type
from legaldocs.history import History, Version
from legaldocs.model import Document
from legaldocs.model._element import full_text

__all__ = ["SummaryFormat", "render_summary", "summary_since"]

SummaryFormat = Literal["text", "markdown", "html"]
"""The formats :func:`summary_since` writes."""

_LIMIT = 80

_WORDS = {
    "ja": {
        "title": "{title}の変更点",
        "intro": "{accepted}に同意いただいた版（{start}から施行）から、"
        "{current}から施行の版までの変更です。",
        "intro_version": "{start}から施行の版から、{current}から施行の版までの変更です。",
        "none": "変更はありません。",
        "substantive": "重要な変更",
        "editorial": "編集上の変更",
        "typographic": "表記の修正が{n}件あります（内容に変わりはありません）。",
        "reaccept": "【再同意が必要】",
        "closing": "これらの変更について、改めて同意をお願いいたします。",
        "closing_notice": "改めての同意は必要ありません。",
        "added": "{where}を追加：{what}",
        "removed": "{where}を削除：{what}",
        "deleted": "{where}を削除",
        "replace": "{old}を{new}に変更",
        "insert": "{new}を追加",
        "delete": "{old}を削除",
        "caption": "{where}の見出し：{what}",
        "renumbered": "{old}を{new}に変更",
        "moved": "{where}を移動",
        "revisions": "改定の記録を更新",
        "field": "{what}",
        "form": "{where}の形式を変更",
        "sep": "、",
        "colon": "：",
        "quote": "「{}」",
        "date": "ja",
    },
    "en": {
        "title": "Changes to {title}",
        "intro": "Changes from the version you accepted on {accepted} (in force from {start}) "
        "to the version in force from {current}.",
        "intro_version": "Changes from the version in force from {start} to the version in force "
        "from {current}.",
        "none": "Nothing has changed.",
        "substantive": "Substantive changes",
        "editorial": "Editorial changes",
        "typographic": "{n} typographic correction(s) (no change of content).",
        "reaccept": "[needs your acceptance again]",
        "closing": "Please accept the new version to continue.",
        "closing_notice": "You do not need to accept it again.",
        "added": "{where} added: {what}",
        "removed": "{where} removed: {what}",
        "deleted": "{where} deleted",
        "replace": "{old} replaced by {new}",
        "insert": "{new} added",
        "delete": "{old} removed",
        "caption": "heading of {where}: {what}",
        "renumbered": "{old} renumbered {new}",
        "moved": "{where} moved",
        "revisions": "revision record updated",
        "field": "{what}",
        "form": "form of {where} changed",
        "sep": "; ",
        "colon": ": ",
        "quote": "“{}”",
        "date": "en",
    },
}


@attrs.frozen(kw_only=True)
class _Summary:
    title: str
    intro: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    notes: tuple[str, ...]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


def _date(moment: datetime.date, lang: str) -> str:
    day = moment.date() if isinstance(moment, datetime.datetime) else moment
    return format_date(day) if lang == "ja" else day.isoformat()


def _where(change: Difference, old: Document, new: Document, words: dict[str, str]) -> str:
    cit = change.citation
    where = cit.format(new.style.numerals) if cit is not None and cit.steps else new.title
    path = change.new_path if change.new_path is not None else change.old_path
    doc = new if change.new_path is not None else old
    article = _article_at(doc, path)
    if article is not None and article.caption and change.element_type != "article":
        art_cit = where.split("条", 1)
        if len(art_cit) == 2:
            where = f"{art_cit[0]}条{article.caption.strip()}{art_cit[1]}"
    elif article is not None and article.caption and change.element_type == "article":
        where = f"{where}{article.caption.strip()}"
    return where


_STOPS = frozenset(" \t\n\u3000、。，．,.;；:：「」『』（）()[]［］")


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The words around ``text[start:end]`` up to a separator (at most 12 characters each
    side), so that an edit reads in context (〒150-0022, not 0022)."""
    i = start
    while i > 0 and start - i < 12 and text[i - 1] not in _STOPS:
        i -= 1
    j = end
    while j < len(text) and j - end < 12 and text[j] not in _STOPS:
        j += 1
    return text[i:start], text[end:j]


def _describe(graded: GradedChange, old: Document, new: Document, words: dict[str, str]) -> str:
    change = graded.change
    q = words["quote"].format
    where = _where(change, old, new, words)
    kinds = change.kinds
    if (
        change.element_type == "supplement"
        and change.field in ("revisions", None)
        and (kinds == ("modified",))
    ):
        return f"{where}{words['colon']}{words['revisions']}"
    if "added" in kinds:
        return words["added"].format(where=where, what=q(_short(full_text(change.new))))
    if "removed" in kinds:
        return words["removed"].format(where=where, what=q(_short(full_text(change.old))))
    if "deleted" in kinds:
        return words["deleted"].format(where=where)
    parts: list[str] = []
    if "renumbered" in kinds and change.old_citation is not None:
        parts.append(
            words["renumbered"].format(
                old=change.old_citation.format(old.style.numerals),
                new=change.new_citation.format(new.style.numerals)
                if change.new_citation is not None
                else "",
            )
        )
    if "moved" in kinds:
        parts.append(words["moved"].format(where=where))
    edits = []
    for op in change.ops:
        if op.tag == "equal":
            continue
        before, after = _context(change.old_text or "", op.old_start, op.old_end)
        old_words = q(_short(before + op.old_text + after))
        new_words = q(_short(before + op.new_text + after))
        if op.tag == "replace" or (before or after):
            edits.append(words["replace"].format(old=old_words, new=new_words))
        elif op.tag == "insert":
            edits.append(words["insert"].format(new=new_words))
        else:
            edits.append(words["delete"].format(old=old_words))
    if edits:
        what = words["sep"].join(edits)
        if "caption" in kinds:
            parts.append(words["caption"].format(where=where, what=what))
        else:
            parts.append(f"{where}{words['colon']}{what}")
    elif not parts:
        parts.append(words["form"].format(where=where))
    return words["sep"].join(parts)


def _build(decision: Decision, history: History, accepted_at: datetime.date | None) -> _Summary:
    old, new = decision.accepted.document, decision.current.document
    lang = "ja" if new.lang.lower().startswith("ja") else "en"
    words = _WORDS[lang]
    start = _date(decision.accepted.start, lang)
    current = _date(decision.current.start, lang)
    if accepted_at is None:
        intro = words["intro_version"].format(start=start, current=current)
    else:
        intro = words["intro"].format(
            accepted=_date(accepted_at, lang), start=start, current=current
        )
    changes = list(decision.changes)
    grades: tuple[Grade, ...] = ("substantive", "editorial")
    sections = []
    for grade in grades:
        items = [c for c in changes if c.grade == grade]
        items.sort(key=lambda c: c.action != "reaccept")  # stable: document order within
        if items:
            lines = tuple(
                (words["reaccept"] if c.action == "reaccept" else "")
                + _describe(c, old, new, words)
                for c in items
            )
            sections.append((words[grade], lines))
    notes = []
    typo = sum(1 for c in changes if c.grade == "typographic")
    if typo:
        notes.append(words["typographic"].format(n=typo))
    if not changes:
        notes.append(words["none"])
    elif decision.needed:
        notes.append(words["closing"])
    elif accepted_at is not None:
        notes.append(words["closing_notice"])
    return _Summary(
        title=words["title"].format(title=new.title),
        intro=intro,
        sections=tuple(sections),
        notes=tuple(notes),
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _render(summary: _Summary, fmt: SummaryFormat) -> str:
    if fmt == "text":
        lines = [summary.title, "", summary.intro]
        for heading, items in summary.sections:
            lines += ["", f"■ {heading}", *(f"・{item}" for item in items)]
        if summary.notes:
            lines += ["", *summary.notes]
        return "\n".join(lines) + "\n"
    if fmt == "markdown":
        lines = [f"# {_md(summary.title)}", "", _md(summary.intro)]
        for heading, items in summary.sections:
            lines += ["", f"## {_md(heading)}", "", *(f"- {_md(item)}" for item in items)]
        if summary.notes:
            lines += ["", *(f"{_md(n)}\n" for n in summary.notes)]
            lines[-1] = lines[-1].rstrip("\n")
        return "\n".join(lines) + "\n"
    if fmt == "html":
        e = html.escape
        out = [f'<section class="legaldocs-summary">\n<h1>{e(summary.title)}</h1>']
        out.append(f"<p>{e(summary.intro)}</p>")
        for heading, items in summary.sections:
            out.append(f"<h2>{e(heading)}</h2>\n<ul>")
            out.extend(f"<li>{e(item)}</li>" for item in items)
            out.append("</ul>")
        out.extend(f"<p>{e(n)}</p>" for n in summary.notes)
        out.append("</section>")
        return "\n".join(out) + "\n"
    raise ConsentError(f"summary format must be text, markdown or html, not {fmt!r}")


def _check_format(format: object) -> None:
    if format not in ("text", "markdown", "html"):
        raise ConsentError(f"summary format must be text, markdown or html, not {format!r}")


def render_summary(
    history: History,
    old: Version,
    new: Version,
    *,
    policy: Policy | None = None,
    format: SummaryFormat = "text",
    only: Sequence[Grade] | None = None,
) -> str:
    """What changed from version ``old`` to version ``new`` of ``history`` (see
    :func:`summary_since`); ``only`` keeps the changes of those grades."""
    require_type(history, History, "render_summary: history")
    require_type(old, Version, "render_summary: old")
    require_type(new, Version, "render_summary: new")
    _check_format(format)
    if only is not None and (isinstance(only, str | bytes) or not isinstance(only, Sequence)):
        raise ArgumentTypeError(f"render_summary: only: not a sequence of grades: {only!r}")
    decision = decide(history, old, new, policy_or_default(policy))
    if only is not None:
        decision = attrs.evolve(
            decision, changes=tuple(c for c in decision.changes if c.grade in only)
        )
    return _render(_build(decision, history, None), format)


def summary_since(
    acceptance: Acceptance,
    history: History,
    at: datetime.date | str,
    *,
    policy: Policy | None = None,
    format: SummaryFormat = "text",
) -> str:
    """What changed between the version ``acceptance`` accepted and the one in force at
    ``at``, written for the person who gave it: plain text, Markdown or HTML (``format``),
    in the document's language, substantive changes first; the changes ``policy`` (default
    :class:`Policy()`) says need a new acceptance are marked.

    Raises :class:`~legaldocs.ConsentError` when the acceptance does not fit the history.
    """
    require_type(acceptance, Acceptance, "summary_since: acceptance")
    require_type(history, History, "summary_since: history")
    _check_format(format)
    chosen = policy_or_default(policy)
    accepted = accepted_version(acceptance, history)
    decision = decide(history, accepted, history.version_at(at), chosen)
    return _render(_build(decision, history, acceptance.consent_timestamp), format)

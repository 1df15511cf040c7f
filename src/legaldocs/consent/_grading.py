"""Materiality: every change of a diff graded typographic, editorial or substantive.

Typographic
    The texts differ only in typography. Both sides are compared through a folded key
    (:func:`typographic_key`, used to compare, never stored): full-width ASCII and the
    ideographic space fold to half width, half-width katakana to full width; curly, straight
    and full-width quotes to one quote each; the forms of the comma (，,、､) and of the full
    stop (．.。｡), of the hyphen and of the wave dash to one each; white space of any kind
    (line breaks, no-break and zero-width spaces, a byte-order mark) is dropped, except one
    space between two letters or digits of alphabetic script, so that ``foo bar`` and
    ``foobar`` stay different while ``（アプリ）購入`` and ``(アプリ) 購入`` are the same.
    A change of presentation only (bullets instead of lines, the document's style) is
    typographic too. Changes that cut or join paragraphs by white space alone (an added
    paragraph that is the second half of a split one) are found per article, and per
    document: when the folded text of the whole article (or document) is the same on both
    sides, every change in it is typographic.

Editorial
    What is written changes but not what is agreed: renumbering or moving without a change
    of text; a cross-reference that follows a renumbering (only citations such as 第9条
    change, in a diff that renumbers); the revision record (``2024年10月1日 改定``); the
    table of contents.

Substantive
    Everything else: added, removed or deleted elements, and changed wording.

An amendment may declare its own grade (:attr:`legaldocs.Amendment.grade`): the author's
judgement then replaces the automatic grade of every change that amendment made (see
:func:`grade_versions`).
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Sequence

import attrs

from legaldocs.compare import Diff, Difference
from legaldocs.consent._records import GRADES, Action, Grade
from legaldocs.errors import require_type
from legaldocs.history import History, Version
from legaldocs.model import Article, Document, Supplement
from legaldocs.model._element import full_text, texts_of

__all__ = ["GradedChange", "grade_diff", "grade_versions", "max_grade", "typographic_key"]

_WIDTH: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_QUOTES = {
    **dict.fromkeys("“”„‟〝〞〟＂″", '"'),
    **dict.fromkeys("‘’‚‛＇′", "'"),
    **dict.fromkeys(",，、､", ","),
    **dict.fromkeys(".．。｡", "."),
    **dict.fromkeys("‐‑‒−－", "-"),
    **dict.fromkeys("〜～", "~"),
    **dict.fromkeys("･・", "・"),
}
_TABLE: dict[int, str] = {**_WIDTH, **{ord(k): v for k, v in _QUOTES.items()}}
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_HALF_KANA = re.compile(r"[\uff61-\uff9f]+")


def _word(ch: str) -> bool:
    return ch.isalnum() and ord(ch) < 0x2E80


def _space_key(text: str) -> str:
    """White space dropped, except one space between two alphabetic-script letters/digits."""
    parts = _SPACES.split(text)
    out = [parts[0]]
    for part in parts[1:]:
        if not part:
            continue
        if out[-1] and _word(out[-1][-1]) and _word(part[0]):
            out.append(" ")
        out.append(part)
    return "".join(out).strip()


def _width(text: str) -> str:
    text = _HALF_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_WIDTH).replace("\u3000", " ")


def typographic_key(text: str) -> str:
    """``text`` folded so that two texts differing only typographically have the same key
    (see the module documentation). For comparing only: never store text folded."""
    require_type(text, str, "typographic_key: text")
    text = _HALF_KANA.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _space_key(text.replace("\u3000", " ").translate(_TABLE))


def _kinds_of_typography(old: str, new: str) -> str:
    """Which kinds of typography separate two texts whose keys are equal (for reasons)."""
    if _space_key(old) == _space_key(new):
        return "white space"
    if _space_key(_width(old)) == _space_key(_width(new)):
        return "full/half width" + ("" if _width(old) == _width(new) else " and white space")
    return "quotes, punctuation, width or spacing"


@attrs.frozen(kw_only=True)
class GradedChange:
    """One change of a diff with its grade, why, and (once a policy is applied) what it asks
    of those who accepted the old text.

    - ``change``: the :class:`~legaldocs.Difference`;
    - ``grade``: typographic, editorial or substantive; ``reason``: why, in words;
    - ``declared_by``: the amendments whose declared grade set ``grade`` (empty when graded
      automatically);
    - ``action``: none, notice or reaccept (``none`` until a policy decides);
      ``rule``: the policy rule that decided it, if one did.
    """

    change: Difference
    grade: Grade
    reason: str
    declared_by: tuple[str, ...] = ()
    action: Action = "none"
    rule: str | None = None

    @property
    def citation(self) -> str:
        """The change's citation in Arabic numerals (``第3条第2項``), or ``""``."""
        cit = self.change.citation
        return cit.format("arabic") if cit is not None and cit.steps else ""


def max_grade(grades: Sequence[Grade]) -> Grade:
    """The highest of ``grades`` (``typographic`` for none)."""
    return max(grades, key=GRADES.index, default="typographic")


_CITATION_TOKEN = re.compile(
    r"第[0-9０-９〇一二三四五六七八九十百千万]+[編章節款目条項号表行](?:の[0-9０-９〇一二三四五六七八九十百千万]+)*"
)


def _only_citations(change: Difference) -> bool:
    ops = [op for op in change.ops if op.tag != "equal"]
    return bool(ops) and all(
        all(_CITATION_TOKEN.fullmatch(t) for t in (op.old_text, op.new_text) if t)
        and (op.old_text and op.new_text)
        for op in ops
    )


def _own_presentation_only(change: Difference) -> bool:
    """A change without text operations whose elements differ in presentation only."""
    old, new = change.old, change.new
    if old is None or new is None or type(old) is not type(new):
        return False
    from legaldocs.model._element import spec

    s = spec(type(old))
    return all(getattr(old, name) == getattr(new, name) for name in s.texts + s.data)


def _grade_one(change: Difference, renumbering: bool) -> tuple[Grade, str]:
    kinds = set(change.kinds)
    if change.element_type == "document":
        if change.field in ("style", "appendix_places"):
            return "typographic", "presentation only"
        old, new = change.old_text, change.new_text
        if old is not None and new is not None and typographic_key(old) == typographic_key(new):
            return "typographic", f"typography only ({_kinds_of_typography(old, new)})"
        return "editorial", f"the document's {change.field}"
    if change.element_type == "toc":
        return "editorial", "the table of contents"
    if (
        change.element_type == "supplement"
        and kinds == {"modified"}
        and change.field
        in (
            "revisions",
            None,
        )
    ):
        return "editorial", "the revision record"
    if kinds & {"added", "removed", "deleted"}:
        what = "added" if "added" in kinds else "removed" if "removed" in kinds else "deleted"
        return "substantive", f"{change.element_type} {what}"
    text_kinds = kinds & {"modified", "caption"}
    structural = kinds - text_kinds
    text_grade: Grade | None = None
    reason = ""
    if text_kinds:
        if change.old_text is not None and change.new_text is not None:
            if typographic_key(change.old_text) == typographic_key(change.new_text):
                kind = _kinds_of_typography(change.old_text, change.new_text)
                text_grade, reason = "typographic", f"typography only ({kind})"
            elif renumbering and _only_citations(change):
                text_grade, reason = "editorial", "cross-references follow a renumbering"
            else:
                text_grade = "substantive"
                reason = "caption changed" if "caption" in kinds else "wording changed"
        elif _own_presentation_only(change):
            text_grade, reason = "typographic", "presentation only"
        else:
            text_grade, reason = "editorial", "form of the element changed"
    if structural:
        what = " and ".join(sorted(structural))
        if text_grade is None or text_grade == "typographic":
            return "editorial", what + ("" if text_grade is None else f"; {reason}")
        return text_grade, f"{reason}; {what}"
    assert text_grade is not None
    return text_grade, reason


def _container(doc: Document, path: str) -> tuple[str, object] | None:
    """The article (or top-level element) holding the element at ``path``, with its path."""
    parts = path.split("/")
    depth = 1
    if parts[0] == "preamble":
        return None
    try:
        top = doc.get(parts[0])
    except Exception:
        return None
    if isinstance(top, Supplement):
        if len(parts) < 2:
            return None
        depth = 2
        try:
            top = doc.get("/".join(parts[:2]))
        except Exception:
            return None
    return "/".join(parts[:depth]), top


def _folded(element: object) -> str:
    return typographic_key(full_text(element))


_TEXTS: dict[int, tuple[weakref.ref[Document], str]] = {}


def _document_text(doc: Document) -> str:
    """The folded text of the whole document (remembered per document object)."""
    cached = _TEXTS.get(id(doc))
    if cached is not None and cached[0]() is doc:
        return cached[1]
    parts = [*texts_of(doc)]
    for group in (doc.preamble, doc.body, doc.supplements):
        parts.extend(full_text(e) for e in group)
    folded = typographic_key("\n".join(parts))
    key = id(doc)

    def forget(_ref: weakref.ref[Document]) -> None:
        _TEXTS.pop(key, None)

    _TEXTS[key] = (weakref.ref(doc, forget), folded)
    return folded


def grade_diff(diff: Diff) -> tuple[GradedChange, ...]:
    """Every change of ``diff`` with its automatic grade (see the module documentation)."""
    require_type(diff, Diff, "grade_diff: diff")
    renumbering = any("renumbered" in c.kinds for c in diff.changes)
    graded = [
        GradedChange(change=c, grade=g, reason=r)
        for c in diff.changes
        for g, r in (_grade_one(c, renumbering),)
    ]
    if all(g.grade == "typographic" for g in graded):
        return tuple(graded)
    # text cut or joined across elements by white space shows as two changes or more, or
    # as an added or removed element
    others = [g for g in graded if g.grade != "typographic"]
    cut_or_joined = len(others) > 1 or any(
        {"added", "removed"} & set(g.change.kinds) for g in others
    )
    if cut_or_joined and _document_text(diff.old) == _document_text(diff.new):
        # white space cuts or joins paragraphs (or headings): nothing else changed
        return tuple(
            g
            if g.grade == "typographic" or g.change.element_type in ("supplement", "toc")
            else attrs.evolve(
                g, grade="typographic", reason="typography only (white space between elements)"
            )
            for g in graded
        )
    same: dict[str, bool] = {}
    out = []
    for g in graded:
        path = g.change.path
        if g.grade != "typographic" and path is not None and g.change.kind != "renumbered":
            old_c = _container(diff.old, g.change.old_path or path)
            new_c = _container(diff.new, g.change.new_path or path)
            if old_c is not None and new_c is not None and old_c[0] == new_c[0]:
                key = old_c[0]
                if key not in same:
                    same[key] = _folded(old_c[1]) == _folded(new_c[1]) and isinstance(
                        old_c[1], Article
                    ) == isinstance(new_c[1], Article)
                if same[key]:
                    g = attrs.evolve(
                        g,
                        grade="typographic",
                        reason="typography only (white space between elements)",
                    )
        out.append(g)
    return tuple(out)


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def grade_versions(
    history: History, old: Version, new: Version
) -> tuple[Diff, tuple[GradedChange, ...]]:
    """The diff from ``old`` to ``new`` (two versions of ``history``) and its graded
    changes, with the grades the amendments declare.

    A change takes the declared grade when every amendment that touched its element between
    the two versions declared one (the highest of them, if several): each version step is
    diffed on its own to see which amendments touched which elements.
    """
    require_type(history, History, "grade_versions: history")
    require_type(old, Version, "grade_versions: old")
    require_type(new, Version, "grade_versions: new")
    d = history.diff(old, new)
    graded = grade_diff(d)
    by_id = {a.id: a for a in history.amendments}
    versions = history.versions
    ids = [v.id for v in versions]
    try:
        i, j = ids.index(old.id), ids.index(new.id)
    except ValueError:
        return d, graded
    steps = versions[i + 1 : j + 1]
    if not any(getattr(by_id[a], "grade", None) for v in steps for a in v.amendments):
        return d, graded
    touched: list[tuple[tuple[str, ...], tuple[Grade, ...] | None]] = []
    for k in range(i + 1, j + 1):
        step = versions[k]
        declared = [getattr(by_id[a], "grade", None) for a in step.amendments]
        grades = None if any(x is None for x in declared) else tuple(declared)
        paths = tuple(
            p for c in history.diff(versions[k - 1], step).changes if (p := c.path) is not None
        )
        touched.append((paths, grades))  # type: ignore[arg-type]
    out = []
    for g in graded:
        path = g.change.path
        if path is None:
            out.append(g)
            continue
        hits = [
            (k, grades)
            for k, (paths, grades) in enumerate(touched)
            if any(_related(path, p) for p in paths)
        ]
        if hits and all(grades is not None for _, grades in hits):
            declared_grades = [x for _, grades in hits for x in grades or ()]
            amendments = tuple(a for k, _ in hits for a in steps[k].amendments)
            grade = max_grade(declared_grades)
            g = attrs.evolve(
                g,
                grade=grade,
                reason=f"declared {grade} by amendment {', '.join(amendments)}",
                declared_by=amendments,
            )
        out.append(g)
    return d, tuple(out)

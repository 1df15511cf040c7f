"""Policies: what a graded change asks of those who accepted the text before it.

A :class:`Policy` maps each grade to an action (by default: typographic → none, editorial →
notice, substantive → reaccept) and holds :class:`Rule` records that decide for the changes
inside one part of the document, named by citation (``第3条``: the article and everything in
it), key path (``a6``) or the caption of the article (``個人情報の第三者提供``, compared
without brackets and typography). The first rule that matches a change decides its action;
a rule applies to changes of its ``min_grade`` or above (by default editorial, so that a typo
fixed in 第3条 does not ask everyone again unless the rule says so).

:func:`needs_reacceptance` answers for one acceptance, with the changes that decide it.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from legaldocs.consent._grading import GradedChange, grade_versions, typographic_key
from legaldocs.consent._records import ACTIONS, GRADES, Acceptance, Action, Grade, content_hash
from legaldocs.errors import CitationError, ConsentError, HistoryError, require_type
from legaldocs.history import History, Version
from legaldocs.model import Article, Citation, Document

__all__ = ["Decision", "Policy", "Rule", "needs_reacceptance"]

_BRACKETS = "()（）[]［］【】〔〕"


def _caption_key(text: str) -> str:
    return typographic_key(text.strip().strip(_BRACKETS))


def _action(instance: Any, attribute: Any, value: Any) -> None:
    require_type(value, str, attribute.name)
    if value not in ACTIONS:
        raise ConsentError(f"{attribute.name} must be one of {', '.join(ACTIONS)}: {value!r}")


def _grade(instance: Any, attribute: Any, value: Any) -> None:
    require_type(value, str, attribute.name)
    if value not in GRADES:
        raise ConsentError(f"{attribute.name} must be one of {', '.join(GRADES)}: {value!r}")


@attrs.frozen(kw_only=True)
class Rule:
    """The action for the changes inside one part of the document.

    Exactly one of ``citation`` (``"第3条"``, ``"第6条第1項"``; any numerals), ``key`` (a key
    path, ``"a3"``) or ``caption`` (an article's caption, with or without its brackets)
    names the part. ``min_grade``: the least grade the rule applies to.
    """

    action: Action = attrs.field(validator=_action)
    citation: str | None = None
    key: str | None = None
    caption: str | None = None
    min_grade: Grade = attrs.field(default="editorial", validator=_grade)

    def __attrs_post_init__(self) -> None:
        named = [x for x in (self.citation, self.key, self.caption) if x is not None]
        for part in named:
            require_type(part, str, "a rule's citation, key or caption")
        if len(named) != 1 or not all(x.strip() for x in named):
            raise ConsentError("a rule names its part by one of citation, key or caption")
        if self.citation is not None:
            try:
                Citation.parse(self.citation)
            except CitationError as exc:
                raise ConsentError(f"rule citation: {exc}") from None

    def describe(self) -> str:
        """The part the rule names, as written (``第3条``, ``key a3``, ``（…）``)."""
        if self.citation is not None:
            return self.citation
        if self.key is not None:
            return f"key {self.key}"
        return f"caption {self.caption}"

    def matches(self, graded: GradedChange, old: Document, new: Document) -> bool:
        """Whether ``graded`` (a change from ``old`` to ``new``) is in the part named."""
        require_type(graded, GradedChange, "Rule.matches: graded")
        if GRADES.index(graded.grade) < GRADES.index(self.min_grade):
            return False
        change = graded.change
        if self.citation is not None:
            steps = Citation.parse(self.citation).steps
            return any(
                c is not None and c.steps[: len(steps)] == steps
                for c in (change.old_citation, change.new_citation)
            )
        if self.key is not None:
            return any(
                p is not None and (p == self.key or p.startswith(self.key + "/"))
                for p in (change.old_path, change.new_path)
            )
        assert self.caption is not None
        wanted = _caption_key(self.caption)
        for doc, path in ((old, change.old_path), (new, change.new_path)):
            article = _article_at(doc, path)
            if article is not None and article.caption and _caption_key(article.caption) == wanted:
                return True
        return False


def _article_at(doc: Document, path: str | None) -> Article | None:
    if not path:
        return None
    parts = path.split("/")
    for n in range(1, min(len(parts), 2) + 1):
        try:
            element = doc.get("/".join(parts[:n]))
        except Exception:
            return None
        if isinstance(element, Article):
            return element
    return None


def _rules(value: object) -> None:
    require_type(value, tuple, "Policy.rules")
    assert isinstance(value, tuple)
    for rule in value:
        require_type(rule, Rule, "each of Policy.rules")


def policy_or_default(policy: object) -> Policy:
    """``policy``, or the default :class:`Policy` for ``None``; an
    :class:`~legaldocs.ArgumentTypeError` for anything else."""
    if policy is None:
        return Policy()
    require_type(policy, Policy, "policy")
    assert isinstance(policy, Policy)
    return policy


@attrs.frozen(kw_only=True)
class Policy:
    """The action for each grade, and the rules that decide for parts of the document."""

    rules: tuple[Rule, ...] = attrs.field(
        default=(),
        validator=lambda _, __, value: _rules(value),
    )
    typographic: Action = attrs.field(default="none", validator=_action)
    editorial: Action = attrs.field(default="notice", validator=_action)
    substantive: Action = attrs.field(default="reaccept", validator=_action)

    def assess(
        self, changes: tuple[GradedChange, ...], old: Document, new: Document
    ) -> tuple[GradedChange, ...]:
        """``changes`` with their ``action`` (and the ``rule`` that decided it, if any)."""
        require_type(changes, tuple, "Policy.assess: changes")
        for graded in changes:
            require_type(graded, GradedChange, "Policy.assess: each of changes")
        require_type(old, Document, "Policy.assess: old")
        require_type(new, Document, "Policy.assess: new")
        out = []
        for graded in changes:
            action: Action = getattr(self, graded.grade)
            rule = None
            for candidate in self.rules:
                if candidate.matches(graded, old, new):
                    action, rule = candidate.action, candidate.describe()
                    break
            out.append(attrs.evolve(graded, action=action, rule=rule))
        return tuple(out)


@attrs.frozen(kw_only=True)
class Decision:
    """Whether one acceptance must be given again, and why.

    ``accepted`` is the version accepted, ``current`` the one in force at the moment asked
    about; ``changes`` every change between them, graded and assessed; ``deciding`` the
    changes that need re-acceptance (empty when ``needed`` is false). ``bool(decision)`` is
    ``needed``; ``notice`` says whether the person should at least be told.
    """

    needed: bool
    accepted: Version
    current: Version
    changes: tuple[GradedChange, ...]

    def __bool__(self) -> bool:
        return self.needed

    @property
    def deciding(self) -> tuple[GradedChange, ...]:
        """The changes that need re-acceptance."""
        return tuple(c for c in self.changes if c.action == "reaccept")

    @property
    def notice(self) -> bool:
        """True when some change needs at least a notice."""
        return any(c.action != "none" for c in self.changes)


def accepted_version(acceptance: Acceptance, history: History) -> Version:
    """The version of ``history`` that ``acceptance`` names, checked against its hash.

    Raises :class:`~legaldocs.ConsentError` when the history has no such version or when
    the version's text is not the one the acceptance pinned.
    """
    try:
        version = history._by_id(acceptance.version_id)
    except HistoryError:
        raise ConsentError(
            f"the history has no version {acceptance.version_id!r} "
            f"(accepted in record {acceptance.record_id})"
        ) from None
    actual = content_hash(version.document)
    if actual != acceptance.content_hash:
        raise ConsentError(
            f"version {version.id!r} has content hash {actual}, but record "
            f"{acceptance.record_id} accepted {acceptance.content_hash}: not the same text"
        )
    return version


def decide(history: History, accepted: Version, current: Version, policy: Policy) -> Decision:
    """The :class:`Decision` for someone who accepted ``accepted``, at ``current``."""
    if accepted.id == current.id or accepted.start >= current.start:
        return Decision(needed=False, accepted=accepted, current=current, changes=())
    d, graded = grade_versions(history, accepted, current)
    assessed = policy.assess(graded, d.old, d.new)
    needed = any(c.action == "reaccept" for c in assessed)
    return Decision(needed=needed, accepted=accepted, current=current, changes=assessed)


def needs_reacceptance(
    acceptance: Acceptance,
    history: History,
    at: datetime.date | str,
    policy: Policy | None = None,
) -> Decision:
    """Whether the person who gave ``acceptance`` must accept the text in force at ``at``
    again, under ``policy`` (default :class:`Policy()`), with the changes that decide it.

    Raises :class:`~legaldocs.ConsentError` when the accepted version is not in the history
    (or its text is not the one pinned), :class:`~legaldocs.HistoryError` for a moment before
    the first version.
    """
    require_type(acceptance, Acceptance, "needs_reacceptance: acceptance")
    require_type(history, History, "needs_reacceptance: history")
    chosen = policy_or_default(policy)
    accepted = accepted_version(acceptance, history)
    return decide(history, accepted, history.version_at(at), chosen)

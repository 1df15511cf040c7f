"""Notice planning and "who must accept again".

:func:`plan_notices` lists, for every version of a history that is not in force yet at a
moment, the amendments that make it, when it takes effect, the date by which notice must go
out (``notice_days`` before), its grade and action against the version before it, and, given
the stored cohorts, what it asks of each cohort and how many subjects must be told or asked
again.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from legaldocs.amend import Amendment
from legaldocs.consent._grading import grade_versions, max_grade
from legaldocs.consent._policy import Policy, decide, policy_or_default
from legaldocs.consent._records import ACTIONS, Action, Grade
from legaldocs.consent._store import Cohort, Reacceptance
from legaldocs.errors import ArgumentTypeError, ConsentError, require_type
from legaldocs.history import History, Version
from legaldocs.history._history import _moment

if TYPE_CHECKING:
    from legaldocs.consent._store import ConsentStore

__all__ = ["NoticePlan", "assess_cohorts", "plan_notices"]


@attrs.frozen(kw_only=True)
class NoticePlan:
    """The notice due for one version not yet in force.

    - ``version``: the version the amendments make; ``amendments``: their ids and
      ``titles``; ``effective``: when it takes effect;
    - ``notice_by``: the last moment to send the notice (``notice_days`` before
      ``effective``); ``overdue``: that moment has passed at the time of planning;
    - ``grade`` and ``action``: the highest grade and action of its changes against the
      version before it;
    - ``cohorts``: each stored cohort with what this version asks of it; ``to_reaccept`` and
      ``to_notify``: how many subjects must accept again, and how many must be told only.
    """

    version: Version
    amendments: tuple[str, ...]
    titles: tuple[str, ...]
    effective: pendulum.DateTime
    notice_by: pendulum.DateTime
    overdue: bool
    grade: Grade
    action: Action
    cohorts: tuple[Cohort, ...] = ()
    to_reaccept: int = 0
    to_notify: int = 0


def assess_cohorts(
    history: History,
    cohorts: Sequence[Cohort],
    target: Version,
    policy: Policy,
    memo: dict[tuple[str, str, Policy], Action] | None = None,
) -> tuple[Cohort, ...]:
    """``cohorts`` with the action the version ``target`` asks of each (a cohort whose
    version is not in ``history`` raises :class:`~legaldocs.ConsentError`). ``memo``
    remembers the action per (version, target, policy) for one immutable history."""
    by_id = {v.id: v for v in history.versions}
    out = []
    for cohort in cohorts:
        key = (cohort.version_id, target.id, policy)
        known = memo.get(key) if memo is not None else None
        if known is not None:
            action: Action = known
        else:
            version = by_id.get(cohort.version_id)
            if version is None:
                raise ConsentError(f"the history has no version {cohort.version_id!r}")
            decision = decide(history, version, target, policy)
            action = max((c.action for c in decision.changes), key=ACTIONS.index, default="none")
            if memo is not None:
                memo[key] = action
        out.append(attrs.evolve(cohort, action=action))
    return tuple(out)


def plan_notices(
    history: History,
    *,
    at: datetime.date | str,
    policy: Policy | None = None,
    notice_days: int = 30,
    cohorts: Sequence[Cohort] = (),
) -> tuple[NoticePlan, ...]:
    """One :class:`NoticePlan` per version of ``history`` that takes effect after ``at``,
    in order (see the module documentation)."""
    require_type(history, History, "plan_notices: history")
    policy = policy_or_default(policy)
    if isinstance(notice_days, bool) or not isinstance(notice_days, int):
        raise ArgumentTypeError(f"notice_days must be a whole number: {notice_days!r}")
    if not 0 <= notice_days <= 36_500:
        raise ConsentError(f"notice_days must be 0 to 36500 (a hundred years): {notice_days!r}")
    if isinstance(cohorts, str | bytes) or not isinstance(cohorts, Sequence):
        raise ArgumentTypeError(f"plan_notices: cohorts: not a sequence: {cohorts!r}")
    for cohort in cohorts:
        require_type(cohort, Cohort, "plan_notices: each of cohorts")
    moment = _moment(at, history.tz)
    versions = history.versions
    titles = {a.id: a.title for a in history.amendments}
    plans = []
    for k, version in enumerate(versions):
        if version.start <= moment or k == 0:
            continue
        previous = versions[k - 1]
        d, graded = grade_versions(history, previous, version)
        assessed = policy.assess(graded, d.old, d.new)
        notice_by = version.start.subtract(days=notice_days)
        assessed_cohorts = assess_cohorts(history, cohorts, version, policy)
        plans.append(
            NoticePlan(
                version=version,
                amendments=version.amendments,
                titles=tuple(titles[a] for a in version.amendments),
                effective=version.start,
                notice_by=notice_by,
                overdue=notice_by < moment,
                grade=max_grade([c.grade for c in assessed]),
                action=max((c.action for c in assessed), key=ACTIONS.index, default="none"),
                cohorts=assessed_cohorts,
                to_reaccept=sum(c.subjects for c in assessed_cohorts if c.action == "reaccept"),
                to_notify=sum(c.subjects for c in assessed_cohorts if c.action == "notice"),
            )
        )
    return tuple(plans)


def reacceptance(
    store: ConsentStore,
    document_id: str,
    *,
    at: datetime.date | str | None = None,
    amendment: str | Amendment | None = None,
    policy: Policy | None = None,
) -> Reacceptance:
    """:meth:`ConsentStore.must_reaccept`."""
    policy = policy_or_default(policy)
    if amendment is not None:
        require_type(amendment, (str, Amendment), "must_reaccept: amendment")
    history = store.history(document_id)
    memo: dict[Any, Any] | None = store._memo(document_id, history)
    if at is not None and amendment is not None:
        raise ConsentError("ask about a moment or an amendment, not both")
    if isinstance(amendment, Amendment):
        if amendment not in history.amendments:
            history = history.amend(amendment)  # a new amendment, not stored: what if
            memo = None
        amendment = amendment.id
    if amendment is not None:
        found = [v for v in history.versions if amendment in v.amendments]
        if not found:
            raise ConsentError(f"no version of {document_id!r} is made by {amendment!r}")
        target = found[-1]
    elif at is not None:
        target = history.version_at(at)
    else:
        target = history.versions[-1]
    cohorts = assess_cohorts(history, store.cohorts(document_id), target, policy or Policy(), memo)
    wanted = [c.version_id for c in cohorts if c.action == "reaccept"]
    subjects = tuple(store.subjects_on(document_id, wanted)) if wanted else ()
    return Reacceptance(version=target, cohorts=cohorts, subjects=subjects)

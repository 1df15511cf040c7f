"""Consent: who accepted which version, what changed since, who must be asked again.

- :class:`Acceptance` records who accepted which version (pinned by :func:`content_hash`);
- :func:`grade_diff` grades every change typographic, editorial or substantive, and a
  :class:`Policy` of :class:`Rule` records says what each change asks (none, notice,
  reaccept); :func:`needs_reacceptance` answers for one acceptance, :func:`summary_since`
  writes what changed for the person who gave it;
- :class:`ConsentStore` (:class:`SQLiteStore`, :class:`PostgresStore`; :func:`open_store`)
  keeps histories and acceptances for every service;
- :func:`plan_notices` lists the notices due before amendments take effect.
"""

from __future__ import annotations

from legaldocs.consent._grading import GradedChange, grade_diff, grade_versions, typographic_key
from legaldocs.consent._notices import NoticePlan, assess_cohorts, plan_notices
from legaldocs.consent._policy import Decision, Policy, Rule, needs_reacceptance
from legaldocs.consent._postgres import PostgresStore
from legaldocs.consent._records import (
    CHANNELS,
    Acceptance,
    Action,
    Channel,
    Grade,
    canonical_bytes,
    content_hash,
)
from legaldocs.consent._sqlite import SQLiteStore
from legaldocs.consent._store import (
    DEFAULT_NOTICE_DAYS,
    Cohort,
    ConsentStore,
    Reacceptance,
    open_store,
)
from legaldocs.consent._summary import SummaryFormat, render_summary, summary_since

__all__ = [
    "CHANNELS",
    "DEFAULT_NOTICE_DAYS",
    "Acceptance",
    "Action",
    "Channel",
    "Cohort",
    "ConsentStore",
    "Decision",
    "Grade",
    "GradedChange",
    "NoticePlan",
    "Policy",
    "PostgresStore",
    "Reacceptance",
    "Rule",
    "SQLiteStore",
    "SummaryFormat",
    "assess_cohorts",
    "canonical_bytes",
    "content_hash",
    "grade_diff",
    "grade_versions",
    "needs_reacceptance",
    "open_store",
    "plan_notices",
    "render_summary",
    "summary_since",
    "typographic_key",
]

"""The consent records: the content hash that pins a version's text, and an acceptance.

Content hash
    ``"sha256:"`` followed by the 64 lower-case hexadecimal digits of the SHA-256 of the
    document's canonical serialization: the plain data :func:`legaldocs.to_data` writes for
    the :class:`~legaldocs.Document` (schema 1 layout: fields equal to their default left out,
    tuples as lists, union members tagged with ``"type"``), without its ``"schema"`` key,
    encoded as JSON with sorted keys, no whitespace (``separators=(",", ":")``),
    ``ensure_ascii=False``, then UTF-8. Nothing in it depends on the run, the machine or the
    Python version (no floats, no sets, no object ids, key order fixed by sorting); a field
    added to the model later with a default leaves the hashes of existing texts unchanged.

Acceptance
    Who (an opaque subject id), which document and version (with its content hash), the
    language shown, the channel, when, and optional evidence. The field names follow the
    Kantara Consent Receipt v1.1 vocabulary in snake case where it has a name (see the
    :class:`Acceptance` fields), which ISO/IEC TS 27560 (consent record information
    structure) takes over for its consent records.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import uuid
import weakref
from typing import Any, Literal, TypeAlias

import attrs
import pendulum

from legaldocs.errors import ConsentError, require_type
from legaldocs.history import Version
from legaldocs.model import Document
from legaldocs.serialize import to_data

__all__ = [
    "CHANNELS",
    "Acceptance",
    "Action",
    "Channel",
    "Grade",
    "canonical_bytes",
    "content_hash",
]

Grade: TypeAlias = Literal["typographic", "editorial", "substantive"]
"""How much a change matters, from the least to the most: ``typographic`` (white space,
full/half width, quote style, punctuation forms and spacing), ``editorial`` (wording,
numbering, cross-references, the revision record: no change of what is agreed) and
``substantive``."""

GRADES: tuple[Grade, ...] = ("typographic", "editorial", "substantive")

Action: TypeAlias = Literal["none", "notice", "reaccept"]
"""What a change asks of those who accepted the text before it: nothing, a notice, or a new
acceptance."""

ACTIONS: tuple[Action, ...] = ("none", "notice", "reaccept")

Channel: TypeAlias = Literal["web", "app", "paper", "in_person", "phone", "email"]
"""How the acceptance was collected (Kantara ``collectionMethod``)."""

CHANNELS: tuple[Channel, ...] = ("web", "app", "paper", "in_person", "phone", "email")
"""Every :data:`Channel`."""

_HASH = re.compile(r"sha256:[0-9a-f]{64}")
_SUBJECT = re.compile(r"[^\s\x00-\x1f\x7f]{1,200}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def canonical_bytes(document: Document) -> bytes:
    """The canonical serialization of ``document`` whose SHA-256 is its content hash (see
    the module documentation)."""
    require_type(document, Document, "canonical_bytes: document")
    data = to_data(document)
    del data["schema"]
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


_HASHES: dict[int, tuple[weakref.ref[Document], str]] = {}


def content_hash(document: Document | Version) -> str:
    """``"sha256:<hex>"`` of the canonical serialization of a document (or of a version's
    document). Remembered per document object while it lives, so asking again is free."""
    doc = document.document if isinstance(document, Version) else document
    cached = _HASHES.get(id(doc))
    if cached is not None and cached[0]() is doc:
        return cached[1]
    digest = "sha256:" + hashlib.sha256(canonical_bytes(doc)).hexdigest()
    key = id(doc)

    def forget(_ref: weakref.ref[Document]) -> None:
        _HASHES.pop(key, None)

    _HASHES[key] = (weakref.ref(doc, forget), digest)
    return digest


def _string(attribute: Any, value: Any) -> None:
    """An :class:`ArgumentTypeError` naming the field unless ``value`` is a string."""
    require_type(value, str, attribute.name)


def _subject(instance: Any, attribute: Any, value: Any) -> None:
    _string(attribute, value)
    if not _SUBJECT.fullmatch(value):
        raise ConsentError(
            f"{attribute.name} must be an opaque id (1-200 characters, no spaces or control "
            f"characters), never a name: {value!r}"
        )


def _token(instance: Any, attribute: Any, value: Any) -> None:
    _string(attribute, value)
    if not value.strip() or value != value.strip():
        raise ConsentError(f"{attribute.name} must be a non-empty string: {value!r}")


def _hash(instance: Any, attribute: Any, value: Any) -> None:
    _string(attribute, value)
    if not _HASH.fullmatch(value):
        raise ConsentError(f"{attribute.name} must be 'sha256:' and 64 hex digits: {value!r}")


def _language(instance: Any, attribute: Any, value: Any) -> None:
    _string(attribute, value)
    if not _LANGUAGE.fullmatch(value):
        raise ConsentError(f"language must be a language tag (ja, en, ja-JP): {value!r}")


def _channel(instance: Any, attribute: Any, value: Any) -> None:
    _string(attribute, value)
    if value not in CHANNELS:
        raise ConsentError(f"collection_method must be one of {', '.join(CHANNELS)}: {value!r}")


def _moment(value: Any) -> Any:
    if isinstance(value, pendulum.DateTime):
        return value
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return pendulum.instance(value)
    return value  # the validator refuses it


def _aware(instance: Any, attribute: Any, value: Any) -> None:
    require_type(value, datetime.datetime, attribute.name)
    if not isinstance(value, pendulum.DateTime) or value.tzinfo is None:
        raise ConsentError(f"{attribute.name} must be an aware date and time: {value!r}")


def _evidence(instance: Any, attribute: Any, value: Any) -> None:
    require_type(value, tuple, attribute.name)
    if not all(
        isinstance(pair, tuple)
        and len(pair) == 2
        and all(isinstance(part, str) and part for part in pair)
        for pair in value
    ):
        raise ConsentError(f"evidence must be a tuple of (name, value) string pairs: {value!r}")
    names = [name for name, _ in value]
    if len(set(names)) != len(names):
        raise ConsentError(f"evidence names must be unique: {names}")


def _optional_token(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None:
        _token(instance, attribute, value)


def _new_id() -> str:
    return str(uuid.uuid4())


@attrs.frozen(kw_only=True)
class Acceptance:
    """One person's acceptance of one version of one document: an immutable record.

    - ``record_id``: this record's unique id (Kantara ``consentReceiptID``; a random UUID by
      default). Recording the same record twice is a no-op, so a retry never duplicates it.
    - ``pii_principal_id``: who accepted, as an opaque id (Kantara ``piiPrincipalId``: the
      PII principal). Never a name: ids with spaces or control characters are refused.
    - ``document_id``, ``version_id``, ``content_hash``: the text accepted: the document (as
      named in the store), the :attr:`legaldocs.Version.id` and the version's
      :func:`content_hash`, which pins the exact text (Kantara names the notice only by
      ``policyUrl``; see ``policy_url``).
    - ``language``: the language of the text shown (Kantara ``language``).
    - ``collection_method``: the channel (Kantara ``collectionMethod``): one of
      :data:`CHANNELS`.
    - ``consent_timestamp``: when, an aware date and time (Kantara ``consentTimestamp``).
    - Optional evidence: ``jurisdiction`` and ``policy_url`` (Kantara ``jurisdiction`` and
      ``policyUrl``), and ``evidence``: further (name, value) pairs, such as the form or the
      staff member who witnessed a paper signature.
    """

    record_id: str = attrs.field(factory=_new_id, validator=_token)
    pii_principal_id: str = attrs.field(validator=_subject)
    document_id: str = attrs.field(validator=_token)
    version_id: str = attrs.field(validator=_token)
    content_hash: str = attrs.field(validator=_hash)
    language: str = attrs.field(validator=_language)
    collection_method: Channel = attrs.field(validator=_channel)
    consent_timestamp: pendulum.DateTime = attrs.field(converter=_moment, validator=_aware)
    jurisdiction: str | None = attrs.field(default=None, validator=_optional_token)
    policy_url: str | None = attrs.field(default=None, validator=_optional_token)
    evidence: tuple[tuple[str, str], ...] = attrs.field(default=(), validator=_evidence)

    @classmethod
    def of(
        cls,
        version: Version,
        *,
        document_id: str,
        pii_principal_id: str,
        consent_timestamp: datetime.datetime,
        collection_method: Channel = "web",
        language: str | None = None,
        record_id: str | None = None,
        jurisdiction: str | None = None,
        policy_url: str | None = None,
        evidence: tuple[tuple[str, str], ...] = (),
    ) -> Acceptance:
        """The acceptance of ``version`` (its id and content hash filled in; the language is
        the document's unless given)."""
        require_type(version, Version, "Acceptance.of: version")
        return cls(
            record_id=_new_id() if record_id is None else record_id,
            pii_principal_id=pii_principal_id,
            document_id=document_id,
            version_id=version.id,
            content_hash=content_hash(version.document),
            language=version.document.lang if language is None else language,
            collection_method=collection_method,
            consent_timestamp=consent_timestamp,
            jurisdiction=jurisdiction,
            policy_url=policy_url,
            evidence=evidence,
        )

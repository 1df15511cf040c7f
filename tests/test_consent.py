"""Consent without a store: content hashes, acceptance records, materiality grading (on the
clinic's pages and on real version pairs of web policies), policies, decisions, summaries and
notice plans."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from legaldocs import (
    Amendment,
    Article,
    ConsentError,
    DeleteElement,
    Document,
    History,
    Num,
    Paragraph,
    ParseError,
    ReplacePhrase,
    diff,
    dumps,
    loads,
    parse_markdown,
    parse_text,
)
from legaldocs.consent import (
    Acceptance,
    Policy,
    Rule,
    canonical_bytes,
    content_hash,
    grade_diff,
    grade_versions,
    needs_reacceptance,
    plan_notices,
    render_summary,
    summary_since,
    typographic_key,
)

from ._consent_scenario import ADDRESS, PURPOSE
from .conftest import CORPORA, ROOT
from .strategies import documents

CLINIC = ROOT / "examples" / "clinic"
PAGES = sorted(CLINIC.glob("*.txt"))
POLICIES = CORPORA / "policies"
TOKYO = "Asia/Tokyo"

GOLDEN = "sha256:bd42344b82dc9e1f3d0fda6f217d5e07263a1db655beae652d276d5a51aa7603"
"""The content hash of the clinic's privacy policy as parsed from examples/clinic (version
2021-02-25): fixed, so that a change of the canonical serialization cannot pass unnoticed."""


def policy_doc() -> Document:
    return parse_text((CLINIC / "privacy-policy.txt").read_text(encoding="utf-8"))


def clinic_history() -> History:
    return History.start(policy_doc(), enacted=pendulum.date(2021, 2, 25))


CLINIC_POLICY = Policy(
    rules=(
        Rule(action="reaccept", citation="第3条"),
        Rule(action="reaccept", caption="（個人情報の第三者提供）"),
    ),
    substantive="notice",
)


def accept(history: History, when: str, subject: str = "pt-0001") -> Acceptance:
    moment = pendulum.parse(when, tz=TOKYO)
    assert isinstance(moment, pendulum.DateTime)
    return Acceptance.of(
        history.version_at(moment),
        document_id="privacy-policy",
        pii_principal_id=subject,
        consent_timestamp=moment,
    )


# -- content hash -------------------------------------------------------------------------


def test_golden_hash_of_the_clinic_privacy_policy() -> None:
    assert content_hash(policy_doc()) == GOLDEN


def test_hash_is_the_same_in_another_process_with_another_hash_seed() -> None:
    code = (
        "from pathlib import Path; from legaldocs import parse_text; "
        "from legaldocs.consent import content_hash; "
        f"print(content_hash(parse_text(Path({str(CLINIC / 'privacy-policy.txt')!r})"
        ".read_text(encoding='utf-8'))))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == GOLDEN


def test_canonical_serialization_is_sorted_compact_utf8() -> None:
    data = canonical_bytes(policy_doc())
    text = data.decode("utf-8")
    assert text.startswith('{"alt_title":"PRIVACY POLICY","body":[{')
    assert "プライバシーポリシー" in text  # not \\u escapes
    assert ": " not in text.split('"text"')[0]
    assert ", " not in text[:200]
    assert '"schema"' not in text


def test_hash_follows_the_text() -> None:
    doc = policy_doc()
    changed = attrs.evolve(doc, title=doc.title + "。")
    assert content_hash(changed) != content_hash(doc)
    assert content_hash(parse_text((CLINIC / "privacy-policy.txt").read_text("utf-8"))) == GOLDEN


@given(documents())
def test_hash_survives_a_round_trip_through_json(doc: Document) -> None:
    assert content_hash(loads(dumps(doc), Document)) == content_hash(doc)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_version_of_a_history_has_its_own_hash(page: Path) -> None:
    doc = parse_text(page.read_text(encoding="utf-8"))
    history = History.start(doc, enacted=pendulum.date(2021, 2, 25))
    first = history.versions[0]
    assert content_hash(first) == content_hash(doc)
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", content_hash(first))


# -- acceptance records -------------------------------------------------------------------


def test_acceptance_of_a_version_pins_its_hash_and_language() -> None:
    history = clinic_history()
    a = accept(history, "2024-05-20T10:00:00")
    assert a.content_hash == GOLDEN
    assert a.version_id == history.versions[0].id
    assert a.language == "ja"
    assert a.collection_method == "web"
    assert loads(dumps(a), Acceptance) == a


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pii_principal_id", "山田 太郎"),
        ("pii_principal_id", ""),
        ("content_hash", "sha256:abc"),
        ("collection_method", "fax"),
        ("language", "日本語"),
        ("consent_timestamp", pendulum.naive(2024, 5, 20)),
        ("evidence", (("form", "a"), ("form", "b"))),
        ("document_id", " pp"),
    ],
)
def test_acceptance_refuses_bad_fields(field: str, value: object) -> None:
    a = accept(clinic_history(), "2024-05-20T10:00:00")
    with pytest.raises(ConsentError):
        attrs.evolve(a, **{field: value})


# -- grading: typography ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("当グループ等は、個人情報を", "当グループ等は、 個人情報を"),
        ("(以下、「本サイト」)", "（以下、「本サイト」）"),
        ("TEL:070-8425-4865", "ＴＥＬ：０７０－８４２５－４８６５"),
        ("利用目的、又は", "利用目的，又は"),
        ("“_anonymizeIp ()”", '"_anonymizeIp ()"'),
        ("Google Ireland Limited が提供", "Google Ireland Limited が\n提供"),
        ("ｶﾞｲﾄﾞ", "ガイド"),
        ("foo , bar", "foo, bar"),
    ],
)
def test_typographic_key_equal(old: str, new: str) -> None:
    assert typographic_key(old) == typographic_key(new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("foo bar", "foobar"),
        ("〒150-0022", "〒150-0013"),
        ("利用します", "利用しません"),
        ("1,000", "1.000"),
    ],
)
def test_typographic_key_different(old: str, new: str) -> None:
    assert typographic_key(old) != typographic_key(new)


_FULL = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_width_and_spacing_never_change_the_key(text: str) -> None:
    assert typographic_key(text.translate(_FULL)) == typographic_key(text)
    assert typographic_key(" " + text.replace(" ", "  \n") + "\u3000") == typographic_key(text)


def _edit_lines(text: str, edit: str) -> str:
    """The page with one typographic edit in every body line that allows it."""
    out = []
    for line in text.splitlines(keepends=True):
        body = line.lstrip(" •")
        if len(body) > 20 and not body.startswith("第"):
            head = line[: len(line) - len(body)]
            if edit == "space":
                body = body.replace("、", "、 ", 1)
            elif edit == "width":
                body = body.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "()0123456789"})
            elif edit == "comma":
                body = body.replace("、", "，")
            line = head + body
        out.append(line)
    return "".join(out)


@pytest.mark.parametrize("edit", ["space", "width", "comma"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_typographic_edits_of_the_clinic_pages(page: Path, edit: str) -> None:
    text = page.read_text(encoding="utf-8")
    edited = _edit_lines(text, edit)
    old, new = parse_text(text), parse_text(edited)
    graded = grade_diff(diff(old, new))
    if edited != text:
        assert graded, "the edit must show in the diff"
    assert {g.grade for g in graded} <= {"typographic"}, [
        (g.citation, g.reason) for g in graded if g.grade != "typographic"
    ]


def test_grades_on_the_clinic_policy() -> None:
    history = clinic_history().amend(ADDRESS).amend(PURPOSE)
    v0, _, v2 = history.versions
    _, graded = grade_versions(history, v0, v2)
    found = {(g.citation, g.grade) for g in graded}
    assert ("第3条第2項第11号", "substantive") in found
    assert ("第15条第2項", "substantive") in found
    assert ("附則", "editorial") in found


def test_renumbering_is_editorial_and_deletion_substantive() -> None:
    terms = parse_text((CLINIC / "terms-of-use.txt").read_text(encoding="utf-8"))
    history = History.start(terms, enacted=pendulum.date(2022, 7, 15))
    last = len(list(terms.articles()))
    from legaldocs import Shift

    history = history.amend(
        Amendment(
            id="tou-2024-1",
            title="第8条の削除",
            enacted=pendulum.date(2024, 3, 1),
            effective=pendulum.date(2024, 4, 1),
            changes=(
                DeleteElement(target="第8条"),
                Shift(first="第9条", last=f"第{last}条", by=-1),
            ),
        )
    )
    graded = grade_diff(history.diff(history.versions[0], history.versions[1]))
    kinds = {g.change.kind: g.grade for g in graded}
    assert kinds["removed"] == "substantive"
    assert kinds["renumbered"] == "editorial"


def test_a_declared_grade_overrides_the_automatic_one() -> None:
    declared = attrs.evolve(ADDRESS, grade="editorial")
    history = clinic_history().amend(declared).amend(PURPOSE)
    v0, _, v2 = history.versions
    _, graded = grade_versions(history, v0, v2)
    by_cit = {g.citation: g for g in graded}
    assert by_cit["第15条第2項"].grade == "editorial"
    assert by_cit["第15条第2項"].declared_by == ("pp-2024-1",)
    assert by_cit["第3条第2項第11号"].grade == "substantive"  # PURPOSE declares nothing
    assert by_cit["第3条第2項第11号"].declared_by == ()


def test_an_amendment_refuses_an_unknown_grade() -> None:
    with pytest.raises(ValueError, match="grade"):
        attrs.evolve(ADDRESS, grade="minor")


# -- grading: real version pairs ----------------------------------------------------------


def _blocks(text: str) -> Document:
    """A web policy as a title and one paragraph per Markdown block (for the real pages the
    Markdown reader does not read yet: unnumbered headings)."""
    blocks = [b for b in re.split(r"\n[ \t]*\n", text.lstrip("\ufeff")) if b.strip()]
    return Document(
        title=blocks[0].strip(),
        body=tuple(
            Paragraph(key=f"p{i}", num=Num.of(i), text=b) for i, b in enumerate(blocks[1:], 1)
        ),
    )


def _read(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    try:
        return parse_markdown(text, source=str(path))
    except ParseError:
        return _blocks(text)


def _pairs(kind: str) -> list[tuple[Path, Path]]:
    if not POLICIES.is_dir():
        return []
    out = []
    for folder in sorted(p for p in POLICIES.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.md"))
        for a, b in itertools.pairwise(files):
            x, y = a.read_text("utf-8-sig"), b.read_text("utf-8-sig")
            squash = re.compile(r"\s+")
            same = squash.sub("", x) == squash.sub("", y)
            if x != y and (same if kind == "whitespace" else not same):
                out.append((a, b))
    return out


WHITESPACE_PAIRS = _pairs("whitespace")


def _pair_id(pair: tuple[Path, Path]) -> str:
    return f"{pair[0].parent.name}/{pair[0].stem}..{pair[1].stem}"


def test_the_corpus_has_whitespace_only_pairs() -> None:
    assert len(WHITESPACE_PAIRS) >= 10
    changed = [p for p in WHITESPACE_PAIRS if diff(*(_read(x) for x in p))]
    assert len(changed) >= 5  # the grading below is exercised on real changes


@pytest.mark.parametrize("pair", WHITESPACE_PAIRS, ids=_pair_id)
def test_whitespace_only_edits_in_real_policies_are_typographic(pair: tuple[Path, Path]) -> None:
    old, new = (_read(p) for p in pair)
    graded = grade_diff(diff(old, new))
    # (a reader may keep the white space as presentation only: then the diff is empty)
    assert {g.grade for g in graded} <= {"typographic"}, [
        (g.reason, g.change.kinds) for g in graded if g.grade != "typographic"
    ]


MOZILLA = POLICIES / "mozilla-ja-websites-privacy-notice"


def test_a_width_only_edit_in_a_real_revision_is_typographic() -> None:
    old = _read(MOZILLA / "09-2023-10-31.md")
    new = _read(MOZILLA / "10-2023-11-01.md")
    graded = grade_diff(diff(old, new))
    width = [g for g in graded if "(アプリやギアなどの)" in (g.change.new_text or "")]
    assert len(width) == 1
    assert width[0].grade == "typographic"
    assert "full/half width" in width[0].reason
    assert "（アプリやギアなどの）" in (width[0].change.old_text or "")
    substantive = [g for g in graded if g.grade == "substantive"]
    assert len(substantive) > 10  # the rest of that revision rewrote the text


@pytest.mark.parametrize(
    "pair",
    [
        (
            POLICIES / "quora-privacy-policy" / "01-2022-07-11.md",
            POLICIES / "quora-privacy-policy" / "02-2022-07-12.md",
        ),
        (MOZILLA / "09-2023-10-31.md", MOZILLA / "10-2023-11-01.md"),
    ],
    ids=_pair_id,
)
def test_real_rewordings_are_substantive(pair: tuple[Path, Path]) -> None:
    old, new = (_read(p) for p in pair)
    if old == new:
        pytest.fail("the pair is expected to differ")
    assert any(g.grade == "substantive" for g in grade_diff(diff(old, new)))


# -- policies and decisions ---------------------------------------------------------------


def test_address_change_needs_notice_and_new_purpose_reacceptance() -> None:
    history = clinic_history().amend(ADDRESS).amend(PURPOSE)
    a = accept(history, "2024-05-20T10:00:00")
    before = needs_reacceptance(a, history, "2024-09-30", CLINIC_POLICY)
    assert not before
    assert not before.notice
    assert before.changes == ()
    address = needs_reacceptance(a, history, "2024-10-01", CLINIC_POLICY)
    assert not address
    assert address.notice
    assert address.deciding == ()
    purpose = needs_reacceptance(a, history, "2025-04-01", CLINIC_POLICY)
    assert purpose
    assert [c.citation for c in purpose.deciding] == ["第3条第2項第11号"]
    assert purpose.deciding[0].rule == "第3条"


def test_the_default_policy_asks_again_for_any_substantive_change() -> None:
    history = clinic_history().amend(ADDRESS)
    a = accept(history, "2024-05-20T10:00:00")
    decision = needs_reacceptance(a, history, "2024-10-01")
    assert decision
    assert [c.citation for c in decision.deciding] == ["第15条第2項"]


def test_rules_by_key_caption_and_the_first_rule_decides() -> None:
    history = clinic_history().amend(ADDRESS)
    a = accept(history, "2024-05-20T10:00:00")
    for rule in (
        Rule(action="none", key="a15"),
        Rule(action="none", caption="お問い合わせ先"),
        Rule(action="none", caption="(お問い合わせ先)"),
        Rule(action="none", citation="第十五条"),
    ):
        policy = Policy(rules=(rule, Rule(action="reaccept", citation="第15条")))
        decision = needs_reacceptance(a, history, "2024-10-01", policy)
        assert not decision, rule
        decided = {c.rule for c in decision.changes if c.citation.startswith("第15条")}
        assert decided == {rule.describe()}


def test_a_rule_for_typography_must_say_so() -> None:
    typo = Amendment(
        id="pp-typo",
        title="表記の修正",
        enacted=pendulum.date(2024, 1, 5),
        effective=pendulum.date(2024, 1, 10),
        changes=(ReplacePhrase(target="第3条第1項", old="手段によって", new="手段 によって"),),
    )
    history = clinic_history().amend(typo)
    a = accept(history, "2023-05-20T10:00:00")
    strict = Policy(rules=(Rule(action="reaccept", citation="第3条", min_grade="typographic"),))
    assert not needs_reacceptance(a, history, "2024-02-01", CLINIC_POLICY)
    assert needs_reacceptance(a, history, "2024-02-01", strict)


def test_rules_are_checked() -> None:
    with pytest.raises(ConsentError):
        Rule(action="reaccept")
    with pytest.raises(ConsentError):
        Rule(action="reaccept", citation="第3条", key="a3")
    with pytest.raises(ConsentError):
        Rule(action="reaccept", citation="three")
    with pytest.raises(ConsentError):
        Rule(action="maybe", citation="第3条")  # type: ignore[arg-type]


def test_a_later_acceptance_needs_nothing() -> None:
    history = clinic_history().amend(ADDRESS)
    a = accept(history, "2024-10-05T10:00:00")
    assert not needs_reacceptance(a, history, "2024-10-01")


def test_an_acceptance_of_another_text_is_refused() -> None:
    history = clinic_history()
    a = accept(history, "2024-05-20T10:00:00")
    with pytest.raises(ConsentError, match="no version"):
        needs_reacceptance(attrs.evolve(a, version_id="2020-01-01/start"), history, "2024-10-01")
    wrong = attrs.evolve(a, content_hash="sha256:" + "0" * 64)
    with pytest.raises(ConsentError, match="not the same text"):
        needs_reacceptance(wrong, history, "2024-10-01")


# -- summaries ----------------------------------------------------------------------------


def test_summary_in_japanese_substantive_first() -> None:
    history = clinic_history().amend(ADDRESS).amend(PURPOSE)
    a = accept(history, "2024-05-20T10:00:00")
    text = summary_since(a, history, "2025-04-01", policy=CLINIC_POLICY)
    assert text.startswith("プライバシーポリシーの変更点\n")
    assert "2024年5月20日に同意いただいた版" in text
    assert text.index("重要な変更") < text.index("編集上の変更")
    assert "【再同意が必要】第3条(個人情報を収集・利用する目的)第2項第11号を追加" in text
    assert "「〒150-0022」を「〒150-0013」に変更" in text
    assert text.rstrip().endswith("改めて同意をお願いいたします。")


def test_summary_formats() -> None:
    history = clinic_history().amend(ADDRESS)
    a = accept(history, "2024-05-20T10:00:00")
    md = summary_since(a, history, "2024-10-01", format="markdown")
    assert md.startswith("# プライバシーポリシーの変更点\n")
    assert "\n## 重要な変更\n\n- " in md
    page = summary_since(a, history, "2024-10-01", format="html")
    assert page.startswith('<section class="legaldocs-summary">\n<h1>')
    assert "<li>【再同意が必要】第15条" in page
    with pytest.raises(ConsentError):
        summary_since(a, history, "2024-10-01", format="pdf")  # type: ignore[arg-type]


def test_summary_in_english_escapes_html() -> None:
    def doc(text: str) -> Document:
        article = Article(
            key="a1",
            num=Num.of(1),
            caption="Data we collect",
            paragraphs=(Paragraph(key="p1", num=Num.of(1), text=text),),
        )
        return Document(title="Privacy Policy", body=(article,), lang="en")

    history = History.from_versions(
        [
            ("2024-01-01", doc("We collect your e-mail address.")),
            ("2024-06-01", doc("We collect your e-mail address and <your> phone number.")),
        ]
    )
    a = Acceptance.of(
        history.versions[0],
        document_id="pp",
        pii_principal_id="u-1",
        consent_timestamp=pendulum.datetime(2024, 2, 1, tz="UTC"),
    )
    text = summary_since(a, history, "2024-06-01")
    assert text.startswith("Changes to Privacy Policy\n")
    assert "version you accepted on 2024-02-01" in text
    assert "Substantive changes" in text
    assert "[needs your acceptance again]" in text
    page = summary_since(a, history, "2024-06-01", format="html")
    assert "&lt;your&gt;" in page
    assert "<your>" not in page


def test_summary_counts_typographic_corrections_only() -> None:
    typo = Amendment(
        id="pp-typo",
        title="表記の修正",
        enacted=pendulum.date(2024, 1, 5),
        effective=pendulum.date(2024, 1, 10),
        changes=(ReplacePhrase(target="第5条", old="、その他", new="，その他"),),
    )
    history = clinic_history().amend(typo)
    old, new = history.versions
    text = render_summary(history, old, new)
    assert "表記の修正が1件あります" in text
    assert "，その他" not in text
    assert render_summary(history, old, new, only=("substantive",)).count("・") == 0


# -- notices ------------------------------------------------------------------------------


def test_notice_plan() -> None:
    history = clinic_history().amend(ADDRESS).amend(PURPOSE)
    plans = plan_notices(history, at="2024-09-15", policy=CLINIC_POLICY, notice_days=30)
    assert [p.amendments for p in plans] == [("pp-2024-1",), ("pp-2025-1",)]
    address, purpose = plans
    assert address.notice_by == pendulum.datetime(2024, 9, 1, tz=TOKYO)
    assert address.overdue
    assert (address.grade, address.action) == ("substantive", "notice")
    assert (purpose.grade, purpose.action) == ("substantive", "reaccept")
    assert not purpose.overdue
    assert plan_notices(history, at="2025-04-01") == ()
    with pytest.raises(ConsentError):
        plan_notices(history, at="2024-09-15", notice_days=-1)

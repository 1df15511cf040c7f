"""History: ordering, point-in-time queries, known_at, staged commencement, repeal,
derived revision records, structural sharing; hypothesis laws on random histories."""

from __future__ import annotations

import itertools

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legaldocs import (
    Amendment,
    AmendmentError,
    Article,
    DeleteElement,
    Document,
    History,
    HistoryError,
    InsertElement,
    Num,
    Paragraph,
    ParseError,
    Renumber,
    Repeal,
    ReplacePhrase,
    Revision,
    SetCaption,
    Shift,
    apply,
)
from legaldocs.amend._changes import Change
from legaldocs.model._citation import key_paths
from tests import strategies
from tests._clinic import CONTACT, clinic

D = pendulum.date
TOKYO = "Asia/Tokyo"


def amendment(id: str, enacted: str, effective: str, *changes: Change) -> Amendment:
    return Amendment(
        id=id,
        title=f"{id} 改定",
        enacted=pendulum.Date.fromisoformat(enacted),
        effective=pendulum.Date.fromisoformat(effective),
        changes=changes,
    )


def contact(doc: Document) -> str:
    return doc.get("第15条第2項").text  # type: ignore[union-attr]


@pytest.fixture
def history() -> History:
    return History.start(clinic(), enacted=D(2021, 2, 25))


def test_scheduled_future_change(history: History) -> None:
    new_office = ReplacePhrase(target="第15条第2項", old=CONTACT, new="お客様相談室")
    h = history.amend(amendment("2024-1", "2024-03-01", "2024-04-01", new_office))
    assert contact(h.as_of("2024-03-31")).startswith(CONTACT)
    assert contact(h.as_of("2024-04-01")).startswith("お客様相談室")
    # a date is 00:00 Asia/Tokyo, not UTC midnight
    assert contact(h.as_of(pendulum.datetime(2024, 3, 31, 14, 59, tz="UTC"))).startswith(CONTACT)
    assert contact(h.as_of(pendulum.datetime(2024, 3, 31, 15, 0, tz="UTC"))) == contact(
        h.as_of(D(2024, 4, 1))
    )
    assert contact(h.as_of("2024-03-31T23:59:59")).startswith(CONTACT)
    assert h.pending("2024-03-15") == (h.amendments[0],)
    assert h.pending("2024-02-28") == ()  # not enacted yet
    assert h.pending("2024-04-01") == ()  # in force
    assert [v.amendments for v in h.versions] == [(), ("2024-1",)]
    assert h.version_at("2024-05-01").id == "2024-04-01T00:00:00+09:00/2024-1"
    assert history.versions[0].id == "2021-02-25T00:00:00+09:00/start"


def test_revision_record_is_derived(history: History) -> None:
    h = history.amend(
        amendment("a", "2023-03-01", "2023-04-01", SetCaption(target="第1条", caption="(定義)"))
    ).amend(amendment("b", "2023-03-02", "2023-04-01", DeleteElement(target="第14条")))
    h = h.amend(amendment("c", "2024-01-10", "2024-02-01", SetCaption(target="第2条")))
    assert h.as_of("2023-04-01").supplements[0].revisions == (
        Revision(date=D(2021, 2, 25), event="制定"),
        Revision(date=D(2023, 4, 1), event="改定"),
    )
    assert h.current.supplements[0].revisions[-1] == Revision(date=D(2024, 2, 1), event="改定")
    assert h.as_of("2022-01-01").supplements[0].revisions == (Revision(date=D(2021, 2, 25)),)
    era = clinic()
    era = Document(
        title=era.title,
        body=era.body,
        supplements=(
            era.supplements[0].__class__(
                key="s1", revisions=(Revision(date=D(2021, 2, 25), era=True),)
            ),
        ),
    )
    h2 = History.start(era, enacted=D(2021, 2, 25)).amend(
        amendment("a", "2023-03-01", "2023-04-01", SetCaption(target="第1条"))
    )
    assert h2.current.supplements[0].revisions[-1].era is True


def test_statute_gets_no_invented_supplement() -> None:
    statute = Document(title="法", body=clinic().body)
    h = History.start(statute, enacted=D(1993, 11, 12), effective=D(1994, 10, 1))
    h = h.amend(amendment("a", "2005-06-29", "2006-04-01", SetCaption(target="第1条")))
    assert h.current.supplements == ()
    assert h.versions[0].document is statute


def test_several_amendments_on_one_day_all_apply(history: History) -> None:
    a = amendment("a", "2023-03-02", "2023-04-01", SetCaption(target="第1条", caption="(A)"))
    b = amendment("b", "2023-03-01", "2023-04-01", SetCaption(target="第1条", caption="(B)"))
    c = amendment("c", "2023-03-01", "2023-04-01", SetCaption(target="第2条", caption="(C)"))
    h = history.amend(a).amend(b).amend(c)
    # order: effective, then enacted (b, c before a), then the order added (b before c)
    assert h.as_of("2023-04-01").get("第1条").caption == "(A)"  # type: ignore[union-attr]
    assert h.as_of("2023-04-01").get("第2条").caption == "(C)"  # type: ignore[union-attr]
    assert len(h.versions) == 2
    assert h.versions[1].amendments == ("b", "c", "a")
    assert h.as_of("2023-04-01") == (
        History.start(clinic(), enacted=D(2021, 2, 25))
        .amend(c)
        .amend(a)
        .amend(b)
        .as_of("2023-04-01")
    )


def test_staged_commencement(history: History) -> None:
    staged = Amendment(
        id="2023-staged",
        title="段階施行",
        enacted=D(2023, 3, 1),
        effective=D(2023, 4, 1),
        changes=(
            SetCaption(target="第1条", caption="(第一段階)"),
            SetCaption(target="第2条", caption="(第二段階)", effective=D(2023, 10, 1)),
            SetCaption(
                target="第3条",
                caption="(時刻指定)",
                effective=pendulum.datetime(2023, 10, 1, 12, 0, tz=TOKYO),
            ),
        ),
    )
    h = history.amend(staged)
    assert [v.start for v in h.versions[1:]] == [
        pendulum.datetime(2023, 4, 1, tz=TOKYO),
        pendulum.datetime(2023, 10, 1, tz=TOKYO),
        pendulum.datetime(2023, 10, 1, 12, tz=TOKYO),
    ]
    assert all(v.amendments == ("2023-staged",) for v in h.versions[1:])
    mid = h.as_of("2023-06-01")
    assert mid.get("第1条").caption == "(第一段階)"  # type: ignore[union-attr]
    assert mid.get("第2条").caption == "(個人情報の収集方法)"  # type: ignore[union-attr]
    assert h.as_of("2023-10-01T11:59").get("第3条").caption == "(規定3)"  # type: ignore[union-attr]
    assert h.as_of("2023-10-01T12:00").get("第3条").caption == "(時刻指定)"  # type: ignore[union-attr]
    assert h.pending("2023-06-01") == (staged,)
    revisions = h.current.supplements[0].revisions
    assert [r.date for r in revisions] == [D(2021, 2, 25), D(2023, 4, 1), D(2023, 10, 1)]


def test_retroactive_amendment_and_known_at(history: History) -> None:
    a = amendment("a", "2023-03-01", "2023-04-01", SetCaption(target="第1条", caption="(A)"))
    retro = amendment(
        "retro",
        "2023-06-15",
        "2023-01-01",
        ReplacePhrase(target="第15条第2項", old=CONTACT, new="X"),
    )
    h = history.amend(a).amend(retro)
    assert [v.amendments for v in h.versions] == [(), ("retro",), ("a",)]
    assert h.versions[2].id == history.amend(a).versions[1].id  # ids are stable
    assert contact(h.as_of("2023-02-01")).startswith("X")
    # what the record said on 2023-05-01: the retroactive amendment was not enacted yet
    before = h.as_of("2023-02-01", known_at="2023-05-01")
    assert contact(before).startswith(CONTACT)
    later = h.as_of("2023-05-01", known_at="2023-05-01")
    assert contact(later).startswith(CONTACT)
    assert later.get("第1条").caption == "(A)"  # type: ignore[union-attr]
    assert later == history.amend(a).as_of("2023-05-01")
    assert h.as_of("2023-05-01", known_at="2100-01-01") == h.as_of("2023-05-01")
    assert h.as_of("2023-05-01", known_at="2023-05-01") is later  # cached


def test_retroactive_amendment_that_breaks_a_later_one(history: History) -> None:
    later = amendment(
        "later", "2023-03-01", "2023-04-01", SetCaption(target="第9条", caption="(x)")
    )
    h = history.amend(later)
    breaking = amendment("retro", "2023-06-01", "2023-01-01", DeleteElement(target="第9条"))
    with pytest.raises(AmendmentError) as info:
        h.amend(breaking)
    assert info.value.amendment == "later"
    assert "retro" in "".join(getattr(info.value, "__notes__", []))
    assert h.amendments == (later,)


def test_repeal(history: History) -> None:
    h = history.amend(amendment("end", "2024-12-01", "2025-01-01", Repeal()))
    assert h.repealed == pendulum.datetime(2025, 1, 1, tz=TOKYO)
    assert h.as_of("2024-12-31") is h.versions[0].document
    with pytest.raises(HistoryError, match="repealed"):
        h.as_of("2025-01-01")
    with pytest.raises(HistoryError, match="repealed"):
        h.version_at("2030-01-01")
    assert h.versions[-1].end == h.repealed
    with pytest.raises(AmendmentError, match="repealed") as info:
        h.amend(amendment("after", "2025-02-01", "2025-03-01", SetCaption(target="第1条")))
    assert info.value.amendment == "after"
    earlier = h.amend(amendment("before", "2024-01-01", "2024-02-01", SetCaption(target="第1条")))
    assert [v.amendments for v in earlier.versions] == [(), ("before",)]
    assert earlier.repealed == h.repealed


def test_errors(history: History) -> None:
    with pytest.raises(HistoryError, match="before the first version"):
        history.as_of("2021-02-24")
    with pytest.raises(HistoryError, match="before the history starts"):
        history.amend(amendment("old", "2020-01-01", "2020-01-01", SetCaption(target="第1条")))
    a = amendment("a", "2023-03-01", "2023-04-01", SetCaption(target="第1条"))
    with pytest.raises(HistoryError, match="already has"):
        history.amend(a).amend(a)
    with pytest.raises(ParseError, match="ISO"):
        history.as_of("yesterday")
    bad = amendment("bad", "2023-03-01", "2023-04-01", DeleteElement(target="第99条"))
    with pytest.raises(AmendmentError, match="'bad'"):
        history.amend(bad)


def test_timeline_follows_renumbering(history: History) -> None:
    h = history.amend(
        amendment(
            "a",
            "2023-03-01",
            "2023-04-01",
            DeleteElement(target="第9条"),
            Shift(first="第10条", by=-1),
        )
    ).amend(
        amendment(
            "b",
            "2024-03-01",
            "2024-04-01",
            ReplacePhrase(target="第14条第2項", old=CONTACT, new="X"),
        )
    )
    line = h.timeline("第14条")  # the latest 第14条 is the old 第15条
    assert [s.citation for s in line] == ["第15条", "第14条", "第14条"]
    assert [s.element.key for s in line] == ["a15", "a15", "a15"]  # type: ignore[union-attr]
    assert line[0].end == line[1].start
    assert line[-1].end is None
    assert h.timeline("a15") == line
    paragraph = h.timeline("a15/p1")  # unchanged paragraph: one state across renumbering
    assert len(paragraph) == 1
    assert paragraph[0].end is None
    gone = h.timeline("a9")
    assert len(gone) == 1
    assert gone[0].end == pendulum.datetime(2023, 4, 1, tz=TOKYO)
    with pytest.raises(LookupError):
        h.timeline("a99")


def test_structural_sharing(history: History) -> None:
    h = history
    for n in range(1, 15):
        h = h.amend(
            amendment(
                f"x{n}",
                "2023-01-01",
                f"2023-02-{n:02}",
                ReplacePhrase(target=f"第{n}条第1項", old="本文", new="規定"),
            )
            if n > 2
            else amendment(f"x{n}", "2023-01-01", f"2023-02-{n:02}", SetCaption(target=f"第{n}条"))
        )
    for old, new in zip(h.versions, h.versions[1:], strict=False):
        changed = [
            i
            for i, (a, b) in enumerate(zip(old.document.body, new.document.body, strict=True))
            if a is not b
        ]
        assert len(changed) == 1
        assert new.document.preamble is old.document.preamble
        i = changed[0]
        article = new.document.body[i]
        assert isinstance(article, Article)
        if len(article.paragraphs) > 1:
            assert article.paragraphs[1] is old.document.body[i].paragraphs[1]  # type: ignore[union-attr]


def test_as_of_returns_cached_versions(history: History) -> None:
    h = history.amend(amendment("a", "2023-03-01", "2023-04-01", SetCaption(target="第1条")))
    assert h.as_of("2023-05-01") is h.as_of(D(2023, 6, 1)) is h.versions[1].document
    assert (
        History(
            document=clinic(),
            enacted=D(2021, 2, 25),
            effective=D(2021, 2, 25),
            amendments=h.amendments,
        )
        == h
    )
    with pytest.raises(HistoryError, match="unique"):
        History(
            document=clinic(),
            enacted=D(2021, 2, 25),
            effective=D(2021, 2, 25),
            amendments=(*h.amendments, *h.amendments),
        )
    with pytest.raises(HistoryError, match="before the history starts"):
        History(
            document=clinic(),
            enacted=D(2024, 1, 1),
            effective=D(2024, 1, 1),
            amendments=h.amendments,
        )


def test_failed_amend_leaves_shared_state_intact(history: History) -> None:
    a = amendment("a", "2023-03-01", "2023-04-01", SetCaption(target="第1条", caption="(a)"))
    b = amendment("b", "2023-05-01", "2023-06-01", SetCaption(target="第2条", caption="(b)"))
    bad = amendment("bad", "2023-05-01", "2023-06-01", DeleteElement(target="第99条"))
    h = history.amend(a)
    with pytest.raises(AmendmentError):
        h.amend(bad)
    h2 = h.amend(b)
    branch = h.amend(amendment("c", "2023-05-01", "2023-07-01", SetCaption(target="第3条")))
    assert [v.amendments for v in h.versions] == [(), ("a",)]
    assert [v.amendments for v in h2.versions] == [(), ("a",), ("b",)]
    assert [v.amendments for v in branch.versions] == [(), ("a",), ("c",)]
    assert h2.as_of("2023-07-01").get("第3条").caption == "(規定3)"  # type: ignore[union-attr]


# --- hypothesis --------------------------------------------------------------------------


def _texts_with_keys(doc: Document) -> list[tuple[str, str]]:
    return [
        (path, element.text)
        for path, element in key_paths(doc)
        if hasattr(element, "text") and not path.startswith("preamble")
    ]


@st.composite
def valid_change(draw: st.DrawFn, doc: Document) -> Change:
    """A change that applies to ``doc``: targets and phrases are picked from it."""
    articles = [a for a in doc.articles() if not a.deleted]
    texts = _texts_with_keys(doc)
    kinds = ["insert", "renumber", "paragraph"]
    if texts:
        kinds.append("phrase")
    if articles:
        kinds += ["caption", "delete"]
    kind = draw(st.sampled_from(kinds))
    last = list(doc.articles())[-1] if list(doc.articles()) else None
    if kind == "phrase":
        path, text = draw(st.sampled_from(texts))
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 4)))
        return ReplacePhrase(
            target=path, old=text[start:end], new=draw(strategies.texts), every=True
        )
    if kind == "caption":
        return SetCaption(
            target=draw(st.sampled_from(articles)).key,
            caption=draw(st.none() | strategies.captions),
        )
    if kind == "delete":
        return DeleteElement(
            target=draw(st.sampled_from(articles)).key, placeholder=draw(st.booleans())
        )
    if kind == "paragraph" and articles:
        host = draw(st.sampled_from(articles))
        next_num = host.paragraphs[-1].num.main + 1 if host.paragraphs else 1
        paragraph = Paragraph(key="x", num=Num.of(next_num), text=draw(strategies.texts))
        return InsertElement(element=paragraph, parent=host.key)
    if kind == "renumber" and last is not None and draw(st.booleans()):
        return Shift(first=last.key, by=draw(st.integers(1, 2)))
    if kind == "renumber" and last is not None:
        return Renumber(target=last.key, num=Num.of(last.num.main + draw(st.integers(1, 2))))
    num = Num.of(last.num.main + 1) if last is not None else Num.of(1)
    paragraph = Paragraph(key="p1", num=Num.of(1), text=draw(strategies.texts))
    element = Article(
        key="new", num=num, caption=draw(st.none() | strategies.captions), paragraphs=(paragraph,)
    )
    if last is None:
        return InsertElement(element=element, parent="")
    return InsertElement(element=element, after=last.key)


@st.composite
def histories(draw: st.DrawFn) -> tuple[Document, list[Amendment]]:
    """A random document and a random sequence of amendments that all apply, with
    non-decreasing effective and enactment dates (some on the same day)."""
    doc = draw(strategies.documents())
    current = doc
    day = pendulum.date(2021, 1, 1)
    out = []
    for n in range(draw(st.integers(0, 6))):
        day = day.add(days=draw(st.sampled_from([0, 1, 30, 400])))
        changes = []
        for _ in range(draw(st.integers(1, 3))):
            change = draw(valid_change(current))
            current = apply(
                current, Amendment(id="t", title="", enacted=day, effective=day, changes=(change,))
            )
            changes.append(change)
        out.append(
            Amendment(id=f"m{n}", title="", enacted=day, effective=day, changes=tuple(changes))
        )
    return doc, out


def _build(doc: Document, amendments: list[Amendment]) -> History:
    h = History.start(doc, enacted=D(2020, 6, 1), effective=D(2020, 6, 1))
    for a in amendments:
        h = h.amend(a)
    return h


@given(histories())
def test_random_histories(case: tuple[Document, list[Amendment]]) -> None:
    doc, amendments = case
    h = _build(doc, amendments)
    versions = h.versions
    assert versions[0].start == pendulum.datetime(2020, 6, 1, tz=TOKYO)
    for version in versions:
        assert h.as_of(version.start) is version.document
        assert h.version_at(version.start) == version
        assert h.as_of(version.start, known_at="2999-01-01") is version.document
    for a, b in itertools.pairwise(versions):
        assert a.end == b.start
        assert a.start < b.start
    assert versions[-1].end is None
    assert len({v.id for v in versions}) == len(versions)
    again = _build(doc, amendments)
    assert again == h
    assert [v.document for v in again.versions] == [v.document for v in versions]
    # replaying the amendments by hand gives the same final text (modulo the revision record)
    final = doc
    for a in amendments:
        final = apply(final, a)
    assert final.body == h.current.body
    # an invalid amendment leaves the history unchanged and is named
    body = versions[-1].document.body
    target = body[0].key if body else "第九百九十九条"  # every article may be gone
    bad = Amendment(
        id="bad",
        title="",
        enacted=D(2100, 1, 1),
        effective=D(2100, 1, 1),
        changes=(ReplacePhrase(target=target, old="☃", new="x"),),
    )
    with pytest.raises(AmendmentError, match="'bad'"):
        h.amend(bad)
    assert h.versions == versions
    assert _build(doc, amendments) == h


@given(histories(), st.integers(0, 5))
def test_known_at_ignores_later_enactments(
    case: tuple[Document, list[Amendment]], cut: int
) -> None:
    doc, amendments = case
    h = _build(doc, amendments)
    known = amendments[:cut]
    if not known or len(known) == len(amendments):
        return
    at = known[-1].enacted
    if amendments[len(known)].enacted == at:
        return
    expected = _build(doc, known).as_of("2200-01-01")
    assert h.as_of("2200-01-01", known_at=at) == expected


def test_datetimes_are_shown_in_the_history_zone(history: History) -> None:
    utc = pendulum.datetime(2023, 3, 31, 15, 0, tz="UTC")  # 2023-04-01 00:00 in Tokyo
    h = history.amend(
        Amendment(
            id="u",
            title="",
            enacted=D(2023, 3, 1),
            effective=utc,
            changes=(SetCaption(target="第1条"),),
        )
    )
    assert h.versions[1].start == utc
    assert h.versions[1].start.timezone_name == TOKYO
    assert h.current.supplements[0].revisions[-1].date == D(2023, 4, 1)


def test_real_privacy_policy(shared: object) -> None:
    from tests._clinic import privacy_policy_from_seed
    from tests.conftest import SEEDS

    policy = privacy_policy_from_seed((SEEDS / "clinic-legal-pages.txt").read_text("utf-8"))
    assert [a.num.main for a in policy.articles()] == list(range(1, 16))
    assert policy.get("第11条").caption == "(正確性の確保)"  # type: ignore[union-attr]
    h = History.start(policy, enacted=D(2021, 2, 25))
    item = policy.get("第2条第1項").children[-1]  # type: ignore[union-attr]
    h = h.amend(
        amendment(
            "2023-改定",
            "2023-03-01",
            "2023-04-01",
            InsertElement(
                element=type(item)(
                    key="x",
                    num=Num.of(len(policy.get("第2条第1項").children) + 1),
                    text="マイナンバー",
                ),  # type: ignore[union-attr]
                parent="第2条第1項",
            ),
            ReplacePhrase(target="第15条", old=CONTACT, new="株式会社klinik「お客様相談室」"),
        )
    )
    new = h.as_of("2023-04-01")
    assert new.get("第2条第1項").children[-1].text == "マイナンバー"  # type: ignore[union-attr]
    assert "「お客様相談室」" in new.get("第15条").paragraphs[1].text  # type: ignore[union-attr]
    assert [r.date for r in new.supplements[0].revisions] == [D(2021, 2, 25), D(2023, 4, 1)]
    assert h.as_of("2023-03-31") is h.versions[0].document
    assert h.versions[0].document is policy  # its revision record already says 制定
    unchanged = [a for a, b in zip(policy.body, new.body, strict=True) if a is b]
    assert len(unchanged) == 13


def test_known_at_before_a_repeal_was_enacted(history: History) -> None:
    h = history.amend(amendment("end", "2024-12-01", "2025-01-01", Repeal()))
    assert h.as_of("2025-06-01", known_at="2024-11-30") is history.as_of("2025-06-01")
    with pytest.raises(HistoryError, match="repealed"):
        h.as_of("2025-06-01", known_at="2024-12-01")
    with pytest.raises(HistoryError, match="before the first version"):
        h.as_of("2020-01-01", known_at="2024-11-30")
    assert h.current is history.current


@pytest.mark.parametrize("seed", range(20))
def test_amend_in_any_order_matches_a_full_replay(seed: int) -> None:
    """Amendments added one by one (fast path, re-application after retroactive ones,
    branches from older histories, failed attempts) give the same versions as a history
    built in one go, and known_at gives the history built from the amendments known then."""
    import random

    rng = random.Random(seed)
    base = clinic()
    start = D(2021, 2, 25)
    amendments = []
    for i in range(rng.randint(2, 8)):
        changes = [
            SetCaption(
                target=f"第{rng.randint(1, 15)}条",
                caption=f"({i}.{k})",
                effective=None if k == 0 else start.add(days=rng.choice([0, 1, 5, 12])),
            )
            for k in range(rng.randint(1, 2))
        ]
        amendments.append(
            Amendment(
                id=f"m{i}",
                title="",
                enacted=D(2021, 1, 1).add(days=rng.randint(0, 60)),
                effective=start.add(days=rng.choice([0, 1, 2, 3, 10])),
                changes=tuple(changes),
            )
        )
    other = Amendment(
        id="other",
        title="",
        enacted=start,
        effective=start.add(days=1),
        changes=(SetCaption(target="第1条"),),
    )
    bad = Amendment(
        id="bad",
        title="",
        enacted=start,
        effective=start,
        changes=(DeleteElement(target="第99条"),),
    )
    histories = [History.start(base, enacted=start)]
    for a in amendments:
        if rng.random() < 0.3:
            rng.choice(histories).amend(other)  # a branch must not disturb the others
        with pytest.raises(AmendmentError):
            histories[-1].amend(bad)
        histories.append(histories[-1].amend(a))

    def replay(known: tuple[Amendment, ...]) -> History:
        return History(document=base, enacted=start, effective=start, amendments=known)

    for k, h in enumerate(histories):
        assert [v.document for v in h.versions] == [
            v.document for v in replay(tuple(amendments[:k])).versions
        ]
    h = histories[-1]
    for a in amendments:
        expected = replay(tuple(x for x in amendments if x.enacted <= a.enacted))
        for day in range(15):
            when = start.add(days=day)
            assert h.as_of(when, known_at=a.enacted) == expected.as_of(when)


@settings(max_examples=25)
@given(histories(), st.sampled_from(["json", "toml", "yaml"]))
def test_histories_serialize_exactly(case: tuple[Document, list[Amendment]], fmt: str) -> None:
    """A history, amendments included, round-trips through every format, and the copy
    answers every query as the original does."""
    from legaldocs import dumps, loads

    doc, amendments = case
    h = _build(doc, amendments)
    again = loads(dumps(h, fmt), History, fmt)  # type: ignore[arg-type]
    assert again == h
    assert [v.document for v in again.versions] == [v.document for v in h.versions]


def test_moments_serialize_as_dates_or_date_times() -> None:
    """``effective`` is a Date or a DateTime and comes back as the same kind, zone included."""
    from legaldocs import dumps, loads

    staged = Amendment(
        id="s",
        title="段階施行",
        enacted=D(2024, 3, 1),
        effective=pendulum.datetime(2024, 4, 1, 9, tz="Asia/Tokyo"),
        changes=(DeleteElement(target="a1", effective=D(2024, 10, 1)),),
    )
    text = dumps(staged)
    assert '"effective":"2024-04-01T09:00:00+09:00[Asia/Tokyo]"' in text
    assert '"effective":"2024-10-01"' in text
    again = loads(text, Amendment)
    assert again == staged
    assert type(again.effective) is pendulum.DateTime
    assert type(again.changes[0].effective) is pendulum.Date


def test_diff_between_dates_and_changes_since_a_version() -> None:
    """The booking system's question: what changed since the version a patient accepted?"""
    h = History.start(clinic(), enacted=D(2021, 2, 25), effective=D(2021, 2, 25))
    accepted = h.version_at("2022-01-01")
    h = h.amend(
        amendment(
            "move",
            "2024-09-01",
            "2024-10-01",
            ReplacePhrase(target="第15条第2項", old=CONTACT, new="東京都港区一丁目1-1"),
        )
    )
    assert not h.changes_since(accepted, at="2024-09-30")
    since = h.changes_since(accepted.id)
    assert since.changed_citations() == ("第15条第2項", "附則")
    assert h.diff("2024-09-30", "2024-10-01").changed_citations() == since.changed_citations()
    assert h.diff(h.versions[0], h.versions[1]) == since
    with pytest.raises(HistoryError, match="no version with id"):
        h.changes_since("nope")
    with pytest.raises(HistoryError):
        h.diff("2020-01-01", "2024-10-01")


def test_a_history_checks_its_structure_when_built_and_applies_on_the_first_query(
    history: History,
) -> None:
    """Reading a history does not apply its amendments: a bad one raises its AmendmentError
    at the first query (every time, not only the first), or at once with ``check``."""
    import threading

    from legaldocs import dumps, loads

    good = amendment("ok", "2022-01-01", "2022-02-01", SetCaption(target="第1条", caption="(x)"))
    bad = amendment(
        "bad", "2023-03-01", "2023-04-01", ReplacePhrase(target="第1条", old="無い語", new="x")
    )
    text = dumps(
        History(
            document=clinic(),
            enacted=D(2021, 2, 25),
            effective=D(2021, 2, 25),
            amendments=(good, bad),
        )
    )
    loaded = loads(text, History)  # the structure is checked, nothing applied yet
    for query in (lambda: loaded.current, lambda: loaded.as_of("2022-03-01"), loaded.check):
        with pytest.raises(AmendmentError) as caught:
            query()
        assert caught.value.amendment == "bad"
    with pytest.raises(AmendmentError):
        loaded.amend(amendment("later", "2024-01-01", "2024-01-01"))
    fine = loads(dumps(history.amend(good)), History)
    results: list[Document] = []
    threads = [threading.Thread(target=lambda: results.append(fine.current)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    assert all(r is results[0] for r in results)
    assert fine.check() is fine
    assert results[0].get("第1条").caption == "(x)"  # type: ignore[union-attr]

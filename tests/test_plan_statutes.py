"""Amendment planning on real statutes: apply(old, diff(old, new).to_amendment()) == new."""

from __future__ import annotations

import itertools
from pathlib import Path

import pendulum
import pytest

from legaldocs import Document, Num, Paragraph, Supplement, apply, diff, parse_lawtext

from .conftest import CORPORA

DAY = pendulum.Date(2023, 4, 1)


def test_an_empty_paragraph_that_gains_text() -> None:
    # 実用新案法 (2022-06-17 → 2023-04-01): an empty 附則 paragraph was given its text, and
    # planning failed with a bare ValueError (no phrase to quote in an empty text).
    def doc(text: str) -> Document:
        paragraph = Paragraph(key="p1", num=Num.of(1), text=text, anonymous=True)
        return Document(title="法", supplements=(Supplement(key="s1", body=(paragraph,)),))

    old, new = doc(""), doc("この法律は、公布の日から施行する。")
    amendment = diff(old, new).to_amendment(id="x", enacted=DAY, effective=DAY)
    assert apply(old, amendment) == new
    assert apply(new, diff(new, old).to_amendment(id="y", enacted=DAY, effective=DAY)) == old


# -- every consecutive pair of versions in ../shared/corpora ----------------------------------


# Pairs the planner does not yet reproduce (none now; strict: a fixed pair fails the run).
KNOWN: set[str] = set()


def _pairs() -> list[object]:
    out = []
    for folder in sorted({p.parent for p in CORPORA.rglob("*.law.txt")}):
        files = sorted(folder.glob("*.law.txt"))
        for a, b in itertools.pairwise(files):
            pair_id = f"{folder.name}/{a.name}->{b.name}"
            marks = [pytest.mark.xfail(strict=True)] if pair_id in KNOWN else []
            out.append(pytest.param(a, b, id=pair_id, marks=marks))
    return out


@pytest.mark.parametrize(("old_path", "new_path"), _pairs())
def test_consecutive_versions(old_path: Path, new_path: Path) -> None:
    old = parse_lawtext(old_path.read_text(encoding="utf-8"))
    new = parse_lawtext(new_path.read_text(encoding="utf-8"))
    amendment = diff(old, new).to_amendment(id="x", enacted=DAY, effective=DAY)
    assert apply(old, amendment) == new

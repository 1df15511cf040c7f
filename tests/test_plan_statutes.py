"""Amendment planning on real statutes: apply(old, diff(old, new).to_amendment()) == new."""

from __future__ import annotations

import pendulum

from legaldocs import Document, Num, Paragraph, Supplement, apply, diff

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

"""Manual benchmark (not collected by pytest): dumps/loads against plain json.dumps/json.loads.

Run: PYTHONPATH=src python tests/bench_serialize.py
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from legaldocs import Article, Division, Document, Item, Num, Paragraph, dumps, loads, to_data

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpora/denki-jigyo-ho"


def synthetic(count: int = 2000) -> Document:
    """``count`` articles of three paragraphs, the second with three items, in one chapter."""
    text = (
        "この法律は、電気事業の運営を適正かつ合理的ならしめることによつて、"
        "電気の使用者の利益を保護する。"
    )
    arts = tuple(
        Article(
            key=f"a{i}",
            num=Num.of(i),
            caption="（目的）",
            paragraphs=tuple(
                Paragraph(
                    key=f"p{j}",
                    num=Num.of(j),
                    text=text,
                    children=tuple(
                        Item(key=f"i{k}", num=Num.of(k), text="一般送配電事業者の供給区域")
                        for k in range(1, 4)
                    )
                    if j == 2
                    else (),
                )
                for j in range(1, 4)
            ),
        )
        for i in range(1, count + 1)
    )
    return Document(
        title="電気事業法",
        body=(Division(key="ch1", kind="章", num=Num.of(1), title="総則", children=arts),),
    )


def corpus() -> Document:
    """One version of 電気事業法, every non-blank line a paragraph (no parser needed)."""
    path = sorted(CORPUS.glob("*.law.txt"))[-1]
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Document(
        title=lines[0],
        body=tuple(
            Paragraph(key=f"p{i}", num=Num.of(i), text=line) for i, line in enumerate(lines, 1)
        ),
    )


def best(function: Callable[[], object], repeat: int = 15) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    for name, doc in (("synthetic 2,000 articles", synthetic()), ("電気事業法 lines", corpus())):
        payload = to_data(doc)
        text = dumps(doc)
        ours_dumps = best(lambda doc=doc: dumps(doc))
        ours_loads = best(lambda text=text: loads(text, Document))
        plain_dumps = best(lambda p=payload: json.dumps(p, ensure_ascii=False))
        plain_loads = best(lambda text=text: json.loads(text))
        print(
            f"{name}: {len(text.encode()) / 1e6:.2f} MB; "
            f"dumps {ours_dumps * 1e3:.1f} ms vs json.dumps {plain_dumps * 1e3:.1f} ms "
            f"= {ours_dumps / plain_dumps:.2f}x; "
            f"loads {ours_loads * 1e3:.1f} ms vs json.loads {plain_loads * 1e3:.1f} ms "
            f"= {ours_loads / plain_loads:.2f}x"
        )


if __name__ == "__main__":
    main()

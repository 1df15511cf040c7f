"""Quick benchmark (not a test): build a 10,000-amendment history on a 2,000-article
document (chapters of 50 articles) and time ``as_of``.

    PYTHONPATH=src python bench/history_bench.py [--trace]
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
import tracemalloc

import pendulum

from legaldocs import Amendment, Article, Division, Document, History, Num, Paragraph, ReplacePhrase

ARTICLES, PER_CHAPTER, AMENDMENTS = 2000, 50, 10_000


def document() -> Document:
    chapters = []
    for c in range(ARTICLES // PER_CHAPTER):
        articles = tuple(
            Article(
                key=f"a{n}",
                num=Num.of(n),
                caption="（見出し）",
                paragraphs=(
                    Paragraph(key="p1", num=Num.of(1), text=f"この条は第{n}条の甲について定める。"),
                    Paragraph(key="p2", num=Num.of(2), text="前項の規定は、乙について準用する。"),
                ),
            )
            for n in range(c * PER_CHAPTER + 1, (c + 1) * PER_CHAPTER + 1)
        )
        chapters.append(
            Division(
                key=f"ch{c + 1}", kind="章", num=Num.of(c + 1), title="章名", children=articles
            )
        )
    return Document(title="合成法", body=tuple(chapters))


def amendments() -> list[Amendment]:
    rng = random.Random(1)
    state: dict[int, str] = {}
    out = []
    day = pendulum.date(2000, 1, 1)
    for i in range(AMENDMENTS):
        n = rng.randint(1, ARTICLES)
        old = state.get(n, "甲")
        new = "丙" if old == "甲" else "甲"
        state[n] = new
        day = day.add(days=1)
        out.append(
            Amendment(
                id=f"m{i}",
                title="改正",
                enacted=day,
                effective=day,
                changes=(ReplacePhrase(target=f"第{n}条第1項", old=old, new=new),),
            )
        )
    return out


def main() -> None:
    trace = "--trace" in sys.argv
    doc = document()
    todo = amendments()
    gc.collect()
    if trace:
        tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0] if trace else 0
    t0 = time.perf_counter()
    h = History.start(doc, enacted=pendulum.date(1999, 1, 1))
    for a in todo:
        h = h.amend(a)
    build = time.perf_counter() - t0
    gc.collect()
    if trace:
        grown = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        print(f"memory growth: {grown / AMENDMENTS:.0f} B per amendment (traced, history only)")
    print(
        f"build: {build:.2f} s for {AMENDMENTS} amendments ({build / AMENDMENTS * 1e6:.0f} µs each)"
    )
    rng = random.Random(2)
    days = [pendulum.date(2000, 1, 1).add(days=rng.randint(0, AMENDMENTS)) for _ in range(2000)]
    times = [pendulum.datetime(d.year, d.month, d.day, 12, tz="Asia/Tokyo") for d in days]
    strings = [d.isoformat() for d in days]
    for label, queries in (("Date", days), ("DateTime", times), ("str", strings)):
        samples = []
        for q in queries:
            t = time.perf_counter_ns()
            h.as_of(q)
            samples.append(time.perf_counter_ns() - t)
        print(f"as_of({label}): median {statistics.median(samples) / 1000:.1f} µs")
    assert len(h.versions) == AMENDMENTS + 1


if __name__ == "__main__":
    main()

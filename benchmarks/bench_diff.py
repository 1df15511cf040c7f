"""Benchmark legaldocs.diff on a large synthetic statute (not part of the test suite).

1,500 articles x 3 paragraphs of real statute sentences (taken from the 電気事業法 corpus when
it is beside the checkout, else generated); the new version changes 20 articles, inserts 5
with branch numbers, deletes 3 and renumbers a run of 40. Prints the median of several runs
of ``legaldocs.diff`` (new version sharing unchanged records, as a History builds it, and a
deep copy sharing nothing) and of difflib.SequenceMatcher over the two texts' lines.

    PYTHONPATH=src python benchmarks/bench_diff.py
"""

from __future__ import annotations

import copy
import difflib
import random
import statistics
import sys
import time
from pathlib import Path

import attrs

from legaldocs import Article, Document, Num, Paragraph, diff

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpora/denki-jigyo-ho"


def sentences() -> list[str]:
    out: list[str] = []
    files = sorted(CORPUS.glob("*.law.txt"))
    if files:
        for line in files[0].read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if "　" in line and line.endswith("。") and len(line) < 70:
                out.append(line.split("　", 1)[1])
    if len(out) < 100:
        rnd = random.Random(1)
        words = ["電気事業者", "経済産業大臣", "届出", "許可", "供給", "の", "は", "を", "に", "、"]
        out = ["".join(rnd.choice(words) for _ in range(30)) + "。" for _ in range(2000)]
    return out


def build() -> tuple[Document, Document]:
    rnd = random.Random(42)
    pool = sentences()
    arts = []
    for n in range(1, 1501):
        paras = tuple(
            Paragraph(key=f"p{i}", num=Num.of(i), text=rnd.choice(pool)) for i in range(1, 4)
        )
        arts.append(Article(key=f"a{n}", num=Num.of(n), caption="（定義）", paragraphs=paras))
    old = Document(title="電気事業法", body=tuple(arts))
    new_arts = list(arts)
    for index in rnd.sample(range(1500), 20):  # change a phrase
        a = new_arts[index]
        p = a.paragraphs[1]
        text = p.text.replace("の", "及び", 1) if "の" in p.text else p.text + "追加"
        new_arts[index] = attrs.evolve(
            a, paragraphs=(a.paragraphs[0], attrs.evolve(p, text=text), a.paragraphs[2])
        )
    for index in (1200, 900, 600, 300, 100):  # insert with branch numbers
        base = new_arts[index]
        para = Paragraph(key="p1", num=Num.of(1), text=rnd.choice(pool))
        new_arts.insert(
            index + 1, Article(key=f"{base.key}_2", num=base.num.branch(2), paragraphs=(para,))
        )
    for key in ("a50", "a500", "a1400"):  # delete
        new_arts = [a for a in new_arts if a.key != key]
    for i, a in enumerate(new_arts):  # renumber a run
        if 1000 <= a.num.main < 1040 and len(a.num.parts) == 1:
            new_arts[i] = attrs.evolve(a, num=Num.of(a.num.main - 1))
    return old, attrs.evolve(old, body=tuple(new_arts))


def lines(doc: Document) -> list[str]:
    out = []
    for a in doc.articles():
        out.append(f"第{a.num}条{a.caption or ''}")
        out.extend(p.text for p in a.paragraphs)
    return out


def median(fn, runs: int = 9) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    old, new = build()
    deep = copy.deepcopy(new)
    a, b = lines(old), lines(new)
    size = sum(len(x.encode()) for x in a)
    result = diff(old, new)
    kinds: dict[str, int] = {}
    for c in result:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    print(f"old text {size / 1000:.0f} KB, {len(a)} lines; changes: {kinds}")
    print(f"diff (shared records)  median {median(lambda: diff(old, new)):.1f} ms")
    print(f"diff (deep copy)       median {median(lambda: diff(old, deep)):.1f} ms")
    t = median(lambda: difflib.SequenceMatcher(None, a, b).get_opcodes())
    print(f"difflib lines          median {t:.1f} ms")
    t = median(lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    print(f"difflib lines autojunk=False median {t:.1f} ms")

    real(CORPUS)


def real(folder: Path) -> None:
    """Consecutive versions of 電気事業法, read with the tests' mini Lawtext reader."""
    files = sorted(folder.glob("*.law.txt"))
    if len(files) < 2:
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from _mini_lawtext import read

    ours, theirs = [], []
    docs = [read(f) for f in files]
    texts = [f.read_text(encoding="utf-8").splitlines() for f in files]
    for i in range(len(files) - 1):
        a, b = docs[i], docs[i + 1]
        ours.append(median(lambda a=a, b=b: diff(a, b), runs=5))
        x, y = texts[i], texts[i + 1]
        theirs.append(median(lambda x=x, y=y: difflib.SequenceMatcher(None, x, y).get_opcodes(), 5))
    print(f"電気事業法, {len(ours)} consecutive pairs (independent parses, keys follow numbers):")
    print(f"  diff median of medians {statistics.median(ours):.1f} ms, max {max(ours):.1f} ms")
    print(f"  difflib lines median {statistics.median(theirs):.1f} ms, max {max(theirs):.1f} ms")


if __name__ == "__main__":
    sys.exit(main())

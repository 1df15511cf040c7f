"""A rough Lawtext reader for the diff tests only (the real reader is legaldocs' Lawtext
format). It reads divisions, captions, articles (削除 and ranges too), paragraphs, items and
sub-items, and each 附則 with its articles or anonymous paragraphs; it skips the 目次.
Keys follow numbers, the way an independent parse of each version assigns them."""

from __future__ import annotations

import re
from pathlib import Path

from legaldocs import Article, Division, Document, Item, Num, Paragraph, Supplement

_N = "〇一二三四五六七八九十百千"
_DIV = re.compile(rf"^ {{6}}第([{_N}]+)([編章節款目])((?:の[{_N}]+)*)　(.*)$")
_ART = re.compile(
    rf"^第([{_N}]+)条((?:の[{_N}]+)*)(?:から第([{_N}]+)条((?:の[{_N}]+)*)まで)?　(.*)$"
)
_PARA = re.compile(r"^([０-９]+)　(.*)$")
_ITEM = re.compile(r"^((?:  )+)(\S+?)　(.*)$")
_SUPPL = re.compile(r"^ {6}附　則(?:　?（(.*?)）)?(　抄)?\s*$")
_RANK = {"編": 0, "章": 1, "節": 2, "款": 3, "目": 4}
_PREFIX = {"編": "pt", "章": "ch", "節": "sec", "款": "sub", "目": "div"}


def _num(main: str, branches: str) -> Num:
    return Num.parse(main + branches)


def read(path: Path) -> Document:
    lines = path.read_text(encoding="utf-8").splitlines()
    title = lines[0]
    law_num = lines[1].strip()[1:-1]
    body: list[object] = []
    stack: list[tuple[int, dict[str, object]]] = []  # (rank, division fields)
    supplements: list[dict[str, object]] = []
    container: list[object] = body
    caption: str | None = None
    article: dict[str, object] | None = None
    paragraph: dict[str, object] | None = None
    items: list[tuple[int, dict[str, object]]] = []
    in_toc = False

    def close_article() -> None:
        nonlocal article, paragraph, items
        close_paragraph()
        if article is not None:
            container.append(Article(**article))  # type: ignore[arg-type]
        article = None

    def close_items(depth: int) -> None:
        while items and items[-1][0] >= depth:
            _, fields = items.pop()
            kids = fields.pop("_kids")
            item = Item(**fields, children=tuple(kids))  # type: ignore[arg-type]
            if items:
                items[-1][1]["_kids"].append(item)  # type: ignore[attr-defined]
            elif paragraph is not None:
                paragraph["_kids"].append(item)  # type: ignore[attr-defined]

    def close_paragraph() -> None:
        nonlocal paragraph
        close_items(1)
        if paragraph is not None:
            kids = paragraph.pop("_kids")
            p = Paragraph(**paragraph, children=tuple(kids))  # type: ignore[arg-type]
            if article is not None:
                article["paragraphs"] = (*article["paragraphs"], p)  # type: ignore[misc]
            else:
                container.append(p)
        paragraph = None

    def close_divisions(rank: int) -> None:
        nonlocal container
        while stack and stack[-1][0] >= rank:
            _, fields = stack.pop()
            division = Division(**{**fields, "children": tuple(fields["children"])})  # type: ignore[arg-type]
            parent = stack[-1][1]["children"] if stack else body
            parent.append(division)  # type: ignore[attr-defined]
        container = stack[-1][1]["children"] if stack else body  # type: ignore[assignment]

    for line in lines[2:]:
        if line == "目次":
            in_toc = True
            continue
        if in_toc:
            if line.strip() == "" or line.startswith("  "):
                continue
            in_toc = False
        if not line.strip():
            continue
        m = _SUPPL.match(line)
        if m:
            close_article()
            close_divisions(0)
            key = f"s{len(supplements) + 1}"
            container = []
            supplements.append(
                {
                    "key": key,
                    "title": "附　則",
                    "law_ref": m.group(1),
                    "excerpt": bool(m.group(2)),
                    "body": container,
                }
            )
            continue
        m = _DIV.match(line)
        if m:
            close_article()
            kind = m.group(2)
            close_divisions(_RANK[kind])
            num = _num(m.group(1), m.group(3))
            parent_key = stack[-1][1]["key"] if stack else ""
            own = _PREFIX[kind] + "_".join(str(p) for p in num.parts)
            key = f"{parent_key}.{own}" if parent_key else own
            stack.append(
                (
                    _RANK[kind],
                    {"key": key, "kind": kind, "num": num, "title": m.group(4), "children": []},
                )
            )
            container = stack[-1][1]["children"]  # type: ignore[assignment]
            continue
        if line.startswith("  （") and line.endswith("）"):
            close_article()
            caption = line.strip()
            continue
        m = _ART.match(line)
        if m:
            close_article()
            num = _num(m.group(1), m.group(2))
            until = _num(m.group(3), m.group(4) or "") if m.group(3) else None
            key = "a" + "_".join(str(p) for p in num.parts)
            text = m.group(5)
            article = {"key": key, "num": num, "caption": caption, "paragraphs": (), "until": until}
            caption = None
            if text == "削除":
                article["deleted"] = True
            else:
                paragraph = {"key": "p1", "num": Num.of(1), "text": text, "_kids": []}
            continue
        if line.startswith(":anonym-paragraph:"):
            close_paragraph()
            n = sum(1 for e in container if isinstance(e, Paragraph)) + 1
            paragraph = {
                "key": f"p{n}",
                "num": Num.of(n),
                "text": line[18:],
                "_kids": [],
                "anonymous": True,
            }
            continue
        m = _PARA.match(line)
        if m and article is not None:
            close_paragraph()
            n = int(m.group(1).translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}))
            paragraph = {"key": f"p{n}", "num": Num.of(n), "text": m.group(2), "_kids": []}
            continue
        m = _ITEM.match(line)
        if m and paragraph is not None:
            depth = len(m.group(1)) // 2
            close_items(depth)
            siblings = items[-1][1]["_kids"] if items else paragraph["_kids"]
            n = len(siblings) + 1  # type: ignore[arg-type]
            items.append(
                (
                    depth,
                    {
                        "key": f"i{n}",
                        "num": Num.of(n),
                        "text": m.group(3),
                        "label": m.group(2),
                        "_kids": [],
                    },
                )
            )
            continue
        # continuation or anything else: keep it as text of the current unit
        if items:
            items[-1][1]["text"] = f"{items[-1][1]['text']}\n{line}"
        elif paragraph is not None:
            paragraph["text"] = f"{paragraph['text']}\n{line}"
    close_article()
    close_paragraph()
    close_divisions(0)
    return Document(
        title=title,
        law_num=law_num,
        body=tuple(body),  # type: ignore[arg-type]
        supplements=tuple(
            Supplement(**{**s, "body": tuple(s["body"])})  # type: ignore[arg-type, dict-item]
            for s in supplements
        ),
    )

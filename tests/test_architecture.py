"""The architecture: one element protocol, one key scheme, one-way imports, a formats registry."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legaldocs
from legaldocs import (
    Article,
    Document,
    History,
    Num,
    Paragraph,
    Row,
    Table,
    diff,
    formats,
    parse_lawtext,
    render_lawtext,
    render_text,
)
from legaldocs.model import _element, _keys

from .conftest import CORPORA
from .strategies import documents
from .test_to_amendment import _mutated

SRC = Path(legaldocs.__file__).parent
DAY = pendulum.Date(2024, 4, 1)

# -- the element protocol ------------------------------------------------------------------


def test_roles_are_declared_on_the_records() -> None:
    spec = _element.spec(Paragraph)
    assert spec.identity == ("key", "num")
    assert spec.children == ("children",)
    assert spec.texts == ("text", "caption")
    assert spec.headings == ("caption",)
    assert spec.presentation == ("plain", "tight", "tagged", "spaced")
    assert spec.data == ("anonymous", "label")
    assert _element.spec(Article).children == ("paragraphs",)
    assert _element.spec(Document).children == (
        "enact_statements",
        "preamble",
        "body",
        "supplements",
        "appendices",
    )


def test_signature_ignores_identity_and_presentation() -> None:
    a = Paragraph(key="p1", num=Num.of(1), text="本文")
    b = attrs.evolve(a, key="p9", num=Num.of(9), plain=True)
    assert _element.signature(a) == _element.signature(b)
    assert _element.signature(a) != _element.signature(attrs.evolve(a, caption="（見出し）"))


def test_a_row_is_made_of_its_cells() -> None:
    table = Table.from_pairs("t1", [("販売業者", "株式会社いちご"), ("所在地", "東京都")])
    row = table.rows[0]
    assert _element.has_parts(row)
    assert _element.own_texts(row) == (("cells", "販売業者\t株式会社いちご"),)
    assert _element.children_of(table) == table.rows
    assert isinstance(_element.children_of(table)[0], Row)
    assert _element.full_text(table) == "販売業者\n株式会社いちご\n所在地\n東京都"


def test_full_text_is_document_order() -> None:
    article = Article(
        key="a1",
        num=Num.of(1),
        caption="（目的）",
        paragraphs=(
            Paragraph(key="p1", num=Num.of(1), text="一"),
            Paragraph(key="p2", num=Num.of(2), text="二", caption="（見出し）"),
        ),
    )
    assert _element.full_text(article) == "（目的）\n一\n二\n（見出し）"


def _supplement_paragraph_caption_doc() -> Document:
    text = (
        "テスト法\n（令和元年法律第一号）\n\n"
        "第一条　この法律は、テストをする。\n\n"
        "      附　則\n\n"
        ":anonym-paragraph:この法律は、公布の日から施行する。\n"
    )
    doc = parse_lawtext(text)
    supplement = doc.supplements[0]
    paragraph = supplement.body[0]
    assert isinstance(paragraph, Paragraph)
    return attrs.evolve(
        doc,
        supplements=(
            attrs.evolve(supplement, body=(attrs.evolve(paragraph, caption="（施行期日）"),)),
        ),
    )


def test_a_changed_paragraph_caption_is_a_change() -> None:
    # Issue 10: diff() reported nothing while to_amendment() replaced the paragraph.
    old = _supplement_paragraph_caption_doc()
    supplement = old.supplements[0]
    paragraph = supplement.body[0]
    assert isinstance(paragraph, Paragraph)
    new = attrs.evolve(
        old,
        supplements=(
            attrs.evolve(supplement, body=(attrs.evolve(paragraph, caption="（施行日）"),)),
        ),
    )
    result = diff(old, new)
    assert [c.kinds for c in result] == [("caption",)]
    assert result.changes[0].field == "caption"
    assert result.changes[0].old_text == "（施行期日）"
    assert result.changes[0].new_text == "（施行日）"
    later = pendulum.Date(2024, 5, 1)
    amendment = result.to_amendment(id="x", enacted=later, effective=later)
    assert amendment.changes
    history = History.start(old, enacted=DAY).amend(amendment)
    since = history.changes_since(history.versions[0])
    assert [c.kinds for c in since] == [("caption",)]


@given(documents(), st.data())
def test_diff_is_empty_iff_the_amendment_is(doc: Document, data: st.DataObject) -> None:
    other = data.draw(st.one_of(st.just(doc), _mutated(doc), documents()))
    changes = diff(doc, other).to_amendment(id="x", enacted=DAY, effective=DAY).changes
    assert bool(diff(doc, other)) == bool(changes)


@given(documents())
def test_presentation_only_changes_are_typographic(doc: Document) -> None:
    flipped = attrs.evolve(
        doc,
        body=tuple(
            attrs.evolve(e, bulleted=not e.bulleted) if isinstance(e, Article) else e
            for e in doc.body
        ),
    )
    result = diff(doc, flipped)
    assert bool(result) == (flipped != doc)
    assert not result.without_typographic() or any(not isinstance(e, Article) for e in doc.body)


# -- one key scheme -------------------------------------------------------------------------


def test_keys() -> None:
    assert _keys.article_key(Num.parse("三の二")) == "a3_2"
    assert _keys.division_key("編", Num.of(1)) == "pt1"
    assert _keys.division_key("款", Num.of(2), "pt1.ch3") == "pt1.ch3.sub2"
    assert _keys.upgrade("part1.ch2.subsec3") == "pt1.ch2.sub3"
    assert _keys.upgrade("a12/p1") == "a12/p1"
    assert _keys.upgrade("partner1") == "partner1"


LAW_WITH_PARTS = """テスト法
（令和元年法律第一号）

    第一編　総則

      第一章　通則

        第一節　目的

          第一款　基本

            第一目　始め

第一条　この法律は、テストをする。
"""


def test_render_text_of_lawtext_writes_no_key_lines() -> None:
    doc = parse_lawtext(LAW_WITH_PARTS)
    assert ":key:" not in render_text(doc)


def test_text_files_of_0_1_0_still_load() -> None:
    doc = parse_lawtext(LAW_WITH_PARTS)
    text = render_text(doc)
    first = text.index("•", text.index("第"))
    line_start = text.rfind("\n", 0, first) + 1
    indent = " " * (first - line_start)
    legacy = text[:line_start] + f"{indent}:key: part1\n" + text[line_start:]
    assert legaldocs.parse_text(legacy) == legaldocs.parse_text(text)


# -- formats registry ---------------------------------------------------------------------


def test_registry_names_every_format() -> None:
    names = {f.name for f in formats.all_formats()}
    assert {"text", "lawtext", "markdown", "html"} <= names
    assert formats.for_path("x/電気事業法.law.txt").name == "lawtext"  # type: ignore[union-attr]
    assert formats.for_path("policy.txt").name == "text"  # type: ignore[union-attr]
    assert formats.for_path("history.json") is None
    with pytest.raises(legaldocs.FormatError):
        formats.get("nope")
    with pytest.raises(legaldocs.FormatError):
        formats.get("html").parse("<p>x</p>")


def test_registry_reads_and_writes() -> None:
    path = CORPORA / "gyosei-tetsuzuki-ho" / "01-19931112.law.txt"
    text = path.read_text(encoding="utf-8")
    fmt = formats.for_path(path)
    assert fmt is not None
    assert fmt.render(fmt.parse(text)) == text == render_lawtext(parse_lawtext(text))


# -- imports flow one way -----------------------------------------------------------------


def _modules() -> list[str]:
    names = ["legaldocs"]
    for info in pkgutil.walk_packages([str(SRC)], prefix="legaldocs."):
        names.append(info.name)
    return sorted(names)


def _path_of(module: str) -> Path:
    parts = module.split(".")[1:]
    base = SRC.joinpath(*parts)
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def _imports(module: str, modules: set[str]) -> set[str]:
    """The legaldocs modules ``module`` imports at run time (not under TYPE_CHECKING)."""
    tree = ast.parse(_path_of(module).read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m in modules and m != module}


def _layer(module: str) -> str:
    """The subpackage (or top-level module) a module belongs to."""
    parts = module.split(".")
    if (
        len(parts) >= 3
        and parts[1] == "formats"
        and _path_of(".".join(parts[:3])).name == ("__init__.py")
    ):
        return ".".join(parts[:3])
    return ".".join(parts[:2])


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_every_module_imports() -> None:
    for name in _modules():
        if name != "legaldocs.__main__":  # runs the command line
            importlib.import_module(name)


def test_no_import_cycle_between_subpackages() -> None:
    """Subpackages (model, amend, history, compare, formats.X, serialize, and the top-level
    modules) depend on each other one way; the package's own ``__init__`` (the flat public
    API) and ``formats/__init__`` (the registry, which names formats only as strings) stand
    above everything and are left out."""
    modules = set(_modules())
    graph: dict[str, set[str]] = {}
    for module in modules - {"legaldocs"}:
        here = _layer(module)
        for target in _imports(module, modules):
            there = _layer(target)
            if there != here and target not in ("legaldocs", "legaldocs.formats"):
                graph.setdefault(here, set()).add(there)
    assert _cycle(graph) is None, _cycle(graph)


def test_formats_know_nothing_of_each_other() -> None:
    modules = set(_modules())
    for module in modules:
        layer = _layer(module)
        if not layer.startswith("legaldocs.formats."):
            continue
        for target in _imports(module, modules):
            there = _layer(target)
            assert not (there.startswith("legaldocs.formats.") and there != layer), (
                module,
                target,
            )
            assert there.split(".")[1] not in ("amend", "history", "compare", "serialize"), (
                module,
                target,
            )


def test_no_import_cycle_between_modules_at_import_time() -> None:
    modules = set(_modules())
    graph = {m: _imports(m, modules) - {"legaldocs", "legaldocs.formats"} for m in modules}
    # imports inside functions are deferred on purpose (Document.get and its citation
    # resolver, the registry's formats): count module-level imports only
    module_level: dict[str, set[str]] = {}
    for module in modules:
        tree = ast.parse(_path_of(module).read_text(encoding="utf-8"))
        top: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    top.add(full if full in modules else node.module)
        module_level[module] = {m for m in top if m in graph[module] and not m.endswith("__init__")}
    packages = {m for m in modules if _path_of(m).name == "__init__.py"}
    leaf_graph = {m: {t for t in ts if t not in packages} for m, ts in module_level.items()}
    assert _cycle(leaf_graph) is None, _cycle(leaf_graph)


# -- writers raise FormatError ----------------------------------------------------------------


def test_writers_refuse_with_format_error() -> None:
    doc = parse_lawtext(LAW_WITH_PARTS)
    renamed = attrs.evolve(doc, body=(attrs.evolve(doc.body[0], key="odd"),))
    with pytest.raises(legaldocs.FormatError, match="Lawtext"):
        render_lawtext(renamed)
    article = Article(
        key="a1", num=Num.of(1), paragraphs=(Paragraph(key="p1", num=Num.of(1), text="x"),)
    )
    table = Table.from_pairs("t1", [("a", "b")])
    cell = attrs.evolve(table.rows[0].cells[0], attrs=(("bad name", "1"),))
    bad = Table(key="t1", rows=(Row(key="r1", cells=(cell,)),))
    with pytest.raises(legaldocs.FormatError):
        legaldocs.render_html(Document(title="x", body=(article, bad)))


# -- the flat public API ------------------------------------------------------------------------


def _type_checking_names() -> dict[str, str]:
    """Name → module of the imports under ``if TYPE_CHECKING:`` in ``legaldocs/__init__.py``."""
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                if isinstance(child, ast.ImportFrom) and child.module:
                    for alias in child.names:
                        found[alias.asname or alias.name] = child.module
    return found


def test_the_lazy_names_are_the_typed_ones() -> None:
    assert _type_checking_names() == legaldocs._LAZY


def test_every_public_name_resolves() -> None:
    for name in legaldocs.__all__:
        assert getattr(legaldocs, name) is not None, name
    with pytest.raises(AttributeError):
        legaldocs.no_such_name  # noqa: B018


def test_import_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, legaldocs; "
        "print(sorted(m for m in ('pendulum', 'cattrs', 'lxml', 'markdown_it', 'attrs') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

"""``legaldocs check``: files read back, histories from versions.tsv, pickling, Dask."""

from __future__ import annotations

import io
import pickle
import shutil
from pathlib import Path

import pytest

from legaldocs import History, parse_lawtext
from legaldocs._check import FileCheck, check, check_file, check_history
from legaldocs.cli import main

CORPORA = Path(__file__).parents[1].parent / "shared" / "corpora"
GYOSEI = CORPORA / "gyosei-tetsuzuki-ho"

needs_corpus = pytest.mark.skipif(not GYOSEI.is_dir(), reason="shared corpus not found")

_FILES = sorted(GYOSEI.glob("*.law.txt"))[:3] if GYOSEI.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("path", _FILES, ids=[p.name for p in _FILES])
def test_lawtext_file_reads_back_exactly(path: Path) -> None:
    result = check_file(path)
    assert (result.format, result.status, result.message) == ("lawtext", "exact", "")
    assert result.size == path.stat().st_size


def test_a_file_that_does_not_parse_is_an_error_with_its_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("no title heading\n", encoding="utf-8")
    result = check_file(bad)
    assert result.status == "error"
    assert "ParseError" in result.message
    assert "line 1" in result.message


def test_a_file_written_differently_is_stable(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# 規約\n\n## 第1条（目的）\n\n本規約は、当院の利用条件を定める。\n", "utf-8")
    first = check_file(page)
    assert first.status in ("exact", "stable")
    page.write_text(page.read_text("utf-8") + "\n\n\n", "utf-8")  # extra blank lines
    assert check_file(page).status == "stable"


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    if not GYOSEI.is_dir():
        pytest.skip("shared corpus not found")
    folder = tmp_path / "gyosei"
    folder.mkdir()
    lines = (GYOSEI / "versions.tsv").read_text("utf-8").splitlines()
    kept = [lines[0], *lines[1:4]]
    for line in kept[1:]:
        name = line.split("\t")[0]
        shutil.copy(GYOSEI / name, folder / name)
    (folder / "versions.tsv").write_text("\n".join(kept) + "\n", "utf-8")
    return tmp_path


def test_check_reads_files_and_histories_on_two_processes(small_corpus: Path) -> None:
    summary = check([small_corpus], histories=True, workers=2)
    assert summary.ok
    assert [f.status for f in summary.files] == ["exact"] * 3
    assert [(h.status, h.versions) for h in summary.histories] == [("ok", 3)]
    table = summary.table()
    assert "lawtext" in table
    assert "histories: 1 (1 ok" in table


def test_command_line_check(small_corpus: Path) -> None:
    out = io.StringIO()
    assert main(["check", "--histories", "--jobs", "1", str(small_corpus)], out=out) == 0
    assert "all" in out.getvalue()
    (small_corpus / "broken.law.txt").write_text("", encoding="utf-8")
    out = io.StringIO()
    assert main(["check", "--jobs", "1", str(small_corpus)], out=out) == 1
    assert "broken.law.txt: error" in out.getvalue()


def test_history_check_reports_a_missing_file(small_corpus: Path) -> None:
    tsv = small_corpus / "gyosei" / "versions.tsv"
    tsv.write_text(tsv.read_text("utf-8") + "99-20990101.law.txt\t2099-01-01\tx\n", "utf-8")
    result = check_history(tsv)
    assert result.status == "error"
    assert "99-20990101.law.txt" in result.message


@needs_corpus
def test_documents_histories_and_results_pickle() -> None:
    versions = [
        (line.split("\t")[1], parse_lawtext((GYOSEI / line.split("\t")[0]).read_text("utf-8")))
        for line in (GYOSEI / "versions.tsv").read_text("utf-8").splitlines()[1:4]
    ]
    import pendulum

    history = History.from_versions([(pendulum.parse(d).date(), doc) for d, doc in versions])
    doc = versions[-1][1]
    assert pickle.loads(pickle.dumps(doc)) == doc
    back = pickle.loads(pickle.dumps(history))
    assert back == history
    assert back.as_of(back.versions[-1].start) == doc
    result = FileCheck(path="x", format="lawtext", status="exact")
    assert pickle.loads(pickle.dumps(result)) == result


def test_dask_bag_on_a_local_cluster(small_corpus: Path) -> None:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    import dask.bag as db

    paths = [str(p) for p in sorted(small_corpus.rglob("*.law.txt"))]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        results = db.from_sequence(paths, npartitions=2).map(check_file).compute()
    assert [r.status for r in results] == ["exact"] * 3

"""``python -m benchmarks.plot RESULTS.json OUT.png [BEFORE.json]``: the scaling rows as a
plot.

Needs matplotlib (``pip install legaldocs[bench]``). Each scaling row's times at 1×, 2×, 4×
and 8× are drawn relative to 1×, beside the line of linear cost; with a second results file
(an earlier version, measured in the same run), its rows are drawn dotted, labelled
"before".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["plot"]


def _rows(results: Path) -> list[dict[str, Any]]:
    data: dict[str, Any] = json.loads(results.read_text(encoding="utf-8"))
    return [r for r in data["results"] if r["name"].startswith("scaling") and r.get("extra")]


def plot(results: Path, out: Path, before: Path | None = None) -> None:
    """Draw the scaling rows of a results file (as written by ``python -m benchmarks``),
    and those of ``before`` dotted."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = _rows(results)
    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    colours: dict[str, Any] = {}
    for row in rows:
        factors = row["extra"]["factors"]
        seconds = row["extra"]["seconds"]
        label = row["name"].split(": ", 1)[1]
        (line,) = ax.plot(factors, [s / seconds[0] for s in seconds], marker="o", label=label)
        colours[label] = line.get_color()
    for row in _rows(before) if before is not None else []:
        factors = row["extra"]["factors"]
        seconds = row["extra"]["seconds"]
        label = row["name"].split(": ", 1)[1]
        ax.plot(
            factors,
            [s / seconds[0] for s in seconds],
            linestyle=":",
            marker=".",
            color=colours.get(label),
            label=f"{label}, before",
        )
    if rows:
        factors = rows[0]["extra"]["factors"]
        ax.plot(factors, factors, linestyle="--", color="grey", label="linear")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log", base=2)
    articles = rows[0]["extra"].get("articles", 2000) if rows else 2000
    ax.set_xlabel(f"document size (× {articles:,} articles)")
    ax.set_ylabel("time relative to 1×")
    ax.set_title("Cost against document size")
    ax.legend(fontsize="small")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)


if __name__ == "__main__":
    plot(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)

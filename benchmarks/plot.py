"""``python -m benchmarks.plot RESULTS.json OUT.png``: the scaling rows as a plot.

Needs matplotlib (``pip install legaldocs[bench]``). Each scaling row's times at 1×, 2×, 4×
and 8× are drawn relative to 1×, beside the line of linear cost.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["plot"]


def plot(results: Path, out: Path) -> None:
    """Draw the scaling rows of a results file (as written by ``python -m benchmarks``)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    data: dict[str, Any] = json.loads(results.read_text(encoding="utf-8"))
    rows = [r for r in data["results"] if r["name"].startswith("scaling") and r.get("extra")]
    fig, ax = plt.subplots(figsize=(6, 4), dpi=120)
    for row in rows:
        factors = row["extra"]["factors"]
        seconds = row["extra"]["seconds"]
        label = row["name"].split(": ", 1)[1]
        ax.plot(factors, [s / seconds[0] for s in seconds], marker="o", label=label)
    if rows:
        factors = rows[0]["extra"]["factors"]
        ax.plot(factors, factors, linestyle="--", color="grey", label="linear")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log", base=2)
    ax.set_xlabel("document size (× 2,000 articles)")
    ax.set_ylabel("time relative to 1×")
    ax.set_title("Cost against document size")
    ax.legend(fontsize="small")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)


if __name__ == "__main__":
    plot(Path(sys.argv[1]), Path(sys.argv[2]))

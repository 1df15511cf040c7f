"""``python -m tests.fuzz --minutes N``: the long fuzz run (see the package documentation)."""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time

from tests.fuzz._core import CITATIONS_CHECKED, Tally, cases, seed_files


def main(argv: list[str] | None = None) -> int:
    """Run the campaign for ``--minutes``; exit 1 when anything was found."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=None, help="repeat a run exactly")
    parser.add_argument("--show", type=int, default=20, help="findings to print in full")
    parser.add_argument(
        "--all-invariants",
        action="store_true",
        help="check the citations of every format (the slice's default since #14)",
    )
    args = parser.parse_args(argv)
    if args.all_invariants:
        CITATIONS_CHECKED.update({"lawtext", "markdown"})
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    tally = Tally()
    kinds: collections.Counter[str] = collections.Counter()
    deadline = time.monotonic() + args.minutes * 60
    next_report = time.monotonic() + 60
    print(f"fuzzing for {args.minutes} min, seed {seed}", flush=True)
    for what, case in cases(rng, seed_files()):
        if time.monotonic() > deadline:
            break
        kinds[what] += 1
        tally.record(what, case)
        if time.monotonic() > next_report:
            next_report += 60
            print(f"  {tally.inputs} inputs, {len(tally.findings)} findings", flush=True)
    print(f"{tally.inputs} inputs tried (seed {seed}):")
    for what, count in sorted(kinds.items()):
        print(f"  {count:8d}  {what}")
    distinct = collections.Counter(f.split("\n", 1)[0] for f in tally.findings)
    print(f"{len(tally.findings)} findings, {len(distinct)} distinct")
    for first, count in distinct.most_common():
        print(f"  {count:5d}  {first[:160]}")
    for finding in tally.findings[: args.show]:
        print("-" * 70)
        print(finding)
    return 1 if tally.findings else 0


if __name__ == "__main__":
    sys.exit(main())

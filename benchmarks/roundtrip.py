"""Read a Lawtext file and write it back: ``python benchmarks/roundtrip.py IN OUT``.

The whole-process benchmark runs this script side by side with the reference tool's CLI.
"""

from __future__ import annotations

import sys

from legaldocs.formats.lawtext import parse_lawtext, render_lawtext


def main(argv: list[str]) -> int:
    """Parse ``argv[0]`` and write it rendered to ``argv[1]``."""
    if len(argv) != 2:
        print("usage: python benchmarks/roundtrip.py IN OUT", file=sys.stderr)
        return 2
    source, target = argv
    with open(source, encoding="utf-8", newline="") as f:
        doc = parse_lawtext(f.read(), source=source)
    with open(target, "w", encoding="utf-8", newline="") as f:
        f.write(render_lawtext(doc))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

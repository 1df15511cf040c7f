"""``python -m legaldocs``: the command line."""

from legaldocs.cli import main

raise SystemExit(main())

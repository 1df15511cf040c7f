"""``python -m benchmarks``: run the suite (see ``--help``)."""

import sys

from benchmarks._suite import main

sys.exit(main())

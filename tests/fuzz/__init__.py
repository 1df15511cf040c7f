"""The fuzz campaign (issue 14): real files from ``../shared`` mutated line by line and byte
by byte, and hypothesis-drawn input, against every public parser, ``loads`` of every record
type in JSON, TOML and YAML, ``apply``/``diff``/``History``, the renderers and every command
of the command line.

Invariants: only library errors (:class:`~legaldocs.LegaldocsError`) escape; whatever
parses renders and parses back to the same document; every citation ``walk()`` yields
resolves to its element; HTML output holds no executable markup; a command fails with one
line on standard error and exit status 1.

A bounded slice runs with the tests (``tests/fuzz/test_fuzz.py``); the long run is::

    python -m tests.fuzz --minutes 30          # from the checkout; --seed N to repeat a run

It prints how many inputs it tried and every finding with the input that caused it.
"""

"""The legaldocs benchmark suite: ``python -m benchmarks`` (see ``--help``).

Benchmarks print numbers; they are not timed tests. Each one reports medians over several
runs and, where a target is a ratio, the baseline measured in the same run.
"""

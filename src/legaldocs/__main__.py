"""``python -m legaldocs``: the command line."""

from legaldocs.cli import program

program()

"""What the model loads on first use rather than at import: pendulum, and regular
expressions that only some readers use.

A program that converts a statute from one format to another touches no date and none of
the web-page patterns; importing pendulum (and the date parsers it brings) and compiling
those patterns at import would cost it an eighth of its run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

__all__ = ["pattern", "pendulum"]


class _Pendulum:
    """Stands for the ``pendulum`` module in a model module's globals: its attributes are
    pendulum's, imported on first access.

    Record fields annotated ``pendulum.Date`` (strings, under ``from __future__ import
    annotations``) resolve through it too: :func:`typing.get_type_hints`, which cattrs and
    the amendment index call, evaluates ``"pendulum.Date"`` against the module's globals and
    gets pendulum's own class.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        import pendulum as module

        return getattr(module, name)

    def __repr__(self) -> str:
        return "<pendulum, imported on first use>"


pendulum: Any = _Pendulum()
"""pendulum, imported when one of its attributes is first read."""


def pattern(regex: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that returns ``re.compile(regex, flags)``, compiled on its first call."""
    return functools.cache(lambda: re.compile(regex, flags))

"""The one exception type the core raises for bad input, shown to users as one line."""

from __future__ import annotations


class ReaderError(Exception):
    """A failure the user can act on: the message names what went wrong and which file."""

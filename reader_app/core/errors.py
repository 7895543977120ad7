"""The core's exceptions: ``ReaderError`` for bad input (shown to users as one line) and
``Cancelled`` for long work stopped by its caller. Must not import anything of the project."""

from __future__ import annotations


class ReaderError(Exception):
    """A failure the user can act on: the message names what went wrong and which file."""


class Cancelled(Exception):
    """Raised inside long work when the caller's cancel callback says stop."""

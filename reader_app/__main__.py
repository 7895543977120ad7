"""``python -m reader_app`` and the ``reader-app`` script: the same program."""

from __future__ import annotations

import sys

from reader_app.cli import program as main

if __name__ == "__main__":
    sys.exit(main())

"""Source Reader: compare reports of the same event side by side.

The package is layered: ``reader_app.core`` (no Qt) computes comparisons and owns the data;
``reader_app.ui`` renders them in a Qt window; ``reader_app.cli`` wires the command line.
"""

from __future__ import annotations

__version__ = "0.1.0"

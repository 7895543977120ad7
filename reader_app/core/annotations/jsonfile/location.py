"""Where the annotation file is: ``--annotations``, else ``$READER_APP_ANNOTATIONS``, else
the user data folder (``platformdirs``, imported only when that default is needed).

Light on purpose: the command line's parser names ``ENV_VARIABLE`` in its help, and building
the parser must not import the store. Must not import Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader-app"
FILE_NAME = "annotations.json"
ENV_VARIABLE = "READER_APP_ANNOTATIONS"


def default_path() -> Path:
    import platformdirs  # some milliseconds, spent only by those who use the default

    return Path(platformdirs.user_data_dir(APP_NAME)) / FILE_NAME


def resolve_path(option: str | os.PathLike[str] | None = None) -> Path:
    """The file to use: the option, else the environment variable, else the default.

    The variable set to the empty string counts as unset (the POSIX convention, and the XDG
    base directories'): ``READER_APP_ANNOTATIONS=`` clears it, and the window still starts
    with a stray empty one. (An empty ``--annotations ""`` is the parser's usage error: typed
    on the command line, it is a mistake to say.)"""
    chosen = option or os.environ.get(ENV_VARIABLE, "") or None
    return Path(chosen).expanduser() if chosen else default_path()

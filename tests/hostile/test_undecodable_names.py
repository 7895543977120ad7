"""A file whose name is not UTF-8 (bytes ``0xff 0xfe``: Python holds them as lone surrogates)
keeps every output valid UTF-8: JSON escapes them (``\\udcff``, so ``os.fsencode`` of the
path a script reads gives the file's name back), the text formats show them as
``\\udcff``. (Before: the surrogates were written raw, bytes no UTF-8 decoder takes, so
``json.loads`` of ``compare --format json`` failed.)"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hostile_helpers import assert_ok, run

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                reason="file names there are always Unicode")

TEXT = "The Kremlin said on Monday that the talks would resume within a week or two.\n"


@pytest.fixture
def odd_name(tmp_path: Path) -> Path:
    folder = os.fsencode(tmp_path)
    try:
        with open(folder + b"/report \xff\xfe.txt", "w", encoding="utf-8") as file:
            file.write(TEXT)
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    (tmp_path / "other.txt").write_text(TEXT, encoding="utf-8")
    return Path(os.fsdecode(folder + b"/report \xff\xfe.txt"))


def test_compare_json_is_utf8_and_keeps_the_name(odd_name: Path) -> None:
    result = run("compare", str(odd_name), str(odd_name.with_name("other.txt")),
                 "--format", "json")
    data = json.loads(assert_ok(result))
    assert os.fsencode(data["left"]["path"]).endswith(b"/report \xff\xfe.txt")


@pytest.mark.parametrize("command", [
    ("compare", "{doc}", "{other}", "--format", "text"),
    ("compare", "{doc}", "{other}", "--format", "html"),
    ("compare", "{doc}", "{other}", "--format", "ansi"),
    ("matrix", "{folder}"),
    ("matrix", "{folder}", "--format", "json"),
    ("passages", "{folder}", "--format", "json"),
], ids=("text", "html", "ansi", "matrix", "matrix-json", "passages-json"))
def test_every_output_is_utf8(odd_name: Path, command: tuple[str, ...]) -> None:
    names = {"doc": odd_name, "other": odd_name.with_name("other.txt"),
             "folder": odd_name.parent}
    result = run(*(part.format(**names) for part in command))
    assert result.returncode == 0, result.stderr
    output = result.stdout.decode("utf-8")  # strict: (the ansi format has its colours)
    assert "report \\udcff\\udcfe.txt" in output

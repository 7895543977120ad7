"""docs/interface.md in step with the program: every documented example runs on the bundled
seeds and exits as documented."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "interface.md"
EXAMPLE = re.compile(r"^\$ (reader-app .*?)\s+# exit (\d+)$")


def examples() -> list[tuple[str, int]]:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL)
    found = [(m.group(1), int(m.group(2))) for block in blocks for line in block.splitlines()
             if (m := EXAMPLE.match(line))]
    return found


def test_the_interface_has_examples() -> None:
    assert len(examples()) >= 10


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the seeds, shared by the examples in order (tags add, then tags list)."""
    folder = tmp_path_factory.mktemp("interface")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    return folder


@pytest.mark.parametrize(("command", "status"), examples(), ids=[c for c, _ in examples()])
def test_each_documented_example_exits_as_documented(command: str, status: int,
                                                     workdir: Path) -> None:
    arguments = shlex.split(command)[1:]
    env = dict(os.environ, READER_APP_ANNOTATIONS=str(workdir / "annotations.json"),
               QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "reader_app", *arguments], cwd=workdir,
                            env=env, capture_output=True, check=False, timeout=120)
    assert result.returncode == status, result.stderr.decode()
    if status == 1:
        assert result.stderr.decode().startswith("reader-app: error: ")

"""`reader-app quotes`: the quotes of a folder, as text and as the contract's JSON."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from conftest import SEED_FILES, SEEDS


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader_app", *args], capture_output=True,
                          text=True, encoding="utf-8", check=False, timeout=120, cwd=cwd)


def test_json_on_the_seeds_has_the_contract_shape() -> None:
    result = run("quotes", str(SEEDS), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["format"] == "reader-app.quotes/1"
    quotes = payload["quotes"]
    assert quotes
    counts = [len({v["path"] for v in q["variants"]}) for q in quotes]
    assert counts == sorted(counts, reverse=True)
    texts = {str(path.resolve()): path.read_text(encoding="utf-8") for path in SEED_FILES}
    for quote in quotes:
        assert isinstance(quote["text"], str) and quote["text"]
        assert quote["speaker"] is None or isinstance(quote["speaker"], str)
        assert quote["text"] in {v["text"] for v in quote["variants"]}
        for variant in quote["variants"]:
            assert set(variant) == {"path", "start", "end", "text", "speaker"}
            assert texts[variant["path"]][variant["start"] : variant["end"]] == variant["text"]
    idea = next(q for q in quotes if q["text"].startswith("The idea itself is correct"))
    assert idea["speaker"] == "Putin"
    assert {Path(v["path"]).name[:3] for v in idea["variants"]} == {"002", "003"}


def test_defaults_to_the_bundled_seeds_and_writes_a_file(tmp_path: Path) -> None:
    result = run("quotes", "-o", str(tmp_path / "quotes.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    shown = (tmp_path / "quotes.txt").read_text(encoding="utf-8")
    assert re.match(r"\d+ quotes in 5 documents, \d+ in 2 or more\n", shown)
    assert "\n1 document · Uskov · “In my opinion" in shown
    assert "2 documents · Putin · “The idea itself is correct" in shown
    assert "003_4eb9a3ba2242e641.txt" in shown


def test_a_missing_path_is_a_one_line_error() -> None:
    result = run("quotes", "/no/such/folder")
    assert result.returncode == 1
    assert result.stderr.startswith("reader-app: error: /no/such/folder")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_an_unwritable_output_is_an_error(tmp_path: Path) -> None:
    result = run("quotes", "-o", str(tmp_path / "no" / "such" / "dir" / "q.json"))
    assert result.returncode == 1
    assert result.stderr.startswith("reader-app: error: ")


def test_usage_errors_exit_2() -> None:
    result = run("quotes", "--format", "csv")
    assert result.returncode == 2


def test_an_empty_folder_has_no_quotes(tmp_path: Path) -> None:
    result = run("quotes", str(tmp_path), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"format": "reader-app.quotes/1", "quotes": []}


def test_quotes_stays_headless() -> None:
    code = (
        "import os, sys\n"
        "from reader_app.cli import main\n"
        "status = main(['quotes', '--format', 'json', '-o', os.devnull])\n"
        "assert status == 0, status\n"
        "assert 'reader_app.core.corpus.quotes' in sys.modules\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', "
        "'reader_app.core.annotations.jsonfile.store'))]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile = tmp_path / "a\x1b]0;pwned\x07.txt"
    hostile.write_text('"We will \x1b[2J win this \x9b31m war soon," Putin said.\n',
                       encoding="utf-8")
    shown = run("quotes", str(tmp_path))
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "\x9b" not in shown.stdout
    assert "a␛]0;pwned␇.txt" in shown.stdout and "␛[2J" in shown.stdout
    as_json = run("quotes", str(tmp_path), "--format", "json")
    assert "\x1b" not in as_json.stdout and "\x9b" not in as_json.stdout
    [quote] = json.loads(as_json.stdout)["quotes"]
    assert quote["text"] == "We will \x1b[2J win this \x9b31m war soon"
    assert quote["speaker"] == "Putin"

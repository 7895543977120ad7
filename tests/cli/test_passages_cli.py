"""`reader-app passages`: shared passages of a folder, as text and as the contract's JSON."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEEDS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader_app", *args], capture_output=True,
                          text=True, encoding="utf-8", check=False, timeout=120)


def test_json_lists_the_agency_copy_shared_by_000_and_001() -> None:
    result = run("passages", str(SEEDS), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["format"] == "reader-app.passages/1"
    passages = payload["passages"]
    counts = [(len({o["path"] for o in p["occurrences"]}), p["words"]) for p in passages]
    assert counts == sorted(counts, reverse=True)
    quote = next(p for p in passages if p["text"].startswith("We're talking to Russia"))
    assert quote["words"] >= 8
    for occurrence in quote["occurrences"]:
        text = open(occurrence["path"], encoding="utf-8").read()
        assert text[occurrence["start"]:occurrence["end"]] == quote["text"]
    assert {o["path"].rsplit("/", 1)[-1][:3] for o in quote["occurrences"]} == {"000", "001"}


def test_min_words_filters_and_bad_values_are_usage_errors() -> None:
    long_only = json.loads(run("passages", "--min-words", "20", "--format", "json").stdout)
    assert all(p["words"] >= 20 for p in long_only["passages"])
    assert long_only["passages"]
    result = run("passages", "--min-words", "0")
    assert result.returncode == 2
    assert "--min-words" in result.stderr


def test_text_output_names_the_documents() -> None:
    result = run("passages")
    assert result.returncode == 0
    assert result.stdout.startswith("7 passages of 8+ words in 2+ of 5 documents")
    assert "000_1b580a6550eb9092.txt, 001_7c9e3db63597865e.txt" in result.stdout


def test_a_file_named_twice_is_one_document_with_a_warning() -> None:
    seed = str(sorted(SEEDS.glob("000_*.txt"))[0])
    result = run("passages", seed, seed)
    assert result.returncode == 0
    assert result.stdout.startswith("0 passages of 8+ words in 2+ of 1 document\n")
    assert result.stderr == f"reader-app: warning: {seed}: named before, read once\n"


def test_a_missing_path_is_a_one_line_error() -> None:
    result = run("passages", "/no/such/folder")
    assert result.returncode == 1
    assert result.stderr.startswith("reader-app: error: /no/such/folder")
    assert "Traceback" not in result.stderr

import json
import subprocess
import sys
from pathlib import Path

from factcheck.extraction.__main__ import main

from .fixture_article import ARTICLE

ROOT = Path(__file__).resolve().parents[2]


def test_it_prints_a_readable_report(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main([str(f)]) == 0
    out = capsys.readouterr().out
    assert "Checks:" in out and "BROKEN" not in out and "NEEDS EVIDENCE" in out


def test_it_prints_one_json_document(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main(["--json", str(f)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["statements"] and d["quantities"] and d["relations"]


def test_it_processes_jsonl_in_order_with_ids(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    items = [{"id": f"x{i}", "text": f"Officials counted {i} buses."} for i in range(50)] + [{"id": 99, "text": ""}]
    src.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    assert main(["--jsonl", str(src), str(dst)]) == 0
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [i["id"] for i in items]
    assert rows[7]["quantities"][0]["value"] == 7
    assert rows[-1]["statements"] == []


def test_it_runs_as_a_module_reading_stdin():
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck.extraction", "--json", "-"],
        input=ARTICLE,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert json.loads(proc.stdout)["extractor_version"]


def test_it_writes_valid_json_lines_for_a_lone_surrogate(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": 1, "text": "\\ud800 Officials counted 5 buses."}\n', encoding="utf-8")
    assert main(["--jsonl", str(src), str(dst)]) == 0
    row = json.loads(dst.read_text(encoding="utf-8"))
    assert row["statements"][0]["text"].startswith("\ud800")

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


def test_jsonl_reports_each_bad_line_and_processes_the_rest(tmp_path, capsys):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [
        '{"id": "a", "text": "Officials counted 5 buses."}',
        "{not json",
        "[1, 2]",
        '{"id": "d"}',
        '{"id": "e", "text": 12}',
        '{"id": "f", "text": null}',
        '"just a string"',
        '{"id": "h", "text": "Then 7 trains."}',
        "[" * 100_000,
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--jsonl", str(src), str(dst)]) == 1
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(lines)  # one line out per line in, same order
    assert [r["id"] for r in rows] == ["a", None, None, "d", "e", "f", None, "h", None]
    assert rows[0]["quantities"][0]["value"] == 5 and rows[7]["quantities"][0]["value"] == 7
    errors = {r["line"]: r["error"] for r in rows if "error" in r}
    assert sorted(errors) == [2, 3, 4, 5, 6, 7, 9]
    assert "not valid JSON" in errors[2] and "not valid JSON" in errors[9]
    assert "not a JSON object" in errors[3] and "not a JSON object" in errors[7]
    assert errors[4] == 'no "text"' and errors[6] == 'no "text"'
    assert '"text" is not a string' in errors[5]
    err = capsys.readouterr().err
    for line_no in (2, 3, 4, 5, 6, 7, 9):
        assert f"{src}:{line_no}: " in err
    assert "7 bad line(s)" in err


def test_jsonl_reports_bytes_that_are_not_utf8_and_goes_on(tmp_path, capsys):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    good = b'{"id": 1, "text": "Officials counted 5 buses."}\n'
    encoded_surrogate = b'{"id": 2, "text": "\xed\xa0\x80 lone surrogate as bytes"}\n'
    latin1 = b'{"id": 3, "text": "caf\xe9"}\n'
    src.write_bytes(good + encoded_surrogate + latin1 + good)
    assert main(["--jsonl", str(src), str(dst)]) == 1
    rows = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert [r.get("error") for r in rows] == [None, "not valid UTF-8", "not valid UTF-8", None]
    assert [r["line"] for r in rows if "error" in r] == [2, 3]
    assert rows[3]["quantities"][0]["value"] == 5
    err = capsys.readouterr().err
    assert f"{src}:2: not valid UTF-8" in err and f"{src}:3: not valid UTF-8" in err


def test_jsonl_warns_about_an_escaped_lone_surrogate_but_processes_it(tmp_path, capsys):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": 1, "text": "\\udc80 Officials counted 5 buses."}\n', encoding="utf-8")
    assert main(["--jsonl", str(src), str(dst)]) == 0
    assert json.loads(dst.read_text(encoding="utf-8"))["quantities"][0]["value"] == 5
    assert f"{src}:1: warning" in capsys.readouterr().err


def test_jsonl_from_stdin_to_stdout_reports_bad_lines_with_exit_code_1():
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck.extraction", "--jsonl", "-", "-"],
        input='{"id": 1, "text": "5 buses."}\nnope\n{"id": 3, "text": "6 trams."}\n',
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in rows] == [1, None, 3] and rows[1]["line"] == 2
    assert "-:2: not valid JSON" in proc.stderr

"""Readers for the shared data sets (used by train, evaluate and bench; never by extract())."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"


def data_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("FACTCHECK_DATA_DIR") or DEFAULT_DATA_DIR)


def claimbuster(path: Path) -> list[dict]:
    """Rows of a ClaimBuster CSV with label 1 = CFS (check-worthy factual sentence), 0 = UFS or NFS."""
    with open(path, newline="", encoding="utf-8") as f:
        return [
            {"id": r["Sentence_id"], "text": r["Text"], "debate": r["File_id"], "label": int(r["Verdict"] == "1")}
            for r in csv.DictReader(f)
        ]


def claimbuster_agreed(path: Path) -> dict[str, int]:
    """{sentence id: label} of a ClaimBuster stricter-agreement subset (2xNCS.json, 2.5xNCS.json,
    3xNCS.json): label 1 = CFS, 0 = not check-worthy. Its ids are rows of crowdsourced.csv or groundtruth.csv."""
    with open(path, encoding="utf-8") as f:
        return {str(r["sentence_id"]): int(r["label"]) for r in json.load(f)}


def ct24(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{"id": r["Sentence_id"], "text": r["Text"], "label": int(r["class_label"] == "Yes")} for r in rows]


def ct21_tweets(folder: Path) -> list[dict]:
    """CheckThat! 2021 task 1a English tweets (train + dev files), label 1 = check-worthy."""
    out = []
    for name in ("dataset_train_v1_english.tsv", "dataset_dev_v1_english.tsv"):
        with open(folder / name, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                label = r.get("check_worthiness", r.get("claim_worthiness"))
                out.append({"id": r["tweet_id"], "text": r["tweet_text"], "label": int(label == "1")})
    return out


def clef_debates(folder: Path) -> dict[str, list[tuple[str, int]]]:
    """{file name: [(line text, label)]} for every .tsv under folder."""
    out = {}
    for path in sorted(folder.rglob("*.tsv")):
        lines = []
        with open(path, encoding="utf-8") as f:
            for raw in f:
                parts = raw.rstrip("\n").split("\t")
                if len(parts) < 4:
                    continue
                try:
                    label = int(parts[-1])
                except ValueError:
                    continue
                lines.append(("\t".join(parts[2:-1]), label))
        out[str(path.relative_to(folder))] = lines
    return out


def quantemp(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="@")
        next(rows)
        return [r[0].strip().strip('"').strip() for r in rows if r]


def averitec(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def liar(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        col = header.index("statement") if "statement" in header else 2
        return [r[col] for r in rows if len(r) > col]


def bbc(path: Path) -> list[dict]:
    """BBC articles as {id, text}, with the title as the first line, as they would be pasted."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            out.append({"id": a["id"], "text": a["title"] + "\n\n" + a["text"]})
    return out

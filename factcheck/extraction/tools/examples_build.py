"""Build factcheck/extraction/examples.npz (the nearest known examples shown with the reasons).

    python -m factcheck.extraction.tools.examples_build [--data-dir ../shared/data] [--out PATH]

Offline tooling, never run by extract(). Deterministic: the same data gives the same bytes.
See examples.py for what the file holds and its credit.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import zipfile

import numpy as np

from ..examples import CREDIT, EXAMPLES_PATH, MAX_CHARS, MIN_CHARS
from ..features import default_embedding
from . import data


def select(root) -> list[dict]:
    """The shipped subset, in a fixed order (sha256 of the sentence id)."""
    crowd = {r["id"]: r for r in data.claimbuster(root / "claimbuster" / "crowdsourced.csv")}
    # a sentence that is also, word for word, in groundtruth.csv (an untouched evaluation set) is left out
    untouched = {
        " ".join(r["text"].split()).lower() for r in data.claimbuster(root / "claimbuster" / "groundtruth.csv")
    }
    with open(root / "claimbuster" / "2xNCS.json", encoding="utf-8") as f:
        strict = json.load(f)
    rows, seen = [], set()
    for r in sorted(strict, key=lambda r: hashlib.sha256(str(r["sentence_id"]).encode()).hexdigest()):
        row = crowd.get(str(r["sentence_id"]))
        # only the training debates; the crowdsourced label must agree with the stricter one
        if row is None or row["label"] != int(r["label"]):
            continue
        text = " ".join(row["text"].split())
        key = text.lower()
        if not (MIN_CHARS <= len(text) <= MAX_CHARS) or key in seen or key in untouched:
            continue
        seen.add(key)
        rows.append({"id": int(row["id"]), "text": text, "label": row["label"]})
    return rows


def build(rows: list[dict]) -> bytes:
    emb = default_embedding()
    vecs = np.stack([emb.vector(r["text"]) for r in rows]).astype(np.float32)
    scale = np.abs(vecs).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(vecs / scale[:, None]).astype(np.int8)
    buf = io.BytesIO()
    np.savez_compressed(
        buf,
        credit=np.str_(CREDIT),
        ids=np.array([r["id"] for r in rows], dtype=np.int32),
        label=np.array([r["label"] for r in rows], dtype=np.int8),
        vectors=q,
        scale=scale.astype(np.float32),
    )
    # the credit also as the archive's comment, so `unzip -z examples.npz` shows it
    out = io.BytesIO(buf.getvalue())
    with zipfile.ZipFile(out, "a") as zf:
        zf.comment = CREDIT.encode("utf-8")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m factcheck.extraction.tools.examples_build", description=__doc__)
    ap.add_argument("--data-dir")
    ap.add_argument("--out", default=EXAMPLES_PATH)
    args = ap.parse_args(argv)
    rows = select(data.data_dir(args.data_dir))
    blob = build(rows)
    with open(args.out, "wb") as f:
        f.write(blob)
    n_pos = sum(r["label"] for r in rows)
    print(f"wrote {args.out}: {len(rows)} examples ({n_pos} check-worthy), {len(blob):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

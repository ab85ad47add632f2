"""The shipped nearest-examples file: small, credited, ClaimBuster training sentences only."""

import os
import zipfile
from pathlib import Path

import numpy as np
import pytest

from factcheck.extraction import data
from factcheck.extraction import examples as E
from factcheck.extraction import examples_build as B

ROOT = data.data_dir(None)
needs_data = pytest.mark.skipif(
    not (ROOT / "claimbuster" / "2xNCS.json").exists(), reason="needs ../shared/data/claimbuster"
)


def test_it_ships_a_small_credited_file():
    assert os.path.getsize(E.EXAMPLES_PATH) <= 2 * 1024 * 1024
    with zipfile.ZipFile(E.EXAMPLES_PATH) as zf:
        assert "ClaimBuster" in zf.comment.decode() and "CC BY 4.0" in zf.comment.decode()
    with np.load(E.EXAMPLES_PATH, allow_pickle=False) as z:
        assert "Arslan" in str(z["credit"])
        assert set(np.unique(z["label"]).tolist()) == {0, 1}


def test_it_finds_the_nearest_example_of_each_label():
    ex = E.NearestExamples()
    some = ex.vectors[3]
    (l1, _, s1), (l0, _, s0) = ex.nearest(some)
    assert (l1, l0) == (1, 0)
    assert max(s1, s0) == pytest.approx(1.0, abs=1e-5)
    assert ex.nearest(np.zeros_like(some)) == []


@needs_data
def test_no_example_comes_from_the_untouched_groundtruth_set():
    gt = {" ".join(r["text"].split()).lower() for r in data.claimbuster(ROOT / "claimbuster" / "groundtruth.csv")}
    crowd = {r["id"]: r["label"] for r in data.claimbuster(ROOT / "claimbuster" / "crowdsourced.csv")}
    with np.load(E.EXAMPLES_PATH, allow_pickle=False) as z:
        ids, labels = z["ids"].tolist(), z["label"].tolist()
    assert all(crowd[str(i)] == lab for i, lab in zip(ids, labels, strict=True))
    ex = E.NearestExamples()
    assert not {ex.text(i).lower() for i in range(len(ex))} & gt


@needs_data
def test_rebuilding_gives_the_shipped_file(tmp_path):
    out = tmp_path / "examples.npz"
    assert B.main(["--out", str(out)]) == 0
    assert out.read_bytes() == Path(E.EXAMPLES_PATH).read_bytes()

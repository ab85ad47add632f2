"""The shipped nearest-examples file: small, credited, vectors of ClaimBuster training sentences only, no text."""

import os
import zipfile

import numpy as np
import pytest

from factcheck.extraction import examples as E
from factcheck.extraction.tools import data
from factcheck.extraction.tools import examples_build as B

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
        # ids, labels and vectors: no sentence of the dataset is redistributed
        assert sorted(z.files) == ["credit", "ids", "label", "scale", "vectors"]
        assert z["vectors"].dtype == np.int8


def test_it_finds_the_nearest_examples_most_similar_first():
    ex = E.NearestExamples()
    some = ex.vectors[3]
    found = ex.nearest(some)
    assert len(found) == E.K
    assert found[0][0] == int(ex.ids[3]) and found[0][2] == pytest.approx(1.0, abs=1e-5)
    sims = [sim for _, _, sim in found]
    assert sims == sorted(sims, reverse=True)
    assert {label for _, label, _ in found} <= {0, 1}
    assert ex.nearest(np.zeros_like(some)) == []


@needs_data
def test_no_example_comes_from_the_untouched_groundtruth_set():
    gt = {" ".join(r["text"].split()).lower() for r in data.claimbuster(ROOT / "claimbuster" / "groundtruth.csv")}
    crowd = {r["id"]: r["label"] for r in data.claimbuster(ROOT / "claimbuster" / "crowdsourced.csv")}
    texts = {
        r["id"]: " ".join(r["text"].split()).lower()
        for r in data.claimbuster(ROOT / "claimbuster" / "crowdsourced.csv")
    }
    with np.load(E.EXAMPLES_PATH, allow_pickle=False) as z:
        ids, labels = z["ids"].tolist(), z["label"].tolist()
    assert all(crowd[str(i)] == lab for i, lab in zip(ids, labels, strict=True))
    assert not {texts[str(i)] for i in ids} & gt


@needs_data
def test_rebuilding_gives_the_shipped_file(tmp_path):
    """The same file up to float rounding. The embedding's float32 sums may differ in their last bits from one
    CPU's vector instructions to another's (seen: scales 3.5e-10 apart on an AVX-512 machine), so the
    float32 scales are compared to 1e-6 and the int8 vectors may differ by one step in a rare entry that
    sat on a rounding boundary; ids, labels and the credit must be identical."""
    out = tmp_path / "examples.npz"
    assert B.main(["--out", str(out)]) == 0
    with np.load(out, allow_pickle=False) as new, np.load(E.EXAMPLES_PATH, allow_pickle=False) as shipped:
        assert sorted(new.files) == sorted(shipped.files)
        for key in set(new.files) - {"scale", "vectors"}:  # ids, labels, credit, and any key added later
            assert np.array_equal(new[key], shipped[key]), key
        np.testing.assert_allclose(new["scale"], shipped["scale"], rtol=1e-6)
        steps = np.abs(new["vectors"].astype(np.int16) - shipped["vectors"].astype(np.int16))
        assert steps.max() <= 1 and np.count_nonzero(steps) <= steps.size // 10_000


def test_many_at_once_gives_each_ones_nearest_exactly():
    """nearest_many's shortcut (candidates above a lower bound of the k-th product, re-ranked exactly) gives
    nearest()'s lists: on examples' own vectors (exact duplicates, so ties at the top), on blends of two
    examples, on random directions, and on a zero vector."""
    ex = E.NearestExamples()
    rng = np.random.default_rng(7)
    rows = rng.choice(len(ex), 40, replace=False)
    own = [ex.vectors[i] for i in rows]
    blends = [ex.vectors[a] + ex.vectors[b] for a, b in rng.choice(len(ex), (40, 2))]
    random = [v / np.linalg.norm(v) for v in rng.standard_normal((40, ex.vectors.shape[1])).astype(np.float32)]
    vectors = own + blends + random + [np.zeros_like(own[0])]
    assert ex.nearest_many(vectors) == [ex.nearest(v) for v in vectors]
    assert ex.nearest_many(vectors, k=1) == [ex.nearest(v, 1) for v in vectors]


def test_the_shortcut_finds_what_comparing_with_every_example_finds():
    """The candidates of the matrix product never miss a nearest example: the same lists as ranking every
    example by its own product (the same row-by-row einsum), most similar first, ties by row."""
    ex = E.NearestExamples()
    rng = np.random.default_rng(11)
    vectors = [ex.vectors[i] for i in rng.choice(len(ex), 30, replace=False)]
    vectors += list(rng.standard_normal((30, 256)).astype(np.float32))  # a statement's 256 dimensions
    for v in vectors:
        x = E._queries([v])[0]
        sims = np.einsum("ij,ij->i", np.broadcast_to(x, ex.vectors.shape), ex.vectors)
        rows = np.lexsort((np.arange(len(ex)), -sims))[: E.K]
        assert ex.nearest(v) == [(int(ex.ids[r]), int(ex.labels[r]), float(sims[r])) for r in rows]
    assert ex.nearest(np.full(256, np.nan, dtype=np.float32)) == []


def test_the_bound_is_never_above_the_kth_largest():
    rng = np.random.default_rng(3)
    approx = rng.standard_normal((200, 3704)).astype(np.float32)
    approx[:5, :] = 0.5  # all equal
    approx[5, ::7] = 9.0  # the largest values bunched in a few blocks
    for k in (1, 3, 10):
        kth = np.sort(approx, axis=1)[:, -k]
        assert (E._kth_lower_bound(approx, k) <= kth).all()

"""The stricter-agreement subset weights crowdsourced rows only: none of its groundtruth.csv ids (an
untouched test set) reaches training, and the shipped model says what it was trained on."""

import numpy as np
import pytest

from factcheck.extraction.checkworthiness import MODEL_PATH
from factcheck.extraction.tools import data
from factcheck.extraction.tools import train as T

FOLDER = data.data_dir(None) / "claimbuster"
needs_data = pytest.mark.skipif(not (FOLDER / T.AGREED_FILE).exists(), reason="needs ../shared/data/claimbuster")


@needs_data
def test_it_keeps_groundtruth_ids_out_of_training():
    rows = data.claimbuster(FOLDER / "crowdsourced.csv")
    groundtruth = {r["id"] for r in data.claimbuster(FOLDER / "groundtruth.csv")}
    agreed = data.claimbuster_agreed(FOLDER / T.AGREED_FILE)
    assert set(agreed) & groundtruth, "the subset names groundtruth rows: the exclusion below is exercised"
    used = T.agreed_crowdsourced_ids(agreed, rows)
    assert not used & groundtruth
    assert used <= {r["id"] for r in rows}
    assert len(used) + len(set(agreed) & groundtruth) == len(agreed)


@needs_data
def test_it_weights_only_rows_outside_the_subset():
    rows = data.claimbuster(FOLDER / "crowdsourced.csv")[:50]
    agreed_ids = frozenset(r["id"] for r in rows[::2])
    w = T.row_weights(np.array([r["id"] in agreed_ids for r in rows]), 0.5)
    assert np.array_equal(w, np.where(np.arange(50) % 2 == 0, 1.0, 0.5))


def test_it_says_what_the_shipped_model_was_trained_on():
    with np.load(MODEL_PATH, allow_pickle=False) as z:
        trained_on, other = str(z["trained_on"]), float(z["other_weight"])
    assert "claimbuster/crowdsourced.csv" in trained_on and T.AGREED_FILE in trained_on
    assert "groundtruth.csv's) not used" in trained_on
    assert f"weighted {other:g}" in trained_on

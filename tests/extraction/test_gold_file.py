"""The numeric dev gold may hold ids, hashes, offsets, numbers and labels only: never article text."""

import json
import re
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "factcheck" / "extraction" / "tools" / "gold" / "bbc_numeric.json"
KINDS = {"count", "money", "percent", "duration", "rank", "other"}
RELATIONS = {"sum", "difference", "part_of", "percentage", "change", "ratio", "comparison", "record"}


def test_it_stores_only_offsets_and_labels():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(gold["articles"]) >= 25
    for art in gold["articles"]:
        assert set(art) == {"id", "sha256", "quantities", "relations", "perturbations"}
        assert re.fullmatch(r"[a-z]+/\d{3}\.txt", art["id"]) and int(art["id"][-7:-4]) % 2 == 0  # dev portion
        for start, end, value, kind in art["quantities"]:
            assert 0 <= start < end and isinstance(value, int | float) and kind in KINDS
        for rel in art["relations"]:
            assert rel["kind"] in RELATIONS and rel["holds"] in (True, False, None, "approximately")
            assert all(0 <= s < e for s, e in rel["spans"])
        for p in art["perturbations"]:
            assert re.fullmatch(r"[£$€]?[\d.,]+(?:m|bn)?%?", p["new"]), p["new"]
            assert 0 <= p["relation"] < len(art["relations"])

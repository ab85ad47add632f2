"""The relations gold of issue 12 holds ids, hashes, offsets, numbers and labels only (never article
text), and its split follows the rule written in gold/RELATIONS_GOLD.md."""

import json
import re
from pathlib import Path

from factcheck.extraction.tools.gold_eval import parse, part_of, perturb

GOLD = Path(__file__).resolve().parents[2] / "factcheck" / "extraction" / "tools" / "gold" / "bbc_relations.json"
KINDS = {"count", "money", "percent", "duration", "rank", "other"}
RELATIONS = {"sum", "difference", "part_of", "percentage", "change", "ratio", "comparison", "record", "restatement"}


def test_it_stores_only_offsets_and_labels():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    ids = [a["id"] for a in gold["articles"]]
    assert len(ids) == len(set(ids))
    for art in gold["articles"]:
        assert set(art) == {"id", "sha256", "part", "round", "quantities", "relations", "perturbations"}
        # business/politics; round 11 also drew tech/entertainment (RELATIONS_GOLD.md), always tuning
        cats = "business|politics" + ("|tech|entertainment" if art["round"] >= 11 else "")
        assert re.fullmatch(rf"({cats})/\d{{3}}\.txt", art["id"]) and int(art["id"][-7:-4]) % 2 == 0
        assert art["part"] == part_of(art["id"])
        for start, end, value, kind in art["quantities"]:
            assert 0 <= start < end and isinstance(value, int | float) and kind in KINDS
        for rel in art["relations"]:
            assert rel["kind"] in RELATIONS and rel["holds"] in (True, False, None, "approximately")
            assert all(0 <= s < e for s, e in rel["spans"]) and isinstance(rel["cross_sentence"], bool)
        for p in art["perturbations"]:
            assert re.fullmatch(r"[\d.,]+", p["new"]), p["new"]
            assert 0 <= p["relation"] < len(art["relations"])


def test_the_split_rule_is_fixed():
    assert part_of("business/018.txt") == "tuning"
    assert {part_of(f"tech/{n:03d}.txt") for n in range(0, 40, 2)} == {"tuning"}
    assert {part_of(f"business/{n:03d}.txt") for n in range(0, 40, 2)} == {"tuning", "test"}


def test_a_perturbation_breaks_the_relation_beyond_rounding():
    text = "Sales rose from £75m to £84m, up 12%."
    spans = [(text.index("£75m"), text.index("£75m") + 4), (text.index("£84m"), text.index("£84m") + 4)]
    spans.append((text.index("12%"), text.index("12%") + 3))
    p = perturb(text, spans, [75e6, 84e6, 12], "change")
    assert p["span"] == 2 and p["new"] == "18"
    # a direction (two figures): the second is moved to the other side of the first
    p = perturb(text, spans[:2], [75e6, 84e6], "change")
    assert text[p["start"] : p["end"]] == "84" and float(p["new"]) < 75
    # a number word becomes digits
    t2 = "Five of the eight men"
    p = perturb(t2, [(0, 4), (12, 21)], [5, 8], "part_of")
    assert t2[p["start"] : p["end"]] == "Five" and int(p["new"]) > 8


def test_annotation_lines_parse():
    lines = ["= business/018.txt", "-q 5 6", "+q 10 20 3 count", "~q 2 7", "r sum 1 a0 0 T", "r record 3 N"]
    arts = parse([*lines, "@round 2", "= business/020.txt"])
    assert arts["business/018.txt"]["round"] == 1 and arts["business/020.txt"]["round"] == 2
    a = arts["business/018.txt"]
    assert a["drop"] == {5, 6} and a["add"] == [[10, 20, 3.0, "count"]] and a["fix"] == {2: 7.0}
    assert a["rels"] == [("sum", ["1", "a0", "0"], True), ("record", ["3"], None)]

"""The corpus of articles this project wrote itself (tools/written.py, tools/gold/written/) and its score table."""

import pytest

from factcheck.extraction.tools import written
from factcheck.extraction.tools.written_score import score


def test_the_corpus_parses_and_is_split_in_two():
    arts = written.load()
    assert len(arts) >= 150
    assert sum(len(a["relations"]) for a in arts) >= 450
    parts = [written.part(a["id"]) for a in arts]
    assert 0.4 <= parts.count("test") / len(parts) <= 0.6
    for a in arts:
        assert "⟦" not in a["text"] and "⟧" not in a["text"]
        for rel in a["relations"]:
            assert rel["kind"] in written.KINDS and len(rel["spans"]) >= 2
            assert all(0 <= s < e <= len(a["text"]) for s, e in rel["spans"])


def test_the_split_is_fixed_by_the_id():
    assert written.part("w1-001") == written.part("w1-001")
    assert {written.part(f"w9-{i:03d}") for i in range(40)} == {"tuning", "test"}


SAMPLE = """=== t-001 | business
Ferry fares rise to ⟦a|£48⟧

A return crossing will cost ⟦b|£48⟧ from May, up from ⟦c|£40⟧, the operator said.
---
r change c b T
=== t-002 | business
The port handled 6.2 million tonnes in 2025.
---
"""


def test_a_marked_article_gives_its_text_spans_and_relations():
    arts = written.parse(SAMPLE, "sample")
    assert [a["id"] for a in arts] == ["t-001", "t-002"]
    first = arts[0]
    s, e = first["spans"]["c"]
    assert first["text"][s:e] == "£40"
    assert first["relations"] == [
        {"kind": "change", "labels": ["c", "b"], "spans": [first["spans"]["c"], first["spans"]["b"]], "holds": True}
    ]
    assert arts[1]["relations"] == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("=== x | b\nA ⟦a|£4⟧ and ⟦a|£5⟧.\n---\n", "used twice"),
        ("=== x | b\nA ⟦a|£4 and more.\n---\n", "not closed"),
        ("=== x | b\nA ⟦a|£4⟧.\n---\nr change a z T\n", "unmarked labels"),
        ("=== x | b\nA ⟦a|£4⟧.\n---\nr growth a a T\n", "unknown kind"),
        ("=== x | b\nA ⟦a|£4⟧.\n", "no '---'"),
    ],
)
def test_a_malformed_file_says_what_is_wrong(source, message):
    with pytest.raises(written.WrittenError, match=message):
        written.parse(source, "bad")


def test_the_score_counts_a_found_change_and_a_control():
    sc = score(written.parse(SAMPLE, "sample"))
    assert sc["articles"] == 2 and sc["controls"] == 1
    assert sc["gold"] == 1 and sc["hit"] == 1 and sc["pred_ok"] == sc["pred"] >= 1
    assert sc["pert"] == [1, 1]  # £40 -> a rise to £48 breaks when one figure moves the wrong way
    assert sc["alarms"] == 0

import json

import pytest

from factcheck.extraction import EXTRACTOR_VERSION, extract

from .fixture_article import ARTICLE, PERTURBED


@pytest.fixture(scope="module")
def ex():
    return extract(ARTICLE)


def _q(ex, text, value):
    return next(q for q in ex.quantities if q.text == text and q.value == value)


def _statement(ex, words):
    return next(s for s in ex.statements if words in s.text)


def test_it_reports_the_version(ex):
    assert ex.extractor_version.startswith(EXTRACTOR_VERSION)


def test_it_finds_the_record_with_its_baseline(ex):
    record = _q(ex, "550 drones and missiles", 550)
    baseline = _q(ex, "537", 537)
    assert record.qualifier == "record"
    comparison = next(r for r in ex.relations if r.kind == "comparison" and r.result == baseline.id)
    assert comparison.holds is True
    rec = next(r for r in ex.relations if r.kind == "record")
    assert rec.operands == [record.id] and rec.result == baseline.id
    assert rec.holds is None
    assert "outside evidence" in rec.explanation


def test_it_finds_72_as_part_of_550(ex):
    part = _q(ex, "72", 72)
    whole = _q(ex, "550 drones", 550)
    rel = next(r for r in ex.relations if r.kind == "part_of")
    assert (rel.operands, rel.result, rel.holds) == ([part.id], whole.id, True)
    assert part.unit == "drones"


def test_it_checks_the_over_63_plus_nine_sum_against_72_with_the_qualifier(ex):
    over = _q(ex, "63 drones", 63)
    nine = _q(ex, "nine missiles", 9)
    seventy_two = _q(ex, "72", 72)
    rel = next(r for r in ex.relations if r.kind == "sum")
    assert (rel.operands, rel.result) == ([over.id, nine.id], seventy_two.id)
    assert over.qualifier == "over" and over.low == 63 and over.low_inclusive is False
    assert rel.holds == "approximately"
    assert "at least 73" in rel.explanation and "at least 72" in rel.explanation
    assert "missiles" in rel.explanation and "“drones”" in rel.explanation
    assert sorted(rel.statement_ids) == sorted({over.statement, seventy_two.statement})


def test_it_flags_the_perturbed_copy_as_broken():
    ex = extract(PERTURBED)
    rel = next(r for r in ex.relations if r.kind == "sum")
    assert rel.holds is False
    assert "at least 76" in rel.explanation


def test_it_reads_more_than_eight_hours(ex):
    q = _q(ex, "eight hours", 8)
    assert (q.kind, q.unit, q.qualifier, q.low, q.high, q.low_inclusive) == (
        "duration",
        "hours",
        "more than",
        8,
        None,
        False,
    )


def test_it_does_not_make_one_of_its_deadliest_a_count(ex):
    # issue 12 (product decision): "one of its deadliest" is a rank among the top, with no number; any other
    # quantity starting with "one" would be the pronoun read as a count
    ones = [q for q in ex.quantities if q.text.lower().startswith("one")]
    assert [(q.text, q.kind, q.unit) for q in ones] == [("one of its deadliest", "rank", "among the top")]


def test_it_splits_the_while_clause(ex):
    first = _statement(ex, "over 63 drones")
    second = _statement(ex, "falling debris")
    assert first.index + 1 == second.index
    assert "debris" not in first.text


def test_it_attributes_the_quotes(ex):
    zelensky = _statement(ex, "condemned the assault")
    assert (zelensky.speaker.name, zelensky.speaker.title) == ("Volodymyr Zelensky", "Ukrainian President")
    assert "quote" in zelensky.types
    trump = _statement(ex, "That call left me")
    assert trump.speaker.name == "Trump"
    carried = _statement(ex, "wants to stop")
    assert carried.speaker.name == "Trump"
    peskov = _statement(ex, "special military operation")
    assert (peskov.speaker.name, peskov.speaker.title) == ("Dmitry Peskov", "Kremlin spokesman")
    first = _statement(ex, "Russia sent a record 550 drones")
    assert first.speaker.name == "the Ukrainian Air Force"
    assert first.text.startswith("Russia sent") and "KYIV" not in first.text  # the dateline is left out
    assert _statement(ex, "Sirens sounded").speaker.name == "the air force"


def test_it_scores_the_call_for_sanctions_below_the_numeric_claims(ex):
    sanctions = _statement(ex, "tougher sanctions")
    for words in ("a record 550", "72 of the 550", "over 63 drones", "more than eight hours"):
        assert _statement(ex, words).checkworthiness > sanctions.checkworthiness
    assert _statement(ex, "72 of the 550").checkworthy


def test_it_gives_reasons_with_weights(ex):
    st = _statement(ex, "72 of the 550")
    labels = [label for label, _ in st.reasons]
    assert "has a specific number" in labels
    assert all(isinstance(w, float) for _, w in st.reasons)


def test_it_matches_the_json_contract(ex):
    d = json.loads(json.dumps(ex.to_dict()))
    assert set(d) >= {"extractor_version", "statements", "quantities", "relations"}
    st = d["statements"][0]
    assert set(st) >= {
        "start",
        "end",
        "text",
        "types",
        "checkworthiness",
        "checkworthy",
        "reasons",
        "speaker",
        "quantity_ids",
        "index",
    }
    q = d["quantities"][0]
    assert set(q) >= {"id", "start", "end", "text", "value", "unit", "kind", "qualifier", "low", "high"}
    r = d["relations"][0]
    assert set(r) >= {"kind", "operands", "result", "holds", "explanation", "statement_ids"}
    for s in d["statements"]:
        assert ARTICLE[s["start"] : s["end"]] == s["text"]
    for q in d["quantities"]:
        assert ARTICLE[q["start"] : q["end"]] == q["text"]


def _progress_calls(text):
    calls = []
    extract(text, on_progress=lambda done, total: calls.append((done, total)))
    return calls


def _assert_progress_contract(calls, text):
    total = 3 * len(text)
    assert calls and all(t == total for _, t in calls)  # total is constant: characters of three passes
    dones = [d for d, _ in calls]
    assert dones == sorted(dones) and all(0 <= d <= total for d in dones)
    assert calls[-1] == (total, total)


def test_it_reports_progress_in_characters_through_every_pass():
    calls = _progress_calls(ARTICLE)
    _assert_progress_contract(calls, ARTICLE)
    n = len(ARTICLE)
    dones = [d for d, _ in calls]
    assert any(0 < d < n for d in dones)  # sentences pass
    assert any(n < d < 2 * n for d in dones)  # scoring pass
    assert any(2 * n < d < 3 * n for d in dones)  # relations pass


def test_it_gives_heartbeats_inside_one_long_paragraph():
    sentence = "The council said it spent £4.5m on 72 of the 550 new buses, up from 537 last year. "
    text = (sentence * (50_000 // len(sentence) + 1))[:50_000]
    assert "\n" not in text
    calls = _progress_calls(text)
    _assert_progress_contract(calls, text)
    before_end = [d for d, _ in calls if d < 3 * len(text)]
    assert len(before_end) >= 10
    assert len([d for d in before_end if d <= len(text)]) >= 10  # within the one paragraph's sentences


def test_it_reports_progress_once_for_an_empty_text():
    assert _progress_calls("") == [(0, 0)]


def test_it_lets_a_newsroom_move_the_threshold(ex):
    strict = extract(ARTICLE, threshold=0.99)
    lenient = extract(ARTICLE, threshold=0.0)
    assert not any(s.checkworthy for s in strict.statements)
    assert all(s.checkworthy for s in lenient.statements)
    assert [s.checkworthiness for s in strict.statements] == [s.checkworthiness for s in ex.statements]


def test_it_pauses_the_garbage_collector_only_during_a_long_text_and_restores_it():
    import gc

    states = []
    long_text = "Officials counted 5 buses. " * 1000
    extract(long_text, on_progress=lambda d, t: states.append(gc.isenabled()))
    assert gc.isenabled() and states and not any(states)
    extract(ARTICLE, on_progress=lambda d, t: states.append(gc.isenabled()))
    assert gc.isenabled() and states[-1]
    gc.disable()
    try:
        extract(long_text)
        assert not gc.isenabled()  # a caller's choice is left alone
    finally:
        gc.enable()

from factcheck.extraction import statements


def _split(text, quotes=()):
    return [text[s:e] for s, e in statements.split(text, 0, len(text), list(quotes))]


def test_it_splits_independent_claims_joined_by_while():
    text = "Rockets hit targets in four towns, while debris from them fell in 20 villages."
    assert _split(text) == ["Rockets hit targets in four towns", "debris from them fell in 20 villages."]


def test_it_splits_at_a_semicolon():
    assert _split("Exports rose by 4% last year; imports fell by 2% over the year.") == [
        "Exports rose by 4% last year",
        "imports fell by 2% over the year.",
    ]


def test_it_keeps_short_clauses_together():
    text = "Prices rose, while wages fell."
    assert _split(text) == [text]


def test_it_does_not_split_inside_a_quote():
    text = "“We lost four games, while they won all their games,” the coach said."
    assert _split(text, [(0, text.index("”") + 1)]) == [text]

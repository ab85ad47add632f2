import pytest

from factcheck.extraction import extract, statements


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


@pytest.mark.parametrize(
    "opening, rest",
    [
        ("KYIV, July 4: ", "In one of its heaviest attacks, Russia sent 550 drones and missiles."),
        ("WASHINGTON — ", "The Senate voted 52 to 48 on Tuesday to pass the bill."),
        ("NEW YORK, March 3 (AP) — ", "Shares fell sharply on Monday after the jobs report."),
        ("Kyiv (Reuters) - ", "Russia launched a record number of drones overnight."),
        ("LONDON, 4 July 2025 - ", "Inflation rose to 3.6% in June, the statistics office said."),
    ],
)
def test_a_dateline_is_left_out_of_the_statement(opening, rest):
    text = f"Drones hit the capital again\n\n{opening}{rest}\n\nMore follows later in the day, officials said.\n"
    ex = extract(text)
    first = ex.statements[1]
    assert first.text == rest
    assert text[first.start : first.end] == rest
    assert all(q.start >= first.start for q in ex.quantities if q.statement == first.index)


@pytest.mark.parametrize(
    "sentence",
    [
        "NHS: waiting lists hit a record 7.6 million in June.",  # a subject, not a dateline
        "UK — Inflation rose to 3.6% in June.",  # two letters: a subject
        "GDP: The economy grew by 2% last year.",
        "Paris, May 5: The French president said growth would slow.",  # place not in capitals, no agency
        "KYIV, July 4: Yes, they did.",  # too little left to be a statement
    ],
)
def test_what_only_looks_like_a_dateline_stays(sentence):
    text = f"A headline for the story\n\n{sentence}\n"
    assert extract(text).statements[1].text == sentence


def test_a_dateline_later_in_the_story_is_a_sentence_like_any_other():
    paragraphs = ["Title of the story"] + [f"Paragraph {i} says that 12 people were hurt in all." for i in range(4)]
    paragraphs.append("WASHINGTON — The Senate voted 52 to 48 on Tuesday to pass the bill.")
    ex = extract("\n\n".join(paragraphs))
    assert ex.statements[-1].text.startswith("WASHINGTON — ")

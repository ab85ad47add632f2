from factcheck.extraction import speakers
from factcheck.extraction.types import Speaker


def _speaker(text, last=None):
    quotes = speakers.quote_spans(text, 0, len(text))
    return speakers.find_speaker(text, 0, len(text), quotes, last)


def test_it_finds_a_name_before_said_with_its_title():
    sp = _speaker("Health Secretary Jane Morgan said the waiting list had grown.")
    assert (sp.name, sp.title) == ("Jane Morgan", "Health Secretary")


def test_it_finds_the_speaker_after_a_quote():
    text = "“We are not worried,” said Tom Reed, head of research at the bank."
    sp = _speaker(text)
    assert sp.name == "Tom Reed"
    assert sp.title == "head of research at the bank"
    assert text[sp.start : sp.end] == "Tom Reed"


def test_it_finds_according_to():
    sp = _speaker("Ten people were hurt, according to the regional police.")
    assert sp.name == "the regional police"


def test_it_finds_a_lower_case_organisation():
    assert _speaker("The dam burst at night, the fire service said.").name == "the fire service"


def test_it_resolves_a_pronoun_to_the_last_named_speaker():
    last = Speaker(name="Jane Morgan", start=0, end=11, title="Health Secretary")
    sp = _speaker("She said the plan would work.", last)
    assert sp.name == "Jane Morgan"
    assert sp.text == "She"


def test_it_ignores_verbs_inside_quotes():
    assert _speaker("“They said nothing at all.”") is None


def test_it_knows_a_quote_only_sentence():
    text = "“It is not over yet.”"
    assert speakers.is_quote_only(text, 0, len(text), speakers.quote_spans(text, 0, len(text)))
    text = "He said “it is not over yet” on Monday."
    assert not speakers.is_quote_only(text, 0, len(text), speakers.quote_spans(text, 0, len(text)))


def test_it_pairs_straight_quotes_in_order():
    text = 'He said "yes" and then "no".'
    assert [text[a:b] for a, b in speakers.quote_spans(text, 0, len(text))] == ['"yes"', '"no"']


def test_it_reads_a_lower_case_title_after_the_verb_and_drops_the_affiliation():
    text = "“Rates will stay high,” said energy analyst Ola Berg of Nordbank."
    sp = _speaker(text)
    assert (sp.name, sp.title) == ("Ola Berg", "energy analyst")


def test_it_keeps_a_group_of_people_as_the_speaker():
    assert _speaker("But officials said the plan was on track.").name == "officials"


def test_it_reads_the_speaker_of_a_passive_quoted_as_saying():
    sp = _speaker("Several bridges were closed, Transport Minister Anna Weber was quoted by local radio as saying.")
    assert (sp.name, sp.title) == ("Anna Weber", "Transport Minister")
    assert _speaker("The mayor was quoted as saying the line cost too much.").name == "The mayor"


def test_a_price_quoted_or_a_cause_cited_is_no_speaker():
    assert _speaker("Shares were quoted at 300p as trading opened.") is None
    assert _speaker("Rising prices were cited as the reason.") is None

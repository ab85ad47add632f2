from factcheck.extraction import segmentation


def _sentences(text):
    return [text[s:e] for _, _, spans in segmentation.segment(text) for s, e in spans]


def test_it_keeps_a_headline_line_as_its_own_sentence():
    text = "Markets slide as rates rise\nShares fell sharply on Monday. Traders were nervous."
    assert _sentences(text) == [
        "Markets slide as rates rise",
        "Shares fell sharply on Monday.",
        "Traders were nervous.",
    ]


def test_it_keeps_a_dateline_with_its_sentence():
    text = "LONDON, 3 May: The bank cut rates to 4%. Markets rose."
    assert _sentences(text) == ["LONDON, 3 May: The bank cut rates to 4%.", "Markets rose."]


def test_it_does_not_split_after_abbreviations_or_initials():
    text = "Mr. Jones met Dr. Patel at 10 a.m. on Friday. J. K. Rowling was not there."
    assert _sentences(text) == ["Mr. Jones met Dr. Patel at 10 a.m. on Friday.", "J. K. Rowling was not there."]


def test_it_splits_after_a_decimal_amount_that_ends_a_sentence():
    text = "The deal is worth £1.5bn. Rivals bid £1.2bn."
    assert _sentences(text) == ["The deal is worth £1.5bn.", "Rivals bid £1.2bn."]


def test_it_splits_after_a_closing_quote_but_not_before_a_reporting_verb():
    text = '“We will win,” she said. “It is over.” Then she left. "Enough!" he shouted.'
    assert _sentences(text) == ["“We will win,” she said.", "“It is over.”", "Then she left.", '"Enough!" he shouted.']


def test_it_splits_the_us_abbreviation_only_before_a_sentence_starter():
    text = "He moved to the U.S. The move was costly. The U.S. Army agreed."
    assert _sentences(text) == ["He moved to the U.S.", "The move was costly.", "The U.S. Army agreed."]


def test_it_treats_bullet_items_as_sentences_without_the_marker():
    text = "Key figures:\n- 40 schools closed\n- 1,200 pupils affected\n• two ministers resigned"
    assert _sentences(text) == ["Key figures:", "40 schools closed", "1,200 pupils affected", "two ministers resigned"]


def test_it_keeps_html_entities_and_dashes_without_shifting_offsets():
    text = "Sales &amp; profits rose 5% – a record. Costs&#8217; share fell — slightly."
    spans = [(s, e) for _, _, ss in segmentation.segment(text) for s, e in ss]
    assert [text[s:e] for s, e in spans] == [
        "Sales &amp; profits rose 5% – a record.",
        "Costs&#8217; share fell — slightly.",
    ]


def test_it_joins_hard_wrapped_lines_of_one_sentence():
    text = "The council said on Tuesday that the budget would\nbe cut by 5% next year."
    assert _sentences(text) == [text]


def test_it_finds_paragraphs_separated_by_blank_lines_with_spaces():
    text = "First para.\n  \n\nSecond para.\n"
    assert [text[s:e] for s, e in segmentation.paragraphs(text)] == ["First para.", "Second para."]


def test_it_returns_nothing_for_whitespace():
    assert segmentation.segment(" \n\n\t ") == []

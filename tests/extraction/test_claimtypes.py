from factcheck.extraction import extract
from factcheck.extraction.claimtypes import claim_types


def test_it_tags_a_numeric_comparison():
    types = claim_types("Exports hit their highest level since 1990.", numeric=True, has_quote=False, has_speaker=False)
    assert "numeric" in types and "comparison" in types


def test_it_tags_causal_and_prediction():
    types = claim_types(
        "Flights will be cut in response to the strike.", numeric=False, has_quote=False, has_speaker=False
    )
    assert "causal" in types and "prediction" in types


def test_it_tags_opinion_quote_and_attribution():
    types = claim_types("“I think this is a disgrace,” she said.", numeric=False, has_quote=True, has_speaker=True)
    assert {"opinion", "quote", "attribution"} <= set(types)


def test_it_gives_no_numeric_type_without_quantities():
    assert "numeric" not in claim_types("The minister resigned.", numeric=False, has_quote=False, has_speaker=False)


def _types(text, **kw):
    args = {"numeric": False, "has_quote": False, "has_speaker": False} | kw
    return claim_types(text, **args)


def test_figure_less_amount_claims_are_numeric():
    for text in (
        "Exports doubled under the last government.",
        "It was the largest protest the city has seen.",
        "Most people in the region now rent their homes.",
        "Crime in the capital hit a record last year.",
        "Hindus are a minority in the state.",
    ):
        assert "numeric" in _types(text), text


def test_dates_alone_and_look_alike_words_are_not_numeric():
    for text in (
        "The minister resigned on 5 May 2020.",
        "The meeting is on Tuesday, 12 March 2024.",
        "Senate Minority Leader Chuck Schumer spoke on Monday.",
        "She has a long track record in local politics.",
    ):
        assert "numeric" not in _types(text), text


def test_may_the_month_is_not_a_prediction():
    assert "prediction" not in _types("The minister resigned in May.")
    assert "prediction" in _types("The minister may resign.")


def test_reported_speech_is_a_quote():
    assert "quote" in _types("The governor said that the state had no debt.")
    assert "quote" in _types("Biden called law enforcement the enemy.")
    assert "quote" in _types("The senator tweeted that the bill would pass.")
    assert "quote" in _types("“We will not raise taxes on working families,” the leader insisted.")


def test_scare_quotes_are_not_a_quote():
    assert "quote" not in _types("A “new virus” is spreading in the region.", has_quote=True)
    assert "quote" not in _types("The factory closed in 2019.")


def test_quality_superlatives_and_vague_plurals_are_not_numeric():
    for text in (
        "The council called it the most beautiful bridge in the county.",
        "The storm is most likely to reach the coast tonight.",
        "A number of residents complained about the noise.",
        "The climber fell from the ridge near the summit.",
        "The general rose to power after the coup.",
    ):
        assert "numeric" not in _types(text), text


def test_amount_comparisons_polls_and_zero_counts_are_numeric():
    for text in (
        "Most voters in the district backed the proposal.",
        "Nurses in the north work more shifts than nurses in the south.",
        "The mayor is ahead of both rivals in the latest polls.",
        "Official statistics on street crime were published again.",
        "The committee has not approved a single application.",
        "The governor did not pardon any convicted officials.",
        "Ticket sales fell sharply after the final.",
    ):
        assert "numeric" in _types(text), text


def _statement_types(text):
    return extract(text).statements[0].types


def test_a_span_of_time_that_frames_a_claim_is_not_numeric():
    for text in (
        "The harbour authority has ignored the complaints in the past five years.",
        "The board has tried to block the merger for the last three and a half years.",
        "The village was flooded two weeks ago.",
    ):
        assert "numeric" not in _statement_types(text), text
    for text in (
        "The siege lasted more than eight hours.",
        "The airline carried 4,000 passengers in the past five years.",
    ):
        assert "numeric" in _statement_types(text), text


def test_speech_verbs_that_name_an_act_need_that():
    assert "quote" not in _types("The governor declared a state of emergency on Friday.")
    assert "quote" not in _types("The platform labels tweets with a warning.", has_quote=False)
    assert "quote" in _types("The governor declared that the emergency was over.")
    assert "quote" in _types("The mayor's rival claims that the mayor banned cars.")
    assert "quote" not in _types("Critics could later say the plan was rushed.")


def test_two_quoted_terms_and_a_quoted_claim_alone_are_not_a_quote():
    assert "quote" not in _types("The agency swapped “the pandemic” for “the outbreak” on its site.", has_quote=True)
    assert "quote" not in _types("“The river has never been cleaner than it is this year.”", has_quote=True)
    assert "quote" in _types("The minister said “the river has never been cleaner than this year.”", has_quote=True)


def test_ages_and_small_counts_describe_rather_than_claim():
    for text in (
        "A 34-year-old cyclist was stopped by the police near the bridge.",
        "The 17 year old striker joined the club from a rival.",
        "The mayor, who has four grandchildren, opened the library.",
        "Parliament passed the two housing bills before the recess.",
        "3 officers attended the meeting at the depot.",
    ):
        assert "numeric" not in _statement_types(text), text
    for text in (
        "The oldest resident of the island is 104 years old.",
        "Nearly nine people in ten now own a phone.",
        "The harbour handled three times as many ships as the year before.",
        "The council employs 14 gardeners in the parks.",
        "More than five schools closed during the storm.",
    ):
        assert "numeric" in _statement_types(text), text


def test_long_amount_comparisons_and_number_words_are_numeric():
    for text in (
        "There is more risk of a flood on 3/4/2025 than of a drought.",
        "Pensioners in the region pay less tax on their savings each year than students.",
        "A math error led the council to close the pool.",
        "The average rent in the town is above the national figure.",
    ):
        assert "numeric" in _types(text), text
    for text in (
        "She chose to walk rather than drive to the station.",
        "The club spent more time on training rather than on matches.",
    ):
        assert "numeric" not in _types(text), text


def test_nouns_with_a_relative_clause_are_not_reported_speech():
    for text in (
        "The platform put labels on tweets that showed edited clips.",
        "Turnout rose in the states that held early voting.",
        "Moderators removed some posts that linked to the site.",
    ):
        assert "quote" not in _types(text), text
    assert "quote" in _types("The senator posts that the bridge will close.")
    assert "quote" in _types("The agency states that the water is safe.")


def test_the_end_of_a_cut_off_quotation_is_a_quote():
    assert "quote" in _types("the bill would cost every household more than they can afford” in a year")
    assert "quote" not in _types("The report, with the title “Safe Streets”, was published.")
    assert "quote" not in _types("Fine” then.")


def test_a_video_or_a_post_that_says_something_is_not_reported_speech():
    # issue 13 (fourth pass): what a medium "says" is a claim about its content, not about a person's words
    for text in (
        "A viral post claims that the mayor banned cars.",
        "An ad video for the senator says that the bridge will be rebuilt.",
        "The report said the harbour was dredged twice.",
    ):
        assert "quote" not in _types(text), text
    for text in (
        "A video shows the senator saying that the bridge will be rebuilt.",
        "The senator said in a video that the bridge will be rebuilt.",
        "Footage of the mayor saying she would close the port went viral.",
    ):
        assert "quote" in _types(text), text


def test_more_speech_verbs_and_their_other_forms():
    for text in (
        "The minister warned that prices would rise again.",
        "She is claiming that the vote was rigged.",
        "The coach added that the team had trained all summer.",
        "The senator calls the plan a disaster for farmers.",
        "He denied that the school had been closed.",
    ):
        assert "quote" in _types(text), text
    for text in (
        "The minister warned of floods in the valley.",
        "The club called off the match at the last minute.",
        "The council added two buses to the route.",
    ):
        assert "quote" not in _types(text), text


def test_lower_casing_is_the_same_as_re_i_except_for_three_characters():
    """The fast path searches text.lower() case-sensitively; it is taken only when that equals re.I on the text."""
    import re
    import string
    import sys

    letter, word, space, digit = re.compile("[a-z]", re.I), re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")
    differ = set()
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            differ.add(c)
            continue
        assert all(bool(p.match(c)) == bool(p.match(low)) for p in (word, space, digit)), hex(cp)
        if letter.match(c) and not any(re.match(a, c, re.I) and low == a for a in string.ascii_lowercase):
            differ.add(c)
        assert (low in string.ascii_lowercase) <= bool(letter.match(c)), hex(cp)
    assert differ == {"İ", "ı", "ſ"}


def test_the_fast_path_gives_what_re_i_gives(monkeypatch):
    """Texts made of the patterns' own words, in random cases and with random separators: wording,
    numeric_wording and reported_speech give the same on the lower-cased text (with its needles) as the
    re.I patterns on the text itself (the path of a text with "İ", "ı" or "ſ")."""
    import random
    import re

    from factcheck.extraction import claimtypes as ct

    words = sorted(
        {
            w
            for p in (*ct._WORDING, *ct._NUMERIC_PATTERNS, ct.REPORTED_SPEECH)
            for phrase in re.findall(r"[A-Za-z'][A-Za-z' -]*", p.pattern)  # "I think", "in response to", "than"
            for word in (phrase.strip(), *phrase.split())
            for w in (word, word[:-1])  # "declined?": "decline" too
        }
        | {"the", "a", "that", "video", "polls", "track", "leader", "2024", "5", "May", "“", "”", "ſaid", "İ", "ıs"}
    )
    rng = random.Random(12)
    texts = [w + end for w in words for end in ("", "s", "es", "d", "ed", "ing", "age")]  # one word alone
    for _ in range(4000):
        picked = rng.choices(words, k=rng.randint(1, 12))
        picked = [w.upper() if rng.random() < 0.1 else w.title() if rng.random() < 0.1 else w for w in picked]
        texts.append("".join(w + rng.choice((" ", " ", " ", ", ", "-", ": ", "\n", "s ", "ed ")) for w in picked))

    def results(text):
        ct.wording.cache_clear()
        return ct.wording(text), ct.numeric_wording(text), ct.reported_speech(text)

    fast = [results(t) for t in texts]
    monkeypatch.setattr(ct, "_prepared", lambda text: None)
    assert [results(t) for t in texts] == fast
    assert sum(any(r[0]) for r in fast) > 1000 and sum(r[1] for r in fast) > 1000 and sum(r[2] for r in fast) > 300


def test_speech_verbs_before_a_subject_pronoun_or_a_quotation_are_reported_speech():
    # issue 13 (fifth pass): a nominative pronoun after the verb can only start a clause
    for text in (
        "The minister denied he had taken money from the builder.",
        "The coach admitted there was a problem with the pitch.",
        "The mayor warned they would lose the grant.",
        "The council confirmed it would close the pool.",
        "She added, “we will win this seat back.”",
        "The coach warned: the team is tired.",
        "The governor insists he never saw the report.",
    ):
        assert "quote" in _types(text), text
    for text in (
        "The minister denied the allegations.",
        "The coach warned you about the storm.",
        "The council announced a plan for the harbour.",
        "The council confirmed it.",
        "The governor insists on a recount.",
    ):
        assert "quote" not in _types(text), text


def test_a_claim_framed_by_an_utterance_is_a_quote():
    for text in (
        "In a speech on Monday, the senator pledged to cut taxes.",
        "During an interview, the senator praised the police.",
        "At a press conference the mayor blamed the unions.",
        "In his weekly podcast the host attacked the bill.",
    ):
        assert "quote" in _types(text), text
    for text in (
        "The letter was sent in a box.",
        "He was arrested at the address on the form.",
        "The senator was hurt at a rally.",
    ):
        assert "quote" not in _types(text), text


def test_superlatives_of_size_are_numeric_except_of_an_evaluative_noun():
    for text in (
        "The port is the biggest emitter of sulphur in the region.",
        "It is the largest city in the province.",
        "The town suffered its greatest loss of jobs in the decade.",
    ):
        assert "numeric" in _types(text), text
    for text in (
        "The biggest problem we had was the airports.",
        "Flooding is the single biggest threat to the valley.",
        "The highest court in the land ruled against him.",
        "He was the greatest president of the century.",
    ):
        assert "numeric" not in _types(text), text


def test_record_is_numeric_as_an_amount_not_as_a_document():
    for text in (
        "Unemployment hit a record high in May.",
        "The firm broke the world record for sales.",
        "Voters turned out in record numbers.",
        "It was a record-breaking year for the port.",
    ):
        assert "numeric" in _types(text), text
    for text in (
        "The singer left the record label.",
        "The suspect has a criminal record.",
        "There is a record of the meeting in the archive.",
        "The minister spoke off the record.",
    ):
        assert "numeric" not in _types(text), text


def test_double_triple_and_rank_are_numeric_only_as_amounts_and_places():
    for text in (
        "Rents will double by the end of the decade.",
        "The firm wants to double the number of stores.",
        "Inflation reached double digits.",
        "The city ranks 5th in the country for burglaries.",
        "The county ranks among the poorest in the nation.",
    ):
        assert "numeric" in _types(text), text
    for text in (
        "The party has a double standard on housing.",
        "She won the triple jump final.",
        "He rose through the ranks of the army.",
        "She joined the ranks of the opposition.",
    ):
        assert "numeric" not in _types(text), text


def test_a_number_to_call_or_text_is_not_numeric():
    for text in ("Text VOTE to 50409 to sign the petition.", "Call 911 if the river floods."):
        assert "numeric" not in _statement_types(text), text
    assert "numeric" in _statement_types("The club sold 911 tickets for the final.")


def test_a_parenthesis_is_one_word_in_an_amount_comparison():
    text = "Graduates get more attempts at the exam (a test set by the national commission for civil servants) than us"
    assert "numeric" in _types(text)
    assert "numeric" not in _types("She walked (as she always did on Sundays) rather than drive.")


def test_record_before_a_noun_is_an_amount_unless_of_the_disc_trade():
    for text in (
        "The miner reported record earnings for the year.",
        "The fund hits record after a strong quarter.",
        "Oil is down on the record high set in October.",
    ):
        assert "numeric" in _types(text), text
    for text in (
        "The band signed with a record company in Leeds.",
        "He joined Island Records as a producer.",
        "The record was released on Friday.",
        "Signed records and posters were sold at auction.",
    ):
        assert "numeric" not in _types(text), text


def test_active_directive_speech_acts_are_reported_speech():
    for text in (
        "Posts claim the vice president demanded a bigger budget for her office.",
        "The mayor urged residents to leave the valley.",
    ):
        assert "quote" in _types(text), text
    for text in (
        "Viewers will be urged to phone in with donations.",
        "The tickets were demanded back by the club.",
    ):
        assert "quote" not in _types(text), text


def test_a_figure_according_to_a_body_is_attributed_not_a_quote():
    from factcheck.extraction import extract

    ex = extract("Unemployment in the region fell to 4.2 per cent in the spring, according to the statistics office.")
    (st,) = ex.statements
    assert "quote" not in st.types
    assert "numeric" in st.types and "attribution" in st.types

"""The statement page's "Why this score": every stored reason with its direction and a strength in words,
the threshold that decided check-worthy, and the ClaimBuster credit beside the nearest known examples."""

from factcheck.claims.reasons import CLAIMBUSTER_CREDIT, readable_reasons
from factcheck.claims.threshold import model_threshold
from tests.factories import make_article, make_claim

EXAMPLES = "7 of its 10 nearest known examples are check-worthy (ClaimBuster training sentences)"
REASONS = [
    ["has a specific number", 1.4],
    ["first-person voice", -0.55],
    ["wording “ferry”", 0.12],
    [EXAMPLES, 0.2],
]


def test_each_reason_reads_as_a_direction_and_a_strength():
    shown = readable_reasons([*REASONS, ["a question", 0.0], ["broken"], "junk", ["bad weight", "x"]])
    assert [(r["label"], r["direction"], r["strength"]) for r in shown] == [
        ("has a specific number", "up", "strong"),
        ("first-person voice", "down", "moderate"),
        ("wording “ferry”", "up", "slight"),
        ("7 of its 10 nearest known examples are check-worthy", "up", None),
        ("a question", "even", "slight"),
    ]
    assert [r["examples"] for r in shown] == [False, False, False, True, False]


def test_the_statement_page_says_why_and_credits_claimbuster(login, checker, newsroom):
    claim = make_claim(make_article(newsroom), reasons=REASONS, checkworthiness=0.81, checkworthy=True)
    html = login(checker).get(claim.get_absolute_url()).content.decode()
    assert "Why this score" in html
    assert f"check-worthy by the model's threshold of {model_threshold()[0]:.2f}" in html
    for label in ("has a specific number", "first-person voice", "wording “ferry”"):
        assert f'<span class="r-label">{label}</span>' in html
    assert 'Raised the score: </span><span class="r-label">has a specific number' in html
    assert 'Lowered the score: </span><span class="r-label">first-person voice' in html
    assert "7 of its 10 nearest known examples are check-worthy</span>" in html
    assert CLAIMBUSTER_CREDIT in html


def test_the_newsrooms_own_threshold_decides_and_is_named(login, checker, newsroom):
    newsroom.checkworthy_threshold = 0.9
    newsroom.save()
    claim = make_claim(make_article(newsroom), reasons=REASONS[:1], checkworthiness=0.81, checkworthy=True)
    html = login(checker).get(claim.get_absolute_url()).content.decode()
    assert "not check-worthy by this newsroom's threshold of 0.90" in html
    assert CLAIMBUSTER_CREDIT not in html  # no examples among the reasons: no credit line


def test_a_statement_without_reasons_has_no_empty_block(login, checker, newsroom):
    claim = make_claim(make_article(newsroom), reasons=[])
    html = login(checker).get(claim.get_absolute_url()).content.decode()
    assert "Why this score" not in html

"""Bad input never loses work and never answers 500: property tests over the submit form and the import."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.urls import reverse

from factcheck.claims.importing import articles_import
from factcheck.claims.models import Article, ExtractionRun

# Text a browser can send (no lone surrogates), leaning towards awkward characters.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=400,
)
odd_texts = st.one_of(
    texts,
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),  # a binary file pasted as text
    st.sampled_from(
        [
            "",
            "   \n\t  ",
            "<script>alert(1)</script> The council spent £3m.",
            '"><img src=x onerror=alert(1)> 40% of voters agreed.',
            "مجلس المدينة أنفق ثلاثة ملايين جنيه.",  # right-to-left
            "The minister said 12 schools closed. Министр сказал 12 школ. 部长说十二所学校关闭。",
            "Null\x00byte in the middle of 5 words",
            "<html><body><p>The index rose 2.5% on Monday.</p></body></html>",
        ]
    ),
)
PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@PROPERTY
@given(title=texts, body=odd_texts)
def test_it_saves_or_explains_any_submitted_text(client, checker, title, body):
    client.force_login(checker)
    before_articles, before_runs = Article.objects.count(), ExtractionRun.objects.count()
    response = client.post(reverse("claims:submit"), {"title": title, "body": body})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        # saved (or found): every article has its run, nothing half-saved
        assert Article.objects.count() - before_articles == ExtractionRun.objects.count() - before_runs
        assert Article.objects.count() - before_articles in (0, 1)
    else:
        assert Article.objects.count() == before_articles
        assert ExtractionRun.objects.count() == before_runs
        assert b'role="alert"' in response.content  # a message the person can read


@PROPERTY
@given(raw=st.binary(max_size=500))
def test_it_never_fails_on_a_raw_request_body(client, checker, raw):
    client.force_login(checker)
    before = Article.objects.count()
    response = client.post(reverse("claims:submit"), raw, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 302, 400)
    assert Article.objects.count() - before in (0, 1)


lines = st.one_of(
    odd_texts,
    st.builds(lambda t, b: json.dumps({"title": t, "text": b}), texts, odd_texts),
    st.builds(lambda v: json.dumps({"text": v}), st.one_of(st.integers(), st.lists(st.integers()), st.none())),
    st.binary(max_size=120),
)


@PROPERTY
@given(batch=st.lists(lines, max_size=12))
def test_it_imports_or_reports_every_line(newsroom, checker, batch):
    before = Article.objects.count()
    before_runs = ExtractionRun.objects.count()
    report = articles_import(newsroom=newsroom, user=checker, lines=batch, chunk_size=5)
    counted = sum(1 for line in batch if (line.strip() if isinstance(line, str) else line.strip()))
    # every non-blank line is accounted for exactly once (a bytes line that is not UTF-8 is an error)
    assert report.imported + report.duplicates + len(report.errors) <= counted
    assert Article.objects.count() - before == report.imported
    assert ExtractionRun.objects.count() - before_runs == report.imported
    for number, reason in report.errors:
        assert 1 <= number <= len(batch) and reason


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("x" * 200_001, "limit is 200,000"),
        ("\x00\x01\x02" * 50, "Null characters are not allowed"),
        ("\x01\x02\x03" * 50, "binary"),
        ("   ", "empty"),
    ],
)
def test_it_tells_the_person_what_is_wrong(client, checker, body, expected):
    client.force_login(checker)
    response = client.post(reverse("claims:submit"), {"title": "t", "body": body})
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not Article.objects.exists()

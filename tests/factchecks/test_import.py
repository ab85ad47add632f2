"""ClaimReview import: shapes, idempotence, malformed records by position, the command, a feed URL."""

import json
from ipaddress import ip_network

import pytest

from django.core.management import CommandError, call_command

from factcheck.factchecks import feeds
from factcheck.factchecks.models import KnownFactCheck
from factcheck.factchecks.services import known_import, known_import_url
from tests.factchecks.feedgen import claim_texts, claimreview, data_feed

N = 300
BAD = {
    7: ({"@type": "ClaimReview", "url": "https://checks.example.org/x"}, "claimReviewed is missing"),
    42: ({"@type": "ClaimReview", "claimReviewed": "A claim", "url": "javascript:alert(1)"}, "not an http(s) address"),
    99: ("just a string", "not an object"),
    150: ({"@type": "Person", "name": "Not a review"}, "not a ClaimReview"),
    201: ({"@type": "ClaimReview", "claimReviewed": "A", "url": "https://a.example/1"}, "reviewRating is missing"),
    250: ({**claimreview(0, "Dated badly"), "datePublished": "yesterday"}, "not an ISO date"),
}


def _feed(n=N, bad=BAD):
    """A DataFeed of n records (1-based positions); the positions in `bad` hold malformed records."""
    texts = claim_texts(n)
    reviews = [bad[i][0] if i in bad else claimreview(i, texts[i - 1]) for i in range(1, n + 1)]
    return data_feed(reviews)


def test_it_imports_a_generated_feed_idempotently_and_reports_bad_records_by_position(newsroom, admin_member):
    raw = json.dumps(_feed()).encode()
    # when
    first = known_import(newsroom=newsroom, user=admin_member, raw=raw)
    second = known_import(newsroom=newsroom, user=admin_member, raw=raw)
    # then
    good = N - len(BAD)
    assert (first.created, first.updated, first.unchanged) == (good, 0, 0)
    assert [position for position, _ in first.errors] == sorted(BAD)
    for position, message in first.errors:
        assert BAD[position][1] in message, (position, message)
    assert (second.created, second.updated, second.unchanged) == (0, 0, good)
    assert second.errors == first.errors
    assert KnownFactCheck.objects.filter(newsroom=newsroom).count() == good
    row = KnownFactCheck.objects.get(url="https://checks.example.org/reviews/1")
    assert row.origin == KnownFactCheck.Origin.IMPORTED
    assert (row.rating, row.reviewer, row.claimant) == ("Mostly false", "Northern Facts", "Speaker 1")
    assert row.published_on.isoformat() == "2026-01-02"


def test_it_updates_a_changed_rating_and_keeps_the_rest(newsroom):
    texts = claim_texts(3)
    known_import(newsroom=newsroom, data=[claimreview(i, texts[i]) for i in range(3)])
    # when
    changed = [claimreview(i, texts[i], rating="Pants on fire" if i == 1 else None) for i in range(3)]
    report = known_import(newsroom=newsroom, data=changed)
    # then
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    assert KnownFactCheck.objects.get(claim_text=texts[1]).rating == "Pants on fire"


def test_it_keeps_newsrooms_apart(newsroom, other_newsroom):
    data = [claimreview(1, "The ferry costs 9 million a year.")]
    known_import(newsroom=newsroom, data=data)
    report = known_import(newsroom=other_newsroom, data=data)
    assert report.created == 1
    assert KnownFactCheck.objects.filter(newsroom=other_newsroom).count() == 1


@pytest.mark.parametrize(
    "shape",
    ["single", "list", "graph", "itemlist", "datafeed"],
)
def test_it_reads_every_accepted_shape(newsroom, shape):
    a, b = claimreview(1, "The lake holds 3 billion litres."), claimreview(2, "The tunnel is 9 km long.")
    doc = {
        "single": a,
        "list": [a, b],
        "graph": {"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "X"}, a, b]},
        "itemlist": {"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "position": 1, "item": a}, b]},
        "datafeed": data_feed([a, b]),
    }[shape]
    report = known_import(newsroom=newsroom, data=doc)
    assert report.errors == []
    assert report.created == (1 if shape == "single" else 2)


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"{not json", "Not JSON"), (b"\xff\xfe", "not UTF-8"), (b'{"@type": "DataFeed"}', "No ClaimReview")],
)
def test_it_reports_an_unreadable_document_at_position_zero(newsroom, raw, message):
    report = known_import(newsroom=newsroom, raw=raw)
    assert report.read == 0
    assert report.errors[0][0] == 0 and message in report.errors[0][1]


def test_it_reads_ratings_without_alternate_name_and_typed_prefixes():
    node = {"@type": ["schema:ClaimReview"], "claimReviewed": "X rose", "url": "https://a.example/r"}
    node["reviewRating"] = {"ratingValue": 2, "bestRating": 5}
    record = feeds.read_record(node)
    assert record.rating == "2 of 5"
    assert record.reviewer == "a.example"  # no author: the review's domain


def test_the_command_imports_a_file_and_prints_the_counts(tmp_path, newsroom, capsys):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(_feed(20, {3: BAD[7]})))
    # when
    call_command("import_factchecks", "--newsroom", newsroom.slug, str(path))
    call_command("import_factchecks", "--newsroom", newsroom.slug, str(path))
    # then
    out, err = capsys.readouterr()
    assert "alpha: 19 created, 0 updated, 0 unchanged, 1 skipped with errors." in out
    assert "alpha: 0 created, 0 updated, 19 unchanged, 1 skipped with errors." in out
    assert "record 3: claimReviewed is missing or empty" in err


def test_the_command_refuses_an_unknown_newsroom_and_a_missing_file(tmp_path, newsroom):
    with pytest.raises(CommandError, match="No newsroom"):
        call_command("import_factchecks", "--newsroom", "nope", str(tmp_path / "x.json"))
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_factchecks", "--newsroom", newsroom.slug, str(tmp_path / "x.json"))


# --- a feed URL, fetched through the SSRF guard from a real local server ----------------------


def test_it_imports_a_feed_url_from_an_allowed_local_server(settings, newsroom, feed_server, capsys):
    settings.FETCH_ALLOWED_NETWORKS = [ip_network("127.0.0.1/32")]
    report = known_import_url(newsroom=newsroom, url=f"{feed_server}/feed.json")
    assert (report.created, report.errors) == (30, [])
    call_command("import_factchecks", "--newsroom", newsroom.slug, f"{feed_server}/feed.json")
    assert "0 created, 0 updated, 30 unchanged" in capsys.readouterr().out


def test_it_refuses_a_loopback_feed_url_without_the_allow_list(settings, newsroom, feed_server):
    settings.FETCH_ALLOWED_NETWORKS = []
    report = known_import_url(newsroom=newsroom, url=f"{feed_server}/feed.json")
    assert report.read == 0
    assert report.errors[0][0] == 0 and report.errors[0][1]
    assert KnownFactCheck.objects.count() == 0

"""The known fact-checks screens: list, import, the statement's panel; and the queue's "Checked elsewhere"."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.factchecks.models import ClaimMatch, KnownFactCheck
from factcheck.factchecks.services import known_import, matches_for_claims
from tests.factchecks.feedgen import claimreview, data_feed
from tests.factchecks.test_matching import KNOWN, PARAPHRASED, UNRELATED, statement


def _upload(doc, name="feed.json"):
    return SimpleUploadedFile(name, json.dumps(doc).encode(), content_type="application/ld+json")


def _matched(newsroom):
    """A statement matched to an imported fact-check, and an unmatched one."""
    known_import(newsroom=newsroom, data=[claimreview(1, KNOWN, reviewer="Harbour Checks", rating="Mostly false")])
    matched, unmatched = statement(newsroom, PARAPHRASED), statement(newsroom, UNRELATED)
    matches_for_claims(claim_ids=[matched.pk, unmatched.pk])
    return matched, unmatched


# --- list ---------------------------------------------------------------------------------------


def test_it_lists_known_fact_checks_with_counts_and_search(login, viewer, newsroom, other_newsroom):
    _matched(newsroom)
    known_import(newsroom=other_newsroom, data=[claimreview(9, "Another newsroom's claim about ferries.")])
    client = login(viewer)
    response = client.get(reverse("factchecks:list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert KNOWN in body and "Harbour Checks" in body and "Mostly false" in body
    assert "ferries" not in body
    assert 'id="known-matched">1<' in body and 'id="known-total">1<' in body
    assert 'rel="noopener noreferrer nofollow"' in body
    # search, as an htmx fragment
    response = client.get(reverse("factchecks:list"), {"q": "ferry"}, headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode() and "No known fact-check matches." in response.content.decode()


def test_it_never_links_a_stored_non_web_url(login, viewer, newsroom):
    KnownFactCheck.objects.create(
        newsroom=newsroom, claim_text="Odd row", url="javascript:alert(1)", key="odd", rating="False"
    )
    body = login(viewer).get(reverse("factchecks:list")).content.decode()
    assert "Odd row" in body and "javascript:" not in body


def test_the_list_refuses_post_and_anonymous(client, login, viewer):
    assert client.get(reverse("factchecks:list")).status_code == 302
    assert login(viewer).post(reverse("factchecks:list")).status_code == 405


# --- import -------------------------------------------------------------------------------------


def test_an_admin_imports_a_file_and_is_sent_to_the_list(login, admin_member, newsroom):
    client = login(admin_member)
    doc = data_feed([claimreview(i, f"The dam holds {i} billion litres.") for i in range(1, 6)])
    response = client.post(reverse("factchecks:import"), {"file": _upload(doc)})
    assert response.status_code == 302 and response["Location"] == reverse("factchecks:list")
    assert KnownFactCheck.objects.filter(newsroom=newsroom).count() == 5
    assert "5 new, 0 updated, 0 unchanged" in client.get(response["Location"]).content.decode()


def test_the_import_lists_bad_records_by_position_in_the_htmx_fragment(login, admin_member, htmx_headers):
    doc = [claimreview(1, "The dam holds 4 billion litres."), {"@type": "ClaimReview", "url": "https://x.example/"}]
    response = login(admin_member).post(reverse("factchecks:import"), {"file": _upload(doc)}, headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "<strong>1</strong> created" in body
    assert '<td class="num">2</td><td>claimReviewed is missing or empty</td>' in body


def test_the_import_needs_exactly_one_of_file_and_url(login, admin_member):
    client = login(admin_member)
    response = client.post(reverse("factchecks:import"), {})
    assert response.status_code == 200 and "Choose a file or give a feed URL" in response.content.decode()
    response = client.post(reverse("factchecks:import"), {"url": "ftp://feeds.example/x.json"})
    assert "http:// or https://" in response.content.decode()


def test_the_import_is_for_admins_only(login, editor, client):
    assert login(editor).get(reverse("factchecks:import")).status_code == 403
    client.logout()
    assert client.get(reverse("factchecks:import")).status_code == 302


# --- the statement's panel ------------------------------------------------------------------------


def test_the_statement_page_loads_the_panel_which_shows_the_match(login, viewer, newsroom, htmx_headers):
    matched, unmatched = _matched(newsroom)
    client = login(viewer)
    page = client.get(matched.get_absolute_url()).content.decode()
    url = reverse("factchecks:claim_matches", args=[matched.pk])
    assert f'hx-get="{url}" hx-trigger="load"' in page
    # when
    panel = client.get(url, headers=htmx_headers).content.decode()
    # then
    assert "Already checked elsewhere" in panel and "<html" not in panel
    assert KNOWN in panel and "Mostly false" in panel and "Harbour Checks" in panel and "2 Jan 2026" in panel
    assert 'href="https://checks.example.org/reviews/1" rel="noopener noreferrer nofollow"' in panel
    empty = client.get(reverse("factchecks:claim_matches", args=[unmatched.pk]), headers=htmx_headers)
    assert "No published fact-check on record" in empty.content.decode()
    full = client.get(url)
    assert "<html" in full.content.decode() and KNOWN in full.content.decode()


def test_the_panel_hides_other_newsrooms_statements(login, outsider, newsroom, htmx_headers):
    matched, _ = _matched(newsroom)
    url = reverse("factchecks:claim_matches", args=[matched.pk])
    client = login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(url, headers=htmx_headers).status_code == 404


def test_the_panel_refuses_post_and_anonymous(client, login, viewer, newsroom):
    matched, _ = _matched(newsroom)
    url = reverse("factchecks:claim_matches", args=[matched.pk])
    assert client.get(url).status_code == 302
    assert login(viewer).post(url).status_code == 405


# --- the queue ------------------------------------------------------------------------------------


def test_the_queue_filter_checked_elsewhere_returns_only_matched_statements(login, viewer, newsroom, htmx_headers):
    matched, unmatched = _matched(newsroom)
    assert ClaimMatch.objects.get().claim == matched
    response = login(viewer).get(reverse("claims:queue"), {"matched": "on"}, headers=htmx_headers)
    body = response.content.decode()
    assert matched.get_absolute_url() in body and "checked elsewhere</span>" in body
    assert unmatched.get_absolute_url() not in body


def test_an_admin_imports_a_feed_url_and_a_refused_one_is_explained(settings, login, admin_member, feed_server):
    from ipaddress import ip_network

    client = login(admin_member)
    settings.FETCH_ALLOWED_NETWORKS = []
    refused = client.post(reverse("factchecks:import"), {"url": f"{feed_server}/feed.json"})
    assert refused.status_code == 200 and KnownFactCheck.objects.count() == 0
    assert "<strong>0</strong> created" in refused.content.decode()
    settings.FETCH_ALLOWED_NETWORKS = [ip_network("127.0.0.1/32")]
    response = client.post(reverse("factchecks:import"), {"url": f"{feed_server}/feed.json"})
    assert response.status_code == 302 and KnownFactCheck.objects.count() == 30


def test_the_list_and_the_panel_issue_the_same_queries_for_ten_times_the_data(login, viewer, newsroom):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    claim = statement(newsroom, PARAPHRASED)
    client = login(viewer)

    def queries(n):
        start = KnownFactCheck.objects.count()
        known_import(newsroom=newsroom, data=[claimreview(start + i, f"{KNOWN} ({start + i})") for i in range(n)])
        matches_for_claims(claim_ids=[claim.pk])
        counts = []
        for url in (reverse("factchecks:list"), reverse("factchecks:claim_matches", args=[claim.pk])):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url, headers={"HX-Request": "true"}).status_code == 200
            counts.append(len(captured))
        return counts

    small = queries(3)
    assert ClaimMatch.objects.filter(claim=claim).count() == 3
    assert queries(27) == small
    assert ClaimMatch.objects.filter(claim=claim).count() >= 10

"""Request hardening: a cap on every request body (413) and no caching of private answers."""

import io

import pytest
from axes.models import AccessAttempt

from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIRequest
from django.urls import reverse

from factcheck.reports.models import ReportExport
from factcheck.sources.services import MAX_IMPORT_BYTES
from tests.conftest import PASSWORD
from tests.reports.conftest import build_report_world

MB = 1024 * 1024

# --- request body cap ------------------------------------------------------------------------


def test_it_refuses_a_31_mb_multipart_post_to_the_login_page(client, editor):
    upload = SimpleUploadedFile("big.bin", b"\0" * (31 * MB), content_type="application/octet-stream")
    response = client.post(reverse("login"), {"username": editor.username, "password": PASSWORD, "file": upload})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"Request body too large: at most 6 MB per request.\n"
    # nothing read, nothing changed: no session, no login, no throttling record
    assert "sessionid" not in response.cookies
    assert not Session.objects.exists()
    assert not AccessAttempt.objects.exists()
    editor.refresh_from_db()
    assert editor.last_login is None
    # and a normal login still works
    response = client.post(reverse("login"), {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 302
    assert Session.objects.count() == 1


def test_it_leaves_room_for_the_largest_legitimate_upload(client, db):
    # a source CSV import of the largest accepted size, with its form fields, gets through
    upload = SimpleUploadedFile("sources.csv", b"x" * MAX_IMPORT_BYTES, content_type="text/csv")
    response = client.post(reverse("login"), {"username": "nobody", "password": "x", "file": upload})
    assert response.status_code == 200  # the login form, with its error: the body was read


def test_it_reads_the_limit_from_settings(client, editor, settings):
    settings.REQUEST_MAX_BYTES = 2 * MB
    client.force_login(editor)
    upload = SimpleUploadedFile("article.txt", b"word " * (500 * 1024), content_type="text/plain")
    response = client.post(reverse("claims:submit"), {"title": "t", "file": upload})
    assert response.status_code == 413
    assert b"at most 2 MB" in response.content


def test_it_lets_a_body_at_the_limit_through(client, editor, settings):
    settings.REQUEST_MAX_BYTES = 10_000
    body = b"x" * 10_000
    response = client.post(reverse("login"), body, content_type="application/octet-stream")
    assert len(body) == settings.REQUEST_MAX_BYTES and response.status_code == 200  # the form, with its errors


def test_it_relies_on_django_reading_nothing_without_a_content_length():
    # A chunked body (no Content-Length) passes the check, but Django reads at most Content-Length bytes.
    request = WSGIRequest({"REQUEST_METHOD": "POST", "PATH_INFO": "/login/", "wsgi.input": io.BytesIO(b"x" * (7 * MB))})
    assert request.body == b""


# --- Cache-Control ---------------------------------------------------------------------------

PRIVATE = {"private", "no-store"}


def _directives(response):
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture
def world(newsroom, editor, colleague):
    return build_report_world(newsroom, editor, colleague)


def test_it_keeps_private_pages_out_of_caches(login, editor, world, htmx_headers):
    client = login(editor)
    claim, verdict = world["claims"][0], world["published"][0]
    responses = {
        "queue": client.get(reverse("claims:queue")),
        "queue fragment": client.get(reverse("claims:queue"), headers=htmx_headers),
        "statement": client.get(reverse("verdicts:claim", args=[claim.pk])),
        "report builder fragment": client.get(reverse("reports:builder"), {"format": "csv"}, headers=htmx_headers),
        "csv download": client.post(reverse("reports:builder"), {"format": "csv"}),
        "evidence pack": client.get(reverse("reports:evidence_pack", args=[verdict.pk])),
        "public page, signed in": client.get(reverse("reports:public_verdict", args=[verdict.pk])),
        "plain POST redirect": client.post(reverse("claims:claim_status", args=[claim.pk]), {"status": "open"}),
    }
    for name, response in responses.items():
        assert response.status_code in (200, 302), name
        assert _directives(response) >= PRIVATE, (name, response.get("Cache-Control"))
        assert "public" not in _directives(response), name


def test_it_keeps_export_files_out_of_caches(login, editor, world, settings, tmp_path):
    from factcheck.reports.services import report_export_run

    settings.MEDIA_ROOT = tmp_path
    export = ReportExport.objects.create(
        newsroom=editor.memberships.get().newsroom, requested_by=editor, format="csv", base_url="http://testserver/"
    )
    report_export_run(export_id=export.pk)
    response = login(editor).get(reverse("reports:export_download", args=[export.pk]))
    assert response.status_code == 200
    assert _directives(response) >= PRIVATE


def test_it_keeps_a_views_stricter_cache_control(client, editor):
    client.force_login(editor)
    response = client.get(reverse("logout"))  # never_cache: no-cache, must-revalidate, max-age=0
    response = client.get(reverse("login"))
    assert {"no-cache", "no-store", "must-revalidate", "private"} <= _directives(response)


def test_it_leaves_anonymous_public_pages_alone(client, world):
    verdict = world["published"][0]
    public = client.get(reverse("reports:public_verdict", args=[verdict.pk]))
    assert public.status_code == 200
    assert "no-store" not in _directives(public) and "private" not in _directives(public)
    # /healthz and the login page keep their own never_cache headers


# --- a page for a bare 405 -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["newsrooms:member_add", "api:token_create", "api:webhook_create"])
def test_it_gives_a_submit_only_address_opened_with_get_a_page(login, admin_member, name):
    # when a submit-only address is opened in the browser
    response = login(admin_member).get(reverse(name))
    # then the 405 is a page of the app with a way back, and still names the allowed method
    html = response.content.decode()
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "<h1>Not available here</h1>" in html
    assert f'href="{reverse("claims:queue")}"' in html


def test_it_offers_the_login_page_as_the_way_back_when_signed_out(client, db):
    response = client.get(reverse("logout"))  # LogoutView takes POST only
    assert response.status_code == 405
    assert f'href="{reverse("login")}"' in response.content.decode()


def test_it_leaves_the_api_405_alone(client, db):
    response = client.put("/api/articles")
    assert b"Not available here" not in response.content


def test_it_gives_the_404_and_403_pages_a_way_back(login, viewer):
    client = login(viewer)
    assert f'href="{reverse("claims:queue")}"' in client.get("/no-such-page/").content.decode()
    response = client.get(reverse("newsrooms:members"))
    assert response.status_code == 403
    assert f'href="{reverse("claims:queue")}"' in response.content.decode()

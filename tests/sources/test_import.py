from django.urls import reverse

from factcheck.sources.models import Source
from factcheck.sources.services import sources_import_csv

GOOD = (
    b"name,url,kind,credibility,notes,active\n"
    b"National Statistics Office,https://www.stats.example.gov/,official_statistics,credible,Census data,yes\n"
    b"Daily Ledger,https://ledger.example.com/,News outlet,Mostly credible,,\n"
    b"An Eyewitness,,person,unrated,Spoke to our reporter,no\n"
)

BAD = (
    b"name,url,kind,credibility\n"
    b"Good Row,https://good.example.org/,ngo,mixed\n"
    b",https://noname.example.org/,ngo,mixed\n"
    b"Bad Kind,https://kind.example.org/,spaceship,mixed\n"
    b"Bad URL,not a url,ngo,mixed\n"
    b"Too Many,https://many.example.org/,ngo,mixed,extra,cells,here\n"
)


def test_it_imports_a_good_file(newsroom):
    report = sources_import_csv(newsroom=newsroom, data=GOOD)
    assert (report.created, report.updated, report.errors) == (3, 0, [])
    stats = Source.objects.get(newsroom=newsroom, domain="stats.example.gov")
    assert stats.kind == Source.Kind.OFFICIAL_STATISTICS
    assert stats.credibility == Source.Credibility.CREDIBLE
    assert Source.objects.get(name="Daily Ledger").kind == Source.Kind.NEWS_OUTLET
    assert Source.objects.get(name="An Eyewitness").active is False


def test_it_updates_on_reimport_instead_of_duplicating(newsroom):
    sources_import_csv(newsroom=newsroom, data=GOOD)
    report = sources_import_csv(newsroom=newsroom, data=GOOD.replace(b"Census data", b"Census and surveys"))
    assert report.updated == 1  # the statistics office, whose notes changed
    assert report.unchanged == 1  # the Daily Ledger row is the same as before
    assert report.created == 1  # the person without a URL has no key to match on
    [update] = report.updates
    assert (update.line, update.name_before) == (2, "National Statistics Office")
    assert [(c.field, c.old, c.new) for c in update.changes] == [("Notes", "“Census data”", "“Census and surveys”")]
    assert Source.objects.get(domain="stats.example.gov").notes == "Census and surveys"


def test_it_reports_bad_rows_by_line_and_keeps_the_good_ones(newsroom):
    report = sources_import_csv(newsroom=newsroom, data=BAD)
    assert report.created == 1
    lines = dict(report.errors)
    assert sorted(lines) == [3, 4, 5, 6]
    assert "name" in lines[3]
    assert "spaceship" in lines[4]
    assert "url" in lines[5]
    assert "more cells" in lines[6]
    assert list(Source.objects.filter(newsroom=newsroom).values_list("name", flat=True)) == ["Good Row"]


def test_it_refuses_a_binary_or_headerless_file(newsroom):
    assert sources_import_csv(newsroom=newsroom, data=b"\x89PNG\r\n\x1a\n\x00\x00").errors
    report = sources_import_csv(newsroom=newsroom, data=b"url,kind\nhttps://x.example/,ngo\n")
    assert report.errors[0][0] == 1 and "name" in report.errors[0][1]
    assert not Source.objects.exists()


def test_it_imports_through_the_admin(client, newsroom, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin_user)
    url = reverse("admin:sources_source_import")
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"newsroom": newsroom.pk, "file": SimpleUploadedFile("s.csv", BAD, content_type="text/csv")}
    )
    assert response.status_code == 200  # errors keep the page open with the table of bad rows
    assert b"import-errors" in response.content
    assert b"spaceship" in response.content
    response = client.post(
        url, {"newsroom": newsroom.pk, "file": SimpleUploadedFile("s.csv", GOOD, content_type="text/csv")}
    )
    assert response.status_code == 302
    assert Source.objects.filter(newsroom=newsroom).count() == 4


def test_it_lists_sources_in_the_admin_with_search(client, admin_user, newsroom):
    sources_import_csv(newsroom=newsroom, data=GOOD)
    client.force_login(admin_user)
    response = client.get(reverse("admin:sources_source_changelist"), {"q": "ledger"})
    assert response.status_code == 200
    assert b"Daily Ledger" in response.content
    assert b"National Statistics Office" not in response.content


def _upload(data, name="sources.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_admins_import_in_the_app_with_bad_rows_listed_by_line(login, admin_member, newsroom, other_newsroom):
    client = login(admin_member)
    assert client.get(reverse("sources:import")).status_code == 200
    response = client.post(reverse("sources:import"), {"file": _upload(BAD)})
    assert response.status_code == 200  # the page stays open with the table of bad rows
    assert b'id="import-errors"' in response.content and b"spaceship" in response.content
    assert [line for line, _ in response.context["report"].errors] == [3, 4, 5, 6]
    response = client.post(reverse("sources:import"), {"file": _upload(GOOD)})
    assert response.status_code == 302 and response["Location"] == reverse("sources:list")
    assert Source.objects.filter(newsroom=newsroom).count() == 4  # Good Row + three
    assert not Source.objects.filter(newsroom=other_newsroom).exists()  # always the admin's own newsroom


def test_the_in_app_import_answers_htmx_with_a_fragment_or_a_redirect(login, admin_member, newsroom):
    client = login(admin_member)
    response = client.post(reverse("sources:import"), {"file": _upload(BAD)}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and b"<html" not in response.content
    assert b'id="source-import"' in response.content and b'hx-swap-oob="true"' in response.content
    response = client.post(reverse("sources:import"), {"file": _upload(GOOD)}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and response["HX-Redirect"] == reverse("sources:list")


def test_the_in_app_import_refuses_files_over_5_mb(login, admin_member, newsroom, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    big = b"name\n" + b"x" * (5 * 1024 * 1024)
    response = login(admin_member).post(reverse("sources:import"), {"file": _upload(big)})
    assert response.status_code == 200
    assert "larger than 5 MB" in " ".join(response.context["form"].errors["file"])
    assert not Source.objects.exists()


def test_the_import_refuses_ftp_urls_by_line(newsroom):
    report = sources_import_csv(newsroom=newsroom, data=b"name,url\nFiles,ftp://files.example.org/\n")
    assert report.errors and report.errors[0][0] == 2 and "http:// or https://" in report.errors[0][1]


def test_only_admins_import_in_the_app(login, editor, checker, viewer, newsroom):
    for user in (editor, checker, viewer):
        client = login(user)
        assert client.get(reverse("sources:import")).status_code == 403
        assert client.post(reverse("sources:import"), {"file": _upload(GOOD)}).status_code == 403
    assert not Source.objects.exists()

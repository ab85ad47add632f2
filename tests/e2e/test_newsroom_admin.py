"""Newsroom admin screens in a browser: add a member, rename a rating, import sources (no Django admin)."""

from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.urls import reverse

from factcheck.newsrooms.models import Membership
from factcheck.sources.models import Source
from factcheck.verdicts.models import RatingScale


def test_an_admin_adds_a_member_and_renames_a_rating(
    page, live_server, newsroom, admin_member, checker, as_user, console_errors, shot
):
    # given a newsroom admin in the app
    as_user(page, admin_member)

    # when they open Members from the nav and add a member
    page.click("nav >> text=Settings")
    expect(page.locator("nav .navmenu-items")).to_be_visible()
    shot(page, "69-settings-menu")
    page.click("nav >> text=Members")
    expect(page.locator("h1")).to_have_text("Members")
    shot(page, "70-members")
    page.fill("#id_username", "dana")
    page.fill("#id_email", "dana@example.org")
    page.fill("#id_display_name", "Dana Okafor")
    page.select_option("#id_role", "editor")
    page.click("#member-add button[type=submit]")

    # then the account exists and its one-time password is shown once
    expect(page.locator(".created-member h2")).to_have_text("Account created for Dana Okafor (dana)")
    password = page.locator("#initial-password").inner_text()
    dana = get_user_model().objects.get(username="dana")
    assert dana.check_password(password)
    assert Membership.objects.get(user=dana).role == "editor"
    expect(page.locator("#members")).to_contain_text("Dana Okafor")
    shot(page, "71-member-added")

    # and a role change from the table sticks
    carol = Membership.objects.get(user=checker)
    page.select_option(f"#member-{carol.pk}-role", "viewer")
    page.click(f"#member-{carol.pk}-row button:text('Change')")
    expect(page.locator(".flash-success")).to_contain_text("carol is now viewer")
    assert Membership.objects.get(pk=carol.pk).role == "viewer"

    # when they open the rating scale and rename a rating
    page.click("nav >> text=Settings")
    page.click("nav >> text=Rating scale")
    expect(page.locator("h1")).to_have_text("Rating scale")
    half = RatingScale.objects.get(newsroom=newsroom, label="Half true")
    page.fill(f"#rating-{half.pk}-label", "Half right")
    page.click(f"#rating-{half.pk} button[value=save]")

    # then the scale shows the new label
    expect(page.locator(".flash-success")).to_contain_text("Saved “Half right”")
    expect(page.locator(f"#rating-{half.pk} .rating-chip")).to_have_text("Half right")
    half.refresh_from_db()
    assert half.label == "Half right"
    shot(page, "72-rating-scale")

    # and a refused change is explained beside its row
    page.fill(f"#rating-{half.pk}-label", "True")
    page.click(f"#rating-{half.pk} button[value=save]")
    expect(page.locator(f"#rating-{half.pk} .error")).to_contain_text("already on the scale")
    shot(page, "73-rating-scale-error")
    assert console_errors == []


def test_an_admin_imports_sources_in_the_app(page, live_server, newsroom, admin_member, as_user, console_errors, shot):
    as_user(page, admin_member)
    page.goto(f"{live_server.url}{reverse('sources:list')}")
    page.click("text=Import CSV")
    csv = b"name,url,kind\nHarbour Gazette,https://gazette.example/,news_outlet\nFiles,ftp://files.example.org/,other\n"
    page.set_input_files("#id_file", files=[{"name": "sources.csv", "mimeType": "text/csv", "buffer": csv}])
    page.click("#source-import button[type=submit]")
    expect(page.locator("#import-errors")).to_contain_text("http:// or https://")
    expect(page.locator(".import-errors")).to_contain_text(
        "Import finished: 1 new, 0 updated, 0 unchanged, 1 row with errors."
    )
    shot(page, "74-source-import")
    assert list(Source.objects.filter(newsroom=newsroom).values_list("name", flat=True)) == ["Harbour Gazette"]
    assert console_errors == []


def test_an_admin_sets_the_check_worthy_threshold(
    page, live_server, newsroom, admin_member, as_user, console_errors, shot
):
    # given a newsroom admin in the app, following the model's threshold
    as_user(page, admin_member)
    page.click("nav >> text=Settings")
    page.click("nav >> text=Check-worthiness")
    expect(page.locator("h1")).to_have_text("Check-worthiness")
    expect(page.locator(".threshold-card")).to_contain_text("following the model")
    shot(page, "75-threshold")

    # when they ask for their own threshold without a number, they are told what is missing
    page.check("input[name=mode][value=own]")
    page.click(".threshold-card button[type=submit]")
    expect(page.locator(".threshold-card .error")).to_contain_text("Give a score from 0 to 1")
    shot(page, "76-threshold-error")

    # and with a number it is saved and shown
    page.fill("#id_threshold", "0.6")
    page.click(".threshold-card button[type=submit]")
    expect(page.locator(".flash-success")).to_contain_text("Saved")
    expect(page.locator(".threshold-card")).to_contain_text("your own threshold, 0.60")
    newsroom.refresh_from_db()
    assert newsroom.checkworthy_threshold == 0.6
    shot(page, "77-threshold-saved")
    assert console_errors == []


def test_an_admin_takes_a_rating_off_the_scale(
    page, live_server, newsroom, admin_member, as_user, console_errors, shot
):
    half = RatingScale.objects.get(newsroom=newsroom, label="Half true")
    unverifiable = RatingScale.objects.get(newsroom=newsroom, label="Unverifiable")
    as_user(page, admin_member)
    for name, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
        page.set_viewport_size(viewport)
        page.goto(f"{live_server.url}{reverse('verdicts:rating_scale')}")
        # the default scale: Unverifiable off the scale, the others on it
        expect(page.locator(f"#rating-{unverifiable.pk}-on_scale")).not_to_be_checked()
        expect(page.locator(f"#rating-{half.pk}-on_scale")).to_be_checked()
        shot(page, f"rating-scale-{name}")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], name
    # when Half true is unticked and saved
    page.uncheck(f"#rating-{half.pk}-on_scale")
    page.click(f"#rating-{half.pk} button[value=save]")
    expect(page.locator("#flash")).to_contain_text("Saved")
    # then
    expect(page.locator(f"#rating-{half.pk}-on_scale")).not_to_be_checked()
    half.refresh_from_db()
    assert not half.on_scale
    assert console_errors == []

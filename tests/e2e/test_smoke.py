from django.urls import reverse


def test_it_logs_in_and_lands_on_the_queue(page, live_server, editor, as_user, console_errors, shot):
    page.goto(f"{live_server.url}{reverse('login')}")
    shot(page, "00-login")
    as_user(page, editor)
    assert page.url.endswith(reverse("claims:queue"))
    assert page.locator("h1").first.inner_text() == "Queue"
    shot(page, "01-queue-empty")
    assert console_errors == []


def test_it_refuses_a_wrong_password(page, live_server, editor, console_errors):
    page.goto(f"{live_server.url}{reverse('login')}")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "wrong-password")
    page.click("button[type=submit]")
    assert "correct username and password" in page.locator("[role=alert]").inner_text()

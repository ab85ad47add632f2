from django.urls import reverse
from django.utils import timezone

from factcheck.verdicts.models import Verdict
from tests.factories import make_article, make_claim, make_verdict


def _published(newsroom, author, reviewer, n):
    article = make_article(newsroom)
    for i in range(n):
        claim = make_claim(article, start=i, end=i + 5)
        make_verdict(
            claim, author, status=Verdict.Status.PUBLISHED, reviewer=reviewer, published_at=timezone.now(),
            conclusion="Checked.",
        )  # fmt: skip


def test_it_caps_the_size_of_an_editors_export(client, newsroom, editor, colleague, settings):
    settings.REPORTS_MAX_VERDICTS_NON_ADMIN = 2
    _published(newsroom, editor, colleague, 3)
    client.force_login(editor)
    response = client.post(reverse("reports:builder"), {"format": "csv", "status": ["published"]})
    assert response.status_code == 200
    assert "editors may export up to 2" in response.content.decode()


def test_it_lets_an_admin_export_past_the_cap(client, newsroom, editor, colleague, admin_member, settings):
    settings.REPORTS_MAX_VERDICTS_NON_ADMIN = 2
    _published(newsroom, editor, colleague, 3)
    client.force_login(admin_member)
    response = client.post(reverse("reports:builder"), {"format": "csv", "status": ["published"]})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")

"""The queue's rows built in Python (claims.rows) against the templates that render the same pieces for one
statement, for every role and assignment: the status badge and the assignee cell may not drift apart, and
every text a row shows is escaped."""

import random
import re
from datetime import UTC, datetime, timedelta

import pytest

from django.contrib.sessions.backends.db import SessionStore
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.html import escape

from factcheck.claims.forms import BulkForm, bulk_bar
from factcheck.claims.models import Claim
from factcheck.claims.rows import (
    QueueRow,
    assignee_html,
    found_labels,
    queue_rows_html,
    score_label,
    status_badge_html,
    status_labels,
)
from factcheck.claims.views import _queue_rows_show, queue_row_columns, queue_row_values
from factcheck.newsrooms.models import Membership
from tests.factories import make_article, make_claim, make_source

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _same_markup(html):
    """Whitespace between tags and the per-call CSRF mask do not count."""
    html = CSRF.sub('name="csrfmiddlewaretoken" value="?"', str(html))
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


@pytest.fixture
def members(editor, checker, viewer, admin_member):
    return [Membership.objects.get(user=u) for u in (editor, checker, viewer, admin_member)]


@pytest.fixture
def claims(newsroom, editor, checker):
    outlet = make_source(newsroom, name='Herald & "Post" <Ltd>')
    article = make_article(newsroom, title="Tolls <b>rise</b> & fall", outlet=outlet)
    made = []
    for i, (assignee, status, reason) in enumerate(
        [
            (None, Claim.Status.NEW, ""),
            (editor, Claim.Status.IN_PROGRESS, ""),
            (checker, Claim.Status.IN_REVIEW, ""),
            (None, Claim.Status.DISMISSED, 'Opinion: "not <checkable>" & vague'),
        ]
    ):
        made.append(
            make_claim(
                article,
                start=i,
                end=i + 20,
                assignee=assignee,
                status=status,
                dismissed_reason=reason,
                speaker="O'Brien <CEO>",
                types="numeric quote",
            )
        )
    return queue_row_columns(Claim.objects.filter(pk__in=[c.pk for c in made]))


def _request(user, path="/queue/?q=a&b=<x>"):
    request = RequestFactory().get(path)
    request.user = user
    request.session = SessionStore()
    return request


@pytest.mark.django_db
def test_status_badge_and_assignee_cell_match_their_templates(members, claims):
    for membership in members:
        request = _request(membership.user)
        for claim in claims:
            context = {"claim": claim, "membership": membership, "user": membership.user}
            badge = render_to_string("claims/partials/status_badge.html", context, request)
            assert _same_markup(status_badge_html(claim)) == _same_markup(badge)
            assert status_badge_html(claim, status_labels()) == status_badge_html(claim)
            cell = render_to_string("claims/partials/assignee.html", context, request)
            assign_url = f"/statements/{claim.pk}/assign/"
            mine = assignee_html(
                claim,
                assign_url,
                user_pk=membership.user.pk,
                membership=membership,
                csrf="?",
                next_path=escape(request.get_full_path()),
            )
            assert _same_markup(mine) == _same_markup(cell), (membership.role, claim.assignee_id)


def _page_rows(claims):
    """The rows as the queue page has them: QueueRow objects from queue_row_values, not model instances."""
    values = queue_row_values(Claim.objects.filter(pk__in=[c.pk for c in claims]).order_by("pk"))
    rows = _queue_rows_show([QueueRow(v) for v in values])
    for claim in rows:
        claim.band, claim.is_new = "high", True
    return rows


@pytest.mark.django_db
def test_a_page_row_shows_what_a_claims_row_shows(members, claims):
    models = _queue_rows_show(list(claims.order_by("pk")))
    for claim in models:
        claim.band, claim.is_new = "high", True
    for membership in members:
        request = _request(membership.user)
        from_models = queue_rows_html(models, request=request, membership=membership)
        from_rows = queue_rows_html(_page_rows(claims), request=request, membership=membership)
        assert _same_markup(from_rows) == _same_markup(from_models)
        for row, claim in zip(_page_rows(claims), models, strict=True):
            assert (row.pk, row.type_list, row.get_status_display()) == (
                claim.pk,
                claim.type_list,
                claim.get_status_display(),
            )


@pytest.mark.django_db
def test_a_row_escapes_everything_it_shows(members, claims):
    membership = members[0]
    rows = _page_rows(claims)
    request = _request(membership.user)
    html = str(queue_rows_html(rows, request=request, membership=membership))
    assert html.count("<tr ") == len(rows)
    assert "<b>" not in html and "<checkable>" not in html and "<CEO>" not in html and "<Ltd>" not in html
    assert "Tolls &lt;b&gt;rise&lt;/b&gt; &amp; fall" in html
    assert "O&#x27;Brien &lt;CEO&gt;" in html
    assert 'title="Dismissed: Opinion: &quot;not &lt;checkable&gt;&quot; &amp; vague"' in html
    assert "Herald &amp; &quot;Post&quot; &lt;Ltd&gt;" in html
    assert "&amp;b=" in escape(request.get_full_path())
    assert f'name="next" value="{escape(request.get_full_path())}"' in html


def test_score_label_is_floatformat_2():
    rng = random.Random(15)
    values = [0.0, 1.0, 0.005, 0.015, 0.125, 0.135, 0.995, 0.994999, 0.285, 0.5549999999]
    values += [rng.random() for _ in range(3000)] + [round(rng.random(), 3) for _ in range(3000)]
    for value in values:
        assert score_label(value) == floatformat(value, 2), value


@pytest.mark.parametrize("zone", ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata"])
def test_found_labels_are_the_date_filter(settings, zone):
    settings.TIME_ZONE = zone
    start = datetime(2026, 3, 27, 22, 0, tzinfo=UTC)  # across a daylight-saving change in Europe
    with timezone.override(zone):
        for minutes in range(0, 3 * 24 * 60, 37):
            moment = start + timedelta(minutes=minutes)
            local = timezone.localtime(moment)
            expected = (date_filter(local, "j M Y, P"), date_filter(local, "j M H:i"))
            assert found_labels(moment) == expected, moment
            assert found_labels(moment, timezone.get_current_timezone(), translation.get_language()) == expected, moment
        for hour, minute in ((0, 0), (12, 0), (0, 5), (12, 30), (23, 59)):
            moment = timezone.make_aware(datetime(2026, 5, 1, hour, minute))
            local = timezone.localtime(moment)
            assert found_labels(moment) == (date_filter(local, "j M Y, P"), date_filter(local, "j M H:i"))


@pytest.mark.django_db
def test_the_bulk_bars_assignee_select_is_the_bulk_forms(members):
    newsroom = members[0].newsroom
    from_form = str(BulkForm(newsroom=newsroom)["assignee"])
    assert _same_markup(bulk_bar(newsroom)["assignee"]) == _same_markup(from_form)
    assert from_form.count("<option") == 2 + sum(m.role != "viewer" for m in members)  # choose…, the people, Nobody

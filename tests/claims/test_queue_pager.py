"""The queue's Previous link (a trail of earlier cursors in `back`) and bulk actions that stay on their page."""

import pytest

from django.http import QueryDict
from django.urls import reverse

from factcheck.claims import pager, views
from factcheck.claims.models import Claim
from tests.factories import make_article, make_claim

HX = {"HX-Request": "true"}


@pytest.fixture
def seven(newsroom, monkeypatch):
    """Seven statements, three a page: pages 1, 2, 3 hold 3, 3 and 1 of them, newest first."""
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    article = make_article(newsroom)
    claims = [make_claim(article, start=i * 10, end=i * 10 + 8, checkworthiness=0.5) for i in range(7)]
    return sorted(c.pk for c in claims)[::-1]


def _page(client, query, **kwargs):
    response = client.get(reverse("claims:queue") + "?" + query, **kwargs)
    assert response.status_code == 200
    return response, [c.pk for c in response.context["rows"]]


def _walk(client, pages):
    """The responses of pages 1..`pages`, following Next from the first with sort=newest."""
    responses = [client.get(reverse("claims:queue"), {"sort": "newest"})]
    for _ in range(pages - 1):
        responses.append(_page(client, responses[-1].context["next_query"])[0])
    return responses


def test_it_goes_back_from_page_3_to_page_2_and_from_page_2_to_page_1(login, editor, seven):
    client = login(editor)
    # given
    first, second, third = _walk(client, 3)
    assert [c.pk for c in third.context["rows"]] == seven[6:]
    # when
    back_to_second, rows_two = _page(client, third.context["previous_query"])
    back_to_first, rows_one = _page(client, back_to_second.context["previous_query"])
    # then
    assert rows_two == seven[3:6] == [c.pk for c in second.context["rows"]]
    assert rows_one == seven[:3]
    assert back_to_first.context["is_first_page"] and back_to_first.context["previous_query"] is None
    assert QueryDict(back_to_second.context["previous_query"]).dict() == {"sort": "newest"}
    # the page reached by Previous goes forward and back like the one reached by Next
    assert back_to_second.context["next_query"] == second.context["next_query"]
    assert back_to_second.context["previous_query"] == second.context["previous_query"]


def test_the_pager_shows_previous_only_past_the_first_page(login, editor, seven):
    client = login(editor)
    first, second, third = _walk(client, 3)
    assert b'rel="prev"' not in first.content and b"First page" not in first.content
    assert b'rel="prev"' in second.content and b"First page" not in second.content  # Previous is the first page
    assert b'rel="prev"' in third.content and b"First page" in third.content
    assert b'rel="next"' not in third.content


def test_a_bulk_action_on_page_2_returns_to_page_2(login, editor, checker, seven):
    client = login(editor)
    second = _walk(client, 2)[1]
    here = second.context["page_query"]
    assert f'value="{here}"'.replace("&", "&amp;").encode() in second.content  # the bulk form's hidden field
    # when: the first statement of page 2 is assigned (plain post, then htmx)
    response = client.post(
        reverse("claims:bulk"), {"ids": [seven[3]], "action": "assign", "assignee": checker.pk, "filters": here}
    )
    # then
    assert response.status_code == 302 and response["Location"] == reverse("claims:queue") + "?" + here
    assert _page(client, here)[1] == seven[3:6]
    response = client.post(
        reverse("claims:bulk"),
        {"ids": [seven[4]], "action": "status", "status": "in_progress", "filters": here},
        headers=HX,
    )
    assert [c.pk for c in response.context["rows"]] == seven[3:6]
    assert response.context["page_query"] == here and response.context["previous_query"] is not None
    assert Claim.objects.get(pk=seven[3]).assignee == checker


def test_a_trail_that_does_not_parse_gives_no_previous_link(login, editor, seven):
    client = login(editor)
    second = _walk(client, 2)[1]
    query = QueryDict(second.context["next_query"], mutable=True)
    query["back"] = "not-a-cursor"
    response, rows = _page(client, query.urlencode())
    assert rows == seven[6:]
    assert response.context["previous_query"] is None and b"First page" in response.content


def _base():
    return QueryDict("sort=newest&status=all", mutable=True)


def test_previous_pops_the_last_cursor_off_the_trail():
    queries = pager.pager_queries(_base(), sort="newest", after="30", back="90,60", next_cursor="20")
    previous = QueryDict(queries["previous_query"])
    assert (previous["after"], previous["back"]) == ("60", "90")
    following = QueryDict(queries["next_query"])
    assert (following["after"], following["back"]) == ("20", "90,60,30")
    assert QueryDict(queries["page_query"]).dict() == {
        "sort": "newest",
        "status": "all",
        "after": "30",
        "back": "90,60",
    }


def test_the_trail_is_bounded_and_previous_stops_where_it_was_cut():
    # given: a trail already full
    trail = [str(1000 - i) for i in range(pager.BACK_MAX)]
    # when: one more Next
    queries = pager.pager_queries(_base(), sort="newest", after="500", back=",".join(trail), next_cursor="400")
    ahead = QueryDict(queries["next_query"])["back"].split(",")
    # then
    assert len(ahead) == pager.BACK_MAX and ahead[0] == pager.BACK_CUT and ahead[-1] == "500"
    assert ahead[1:] == [*trail, "500"][-(pager.BACK_MAX - 1) :]
    # walking back through it ends with no Previous where the oldest pages were dropped
    query = queries["next_query"]
    for _ in range(pager.BACK_MAX):
        params = QueryDict(query)
        query = pager.pager_queries(
            _base(), sort="newest", after=params["after"], back=params.get("back", ""), next_cursor=""
        )["previous_query"]
        if query is None:
            break
    assert query is None


def test_a_trail_longer_than_the_bound_is_read_as_cut():
    back = ",".join(str(i) for i in range(pager.BACK_MAX + 1, 0, -1))
    assert pager.back_trail(back, "newest", "1") == [pager.BACK_CUT]
    assert pager.back_trail("0.5:3", "score", "0.4:2") == ["0.5:3"]
    assert pager.back_trail("3", "score", "0.4:2") == [pager.BACK_CUT]  # a cursor of another sort

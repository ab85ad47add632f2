"""The dashboard's figures lead to the work behind them: the status tiles, "Returned to you" and each person
of the Workload open the queue filtered to what they count."""

from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.verdicts.services import verdict_return, verdict_submit
from tests.factories import give_name, make_article, make_claim
from tests.verdicts.conftest import member, ready_for_review

QUEUE = reverse("claims:queue")


def _returned(claim, author, reviewer, rating):
    verdict = ready_for_review(claim, author, rating)
    return verdict_return(member=member(reviewer), verdict=verdict, comment="Cite the audit.")


def test_it_counts_the_verdicts_returned_to_me_and_links_to_them(login, editor, colleague, checker, newsroom, rating):
    # given two of alice's verdicts returned, one of carol's, and one of alice's returned then resubmitted
    article = make_article(newsroom)
    claims = [make_claim(article, start=s, end=s + 30) for s in (39, 80, 135, 160)]
    _returned(claims[0], editor, colleague, rating)
    _returned(claims[1], editor, colleague, rating)
    _returned(claims[2], checker, editor, rating)
    verdict_submit(member=member(editor), verdict=_returned(claims[3], editor, colleague, rating))
    tile = f'<a class="tile tile-returned has-returned" href="{QUEUE}?review=returned">'
    # then the tile counts each author's own, as the queue's filter lists them
    html = login(editor).get(reverse("verdicts:dashboard")).content.decode()
    assert tile in html and 'id="dashboard-returned">2<' in html
    assert 'id="dashboard-returned">1<' in login(checker).get(reverse("verdicts:dashboard")).content.decode()
    none = login(colleague).get(reverse("verdicts:dashboard")).content.decode()
    assert 'id="dashboard-returned">0<' in none and "has-returned" not in none


def test_a_viewer_who_writes_no_verdicts_has_no_returned_tile(login, viewer):
    assert 'id="dashboard-returned"' not in login(viewer).get(reverse("verdicts:dashboard")).content.decode()


def test_each_person_of_the_workload_links_to_their_statements(login, editor, checker, newsroom):
    # given open statements of alice, of carol, and one unassigned
    give_name(checker, "Carol", "Diaz")
    article = make_article(newsroom)
    mine, carols, _ = (
        make_claim(article, start=s, end=s + 30, assignee=a) for s, a in ((39, editor), (80, checker), (135, None))
    )
    html = login(editor).get(reverse("verdicts:dashboard")).content.decode()
    link = f'<a href="{QUEUE}?assignee={checker.pk}">Carol Diaz</a>'
    assert link in html and f'<a href="{QUEUE}?assignee=unassigned">Unassigned</a>' in html
    # when the link is followed, the queue lists carol's statements, and its filter names her
    response = login(editor).get(QUEUE, {"assignee": checker.pk})
    assert [row.pk for row in response.context["rows"]] == [carols.pk]
    assert f'<option value="{checker.pk}" selected>Carol Diaz</option>' in response.content.decode()
    # and an id of no one in the newsroom finds nothing rather than failing
    assert list(login(editor).get(QUEUE, {"assignee": 999999}).context["rows"]) == []
    assert Claim.objects.filter(assignee=editor).get() == mine


def test_the_status_tiles_are_links_and_the_median_wait_is_not(login, editor, newsroom):
    make_claim(make_article(newsroom))
    html = login(editor).get(reverse("verdicts:dashboard")).content.decode()
    assert f'<a class="tile st-new" href="{QUEUE}?status=new">' in html
    assert '<div class="tile tile-wait">' in html

"""The queue's shortcut hint names only the keys that work for the member's role."""

import pytest

from django.urls import reverse

KEYS = {
    "viewer": (False, False),  # take (a), select (x)
    "checker": (True, False),
    "editor": (True, True),
}


@pytest.mark.parametrize("role", KEYS)
def test_the_hint_shows_the_keys_of_the_role(login, editor, checker, viewer, role):
    user = {"viewer": viewer, "checker": checker, "editor": editor}[role]
    html = login(user).get(reverse("claims:queue")).content.decode()
    hint = html.split('class="kbd-hint', 1)[1].split("</span>", 1)[0]
    take, select = KEYS[role]
    assert ("<kbd>a</kbd> take" in hint) is take
    assert ("<kbd>x</kbd> select" in hint) is select
    assert "<kbd>/</kbd> search" in hint and "<kbd>Esc</kbd>" in hint

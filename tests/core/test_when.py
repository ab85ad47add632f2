"""The `ago` filter: 'just now' under a minute instead of timesince's '0 minutes ago'."""

import datetime

from django.template import Context, Template
from django.utils import timezone

from factcheck.core.templatetags.when import ago

NOW = timezone.make_aware(datetime.datetime(2026, 12, 3, 20, 0))


def test_it_says_just_now_under_a_minute():
    assert ago(NOW - datetime.timedelta(seconds=59), NOW) == "just now"
    assert ago(NOW, NOW) == "just now"


def test_it_says_how_long_ago_from_a_minute_on():
    assert ago(NOW - datetime.timedelta(minutes=1), NOW) == "1\xa0minute ago"
    assert ago(NOW - datetime.timedelta(hours=2, minutes=5), NOW) == "2\xa0hours, 5\xa0minutes ago"


def test_it_renders_nothing_without_a_time():
    assert Template("{% load when %}[{{ missing|ago }}]").render(Context({})) == "[]"
    assert Template("{% load when %}{{ t|ago }}").render(Context({"t": timezone.now()})) == "just now"

from django.http import Http404

from factcheck.newsrooms.access import get_membership


def membership(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    try:
        return {"membership": get_membership(request)}
    except Http404:
        return {}

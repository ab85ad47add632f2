from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from factcheck.newsrooms.access import get_membership
from factcheck.sources.models import Source


def _get_source_for_user(request, pk):
    membership = get_membership(request)
    return get_object_or_404(Source.objects.for_newsroom(membership.newsroom), pk=pk)


@require_GET
@login_required
def source_list(request):
    membership = get_membership(request)
    term = request.GET.get("q", "")[:100]
    sources = Source.objects.for_newsroom(membership.newsroom).search(term)[:200]
    template = "sources/partials/rows.html" if request.htmx else "sources/list.html"
    return render(request, template, {"sources": sources, "q": term})


@require_GET
@login_required
def source_detail(request, pk):
    source = _get_source_for_user(request, pk)
    return render(request, "sources/detail.html", {"source": source})

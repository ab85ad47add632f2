from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from factcheck.newsrooms.access import get_membership, require_editor


@require_http_methods(["GET", "POST"])
@login_required
def builder(request):
    membership = get_membership(request)
    require_editor(membership)
    return render(request, "reports/builder.html", {})

from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from factcheck.core.health import broker_status, database_status


@never_cache
@require_GET
def healthz(request):
    database = database_status()
    broker = broker_status()
    status = 200 if database["ok"] else 503
    return JsonResponse(
        {"status": "ok" if database["ok"] and broker["ok"] else "degraded", "database": database, "broker": broker},
        status=status,
    )


@require_GET
def favicon(request):
    """/favicon.ico, which a browser asks for on a page that does not link an icon (the Django admin, a JSON
    answer): the SVG icon base.html links, by a temporary redirect (its hashed name changes with it)."""
    return redirect(static("favicon.svg"))

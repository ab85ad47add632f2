from django.http import JsonResponse
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

"""Turn a lost database connection into a clear 503 instead of a 500 page."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.template.response import SimpleTemplateResponse

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            isinstance(exception, DatabaseError) and "connection" in str(exception).lower()
        ):
            logger.warning("database unavailable for %s: %s", request.path, exception)
            response = SimpleTemplateResponse("503.html", status=503)
            response["Retry-After"] = "5"
            return response.render()
        return None

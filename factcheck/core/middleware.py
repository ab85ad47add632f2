"""Turn a lost database connection into a clear 503 instead of a 500 or 400 page."""

import logging

from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.db import DatabaseError, InterfaceError, OperationalError
from django.template.response import SimpleTemplateResponse

logger = logging.getLogger(__name__)


def _unavailable():
    response = SimpleTemplateResponse("503.html", status=503)
    response["Retry-After"] = "5"
    return response.render()


def _lost_database(exception):
    """True when the exception, or anything it was raised while handling, is a lost connection."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        seen.add(id(exception))
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            isinstance(exception, DatabaseError) and "connection" in str(exception).lower()
        ):
            return True
        exception = exception.__cause__ or exception.__context__
    return False


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if _lost_database(exception):
            logger.warning("database unavailable for %s: %s", request.path, exception)
            return _unavailable()
        return None


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's session middleware, except that a session save lost to a database outage is a 503.

    Django reports a failed session save as SessionInterrupted (a 400 "session was deleted"), which
    happens after the view, where DatabaseUnavailableMiddleware cannot see it.
    """

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except SessionInterrupted as exc:
            if _lost_database(exc):
                logger.warning("database unavailable while saving the session for %s", request.path)
                return _unavailable()
            raise

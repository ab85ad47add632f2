"""Request hardening: a lost database is a clear 503, oversized bodies a 413, private pages uncached,
and a bare 405 a page in the app's style."""

import logging

from django.conf import settings
from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.template.response import SimpleTemplateResponse
from django.utils.cache import patch_cache_control

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


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than REQUEST_MAX_BYTES with a 413, before anything reads it.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves file uploads out, so a multipart body of any size
    would otherwise be streamed to temporary files. Under WSGI, Django reads at most Content-Length
    bytes (LimitedStream); a request without one (chunked) is read as empty. So refusing a declared
    length above the limit bounds every body the application reads.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_MAX_BYTES
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0  # Django reads nothing for an unparsable length
        if declared > limit:
            logger.warning("request body of %d bytes refused for %s (limit %d)", declared, request.path, limit)
            return HttpResponse(
                f"Request body too large: at most {_megabytes(limit)} per request.\n",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _megabytes(n):
    return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def _authenticated(request):
    user = getattr(request, "user", None)
    if user is None:
        return False
    try:
        return user.is_authenticated
    except DatabaseError:
        return True  # the session could not be read: assume the worst


class PrivateCacheMiddleware:
    """`Cache-Control: private, no-store` on every answer to a signed-in user and on every download.

    Directives a view set itself are kept (Django's patch_cache_control merges; "private" replaces
    "public"), so never_cache pages stay as strict as they were. Anonymous pages (the public fact
    check, the login page, /healthz) are left alone; static files never reach this middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        download = isinstance(response, FileResponse) or response.get("Content-Disposition", "").startswith(
            "attachment"
        )
        if download or _authenticated(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


class MethodNotAllowedPageMiddleware:
    """An empty 405 (require_POST and friends answer one) becomes templates/405.html with a way back.

    A submit-only address opened in the browser (a bookmark, a reloaded form) otherwise shows the
    browser's own "This page isn't working". The Allow header is kept; the JSON API under /api/ keeps
    its own answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content or request.path.startswith("/api/"):
            return response
        page = render(request, "405.html", status=405)
        if "Allow" in response:
            page["Allow"] = response["Allow"]
        return page

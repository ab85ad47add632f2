"""The JSON API under /api/ (django-ninja): submit articles, read statements, the queue and verdicts.

Every call carries `Authorization: Bearer <token>`; the token's newsroom scopes every query (another
newsroom's ids are 404), its role decides whether it may submit (403), and each token has its own
rate limit (429 with Retry-After). Every error has the same body: {"error": {"code", "message",
"details"?}}. The schema is at /api/openapi.json, the docs page at /api/docs.
"""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any, Literal

from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.docs import Swagger
from ninja.security import HttpBearer
from pydantic import Field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from factcheck.api import payloads
from factcheck.api.services import RateLimited, TokenRefused, rate_limit_hit, token_authenticate
from factcheck.claims.forms import QueueFilterForm
from factcheck.claims.models import Article
from factcheck.claims.queue import cursor_of, keyset, queue_query
from factcheck.claims.services import article_submit
from factcheck.reports.claimreview import scale_bounds
from factcheck.verdicts.models import Verdict

# --- errors ---------------------------------------------------------------------------------


class ApiError(Exception):
    def __init__(self, status, code, message, details=None, headers=None):
        super().__init__(message)
        self.status, self.code, self.message, self.details, self.headers = status, code, message, details, headers


class TooLarge(ApiError):
    def __init__(self, declared):
        super().__init__(
            413,
            "too_large",
            f"The request body is {declared:,} bytes; the API accepts at most {settings.API_MAX_BODY_BYTES:,}.",
        )


class ErrorBody(Schema):
    code: str = Field(examples=["not_found"])
    message: str
    details: Any | None = None


class ErrorOut(Schema):
    error: ErrorBody


HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}
HTTP_CODES |= {413: "too_large", 422: "invalid", 429: "rate_limited"}


class TokenAuth(HttpBearer):
    """Bearer token → ApiToken; the body-size cap and the rate limit are checked here, before any body is read."""

    def authenticate(self, request, token):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.API_MAX_BODY_BYTES:
            raise TooLarge(declared)
        try:
            api_token = token_authenticate(token)
        except TokenRefused as exc:
            raise ApiError(401, "unauthorized", str(exc), headers={"WWW-Authenticate": "Bearer"}) from None
        try:
            calls, limit, left = rate_limit_hit(token_id=api_token.pk)
        except RateLimited as exc:
            raise ApiError(
                429,
                "rate_limited",
                f"Too many requests for this token: the limit is {exc.limit}. Retry in {exc.retry_after} s.",
                details={"limit": exc.limit, "retry_after": exc.retry_after},
                headers={"Retry-After": str(exc.retry_after)},
            ) from None
        request.rate_headers = {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(max(0, limit - calls)),
            "X-RateLimit-Reset": str(left),
        }
        return api_token


class WorkbenchAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        """Every answer, error or not: the token's rate-limit headers and no caching anywhere."""
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        for name, value in getattr(request, "rate_headers", {}).items():
            response[name] = value
        response["Cache-Control"] = "no-store"
        return response


class WorkbenchSwagger(Swagger):
    """Swagger UI inside the workbench's own layout (top bar, breadcrumb): templates/api/docs.html."""

    template = "api/docs.html"


api = WorkbenchAPI(
    title="Fact-check workbench API",
    version="1",
    description=(
        "Submit articles, read their statements, work the queue and collect published verdicts with their "
        "ClaimReview. Authenticate with `Authorization: Bearer <token>`; newsroom admins create tokens "
        'under API & webhooks. Errors: `{"error": {"code", "message", "details"?}}`.'
    ),
    auth=TokenAuth(),
    urls_namespace="api:v1",
    docs=WorkbenchSwagger(settings={"validatorUrl": None, "persistAuthorization": False}),
)


def _error(request, status, code, message, details=None, headers=None):
    body = {"error": {"code": code, "message": message}}
    if details is not None:
        body["error"]["details"] = details
    response = api.create_response(request, body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@api.exception_handler(ApiError)
def _api_error(request, exc):
    return _error(request, exc.status, exc.code, exc.message, exc.details, exc.headers)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    message = "Send an API token: Authorization: Bearer <token>."
    return _error(request, 401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


@api.exception_handler(HttpError)
def _http_error(request, exc):
    return _error(request, exc.status_code, HTTP_CODES.get(exc.status_code, "error"), str(exc))


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc):
    details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors]
    return _error(request, 422, "invalid", "The request is not valid.", details)


@api.exception_handler(ValidationError)
def _domain_invalid(request, exc):
    details = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    message = " ".join(m for ms in details.values() for m in ms)
    return _error(request, 422, "invalid", message, details)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, "not_found", "Nothing with that id in this token's newsroom.")


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _error(request, 403, "forbidden", str(exc) or "This token may not do that.")


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


# --- schemas --------------------------------------------------------------------------------


class RunOut(Schema):
    id: int
    status: Literal["pending", "running", "succeeded", "failed"]
    progress: int = Field(description="Percent done.")
    message: str
    statements_found: int
    extractor_version: str
    created_at: datetime
    finished_at: datetime | None


class StatementOut(Schema):
    id: int
    article_id: int
    start: int = Field(description="Offset of the first character in the article text (Python str index).")
    end: int = Field(description="Offset just past the last character: text == article_text[start:end].")
    text: str
    position: int
    types: list[str]
    checkworthiness: float
    checkworthy: bool
    reasons: list[Any]
    status: str
    speaker: str
    quantities: list[dict[str, Any]]
    checks: list[dict[str, Any]] = Field(
        description="The arithmetic and comparison checks this statement takes part in."
    )
    has_failed_check: bool
    has_known_match: bool
    found_by_current_extractor: bool
    created_at: datetime
    web_url: str


class ArticleOut(Schema):
    id: int
    title: str
    url: str
    published_on: date | None
    created_at: datetime
    length: int
    run: RunOut | None
    web_url: str
    checks: list[dict[str, Any]]
    statements: list[StatementOut]


class SubmitIn(Schema):
    text: str | None = Field(None, description="The article's text. Give `text` or `url`, not both.")
    url: str | None = Field(None, max_length=1000, description="An http(s) link the server fetches.")
    title: str = Field("", max_length=500)
    published_on: date | None = None


class SubmitOut(Schema):
    article_id: int
    created: bool = Field(description="False when the same text (or URL) was already submitted.")
    run: RunOut | None
    status_url: str


class QueueParams(Schema):
    q: str | None = Field(None, max_length=200, description="Full-text search.")
    status: str | None = Field(
        None, description="open (default), all, new, in_progress, in_review, published, dismissed"
    )
    type: str | None = Field(None, description="A statement type, e.g. numeric.")
    outlet: int | None = None
    article: int | None = None
    assignee: Literal["unassigned"] | None = None
    min_score: float | None = Field(None, ge=0, le=1)
    max_score: float | None = Field(None, ge=0, le=1)
    failed: bool = False
    matched: bool = Field(False, description="Only statements already checked elsewhere.")
    since: date | None = None
    until: date | None = None
    sort: Literal["score", "newest", "oldest"] = "score"
    after: str | None = Field(None, max_length=60, description="The `next_cursor` of the previous page.")
    limit: int = Field(50, ge=1, le=100)


class QueuePage(Schema):
    items: list[StatementOut]
    next_cursor: str | None


class VerdictParams(Schema):
    since: datetime | None = Field(None, description="Only verdicts published at or after this time (ISO 8601).")
    after: str | None = Field(None, max_length=60, description="The `next_cursor` of the previous page.")
    limit: int = Field(50, ge=1, le=100)


class VerdictOut(Schema):
    id: int
    statement_id: int
    article_id: int
    version: int
    rating: str | None
    rating_value: int | None = Field(
        description="The rating's value, higher is truer; null for a rating off the scale, such as Unverifiable."
    )
    conclusion: str
    published_at: datetime
    public_url: str
    claimreview: dict[str, Any] | None = Field(description="schema.org ClaimReview JSON-LD.")
    claimreview_skipped: str | None = Field(description="Why no ClaimReview could be built, if none.")


class VerdictPage(Schema):
    items: list[VerdictOut]
    next_cursor: str | None


# --- endpoints ------------------------------------------------------------------------------


@api.post(
    "/articles",
    response={200: SubmitOut, 201: SubmitOut, **ERRORS},
    summary="Submit an article (text or URL)",
    tags=["articles"],
)
def submit_article(request, payload: SubmitIn):
    """Save an article and start its extraction. `submit` tokens only. 201 when new, 200 when the same
    text (or URL) was already there."""
    token = request.auth
    if not token.can_submit:
        raise ApiError(403, "forbidden", "This token is read-only: create a token with the submit role.")
    if bool(payload.text) == bool(payload.url):
        raise ApiError(422, "invalid", "Give either `text` or `url`.", {"text": "or url"})
    user = token.created_by
    if payload.text:
        result = article_submit(
            newsroom=token.newsroom,
            user=user,
            title=payload.title,
            body=payload.text,
            published_on=payload.published_on,
        )
    else:
        if not payload.url.lower().startswith(("http://", "https://")):
            raise ApiError(422, "invalid", "Only http and https links are accepted.", {"url": "http(s) only"})
        submit_url = _article_submit_url()
        result = submit_url(
            newsroom=token.newsroom, user=user, url=payload.url, title=payload.title, published_on=payload.published_on
        )
    run = result.run or result.article.runs.first()
    return Status(
        201 if result.created else 200,
        {
            "article_id": result.article.pk,
            "created": result.created,
            "run": payloads.run_data(run),
            "status_url": _base_url(request) + f"/api/articles/{result.article.pk}",
        },
    )


def _article_submit_url():
    from factcheck.claims import services

    submit_url = getattr(services, "article_submit_url", None)
    if submit_url is None:
        raise ApiError(422, "not_available", "Submitting by URL is not available on this server yet.")
    return submit_url


@api.get(
    "/articles/{article_id}",
    response={200: ArticleOut, **ERRORS},
    summary="An article and its statements",
    tags=["articles"],
)
def get_article(request, article_id: int):
    """The article's latest extraction run and every statement with its offsets, types, score,
    quantities and checks."""
    article = get_object_or_404(Article.objects.for_newsroom(request.auth.newsroom), pk=article_id)
    return payloads.article_data(article, base_url=_base_url(request))


@api.get("/queue", response={200: QueuePage, **ERRORS}, summary="The statement queue", tags=["queue"])
def get_queue(request, filters: Query[QueueParams]):
    """The queue with the web queue's filters, one cursor page at a time (follow `next_cursor`)."""
    newsroom = request.auth.newsroom
    params = filters.dict(exclude_none=True)
    limit = params.pop("limit")
    form = QueueFilterForm({k: v for k, v in params.items() if v is not False}, newsroom=newsroom)
    if not form.is_valid():
        details = {field: list(errors) for field, errors in form.errors.items()}
        raise ApiError(422, "invalid", "The queue filters are not valid.", details)
    data = form.cleaned_data
    qs, sort = queue_query(SimpleNamespace(newsroom=newsroom, user_id=None), data)
    rows = list(keyset(qs, sort, data.get("after"))[: limit + 1])
    has_next = len(rows) > limit
    rows = rows[:limit]
    base = _base_url(request)
    return {
        "items": [payloads.statement_data(c, base_url=base) for c in rows],
        "next_cursor": cursor_of(rows[-1], sort) if has_next else None,
    }


def _verdict_cursor(verdict):
    micros = (verdict.published_at - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
    return f"{micros}.{verdict.pk}"


def _verdict_after(value):
    try:
        micros, pk = value.split(".")
        moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(micros))
        return moment, int(pk)
    except (ValueError, OverflowError):
        raise ApiError(422, "invalid", "The cursor is not one this API gave out.", {"after": value}) from None


@api.get(
    "/verdicts", response={200: VerdictPage, **ERRORS}, summary="Published verdicts since a time", tags=["verdicts"]
)
def get_verdicts(request, filters: Query[VerdictParams]):
    """Published verdicts, oldest first, each with its ClaimReview; poll with `since` or follow
    `next_cursor`. A correction appears again as a new version."""
    newsroom = request.auth.newsroom
    qs = payloads.verdict_rows().filter(newsroom=newsroom, status=Verdict.Status.PUBLISHED)
    if filters.since is not None:
        since = filters.since if timezone.is_aware(filters.since) else timezone.make_aware(filters.since)
        qs = qs.filter(published_at__gte=since)
    if filters.after:
        moment, pk = _verdict_after(filters.after)
        qs = qs.filter(Q(published_at__gt=moment) | Q(published_at=moment, pk__gt=pk))
    rows = list(qs.order_by("published_at", "pk")[: filters.limit + 1])
    has_next = len(rows) > filters.limit
    rows = rows[: filters.limit]
    base, bounds = _base_url(request), scale_bounds(newsroom)
    return {
        "items": [payloads.verdict_data(v, base_url=base, bounds=bounds) for v in rows],
        "next_cursor": _verdict_cursor(rows[-1]) if has_next else None,
    }

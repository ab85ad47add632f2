"""The JSON shapes the API answers with and webhooks send: one builder per shape, plain dicts."""

from django.conf import settings
from django.urls import reverse

from factcheck.claims.models import Article, ExtractionRun
from factcheck.reports.claimreview import Skip, claimreview_for, scale_bounds
from factcheck.verdicts.models import Verdict


def run_data(run):
    if run is None:
        return None
    return {
        "id": run.pk,
        "status": run.status,
        "progress": run.progress_percent,
        "message": run.message,
        "statements_found": run.statements_found,
        "extractor_version": run.extractor_version,
        "created_at": run.created_at,
        "finished_at": run.finished_at,
    }


def statement_data(claim, *, base_url):
    return {
        "id": claim.pk,
        "article_id": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "position": claim.position,
        "types": claim.type_list,
        "checkworthiness": claim.checkworthiness,
        "checkworthy": claim.checkworthy,
        "reasons": claim.reasons,
        "status": claim.status,
        "speaker": claim.speaker,
        "quantities": claim.quantities,
        "checks": claim.relations,
        "has_failed_check": claim.has_failed_check,
        "has_known_match": claim.has_known_match,
        "found_by_current_extractor": claim.found_by_current_extractor,
        "created_at": claim.created_at,
        "web_url": base_url + claim.get_absolute_url(),
    }


def article_data(article, *, base_url, with_statements=True):
    runs = list(article.runs.all()[:1])
    data = {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "published_on": article.published_on,
        "created_at": article.created_at,
        "length": len(article.body),
        "run": run_data(runs[0] if runs else None),
        "web_url": base_url + article.get_absolute_url(),
    }
    if with_statements:
        last_done = article.runs.filter(status=ExtractionRun.Status.SUCCEEDED).only("relations").first()
        data["checks"] = last_done.relations if last_done is not None else []
        data["statements"] = [statement_data(c, base_url=base_url) for c in article.claims.order_by("position", "pk")]
    return data


def verdict_data(verdict, *, base_url, bounds):
    try:
        claimreview, skipped = claimreview_for(verdict, base_url=base_url + "/", bounds=bounds), None
    except Skip as exc:
        claimreview, skipped = None, str(exc)
    return {
        "id": verdict.pk,
        "statement_id": verdict.claim_id,
        "article_id": verdict.claim.article_id,
        "version": verdict.version,
        "rating": verdict.rating.label if verdict.rating else None,
        "rating_value": verdict.rating.scale_value if verdict.rating else None,  # None off the scale
        "conclusion": verdict.conclusion,
        "published_at": verdict.published_at,
        "public_url": base_url + reverse("reports:public_verdict", args=[verdict.pk]),
        "claimreview": claimreview,
        "claimreview_skipped": skipped,
    }


def verdict_rows():
    return Verdict.objects.select_related(
        "rating", "newsroom", "claim", "claim__article", "claim__article__outlet", "claim__claimant"
    )


# --- webhook event data ---------------------------------------------------------------------


def extraction_finished_data(*, run_id, article_id, status):
    run = ExtractionRun.objects.filter(pk=run_id).first()
    article = Article.objects.filter(pk=article_id).only("pk", "title", "url").first()
    return {
        "article": {
            "id": article_id,
            "title": article.title if article else "",
            "url": article.url if article else "",
            "api_url": settings.SITE_URL + f"/api/articles/{article_id}",
        },
        "run": run_data(run) or {"id": run_id, "status": status},
    }


def verdict_published_data(*, verdict_id):
    verdict = verdict_rows().get(pk=verdict_id)
    return verdict_data(verdict, base_url=settings.SITE_URL, bounds=scale_bounds(verdict.newsroom))

"""Thin Celery tasks: primary keys in, one service call. Matching is idempotent (upserts on the pair)."""

from celery import shared_task

from factcheck.factchecks import services


@shared_task
def factchecks_match_articles_task(article_ids):
    return services.matches_for_articles(article_ids=article_ids)


@shared_task
def factchecks_match_article_task(article_id):
    """Kept for messages queued before factchecks_match_articles_task existed."""
    return services.matches_for_article(article_id=article_id)


@shared_task
def factchecks_match_known_task(known_ids):
    return services.matches_for_known(known_ids=known_ids)


@shared_task
def factchecks_own_verdict_task(verdict_id):
    known = services.known_from_verdict(verdict_id=verdict_id)
    return known.pk if known else None

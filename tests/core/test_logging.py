"""A 403 is an ordinary refusal: django.request logs it at INFO in one line, without the traceback
(settings.LOGGING's core.logfilters.ForbiddenAtInfo); other statuses keep their level."""

import logging

from django.urls import reverse

from factcheck.core.logfilters import ForbiddenAtInfo


def _request_records(caplog):
    return [r for r in caplog.records if r.name == "django.request"]


def test_it_logs_a_permission_denied_at_info_without_the_traceback(caplog, login, viewer):
    caplog.set_level(logging.DEBUG)
    # when a viewer tries to submit an article (PermissionDenied in the view)
    response = login(viewer).post(reverse("claims:submit"), {"title": "x", "body": "y"})
    # then the refusal is one INFO line naming the path, with no traceback
    assert response.status_code == 403
    (record,) = _request_records(caplog)
    assert record.levelno == logging.INFO and record.levelname == "INFO"
    assert record.getMessage() == f"Forbidden (Permission denied): {reverse('claims:submit')}"
    assert record.exc_info is None and "Traceback" not in caplog.text


def test_it_keeps_other_statuses_as_they_were(caplog, login, outsider, newsroom):
    caplog.set_level(logging.DEBUG)
    response = login(outsider).get(reverse("claims:article", args=[987654]))
    assert response.status_code == 404
    (record,) = _request_records(caplog)
    assert record.levelno == logging.WARNING and record.getMessage().startswith("Not Found")


def test_it_drops_a_403_when_the_logger_does_not_log_info():
    logger = logging.getLogger("django.request")
    record = logger.makeRecord("django.request", logging.WARNING, __file__, 1, "Forbidden: %s", ("/x/",), None)
    record.status_code = 403
    previous = logger.level
    try:
        logger.setLevel(logging.WARNING)
        assert ForbiddenAtInfo().filter(record) is False
        logger.setLevel(logging.INFO)
        assert ForbiddenAtInfo().filter(record) is True and record.levelno == logging.INFO
    finally:
        logger.setLevel(previous)


def test_the_setting_puts_the_filter_on_django_request(settings):
    assert settings.LOGGING["loggers"]["django.request"]["filters"] == ["forbidden_at_info"]
    assert any(isinstance(f, ForbiddenAtInfo) for f in logging.getLogger("django.request").filters)

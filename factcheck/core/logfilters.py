"""Filters of the LOGGING setting."""

import logging


class ForbiddenAtInfo(logging.Filter):
    """An ordinary refusal (403: a viewer's write, a checker's editor action) is logged by django.request at
    WARNING with the PermissionDenied's traceback: noise that buries real warnings. This filter, on the
    django.request logger, turns such a record into one INFO line without the traceback, and drops it when
    the logger does not log INFO (LOG_LEVEL=WARNING). Other statuses pass unchanged."""

    def filter(self, record):
        if getattr(record, "status_code", None) != 403:
            return True
        record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        record.exc_info, record.exc_text = None, None
        return logging.getLogger(record.name).isEnabledFor(logging.INFO)

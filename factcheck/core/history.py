"""django-simple-history and conditional UPDATEs: the history row an UPDATE skipped, written afterwards."""


def history_record(instance, reason):
    """Reload `instance` and save it once so django-simple-history records who, when and `reason`.

    Conditional UPDATEs (the race-safe way this project moves statuses) bypass `save()` and with it
    the history signal; the winner of such an UPDATE calls this.
    """
    instance.refresh_from_db()
    instance._change_reason = reason
    instance.save(update_fields=["updated_at"])
    return instance

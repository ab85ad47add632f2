"""What every form-handling view and import report shares: a ValidationError onto a form, or as a line."""

from django.core.exceptions import ValidationError


def form_errors_add(form, exc):
    """A service's ValidationError onto `form`: each message under its field when the form has that
    field, else at the top of the form (a plain message list goes there too)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def error_text(exc, *, fields=False):
    """A ValidationError as one line of text: its messages joined; with fields=True each prefixed by
    its field ("url: Enter a valid URL.; kind: …"), for import reports that name the bad column."""
    if not hasattr(exc, "error_dict"):
        return " ".join(exc.messages)
    if fields:
        return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())
    return "; ".join(" ".join(msgs) for msgs in exc.message_dict.values())


def secret_once_create(form, create, render_page):
    """The answer to an "add" form whose result shows a secret once (an API token, a webhook's signing
    secret, a new member's password): `create(cleaned_data)` runs the service; the page is rendered with
    the new row, never redirected, so the secret never travels through the session or a cookie. A
    service's ValidationError goes onto the form, which is shown again."""
    if form.is_valid():
        try:
            created = create(form.cleaned_data)
        except ValidationError as exc:
            form_errors_add(form, exc)
        else:
            return render_page(created=created)
    return render_page(form=form)

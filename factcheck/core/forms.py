"""What every form-handling view and import report shares: a ValidationError onto a form, or as a line;
and select and input widgets cheaper to render than Django's."""

from html import escape as html_escape

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


def escape(value):
    """django.utils.html.escape without its lazy-argument wrapper (a select of 100 options called it 200
    times a render): the standard library's escape of the value as text, which Django's calls too."""
    return html_escape(str(value))


# What a link field expects, said instead of Django's bare "Enter a valid URL.".
WEB_URL_INVALID = "Enter a full web address starting with http:// or https://, such as https://example.org/page."


class WebURLField(forms.URLField):
    """A URLField whose error for a malformed address says what is expected (WEB_URL_INVALID)."""

    default_error_messages = {"invalid": WEB_URL_INVALID}


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


class QuickSelect(forms.Select):
    """`forms.Select` with its HTML built here rather than through the form renderer's templates, which
    include an option template and an attributes template per choice (~0.5 ms a select; the queue's
    filter bar has five, on every page load). The same elements and attributes as Select, for flat choices
    (no option groups); tests/core/test_forms.py compares the two."""

    def use_required_attribute(self, initial):
        # An optional select never carries `required`; Select's own check reads the first choice, which for
        # choices from a callable runs it (a query) before the render that runs it again.
        return self.is_required and super().use_required_attribute(initial)

    def render(self, name, value, attrs=None, renderer=None):
        values = self.format_value(value)
        parts = [f'<select name="{escape(name)}"{flatatt(self.build_attrs(self.attrs, attrs))}>']
        selected_one = False
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            # like ChoiceWidget.optgroups: only the first option holding the value is selected
            selected = not selected_one and option_value in values
            selected_one = selected_one or selected
            parts.append(
                f'<option value="{escape(option_value)}"{" selected" if selected else ""}>{escape(label)}</option>'
            )
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 -- every value went through escape() or flatatt()


class QuickInputMixin:
    """An `<input>` widget whose HTML is built here from the widget's own context (`get_context`: the same
    value formatting, `checked`, `required` and attributes) instead of through the form renderer's
    input and attributes templates (~0.3 ms an input; the queue's filter bar has six on every page load).
    tests/core/test_forms.py compares each with its Django widget."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
        kind, name = escape(widget["type"]), escape(widget["name"])
        return mark_safe(f'<input type="{kind}" name="{name}"{shown}{flatatt(widget["attrs"])}>')  # noqa: S308 -- every value went through escape() or flatatt()


class QuickNumberInput(QuickInputMixin, forms.NumberInput):
    pass


class QuickDateInput(QuickInputMixin, forms.DateInput):
    pass


class QuickCheckboxInput(QuickInputMixin, forms.CheckboxInput):
    pass

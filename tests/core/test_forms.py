"""The quick widgets render what Django's Select and inputs render (the same elements, attributes, selection)."""

import datetime
import re

import pytest

from django import forms
from django.utils.translation import gettext_lazy

from factcheck.core.forms import QuickCheckboxInput, QuickDateInput, QuickNumberInput, QuickSelect

CHOICES = [
    ("", "Any"),
    ("a&b", 'Tom & "Jerry" <x>'),
    (3, gettext_lazy("In progress")),
    ("3", "three again"),  # the same value twice: only the first is selected
    (None, "none"),
]


def _elements(html):
    """Tags and text in order, attributes sorted: attribute order and whitespace between tags do not count."""
    html = re.sub(r">\s+<", "><", str(html).strip())
    out = []
    for tag, text in re.findall(r"(<[^>]+>)|([^<]+)", html):
        if tag:
            name, *attrs = re.findall(r'[\w-]+(?:="[^"]*")?', tag)
            out.append(("/" if tag.startswith("</") else "") + name + " " + " ".join(sorted(attrs)))
        else:
            out.append(text)
    return out


@pytest.mark.parametrize("value", ["", "a&b", "3", 3, None, "missing", ["3"]])
@pytest.mark.parametrize("attrs", [None, {"id": "id_x", "data-for": "assign", "aria-invalid": "true"}])
def test_quick_select_renders_what_select_renders(value, attrs):
    quick = QuickSelect(choices=CHOICES).render("pick", value, attrs)
    django = forms.Select(choices=CHOICES).render("pick", value, attrs)
    assert _elements(quick) == _elements(django)


def test_it_escapes_values_and_labels():
    html = QuickSelect(choices=CHOICES).render("pi<ck", "a&b")
    assert 'name="pi&lt;ck"' in html
    assert '<option value="a&amp;b" selected>Tom &amp; &quot;Jerry&quot; &lt;x&gt;</option>' in html


def test_a_bound_optional_field_renders_like_select_without_reading_its_choices_twice():
    calls = []

    def choices():
        calls.append(1)
        return [("", "Any"), ("x", "X")]

    class Quick(forms.Form):
        pick = forms.ChoiceField(choices=choices, required=False, widget=QuickSelect)

    class Plain(forms.Form):
        pick = forms.ChoiceField(choices=choices, required=False)

    quick, plain = Quick({"pick": "x"}), Plain({"pick": "x"})
    assert quick.is_valid() and plain.is_valid()
    calls.clear()
    assert _elements(quick["pick"]) == _elements(plain["pick"])
    assert len(calls) == 1 + 2  # QuickSelect once; Select twice (its `required` check reads the first choice)


INPUT_VALUES = [
    None,
    "",
    0,
    0.5,
    "0.25",
    'a&b"<x>',
    True,
    False,
    "false",
    "on",
    datetime.date(2026, 3, 1),
    "2026-13-40",
]


@pytest.mark.parametrize("value", INPUT_VALUES)
@pytest.mark.parametrize("attrs", [None, {"id": "id_x", "required": True, "disabled": False, "aria-invalid": "true"}])
@pytest.mark.parametrize(
    ("quick", "plain"),
    [
        (QuickNumberInput(attrs={"step": "0.05", "min": 0}), forms.NumberInput(attrs={"step": "0.05", "min": 0})),
        (QuickDateInput(attrs={"type": "date"}), forms.DateInput(attrs={"type": "date"})),
        (QuickCheckboxInput(), forms.CheckboxInput()),
    ],
    ids=["number", "date", "checkbox"],
)
def test_quick_inputs_render_what_django_renders(quick, plain, value, attrs):
    assert _elements(quick.render("f<x", value, attrs)) == _elements(plain.render("f<x", value, attrs))


def test_a_bound_filter_form_renders_its_quick_inputs_like_django_widgets():
    fields = {
        "score": (forms.FloatField, QuickNumberInput, forms.NumberInput),
        "since": (forms.DateField, QuickDateInput, forms.DateInput),
        "failed": (forms.BooleanField, QuickCheckboxInput, forms.CheckboxInput),
    }
    quick = type("Quick", (forms.Form,), {n: f(required=False, widget=q) for n, (f, q, _) in fields.items()})
    plain = type("Plain", (forms.Form,), {n: f(required=False, widget=p) for n, (f, _, p) in fields.items()})
    for data in ({"score": "0.7", "since": "2026-02-30", "failed": "on"}, {"score": "x"}, {}):
        q, p = quick(data), plain(data)
        assert q.is_valid() == p.is_valid()
        for name in fields:
            assert _elements(q[name]) == _elements(p[name]), (name, data)

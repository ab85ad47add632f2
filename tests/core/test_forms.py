"""QuickSelect renders what Django's Select renders (the same elements, attributes and selection)."""

import re

import pytest

from django import forms
from django.utils.translation import gettext_lazy

from factcheck.core.forms import QuickSelect

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

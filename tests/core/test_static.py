"""Every stylesheet, script and icon a template links through {% static %} exists and is not empty: a missing or
empty file costs every page load a request that brings nothing (or a 404)."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static

TEMPLATES = Path(settings.BASE_DIR) / "templates"
STATIC_TAG = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]\s*%\}""")
# <link rel="stylesheet"|"icon" href="{% static … %}"> and <script src="{% static … %}">
LINKED = re.compile(r"""<(?:link[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref|script[^>]*\bsrc)="(\{%[^%]*%\})""")


def _linked_files():
    """(template, static path) for every stylesheet, script and icon a template links."""
    found = []
    for template in sorted(TEMPLATES.rglob("*.html")):
        for tag in LINKED.findall(template.read_text(encoding="utf-8")):
            match = STATIC_TAG.fullmatch(tag)
            if match:
                found.append((template.relative_to(TEMPLATES).as_posix(), match.group(1)))
    return found


def test_it_finds_the_links_of_the_base_template():
    # the scan itself works: base.html's stylesheet, script and icon are among the links it reads
    linked = {path for template, path in _linked_files() if template == "base.html"}
    assert {"css/app.css", "js/app.js", "favicon.svg"} <= linked


def test_every_linked_stylesheet_script_and_icon_exists_and_is_not_empty():
    problems = []
    for template, path in _linked_files():
        found = finders.find(path)
        if found is None:
            problems.append(f"{template}: {path} does not exist")
        elif Path(found).stat().st_size == 0:
            problems.append(f"{template}: {path} is empty")
    assert problems == []


def test_no_stylesheet_or_script_in_static_is_empty():
    # an empty file nobody links yet is on its way to being linked (or is left over): neither is wanted
    empty = [
        path.relative_to(settings.BASE_DIR).as_posix()
        for folder in settings.STATICFILES_DIRS
        for path in Path(folder).rglob("*")
        if path.suffix in (".css", ".js", ".svg") and path.stat().st_size == 0
    ]
    assert empty == []


def test_it_answers_favicon_ico_with_the_svg_icon(client):
    # a page that links no icon (the admin, a JSON answer) makes the browser ask for /favicon.ico
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == static("favicon.svg")
    assert b"<svg" in Path(finders.find("favicon.svg")).read_bytes()

"""The OpenAPI document and the docs page.

Validated structurally against the OpenAPI 3.1 rules that matter to a client generator: required top-level
fields, every operation with an operationId (unique), responses keyed by status, every $ref resolving,
path parameters declared, the bearer scheme declared and used. (openapi-spec-validator is not installed.)
"""

import re

import pytest

EXPECTED = {
    ("/api/articles", "post"),
    ("/api/articles/{article_id}", "get"),
    ("/api/queue", "get"),
    ("/api/verdicts", "get"),
}
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@pytest.fixture
def schema(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _resolve(schema, ref):
    assert ref.startswith("#/"), ref
    node = schema
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def test_it_serves_a_valid_openapi_document(schema):
    assert re.fullmatch(r"3\.1\.\d+", schema["openapi"])
    assert schema["info"]["title"] and schema["info"]["version"]
    operations = {(path, method) for path, item in schema["paths"].items() for method in item if method in METHODS}
    assert operations == EXPECTED
    ids = []
    for path, item in schema["paths"].items():
        assert path.startswith("/")
        declared = set(re.findall(r"{(\w+)}", path))
        for method, op in item.items():
            assert method in METHODS
            ids.append(op["operationId"])
            assert op["responses"], (path, method)
            for status, response in op["responses"].items():
                assert re.fullmatch(r"[1-5]\d\d|default", status), status
                assert "description" in response
            in_path = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert in_path == declared, (path, method)
            for param in op.get("parameters", []):
                assert param["in"] in {"query", "header", "path", "cookie"}
                assert "schema" in param
                if param["in"] == "path":
                    assert param["required"] is True
            assert op["security"] == [{"TokenAuth": []}]
            for status in ("401", "404", "422", "429"):
                assert status in op["responses"], (path, method, status)
    assert len(ids) == len(set(ids)), "operationIds must be unique"
    for ref in _refs(schema):
        assert isinstance(_resolve(schema, ref), dict), ref
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}


def test_it_documents_the_error_body(schema):
    error = schema["components"]["schemas"]["ErrorOut"]
    assert error["required"] == ["error"]
    body = _resolve(schema, error["properties"]["error"]["$ref"])
    assert set(body["required"]) == {"code", "message"}


def test_it_serves_the_docs_page_from_our_own_static_files(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "/api/openapi.json" in html
    assert "cdn" not in html.lower()
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_it_shows_the_docs_page_in_the_app_layout_with_the_top_bar_and_a_breadcrumb(login, admin_member, viewer):
    # given a newsroom admin
    response = login(admin_member).get("/api/docs")
    # then the page has the app's top bar, a breadcrumb back to API & webhooks, and Swagger's mount point
    html = response.content.decode()
    assert response.status_code == 200
    assert '<header class="topbar">' in html and '<nav aria-label="Main">' in html
    crumbs = re.search(r'<nav class="crumbs" aria-label="Breadcrumb">(.*?)</nav>', html, re.S).group(1)
    assert 'href="/newsroom/api-tokens/"' in crumbs and "API docs" in crumbs
    assert '<div id="swagger-ui"></div>' in html and 'id="swagger-settings"' in html
    assert "<title>API docs · Fact-check workbench</title>" in html
    # a viewer, who cannot open API & webhooks, gets a breadcrumb without that link
    html = login(viewer).get("/api/docs").content.decode()
    crumbs = re.search(r'<nav class="crumbs" aria-label="Breadcrumb">(.*?)</nav>', html, re.S).group(1)
    assert "/newsroom/api-tokens/" not in crumbs and "API docs" in crumbs


def test_the_docs_page_still_opens_without_a_login(client, db):
    html = client.get("/api/docs").content.decode()
    assert '<header class="topbar">' in html and '<nav aria-label="Main">' not in html
    assert '<div id="swagger-ui"></div>' in html

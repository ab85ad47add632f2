import csv
import hashlib
import io
import json
import zipfile

from django.urls import reverse

from tests.reports.conftest import PRIVATE_QUOTE, PUBLIC_QUOTE
from tests.reports.jsonld import validate_claimreview


def _zip(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def _read(zf, verdict, name):
    return zf.read(f"verdict-{verdict.pk}/{name}").decode("utf-8")


def test_it_packs_claimreview_evidence_history_and_statement(login, editor, report_world):
    v1 = report_world["published"][0]
    # given an edit after publication, recorded by django-simple-history
    v1.conclusion = "Updated conclusion."
    v1.save(update_fields=["conclusion"])
    zf = _zip(login(editor).get(reverse("reports:evidence_pack", args=[v1.pk])))
    names = sorted(n.split("/", 1)[1] for n in zf.namelist())
    assert names == ["claimreview.jsonld", "evidence.csv", "history.json", "manifest.json", "statement.json"]
    validate_claimreview(json.loads(_read(zf, v1, "claimreview.jsonld")))
    rows = list(csv.DictReader(io.StringIO(_read(zf, v1, "evidence.csv"))))
    assert len(rows) == 1
    assert rows[0]["quoted_passage"] == PUBLIC_QUOTE
    assert rows[0]["passage_sha256"] == hashlib.sha256(PUBLIC_QUOTE.encode()).hexdigest()
    assert (rows[0]["source"], rows[0]["stance"], rows[0]["added_by"]) == ("City Statistics Office", "refutes", "")
    history = json.loads(_read(zf, v1, "history.json"))
    assert [h["change"] for h in history] == ["created", "changed"]
    assert history[-1]["conclusion"] == "Updated conclusion." and history[0]["when"] <= history[-1]["when"]
    statement = json.loads(_read(zf, v1, "statement.json"))["statement"]
    body = report_world["article"].body
    assert body[statement["start"] : statement["end"]] == statement["text"]
    assert statement["offsets_match_article"] is True
    manifest = json.loads(_read(zf, v1, "manifest.json"))
    for name, digest in manifest["files"].items():
        assert hashlib.sha256(zf.read(f"verdict-{v1.pk}/{name}")).hexdigest() == digest


def test_it_keeps_private_evidence_out_of_the_pack(login, editor, report_world):
    zf = _zip(login(editor).get(reverse("reports:evidence_pack", args=[report_world["published"][0].pk])))
    everything = "".join(zf.read(n).decode() for n in zf.namelist())
    assert PRIVATE_QUOTE not in everything and "internal.example" not in everything


def test_it_includes_private_evidence_for_admins_on_request(login, admin_member, report_world):
    v1 = report_world["published"][0]
    url = reverse("reports:evidence_pack", args=[v1.pk]) + "?internal=1"
    zf = _zip(login(admin_member).get(url))
    rows = list(csv.DictReader(io.StringIO(_read(zf, v1, "evidence.csv"))))
    assert [r["private"] for r in rows] == ["no", "yes"] and rows[1]["quoted_passage"] == PRIVATE_QUOTE


def test_it_refuses_internal_packs_to_editors(login, editor, report_world):
    url = reverse("reports:evidence_pack", args=[report_world["published"][0].pk]) + "?internal=1"
    assert login(editor).get(url).status_code == 403


def test_it_explains_a_missing_claimreview_for_a_draft(login, editor, report_world):
    draft = report_world["draft"]
    zf = _zip(login(editor).get(reverse("reports:evidence_pack", args=[draft.pk])))
    assert "not published" in _read(zf, draft, "skipped.txt")
    rows = list(csv.reader(io.StringIO(_read(zf, draft, "evidence.csv"))))
    assert len(rows) == 1  # header only


def test_it_hides_packs_from_outsiders_and_viewers(login, outsider, viewer, report_world):
    url = reverse("reports:evidence_pack", args=[report_world["published"][0].pk])
    assert login(outsider).get(url).status_code == 404
    assert login(viewer).get(url).status_code == 403

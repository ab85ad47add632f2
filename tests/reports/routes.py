"""Routes of the reports app for the URL matrix (tests/core/test_url_matrix.py).

Map each URL name to a function that builds its kwargs from the `world` dict (rows of newsroom A:
article, claim, source, evidence, verdict); create any extra rows you need inside the function.
"""


def _export(world):
    from factcheck.reports.models import ReportExport

    newsroom = world["article"].newsroom
    return ReportExport.objects.create(newsroom=newsroom, format="csv", base_url="http://testserver/")


ROUTES = {
    "reports:builder": lambda w: {},
    "reports:export": lambda w: {"pk": _export(w).pk},
    "reports:export_download": lambda w: {"pk": _export(w).pk},
    "reports:evidence_pack": lambda w: {"pk": w["verdict"].pk},
    # The world's verdict is a draft: its public page is a 404 for everyone.
    "reports:public_verdict": lambda w: {"pk": w["verdict"].pk},
}
PUBLIC = {"reports:public_verdict"}  # routes anonymous users may open (public verdict pages)

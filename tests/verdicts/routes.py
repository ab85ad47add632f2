"""Routes of the verdicts app for the URL matrix (tests/core/test_url_matrix.py).

Map each URL name to a function that builds its kwargs from the `world` dict (rows of newsroom A:
article, claim, source, evidence, verdict); create any extra rows you need inside the function.
"""

ROUTES = {
    "verdicts:dashboard": lambda w: {},
    "verdicts:evidence_add": lambda w: {"pk": w["claim"].pk},
    "verdicts:evidence_remove": lambda w: {"pk": w["evidence"].pk},
    "verdicts:verdict_save": lambda w: {"pk": w["claim"].pk},
    "verdicts:verdict_submit": lambda w: {"pk": w["verdict"].pk},
    "verdicts:verdict_approve": lambda w: {"pk": w["verdict"].pk},
    "verdicts:verdict_return": lambda w: {"pk": w["verdict"].pk},
    "verdicts:verdict_withdraw": lambda w: {"pk": w["verdict"].pk},
    "verdicts:rating_check": lambda w: {"pk": w["claim"].pk},
    "verdicts:verdict_correct": lambda w: {"pk": w["verdict"].pk},
}
PUBLIC = set()  # routes anonymous users may open (public verdict pages)

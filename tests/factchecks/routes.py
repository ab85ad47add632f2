"""Routes of the factchecks app for the URL matrix (tests/core/test_url_matrix.py).

ROUTES: URL name → function building its kwargs from the `world` dict (rows of newsroom A: article,
claim, source, evidence, verdict; create extra rows inside the function). POLICY: URL name → (least
role for GET, least role for POST), None when the method is not served. PUBLIC: routes that need no
session login (token-authenticated API routes, public pages); SPECIAL as in test_url_matrix.py.
"""

ROUTES = {
    "factchecks:list": lambda w: {},
    "factchecks:import": lambda w: {},
    "factchecks:claim_matches": lambda w: {"pk": w["claim"].pk},
}
POLICY = {
    "factchecks:list": ("viewer", None),
    "factchecks:import": ("admin", "admin"),
    "factchecks:claim_matches": ("viewer", None),
}
PUBLIC = set()
SPECIAL = {}

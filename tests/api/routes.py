"""Routes of the api app for the URL matrix (tests/core/test_url_matrix.py).

ROUTES: URL name → function building its kwargs from the `world` dict (rows of newsroom A: article,
claim, source, evidence, verdict; create extra rows inside the function). POLICY: URL name → (least
role for GET, least role for POST), None when the method is not served. PUBLIC: routes that need no
session login (token-authenticated API routes, public pages); SPECIAL as in test_url_matrix.py.
"""

ROUTES = {}
POLICY = {}
PUBLIC = set()
SPECIAL = {}

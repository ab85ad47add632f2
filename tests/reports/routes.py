"""Routes of the reports app for the URL matrix (tests/core/test_url_matrix.py).

Map each URL name to a function that builds its kwargs from the `world` dict (rows of newsroom A:
article, claim, source, evidence, verdict); create any extra rows you need inside the function.
"""

ROUTES = {}
PUBLIC = set()  # routes anonymous users may open (public verdict pages)

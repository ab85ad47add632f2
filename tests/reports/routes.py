"""Routes of the reports app for the URL matrix (tests/core/test_url_matrix.py)."""

ROUTES = {
    "reports:builder": lambda w: {},
}
PUBLIC = set()  # routes anonymous users may open (public verdict pages)

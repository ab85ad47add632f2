"""The runtime's URLs plus the workshop's, as factcheck/urls.py builds them when FACTCHECK_BENCH=1."""

from django.urls import include, path

from factcheck.urls import urlpatterns as runtime

# factcheck.urls adds the bench URLs itself when it is first imported with the workshop installed.
urlpatterns = [
    *(p for p in runtime if getattr(p, "app_name", None) != "bench"),
    path("bench/", include("factcheck.bench.urls")),
]

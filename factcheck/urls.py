from django.apps import apps
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic.base import RedirectView

from factcheck.core.views import favicon, healthz

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="claims:queue", permanent=False), name="home"),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("factcheck.claims.urls")),
    path("", include("factcheck.newsrooms.urls")),
    path("", include("factcheck.sources.urls")),
    path("", include("factcheck.verdicts.urls")),
    path("", include("factcheck.reports.urls")),
    path("", include("factcheck.factchecks.urls")),
    path("", include("factcheck.api.urls")),  # the API & webhooks screens and the JSON API under /api/
]

if apps.is_installed("factcheck.bench"):  # FACTCHECK_BENCH=1 only: the benchmark's floor page
    urlpatterns.append(path("bench/", include("factcheck.bench.urls")))

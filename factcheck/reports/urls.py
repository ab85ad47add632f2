from django.urls import path

from factcheck.reports import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.builder, name="builder"),
    path("reports/exports/<int:pk>/", views.export, name="export"),
    path("reports/exports/<int:pk>/download/", views.export_download, name="export_download"),
    path("reports/verdicts/<int:pk>/evidence-pack/", views.evidence_pack, name="evidence_pack"),
    path("fact-checks/<int:pk>/", views.public_verdict, name="public_verdict"),
]

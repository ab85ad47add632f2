from django.urls import path

from factcheck.factchecks import views

app_name = "factchecks"
urlpatterns = [
    path("known-fact-checks/", views.known_list, name="list"),
    path("known-fact-checks/import/", views.known_import_view, name="import"),
    path("statements/<int:pk>/known-matches/", views.claim_matches, name="claim_matches"),
]

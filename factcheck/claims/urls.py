from django.urls import path

from factcheck.claims import articles, threshold, views

app_name = "claims"
urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("queue/bulk/", views.claims_bulk, name="bulk"),
    path("articles/", articles.articles, name="articles"),
    path("articles/new/", views.submit, name="submit"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("articles/<int:pk>/extract/", views.article_extract, name="article_extract"),
    path("articles/<int:pk>/paste/", articles.article_paste, name="article_paste"),
    path("runs/<int:pk>/status/", views.run_status, name="run_status"),
    path("statements/<int:pk>/assign/", views.claim_assign_view, name="claim_assign"),
    path("statements/<int:pk>/status/", views.claim_status, name="claim_status"),
    path("settings/check-worthiness/", threshold.threshold_settings, name="threshold"),
]

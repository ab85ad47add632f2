from django.urls import path

from factcheck.sources import views

app_name = "sources"
urlpatterns = [
    path("sources/", views.source_list, name="list"),
    path("sources/new/", views.source_create, name="create"),
    path("sources/suggest/", views.source_suggest, name="suggest"),
    path("sources/import/", views.source_import, name="import"),
    path("sources/<int:pk>/", views.source_detail, name="detail"),
    path("sources/<int:pk>/edit/", views.source_edit, name="edit"),
]

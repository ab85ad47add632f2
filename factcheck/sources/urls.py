from django.urls import path

from factcheck.sources import views

app_name = "sources"
urlpatterns = [
    path("sources/", views.source_list, name="list"),
    path("sources/<int:pk>/", views.source_detail, name="detail"),
]

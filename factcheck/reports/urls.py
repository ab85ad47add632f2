from django.urls import path

from factcheck.reports import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.builder, name="builder"),
]

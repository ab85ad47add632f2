"""The api room's URLs: the admin screens under /newsroom/, the JSON API (django-ninja) under /api/."""

from django.urls import path

from factcheck.api import views
from factcheck.api.api import api

app_name = "api"
urlpatterns = [
    path("newsroom/api-tokens/", views.token_list, name="tokens"),
    path("newsroom/api-tokens/new/", views.token_create_view, name="token_create"),
    path("newsroom/api-tokens/<int:pk>/revoke/", views.token_revoke_view, name="token_revoke"),
    path("newsroom/webhooks/", views.webhook_list, name="webhooks"),
    path("newsroom/webhooks/new/", views.webhook_create_view, name="webhook_create"),
    path("newsroom/webhooks/<int:pk>/toggle/", views.webhook_toggle, name="webhook_toggle"),
    path("newsroom/webhooks/<int:pk>/delete/", views.webhook_delete_view, name="webhook_delete"),
    path("newsroom/webhooks/deliveries/<int:pk>/", views.delivery_detail, name="delivery"),
    path("newsroom/webhooks/deliveries/<int:pk>/redeliver/", views.delivery_redeliver, name="delivery_redeliver"),
    # Token-authenticated JSON (namespace api:v1): /api/openapi.json, /api/docs, /api/articles …
    path("api/", api.urls),
]

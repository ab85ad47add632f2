from django.apps import AppConfig


class NewsroomsConfig(AppConfig):
    name = "factcheck.newsrooms"

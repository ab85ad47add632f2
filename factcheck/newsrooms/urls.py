from django.urls import path

from factcheck.newsrooms import views

app_name = "newsrooms"
urlpatterns = [
    path("newsroom/members/", views.member_list, name="members"),
    path("newsroom/members/add/", views.member_add, name="member_add"),
    path("newsroom/members/<int:pk>/role/", views.member_role, name="member_role"),
    path("newsroom/members/<int:pk>/remove/", views.member_remove_view, name="member_remove"),
    path("account/password/", views.password_change, name="password"),
]

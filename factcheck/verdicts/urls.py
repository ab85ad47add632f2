from django.urls import path

from factcheck.verdicts import dashboard, scale_views, statement, views

app_name = "verdicts"
urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("statements/<int:pk>/", statement.statement, name="claim"),
    path("statements/<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/remove/", views.evidence_delete, name="evidence_remove"),
    path("statements/<int:pk>/verdict/", views.verdict_save, name="verdict_save"),
    path("statements/<int:pk>/rating-check/", statement.rating_check, name="rating_check"),
    path("verdicts/<int:pk>/submit/", views.verdict_submit_view, name="verdict_submit"),
    path("verdicts/<int:pk>/approve/", views.verdict_approve_view, name="verdict_approve"),
    path("verdicts/<int:pk>/return/", views.verdict_return_view, name="verdict_return"),
    path("verdicts/<int:pk>/withdraw/", views.verdict_withdraw_view, name="verdict_withdraw"),
    path("verdicts/<int:pk>/correct/", views.verdict_correct_view, name="verdict_correct"),
    path("rating-scale/", scale_views.rating_scale, name="rating_scale"),
]

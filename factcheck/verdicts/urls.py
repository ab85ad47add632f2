from django.urls import path

from factcheck.verdicts import dashboard, scale_views, statement
from factcheck.verdicts.views import evidence, transitions, verdict

app_name = "verdicts"
urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("statements/<int:pk>/", statement.statement, name="claim"),
    path("statements/<int:pk>/evidence/", evidence.evidence_add, name="evidence_add"),
    path("evidence/<int:pk>/remove/", evidence.evidence_delete, name="evidence_remove"),
    path("statements/<int:pk>/verdict/", verdict.verdict_save, name="verdict_save"),
    path("statements/<int:pk>/rating-check/", statement.rating_check, name="rating_check"),
    path("verdicts/<int:pk>/submit/", transitions.verdict_submit_view, name="verdict_submit"),
    path("verdicts/<int:pk>/approve/", transitions.verdict_approve_view, name="verdict_approve"),
    path("verdicts/<int:pk>/return/", transitions.verdict_return_view, name="verdict_return"),
    path("verdicts/<int:pk>/withdraw/", transitions.verdict_withdraw_view, name="verdict_withdraw"),
    path("verdicts/<int:pk>/correct/", transitions.verdict_correct_view, name="verdict_correct"),
    path("rating-scale/", scale_views.rating_scale, name="rating_scale"),
]

from django.urls import path

from . import views

app_name = "editorial_workflows"

urlpatterns = [
    path("kiem-tra-bao-mat/<int:task_state_id>/", views.screening_findings, name="findings"),
    path("lich-su/", views.ApprovalHistoryReport.as_view(), name="history"),
    path(
        "lich-su/ket-qua/",
        views.ApprovalHistoryReport.as_view(results_only=True),
        name="history_results",
    ),
]

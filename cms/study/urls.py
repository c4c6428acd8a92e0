from django.urls import path

from . import question_views, views

app_name = "study"

urlpatterns = [
    path("hoc-tap-cua-toi/", views.my_study, name="my_study"),
    path("hoc-tap-cua-toi/kiem-tra/<int:page_id>/", views.quiz, name="quiz"),
    path("hoc-tap-cua-toi/thu-hoach/<int:page_id>/", views.summary, name="summary"),
    path("thu-hoach-chi-bo/", views.cell_summaries, name="cell_summaries"),
    path("thu-hoach-chi-bo/<int:pk>/", views.review, name="review"),
    path("thong-bao/", views.inbox, name="inbox"),
    path("doc-sau/", views.bookmarks, name="bookmarks"),
    path("doc-sau/<int:page_id>/", views.toggle_bookmark, name="toggle_bookmark"),
    path("hoi-dap/", question_views.question_list, name="questions"),
    path("hoi-dap/gui/<int:page_id>/", question_views.ask, name="ask"),
    path("hoi-dap/<int:pk>/tra-loi/", question_views.answer, name="answer"),
    path("bao-cao-hoc-tap/", views.reach_report, name="reach"),
    path("bao-cao-hoc-tap/excel/", views.reach_xlsx, name="reach_xlsx"),
    path("bao-cao-hoc-tap/tat-ca/", views.reach_overview, name="reach_overview"),
]

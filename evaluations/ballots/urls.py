"""Secret ballots (names in the `evaluations` namespace)."""

from django.urls import path

from evaluations.ballots import views

urlpatterns = [
    path("ballots/", views.BallotListView.as_view(), name="ballot_list"),
    path("ballots/new/", views.BallotCreateView.as_view(), name="ballot_create"),
    path("ballots/<int:pk>/", views.BallotDetailView.as_view(), name="ballot_detail"),
    path("ballots/<int:pk>/edit/", views.BallotEditView.as_view(), name="ballot_edit"),
    path("ballots/<int:pk>/vote/", views.BallotVoteView.as_view(), name="ballot_vote"),
    path("ballots/<int:pk>/paper/", views.BallotPaperView.as_view(), name="ballot_paper"),
    path(
        "ballots/<int:pk>/minutes.docx",
        views.BallotMinutesView.as_view(),
        name="ballot_minutes",
    ),
    path(
        "ballots/questions/<int:pk>/edit/",
        views.QuestionEditView.as_view(),
        name="ballot_question_edit",
    ),
]

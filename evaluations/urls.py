from django.urls import path

from evaluations import views

app_name = "evaluations"

urlpatterns = [
    path("phases/<int:pk>/results/", views.PhaseResultsView.as_view(), name="phase_results"),
    path("phases/<int:pk>/ranking/", views.RankingView.as_view(), name="ranking"),
    path(
        "campaigns/<int:pk>/ranking/", views.CampaignRankingView.as_view(), name="campaign_ranking"
    ),
    path("phases/<int:pk>/ranking.xlsx", views.RankingExportView.as_view(), name="ranking_export"),
    path("results/<int:pk>/", views.SubmissionView.as_view(), name="submission"),
    path("evidence/<int:pk>/", views.EvidenceFileView.as_view(), name="evidence"),
    path("units/<int:pk>/results/", views.UnitResultsView.as_view(), name="unit_results"),
    path(
        "evidence/<int:pk>/thumbnail/",
        views.EvidenceFileView.as_view(thumbnail=True),
        name="evidence_thumbnail",
    ),
]

# ---------------------------------------------------------------------------------------
# Secret ballots (bỏ phiếu kín, bình xét)
# ---------------------------------------------------------------------------------------
from evaluations import ballot_views  # noqa: E402

urlpatterns += [
    path("ballots/", ballot_views.BallotListView.as_view(), name="ballot_list"),
    path("ballots/new/", ballot_views.BallotCreateView.as_view(), name="ballot_create"),
    path("ballots/<int:pk>/", ballot_views.BallotDetailView.as_view(), name="ballot_detail"),
    path("ballots/<int:pk>/edit/", ballot_views.BallotEditView.as_view(), name="ballot_edit"),
    path("ballots/<int:pk>/vote/", ballot_views.BallotVoteView.as_view(), name="ballot_vote"),
    path("ballots/<int:pk>/paper/", ballot_views.BallotPaperView.as_view(), name="ballot_paper"),
    path(
        "ballots/<int:pk>/minutes.docx",
        ballot_views.BallotMinutesView.as_view(),
        name="ballot_minutes",
    ),
    path(
        "ballots/questions/<int:pk>/edit/",
        ballot_views.QuestionEditView.as_view(),
        name="ballot_question_edit",
    ),
]

"""Results, review, cross-scoring, rankings (names in the `evaluations` namespace)."""

from django.urls import path

from evaluations.results import views

urlpatterns = [
    path("phases/<int:pk>/results/", views.PhaseResultsView.as_view(), name="phase_results"),
    path("phases/<int:pk>/ranking/", views.RankingView.as_view(), name="ranking"),
    path(
        "campaigns/<int:pk>/ranking/", views.CampaignRankingView.as_view(), name="campaign_ranking"
    ),
    path("phases/<int:pk>/ranking.xlsx", views.RankingExportView.as_view(), name="ranking_export"),
    path("results/<int:pk>/", views.SubmissionView.as_view(), name="submission"),
    path(
        "phases/<int:pk>/extension-request/",
        views.ExtensionRequestView.as_view(),
        name="extension_request",
    ),
    path(
        "extension-requests/<int:pk>/",
        views.ExtensionDecisionView.as_view(),
        name="extension_decision",
    ),
    path("evidence/<int:pk>/", views.EvidenceFileView.as_view(), name="evidence"),
    path("results/<int:pk>/cross/", views.CrossScoringView.as_view(), name="cross_scoring"),
    path("cross/<int:pk>/", views.CrossScoreView.as_view(), name="cross_score"),
    path("phases/<int:pk>/matrix/", views.ScoreMatrixView.as_view(), name="score_matrix"),
    path("units/<int:pk>/results/", views.UnitResultsView.as_view(), name="unit_results"),
    path(
        "evidence/<int:pk>/thumbnail/",
        views.EvidenceFileView.as_view(thumbnail=True),
        name="evidence_thumbnail",
    ),
]

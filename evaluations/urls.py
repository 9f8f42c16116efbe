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

# --- Awards: history, import, honour board, dossier ---
from evaluations import award_views  # noqa: E402

urlpatterns += [
    path("units/<int:pk>/awards/", award_views.UnitAwardHistoryView.as_view(), name="unit_awards"),
    path(
        "people/<int:pk>/awards/",
        award_views.PersonAwardHistoryView.as_view(),
        name="person_awards",
    ),
    path("awards/import/", award_views.AwardImportView.as_view(), name="award_import"),
    path(
        "awards/import-template.xlsx",
        award_views.AwardImportTemplateView.as_view(),
        name="award_import_template",
    ),
    path(
        "campaigns/<int:pk>/honour-board/",
        award_views.CampaignHonourBoardView.as_view(),
        name="campaign_honour_board",
    ),
    path(
        "cluster-years/<int:pk>/honour-board/",
        award_views.ClusterYearHonourBoardView.as_view(),
        name="cluster_year_honour_board",
    ),
    path(
        "cluster-years/<int:pk>/dossier.zip",
        award_views.DossierView.as_view(),
        name="cluster_year_dossier",
    ),
]
# --- end of the awards block ---

from django.urls import path

from evaluations import proposal_views, views

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
    # --- Award proposals ---
    path("proposals/", proposal_views.ProposalListView.as_view(), name="proposal_list"),
    path("proposals/new/", proposal_views.ProposalCreateView.as_view(), name="proposal_create"),
    path("proposals/<int:pk>/", proposal_views.ProposalView.as_view(), name="proposal"),
    path(
        "proposals/<int:pk>/edit/", proposal_views.ProposalEditView.as_view(), name="proposal_edit"
    ),
    path(
        "proposal-files/<int:pk>/",
        proposal_views.ProposalFileView.as_view(),
        name="proposal_file",
    ),
    path(
        "cluster-years/<int:pk>/proposals/",
        proposal_views.ClusterProposalsView.as_view(),
        name="cluster_proposals",
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

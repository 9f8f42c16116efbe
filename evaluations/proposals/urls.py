"""Award proposals and the cluster's dossier (names in the `evaluations` namespace)."""

from django.urls import path

from evaluations.proposals import views

urlpatterns = [
    path("proposals/", views.ProposalListView.as_view(), name="proposal_list"),
    path("proposals/new/", views.ProposalCreateView.as_view(), name="proposal_create"),
    path("proposals/<int:pk>/", views.ProposalView.as_view(), name="proposal"),
    path("proposals/lists/new/", views.NomineeListCreateView.as_view(), name="nominee_list_create"),
    path(
        "proposals/lists/template.xlsx",
        views.NomineeListTemplateView.as_view(),
        name="nominee_list_template",
    ),
    path("proposals/lists/<int:pk>/", views.NomineeListView.as_view(), name="nominee_list"),
    path("proposals/<int:pk>/edit/", views.ProposalEditView.as_view(), name="proposal_edit"),
    path(
        "proposal-files/<int:pk>/",
        views.ProposalFileView.as_view(),
        name="proposal_file",
    ),
    path(
        "cluster-years/<int:pk>/proposals/",
        views.ClusterProposalsView.as_view(),
        name="cluster_proposals",
    ),
    path(
        "cluster-years/<int:pk>/dossier.zip",
        views.DossierView.as_view(),
        name="cluster_year_dossier",
    ),
]

"""Award histories, the import of past awards, honour boards (the `evaluations` namespace)."""

from django.urls import path

from evaluations.awards import views

urlpatterns = [
    path("units/<int:pk>/awards/", views.UnitAwardHistoryView.as_view(), name="unit_awards"),
    path(
        "people/<int:pk>/awards/",
        views.PersonAwardHistoryView.as_view(),
        name="person_awards",
    ),
    path("awards/lookup/", views.AwardLookupView.as_view(), name="award_lookup"),
    path("awards/lookup.xlsx", views.AwardLookupExportView.as_view(), name="award_lookup_xlsx"),
    path("awards/import/", views.AwardImportView.as_view(), name="award_import"),
    path(
        "awards/import-template.xlsx",
        views.AwardImportTemplateView.as_view(),
        name="award_import_template",
    ),
    path(
        "campaigns/<int:pk>/honour-board/",
        views.CampaignHonourBoardView.as_view(),
        name="campaign_honour_board",
    ),
    path(
        "cluster-years/<int:pk>/honour-board/",
        views.ClusterYearHonourBoardView.as_view(),
        name="cluster_year_honour_board",
    ),
]

from django.urls import path

from campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("campaigns/", views.CampaignListView.as_view(), name="campaign_list"),
    path("campaigns/new/", views.CampaignFormView.as_view(), name="campaign_add"),
    path("campaigns/<int:pk>/", views.CampaignDetailView.as_view(), name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", views.CampaignFormView.as_view(), name="campaign_edit"),
    path(
        "campaigns/<int:pk>/document/",
        views.CampaignDocumentView.as_view(),
        name="campaign_document",
    ),
    path("campaigns/<int:pk>/rubric/new/", views.RubricCreateView.as_view(), name="rubric_add"),
    path("campaigns/<int:pk>/events/new/", views.EventFormView.as_view(), name="event_add"),
    path("rubrics/<int:pk>/", views.RubricDetailView.as_view(), name="rubric_detail"),
    path("rubrics/<int:pk>/edit/", views.RubricEditView.as_view(), name="rubric_edit"),
    path(
        "rubrics/<int:pk>/new-version/",
        views.RubricNewVersionView.as_view(),
        name="rubric_new_version",
    ),
    path("rubrics/<int:pk>/export.xlsx", views.RubricExportView.as_view(), name="rubric_export"),
    path("rubrics/<int:pk>/import/", views.RubricImportView.as_view(), name="rubric_import"),
    path("events/<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("events/<int:event_pk>/edit/", views.EventFormView.as_view(), name="event_edit"),
    path("events/<int:pk>/delete/", views.EventDeleteView.as_view(), name="event_delete"),
    path("attachments/<int:pk>/", views.AttachmentDownloadView.as_view(), name="attachment"),
    path(
        "attachments/<int:pk>/thumbnail/",
        views.AttachmentDownloadView.as_view(thumbnail=True),
        name="attachment_thumbnail",
    ),
    path(
        "attachments/<int:pk>/delete/",
        views.AttachmentDeleteView.as_view(),
        name="attachment_delete",
    ),
    path("agenda/", views.AgendaView.as_view(), name="agenda"),
]

from django.urls import path

from pledges import views

app_name = "pledges"

urlpatterns = [
    path("pledges/", views.PledgeListView.as_view(), name="pledge_list"),
    path("pledges/new/", views.PledgeFormView.as_view(), name="pledge_add"),
    path("pledges/<int:pk>/", views.PledgeDetailView.as_view(), name="pledge_detail"),
    path("pledges/<int:pk>/edit/", views.PledgeFormView.as_view(), name="pledge_edit"),
    path(
        "pledges/<int:pk>/<str:action>/",  # open, redraft, archive (POST)
        views.PledgeActionView.as_view(),
        name="pledge_action",
    ),
    path("pledges/<int:pk>/sign", views.PledgeSignView.as_view(), name="pledge_sign"),
    path(
        "pledges/<int:pk>/record-signature",
        views.PledgeRecordSignatureView.as_view(),
        name="pledge_record",
    ),
    path("pledges/<int:pk>/document.docx", views.PledgeDocxView.as_view(), name="pledge_docx"),
    path("pledge-files/<int:pk>/", views.PledgeFileView.as_view(), name="pledge_file"),
    path(
        "pledge-files/<int:pk>/thumbnail/",
        views.PledgeFileView.as_view(thumbnail=True),
        name="pledge_file_thumbnail",
    ),
    path("registrations/", views.RoundListView.as_view(), name="round_list"),
    path("registrations/rounds/new/", views.RoundFormView.as_view(), name="round_add"),
    path("registrations/rounds/<int:pk>/", views.RoundDetailView.as_view(), name="round_detail"),
    path(
        "registrations/rounds/<int:pk>/export.xlsx",
        views.RoundExportView.as_view(),
        name="round_export",
    ),
    path(
        "registrations/rounds/<int:pk>/mine/",
        views.MyRegistrationView.as_view(),
        name="my_registration",
    ),
    path("registrations/<int:pk>/", views.RegistrationView.as_view(), name="registration_detail"),
]

from django.urls import path

from units import views

app_name = "units"

urlpatterns = [
    path("units/", views.UnitListView.as_view(), name="unit_list"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
    path("units/<int:unit_pk>/staff/add/", views.PersonCreateView.as_view(), name="person_add"),
    path("units/<int:unit_pk>/staff/import/", views.StaffImportView.as_view(), name="staff_import"),
    path(
        "units/staff-import-template.xlsx",
        views.StaffImportTemplateView.as_view(),
        name="staff_import_template",
    ),
    path("people/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person_edit"),
    path("clusters/", views.ClusterListView.as_view(), name="cluster_list"),
    path("clusters/<int:pk>/", views.ClusterDetailView.as_view(), name="cluster_detail"),
    path(
        "clusters/<int:cluster_pk>/<int:year>/",
        views.ClusterYearDetailView.as_view(),
        name="cluster_year_detail",
    ),
    path(
        "clusters/<int:cluster_pk>/<int:year>/next/",
        views.ClusterYearRollForwardView.as_view(),
        name="cluster_year_roll_forward",
    ),
    path("account/", views.AccountView.as_view(), name="account"),
    path("audit/", views.AuditLogView.as_view(), name="audit_log"),
    path("search/", views.SearchView.as_view(), name="search"),
    path(
        "pick/units/<slug:purpose>/",
        views.PickOptionsView.as_view(kind="units"),
        name="pick_units",
    ),
    path(
        "pick/people/<slug:purpose>/",
        views.PickOptionsView.as_view(kind="people"),
        name="pick_people",
    ),
]

"""The ministry's statistics (the `evaluations` namespace)."""

from django.urls import path

from evaluations.statistics import views

urlpatterns = [
    path("statistics/", views.StatisticsIndexView.as_view(), name="statistics"),
    path(
        "statistics/<int:year>/sector/<slug:form>/",
        views.SectorFormView.as_view(),
        name="statistics_sector",
    ),
    path(
        "statistics/<int:year>/sector/<slug:form>.xlsx",
        views.SectorFormView.as_view(xlsx=True),
        name="statistics_sector_xlsx",
    ),
    path(
        "statistics/<int:year>/units/<int:pk>/<slug:form>/",
        views.UnitFormView.as_view(),
        name="statistics_unit",
    ),
    path(
        "statistics/<int:year>/units/<int:pk>/<slug:form>.xlsx",
        views.UnitFormView.as_view(xlsx=True),
        name="statistics_unit_xlsx",
    ),
    path(
        "cluster-years/<int:pk>/statistics/<slug:form>/",
        views.ClusterFormView.as_view(),
        name="statistics_cluster",
    ),
    path(
        "cluster-years/<int:pk>/statistics/<slug:form>.xlsx",
        views.ClusterFormView.as_view(xlsx=True),
        name="statistics_cluster_xlsx",
    ),
]

"""One namespace, `evaluations`, for the pages of its four sub-packages."""

from django.urls import include, path

app_name = "evaluations"

urlpatterns = [
    path("", include("evaluations.results.urls")),
    path("", include("evaluations.ballots.urls")),
    path("", include("evaluations.awards.urls")),
    path("", include("evaluations.proposals.urls")),
    path("", include("evaluations.certificates.urls")),
    path("", include("evaluations.statistics.urls")),
]

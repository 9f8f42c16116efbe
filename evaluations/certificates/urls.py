"""Certificates (the `evaluations` namespace)."""

from django.urls import path

from evaluations.certificates import views

urlpatterns = [
    path(
        "decisions/<int:pk>/certificates/",
        views.DecisionCertificatesView.as_view(),
        name="decision_certificates",
    ),
    path(
        "certificates/batches/<int:pk>/",
        views.CertificateBatchView.as_view(),
        name="certificate_batch",
    ),
    path(
        "certificates/batches/<int:pk>/download/",
        views.CertificateBatchDownloadView.as_view(),
        name="certificate_batch_download",
    ),
    path(
        "certificates/<int:pk>/reprint/",
        views.CertificateReprintView.as_view(),
        name="certificate_reprint",
    ),
    path(
        "certificates/layouts/",
        views.CertificateLayoutListView.as_view(),
        name="certificate_layouts",
    ),
    path(
        "certificates/layouts/<int:pk>/calibration.pdf",
        views.CertificateLayoutCalibrationView.as_view(),
        name="certificate_layout_calibration",
    ),
]

"""Award decisions and their register (names in the `evaluations` namespace)."""

from django.urls import path

from evaluations.decisions import views

urlpatterns = [
    path("decisions/", views.DecisionListView.as_view(), name="decision_list"),
    path("decisions/<int:pk>/", views.DecisionView.as_view(), name="decision"),
    path("decisions/<int:pk>/record/", views.DecisionRecordView.as_view(), name="decision_record"),
    path(
        "decisions/<int:pk>/correct/", views.DecisionCorrectView.as_view(), name="decision_correct"
    ),
    path("decisions/<int:pk>/revoke/", views.DecisionRevokeView.as_view(), name="decision_revoke"),
    path(
        "decisions/<int:pk>/discard/", views.DecisionDiscardView.as_view(), name="decision_discard"
    ),
    path(
        "decisions/<int:pk>/<str:document>.docx",
        views.DecisionDocumentView.as_view(),
        name="decision_document",
    ),
    path(
        "cluster-years/<int:pk>/decisions/new/",
        views.DecisionDraftView.as_view(),
        name="decision_draft",
    ),
    path(
        "decision-register/<int:pk>/<int:year>/",
        views.DecisionRegisterView.as_view(),
        name="decision_register",
    ),
]

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from units.forms import LoginForm
from units.views import DashboardView, healthz

urlpatterns = [
    path("", DashboardView.as_view(), name="dashboard"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("units.urls")),
    path("", include("campaigns.urls")),
    path("", include("pledges.urls")),
    path("", include("evaluations.urls")),
    path("", include("notifications.urls")),
]

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class ThiduaAdminSite(admin.AdminSite):
    """The admin answers to the same rules as the rest of the site, not to `is_staff`."""

    site_header = _("thidua administration")
    site_title = _("thidua administration")
    index_title = _("Sector administration")

    def has_permission(self, request):
        return request.user.is_active and request.user.has_perm("units.access_admin")

    def login(self, request, extra_context=None):
        if request.user.is_authenticated:
            # Signed in without the right: sending them to sign in again would loop.
            raise PermissionDenied
        # One sign-in page for everybody (throttled, translated).
        return redirect_to_login(request.GET.get("next", self.index_url()), settings.LOGIN_URL)

    def index_url(self):
        from django.urls import reverse

        return reverse("admin:index", current_app=self.name)

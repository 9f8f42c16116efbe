from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from core.views import ObjectPermissionMixin
from notifications import selectors, services
from notifications.forms import EmailPreferenceForm


class NotificationListView(LoginRequiredMixin, ListView):
    """The user's own notifications, newest first, 30 a page (two queries: the count and
    the page; the bell comes with the user's row)."""

    template_name = "notifications/notification_list.html"
    context_object_name = "notifications"
    paginate_by = 30

    def get_queryset(self):
        return selectors.notifications_of(user=self.request.user)


class NotificationReadView(ObjectPermissionMixin, View):
    """Mark one notification read; with `open`, go on to the page it is about."""

    permission_required = "notifications.change_notification"
    http_method_names = ["post"]

    def get_queryset(self):
        return selectors.notifications_of(user=self.request.user)

    def post(self, request, *args, **kwargs):
        notification = services.notification_mark_read(notification=self.object, actor=request.user)
        target = notification.url
        if (
            "open" in request.POST
            and target
            and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
        ):
            return redirect(target)
        return redirect("notifications:list")


class NotificationReadAllView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        count = services.notifications_mark_all_read(actor=request.user)
        messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
        return redirect("notifications:list")


class EmailPreferenceView(LoginRequiredMixin, View):
    """The e-mail switch of the account page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = EmailPreferenceForm(request.POST)
        form.is_valid()  # a checkbox: absent means off
        email = bool(form.cleaned_data.get("email"))
        services.email_preference_set(actor=request.user, email=email)
        if email:
            messages.success(request, _("Your notifications will also be sent by e-mail."))
        else:
            messages.success(request, _("Your notifications will no longer be sent by e-mail."))
        return redirect("units:account")

"""What this app registers with `units` when Django starts."""

from notifications.forms import EmailPreferenceForm
from notifications.selectors import unread_count_expression, wants_email
from units.account import register_account_section
from units.backends import register_user_annotation

# `request.user.unread_notifications`, read with the user's row: the bell costs no query.
register_user_annotation("unread_notifications", unread_count_expression)


@register_account_section
def email_switch(request):
    return {
        "template": "notifications/account_email.html",
        "form": EmailPreferenceForm(initial={"email": wants_email(user=request.user)}),
    }

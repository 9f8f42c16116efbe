"""Login throttling (django-axes): lock one browser out, not everyone behind one address.

Failures are counted per username, address and browser (user agent), so colleagues behind
the office's one public address cannot lock a user out by mistyping their name: the lockout
falls on the browser that failed. An attacker who changes browser (user agent) at every try
escapes that count, so every failure from an address is also counted, with a much higher
limit (AXES_ADDRESS_FAILURE_LIMIT) that then locks that address out for the cool-off time.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class LoginThrottle(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The browser's failures, or the address's scaled so that reaching its own limit
        reaches the browser limit (axes compares one number with one limit)."""
        per_browser = super().get_failures(request, credentials)
        address_limit = settings.AXES_ADDRESS_FAILURE_LIMIT
        if not address_limit:
            return per_browser
        attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        per_address = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
        limit = get_failure_limit(request, credentials)
        return max(per_browser, per_address * limit // address_limit)

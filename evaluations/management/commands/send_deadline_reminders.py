from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from campaigns.models import Phase
from evaluations.results.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail the units that have not submitted the results of phases due in N days "
        "(run daily, e.g. from cron: `manage.py send_deadline_reminders --days 7 --days 1`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, action="append", help="days before the deadline")
        parser.add_argument(
            "--base-url", default="", help="prefix for links, e.g. https://thidua.example.org"
        )

    def handle(self, *args, days=None, base_url="", **options):
        today = timezone.localdate()
        total = 0
        for offset in days or [7, 1]:
            for phase in Phase.objects.filter(
                results_deadline=today + timedelta(days=offset)
            ).select_related("campaign"):
                with transaction.atomic():
                    sent = send_reminders(phase=phase, base_url=base_url)
                total += sent
                self.stdout.write(f"{phase}: {sent} units reminded")
        self.stdout.write(self.style.SUCCESS(f"{total} reminder e-mails sent."))

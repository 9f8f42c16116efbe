from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from seed.demo.awards import seed_awards
from seed.demo.ballots import seed_ballots
from seed.demo.campaigns import seed_campaigns
from seed.demo.certificates import seed_certificates
from seed.demo.decisions import seed_decisions
from seed.demo.nominee_lists import seed_nominee_lists
from seed.demo.notifications import seed_notifications
from seed.demo.pledges import seed_pledges
from seed.demo.proposals import seed_proposals
from seed.demo.results import seed_results
from seed.demo.statistics import seed_statistics
from seed.demo.units import seed_units


class Command(BaseCommand):
    help = (
        "Load the demo data (idempotent): Cluster No. 2, its units, staff, users, campaigns, "
        "pledges, registrations and results."
    )

    def handle(self, *args, **options):
        translation.activate("vi")
        with transaction.atomic():
            seed_units()
            seed_campaigns()
            seed_pledges()
            seed_results()
            seed_ballots()
            # Decision 112/QĐ-TTCP for the 2019 ballot's winners, before the past awards.
            seed_decisions()
            seed_awards()
            seed_proposals()
            seed_nominee_lists()
            seed_statistics()
            seed_certificates()  # it prints every recorded decision
            seed_notifications()  # last: whoever has nothing unread yet
        self.stdout.write(self.style.SUCCESS("Demo data ready."))

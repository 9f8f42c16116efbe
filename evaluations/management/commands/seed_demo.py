from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from campaigns.demo import seed_campaigns
from evaluations.award_demo import seed_awards
from evaluations.demo import seed_evaluations
from evaluations.proposal_demo import seed_proposals
from pledges.demo import seed_pledges
from units.demo import seed_units


class Command(BaseCommand):
    help = (
        "Load the demo data (idempotent): Cluster No. 2, its units, staff, users, campaigns, "
        "pledges, registrations and results."
    )

    # Lives in the last app of the chain so that it may call every app's demo.
    def handle(self, *args, **options):
        translation.activate("vi")
        with transaction.atomic():
            seed_units()
            seed_campaigns()
            seed_pledges()
            seed_evaluations()
            seed_awards()
            seed_proposals()
        self.stdout.write(self.style.SUCCESS("Demo data ready."))

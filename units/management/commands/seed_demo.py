from django.core.management.base import BaseCommand
from django.utils import translation

from units.demo import seed_units


class Command(BaseCommand):
    help = "Load the demo data (idempotent): Cluster No. 2, its units, staff and demo users."

    def handle(self, *args, **options):
        translation.activate("vi")
        seed_units()
        self.stdout.write(self.style.SUCCESS("Demo data ready."))

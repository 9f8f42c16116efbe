from django.core.management.base import BaseCommand
from django.utils import translation

from seed.demo.units import DEMO_PASSWORD
from units.models import User


class Command(BaseCommand):
    help = "Print the demo users, their roles and the shared demo password."

    def handle(self, *args, **options):
        translation.activate("vi")
        users = (
            User.objects.filter(email__endswith="@thidua.local")
            .prefetch_related("role_assignments__unit", "role_assignments__cluster_year__cluster")
            .order_by("username")
        )
        self.stdout.write("")
        self.stdout.write(
            "Demo: http://127.0.0.1:8000   password for every demo user: " + DEMO_PASSWORD
        )
        for user in users:
            roles = "; ".join(
                f"{a.get_role_display()}"
                + (f" – {a.unit.short_name or a.unit.name}" if a.unit else "")
                + (f" – {a.cluster_year}" if a.cluster_year else "")
                for a in user.role_assignments.all()
            )
            self.stdout.write(f"  {user.username:<16} {roles}")
        self.stdout.write("")

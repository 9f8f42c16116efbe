from django.core.management.base import BaseCommand
from django.utils import translation

from seed.demo.units import DEMO_PASSWORD
from units.models import User


class Command(BaseCommand):
    help = "Print the demo users, their roles and the shared demo password."

    def add_arguments(self, parser):
        # `make run` passes its HOST and PORT: the address printed is the one served.
        parser.add_argument("--host", default="127.0.0.1", help="the address runserver binds")
        parser.add_argument("--port", default="8000", help="the port runserver listens on")

    def handle(self, *args, **options):
        host = options["host"]
        # A server bound to every interface is opened on this machine as 127.0.0.1.
        shown = "127.0.0.1" if host in ("0.0.0.0", "", "::", "[::]") else host
        translation.activate("vi")
        users = (
            User.objects.filter(email__endswith="@thidua.local")
            .prefetch_related("role_assignments__unit", "role_assignments__cluster_year__cluster")
            .order_by("username")
        )
        self.stdout.write("")
        self.stdout.write(
            f"Demo: http://{shown}:{options['port']}   password for every demo user: "
            + DEMO_PASSWORD
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

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from seed.scale import SCALE_PASSWORD, AlreadySeeded, Sizes, is_seeded, seed_scale


class Command(BaseCommand):
    help = (
        "Build a national-size data set (2,000 units, 100,000 people, ten years of results) "
        "for the benchmark. Use a database of its own: DATABASE_NAME=thidua_bench."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        parser.add_argument("--units", type=int, default=defaults.units)
        parser.add_argument("--clusters", type=int, default=defaults.clusters)
        parser.add_argument("--years", type=int, default=defaults.years)
        parser.add_argument("--people", type=int, default=defaults.people)
        parser.add_argument("--criteria", type=int, default=defaults.criteria)
        parser.add_argument(
            "--allow-demo-database",
            action="store_true",
            help="seed even the default database `thidua` (normally refused)",
        )

    def handle(self, *args, **options):
        name = settings.DATABASES["default"]["NAME"]
        if name == "thidua" and not options["allow_demo_database"]:
            raise CommandError(
                "Refusing to fill the demo database `thidua` with scale data: "
                "set DATABASE_NAME=thidua_bench (as `make bench` does)."
            )
        if is_seeded():
            self.stdout.write(f"seed_scale: database {name} is already seeded; nothing to do.")
            return
        sizes = Sizes(
            units=options["units"],
            clusters=options["clusters"],
            years=options["years"],
            people=options["people"],
            criteria=options["criteria"],
        )
        self.stdout.write(f"seed_scale: building {sizes} in database {name}")
        try:
            report = seed_scale(sizes, log=self.stdout.write)
        except AlreadySeeded:  # another process got there first
            self.stdout.write("seed_scale: already seeded; nothing to do.")
            return
        total = sum(report.timings.values())
        counts = ", ".join(f"{label}={count}" for label, count in report.counts.items())
        self.stdout.write(f"seed_scale: done in {total:.1f} s: {counts}")
        self.stdout.write(f"seed_scale: every user's password is {SCALE_PASSWORD}")

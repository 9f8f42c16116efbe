from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write one archive with a dump of the database and every uploaded file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="archive to write (default: var/backups/thidua-YYYYmmdd-HHMMSS.tar.gz, "
            "or under BACKUP_DIR)",
        )

    def handle(self, *args, output=None, **options):
        try:
            path, manifest = backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"backup written: {path} (database {manifest['database']}, {manifest['files']} files)"
        )

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Replace the database's content and the uploaded files with those of a backup archive. "
        "Stop the web processes first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="a file written by `manage.py backup`")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask for confirmation (scripts, make)"
        )
        parser.add_argument(
            "--no-safety-backup",
            action="store_true",
            help="do not back up the current state before restoring",
        )

    def handle(self, *args, archive, yes=False, no_safety_backup=False, **options):
        try:
            manifest = read_manifest(archive)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{archive}: database {manifest['database']} of {manifest['created']}, "
            f"{manifest['files']} files"
        )
        if not yes and input("Replace the current database and files? [y/N] ").lower() != "y":
            raise CommandError("Restore cancelled.")
        try:
            if not no_safety_backup:
                safety, _ = backup()
                self.stdout.write(f"current state saved first: {safety}")
            result = restore(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored: database and {result['restored_files']} files")

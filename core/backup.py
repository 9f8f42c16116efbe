"""Backup and restore: the database (pg_dump, custom format) and the uploaded files in one archive.

`manage.py backup` writes `var/backups/thidua-YYYYmmdd-HHMMSS.tar.gz` holding:
    manifest.json     when, which database, how many files, the app version
    database.dump     `pg_dump --format=custom` of the database
    media/...         every file of the default storage (local disk or S3), by its name

`manage.py restore FILE` puts both back: the database's tables are dropped and restored
from the dump, and the storage is emptied and refilled. It first takes a backup of what is
there now (unless --no-safety-backup), so a restore of the wrong file can be undone.

It works with the embedded server (pgserver ships pg_dump and pg_restore in its package)
and with any DATABASE_URL (the client tools on PATH, or pgserver's as a fallback). Only the
storage API is used for files, so S3 buckets are backed up the same way as MEDIA_ROOT.
"""

import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import storages
from django.db import connection

FORMAT = 1
DUMP_NAME = "database.dump"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"


class BackupError(Exception):
    pass


# --- PostgreSQL client tools -------------------------------------------------------------------


def _embedded() -> bool:
    return not os.environ.get("DATABASE_URL")


def pg_tool(name: str) -> str:
    """Path of pg_dump / pg_restore: pgserver's for the embedded server (same version),
    else the one on PATH (matching the real server), else pgserver's."""
    bundled = None
    try:
        from pgserver._commands import POSTGRES_BIN_PATH  # noqa: PLC2701 (no public path)

        candidate = POSTGRES_BIN_PATH / name
        bundled = str(candidate) if candidate.exists() else None
    except ImportError:
        pass
    on_path = shutil.which(name)
    found = (bundled or on_path) if _embedded() else (on_path or bundled)
    if not found:
        raise BackupError(f"{name} not found: install the PostgreSQL client tools.")
    return found


def _pg_env() -> dict:
    """libpq variables for the default database, so no password appears on a command line."""
    db = connection.settings_dict
    options = db.get("OPTIONS", {})
    env = dict(os.environ)
    values = {
        "PGHOST": options.get("host") or db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
        "PGDATABASE": db["NAME"],
        "PGSSLMODE": options.get("sslmode", ""),
    }
    env.update({k: v for k, v in values.items() if v})
    return env


def _run(args: list[str]) -> None:
    result = subprocess.run(args, env=_pg_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip()}")


# --- Files of the default storage ----------------------------------------------------------------


def _storage():
    return storages["default"]


def storage_files(storage=None, folder: str = "") -> list[str]:
    """Every file name in the storage, walked through the storage API."""
    storage = storage or _storage()
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # an empty MEDIA_ROOT that was never created
        return []
    names = [f"{folder}/{f}" if folder else f for f in files]
    for directory in directories:
        names += storage_files(storage, f"{folder}/{directory}" if folder else directory)
    return sorted(names)


# --- Backup -------------------------------------------------------------------------------------


def default_backup_dir() -> Path:
    return Path(os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "var" / "backups")


def backup(output: Path | None = None) -> tuple[Path, dict]:
    """Write one archive with the database dump and every stored file; return (path, manifest)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    output = Path(output) if output else default_backup_dir() / f"thidua-{stamp}.tar.gz"
    output.parent.mkdir(parents=True, exist_ok=True)
    storage = _storage()
    with tempfile.TemporaryDirectory(prefix="thidua-backup-") as work:
        dump = Path(work) / DUMP_NAME
        _run([pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "-f", dump])
        names = storage_files(storage)
        manifest = {
            "format": FORMAT,
            "created": datetime.now().astimezone().isoformat(timespec="seconds"),
            "database": connection.settings_dict["NAME"],
            "version": settings.VERSION,
            "files": len(names),
            "storage": settings.STORAGES["default"]["BACKEND"],
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, MANIFEST_NAME, json.dumps(manifest, indent=2).encode())
            archive.add(dump, arcname=DUMP_NAME)
            for name in names:
                with storage.open(name, "rb") as handle:
                    data = handle.read()
                _add_bytes(archive, MEDIA_PREFIX + name, data)
        partial.replace(output)  # never leave a half-written archive under the final name
    return output, manifest


def _add_bytes(archive, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


# --- Restore ------------------------------------------------------------------------------------


def read_manifest(path: Path) -> dict:
    with tarfile.open(path, "r:gz") as archive:
        try:
            member = archive.getmember(MANIFEST_NAME)
        except KeyError as exc:
            raise BackupError(f"{path} is not a thidua backup (no {MANIFEST_NAME}).") from exc
        manifest = json.loads(archive.extractfile(member).read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore(path: Path) -> dict:
    """Replace the database's content and the stored files with the archive's."""
    path = Path(path)
    manifest = read_manifest(path)
    with tempfile.TemporaryDirectory(prefix="thidua-restore-") as work:
        dump = Path(work) / DUMP_NAME
        with tarfile.open(path, "r:gz") as archive:
            source = archive.extractfile(DUMP_NAME)
            if source is None:
                raise BackupError(f"{path} holds no database dump.")
            with open(dump, "wb") as target:
                shutil.copyfileobj(source, target)
            _restore_database(dump)
            restored = _restore_files(archive)
    connection.close()
    return {**manifest, "restored_files": restored}


def _restore_database(dump: Path) -> None:
    # Drop what is there (tables created by later migrations included), then load the dump.
    # Another process holding a lock (a running app) makes this fail clearly, not hang.
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = '10s'")
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connection.close()
    _run(
        [
            pg_tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "-d",
            connection.settings_dict["NAME"],
            dump,
        ]
    )


def _restore_files(archive) -> int:
    storage = _storage()
    for name in storage_files(storage):
        storage.delete(name)
    count = 0
    for member in archive.getmembers():
        if not member.isfile() or not member.name.startswith(MEDIA_PREFIX):
            continue
        name = member.name[len(MEDIA_PREFIX) :]
        if name.startswith("/") or ".." in Path(name).parts:
            raise BackupError(f"Refusing an unsafe file name in the archive: {member.name}")
        saved = storage.save(name, File(archive.extractfile(member), name=name))
        if saved != name:
            raise BackupError(f"{name} was stored as {saved}: the storage was not empty.")
        count += 1
    return count

"""`manage.py backup` and `restore`: a round trip on a database of its own.

The commands drop and reload a whole database, so they run in child processes against a
scratch database created for this test (DATABASE_NAME) on the same server, with a scratch
MEDIA_ROOT. The test database that the other tests use is never touched.
"""

import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, env=None, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env or {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def scratch(tmp_path, django_db_setup, django_db_blocker):
    name = f"thidua_backup_{uuid.uuid4().hex[:8]}"
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name}")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DATABASE_NAME=name,
        MEDIA_ROOT=str(tmp_path / "media"),
        BACKUP_DIR=str(tmp_path / "backups"),
        DEBUG="1",
    )

    def manage(*args, check=True):
        return _manage(*args, env=env, check=check)

    def shell(code):
        return manage("shell", "-c", code).stdout.strip().splitlines()[-1]

    manage("migrate", "--noinput", "-v0")
    yield manage, shell, tmp_path
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


ARRANGE = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from units.models import Unit
Unit.objects.create(code="TT-BK", name="Thanh tra tỉnh Sao Lưu", kind="provincial")
default_storage.save("evidence/2026/01/bao-cao.pdf", ContentFile(b"%PDF-1.4 original"))
print("ok")
"""

DAMAGE = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from units.models import Unit
Unit.objects.filter(code="TT-BK").delete()
Unit.objects.create(code="TT-NEW", name="Created after the backup", kind="provincial")
default_storage.delete("evidence/2026/01/bao-cao.pdf")
default_storage.save("evidence/2026/02/later.pdf", ContentFile(b"%PDF-1.4 later"))
print("ok")
"""

CHECK = """
from django.core.files.storage import default_storage
from units.models import Unit
codes = sorted(Unit.objects.filter(code__startswith="TT-").values_list("code", flat=True))
with default_storage.open("evidence/2026/01/bao-cao.pdf") as f:
    content = f.read().decode()
later = default_storage.exists("evidence/2026/02/later.pdf")
print(codes, content, later)
"""


def test_backup_then_restore_brings_back_rows_and_files(scratch):
    manage, shell, tmp_path = scratch
    assert shell(ARRANGE) == "ok"
    archive = tmp_path / "thidua-test.tar.gz"

    out = manage("backup", "--output", str(archive)).stdout
    assert "backup written" in out
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "database.dump", "media/evidence/2026/01/bao-cao.pdf"} <= set(names)

    assert shell(DAMAGE) == "ok"
    restored = manage("restore", str(archive), "--yes", "--no-safety-backup").stdout
    assert "restored: database and 1 files" in restored

    assert shell(CHECK) == "['TT-BK'] %PDF-1.4 original False"


def test_restore_takes_a_safety_backup_of_the_current_state_first(scratch):
    manage, shell, tmp_path = scratch
    shell(ARRANGE)
    archive = tmp_path / "first.tar.gz"
    manage("backup", "--output", str(archive))
    shell(DAMAGE)
    manage("restore", str(archive), "--yes")
    (safety,) = (tmp_path / "backups").glob("thidua-*.tar.gz")
    with tarfile.open(safety) as tar:
        names = tar.getnames()
    # The safety copy holds the state just before the restore (the damaged one).
    assert "media/evidence/2026/02/later.pdf" in names
    assert "media/evidence/2026/01/bao-cao.pdf" not in names


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        tar.add(__file__, arcname="something.py")
    result = _manage("restore", str(bogus), "--yes", check=False)
    assert result.returncode != 0
    assert "not a thidua backup" in result.stderr

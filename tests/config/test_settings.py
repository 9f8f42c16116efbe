"""Project-wide guarantees: deploy checks, migrations, translations, headers."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from tests.helpers.manage import run_manage

ROOT = Path(__file__).resolve().parents[2]
MAKEMESSAGES_ARGS = (
    "makemessages",
    "-l",
    "vi",
    "--no-location",
    "--ignore",
    ".venv/*",
    "--ignore",
    "var/*",
    "--ignore",
    "tests/*",
    "--ignore",
    "scripts/*",
)


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="a-production-secret-" + "x" * 50,
        ALLOWED_HOSTS="thidua.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _catalog(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def test_every_message_has_a_vietnamese_translation():
    catalog = _catalog("vi")
    missing = [e.msgid for e in catalog.untranslated_entries() + catalog.fuzzy_entries()]
    assert missing == []


def test_vietnamese_translations_keep_their_placeholders():
    import re

    pattern = re.compile(r"%\([\w.]+\)[sd]|%[sd]|\{\{ ?[\w.]+ ?\}\}")
    wrong = [
        e.msgid
        for e in _catalog("vi").translated_entries()
        if sorted(pattern.findall(e.msgid))
        != sorted(pattern.findall(e.msgstr or e.msgstr_plural[0]))
    ]
    assert wrong == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="xgettext (gettext) not installed")
def test_every_source_message_is_in_the_catalog(tmp_path):
    """A string added to the code without `make makemessages` and a translation fails here."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "*.mo")
    )
    result = run_manage(
        *MAKEMESSAGES_ARGS, cwd=copy, DATABASE_URL="postgres://unused@127.0.0.1:9/unused"
    )
    assert result.returncode == 0, result.stderr
    fresh = polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in fresh.untranslated_entries() + fresh.fuzzy_entries()]
    assert untranslated == []


def test_vietnamese_is_default_with_local_formats():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    from datetime import date

    from django.utils import formats, translation

    with translation.override("vi"):
        assert formats.date_format(date(2019, 3, 11), "SHORT_DATE_FORMAT") == "11/03/2019"
        assert formats.number_format(1234.5, 1, use_l10n=True, force_grouping=True) == "1.234,5"


@pytest.mark.django_db
def test_security_headers_on_pages(client):
    response = client.get(reverse("login"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_pages_use_no_inline_script_or_style(client):
    """The CSP forbids inline code, so a page that needed it would silently break."""
    html = client.get(reverse("login")).content.decode()
    assert "<script>" not in html and "style=" not in html and "onclick" not in html


def test_embedded_database_lives_under_var():
    from config import embedded_db

    assert embedded_db.PGDATA == ROOT / "var" / "pgdata"
    if not os.environ.get("DATABASE_URL"):
        # pgserver listens on a socket in (or linked from) the data directory.
        assert connection.settings_dict["OPTIONS"]["host"].startswith("/")

"""Production serving: health check, storage choice, logs, gunicorn settings, query header."""

import gc
import json
import logging
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from config.logformat import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]


def _manage_shell(code, **env):
    return _manage("shell", "-c", code, **env)


def _manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_healthz_checks_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["thidua.example.org"])
def test_healthz_answers_a_load_balancer_probing_by_address_over_http(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    # Other pages still refuse the unknown host.
    assert client.get("/accounts/login/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_healthz_answers_503_with_json_when_the_database_is_down():
    # A real PostgreSQL address where nothing listens: the app must say so, not crash.
    code = (
        "from django.test import Client; r = Client().get('/healthz'); "
        "print(r.status_code, r.content.decode())"
    )
    result = _manage_shell(
        code,
        DATABASE_URL="postgres://thidua@127.0.0.1:9/thidua?connect_timeout=2",
        ALLOWED_HOSTS="testserver",
        DEBUG="1",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert json.loads(body) == {"status": "error", "database": "unavailable"}


def test_uploads_stay_on_local_disk_by_default():
    result = _manage_shell(
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__module__ + '.' + type(s).__name__, s.location)",
        MEDIA_ROOT="/tmp/thidua-media-test",
        STORAGE_BACKEND="",
        AWS_STORAGE_BUCKET_NAME="",
    )
    assert result.returncode == 0, result.stderr
    backend, location = result.stdout.strip().splitlines()[-1].split()
    assert backend == "django.core.files.storage.filesystem.FileSystemStorage"
    assert location == "/tmp/thidua-media-test"


def test_uploads_go_to_private_s3_storage_when_configured():
    code = (
        "import json; from django.conf import settings; "
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(json.dumps([settings.STORAGES['default'], type(s).__module__ + '.' "
        "+ type(s).__name__, s.bucket_name, s.endpoint_url, s.querystring_auth, s.default_acl, "
        "s.custom_domain, s.file_overwrite]))"
    )
    result = _manage_shell(
        code,
        AWS_STORAGE_BUCKET_NAME="thidua-uploads",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="secret",
        AWS_S3_REGION_NAME="hn-1",
    )
    assert result.returncode == 0, result.stderr
    config, backend, bucket, endpoint, signed, acl, domain, overwrite = json.loads(
        result.stdout.strip().splitlines()[-1]
    )
    assert config["BACKEND"] == "storages.backends.s3.S3Storage"
    assert backend == "storages.backends.s3.S3Storage"
    assert (bucket, endpoint, config["OPTIONS"]["region_name"]) == (
        "thidua-uploads",
        "https://s3.example.org",
        "hn-1",
    )
    assert (signed, acl, domain, overwrite) == (True, None, None, False)


def test_s3_backend_without_bucket_refuses_to_start():
    result = _manage("check", STORAGE_BACKEND="s3", AWS_STORAGE_BUCKET_NAME="")
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_json_log_lines_carry_extra_fields_and_tracebacks():
    formatter = JsonFormatter()
    record = logging.LogRecord("thidua", logging.ERROR, __file__, 1, "sent %d", (3,), None)
    record.unit = 42
    try:
        raise ValueError("boom")
    except ValueError:
        record.exc_info = sys.exc_info()
    line = json.loads(formatter.format(record))
    assert line["level"] == "ERROR"
    assert line["logger"] == "thidua"
    assert line["message"] == "sent 3"
    assert line["unit"] == 42
    assert "ValueError: boom" in line["exception"]


def test_production_logs_are_json_lines_on_stdout():
    result = _manage_shell(
        "import logging; logging.getLogger('thidua.test').warning('xin chào')",
        DEBUG="0",
        SECRET_KEY="a-production-secret-" + "x" * 50,
    )
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert (line["logger"], line["message"]) == ("thidua.test", "xin chào")


def test_gunicorn_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:8080")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.2")
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert config["bind"] == ["0.0.0.0:8080"]
    assert config["workers"] == 3
    assert config["forwarded_allow_ips"] == "10.0.0.2"
    assert config["logger_class"] == "config.gunicorn_logger.JsonAccessLogger"


def test_gunicorn_defaults_to_two_workers_per_core_plus_one(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert config["workers"] == 2 * os.cpu_count() + 1


@pytest.mark.django_db
def test_query_count_header_counts_the_queries_of_a_request(client, settings):
    settings.MIDDLEWARE = ["config.middleware.QueryCountMiddleware", *settings.MIDDLEWARE]
    response = client.get(reverse("healthz"))
    assert response["X-Query-Count"] == "1"
    assert client.get(reverse("login"))["X-Query-Count"] == "0"


@pytest.mark.django_db
def test_query_count_header_is_off_by_default(client):
    assert "X-Query-Count" not in client.get(reverse("healthz"))


def test_gunicorn_freezes_the_loaded_app_before_forking_a_worker():
    config = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    gc.unfreeze()
    try:
        config["pre_fork"](server=None, worker=None)
        assert gc.get_freeze_count() > 10_000  # Django and the app, loaded by this process
    finally:
        gc.unfreeze()


def test_static_files_collected_under_debug_are_served_in_production(tmp_path):
    """`collectstatic` run with the development .env (DEBUG on), then the app started with
    DEBUG off: the stylesheet the pages link is served (it once answered 404: no manifest)."""
    static_root = str(tmp_path / "static")
    collected = _manage("collectstatic", "--noinput", DEBUG="1", STATIC_ROOT=static_root)
    assert collected.returncode == 0, collected.stderr
    code = (
        "from django.templatetags.static import static; from django.test import Client; "
        "url = static('css/thidua.css'); "
        "r = Client().get(url, secure=True, headers={'host': 'thidua.example.org'}); "
        "print(url, r.status_code)"
    )
    served = _manage_shell(
        code,
        DEBUG="0",
        SECRET_KEY="a-production-key-for-this-test-only-0123456789-abcdefghijklmnop",
        ALLOWED_HOSTS="thidua.example.org",
        STATIC_ROOT=static_root,
    )
    assert served.returncode == 0, served.stderr
    url, status = served.stdout.strip().splitlines()[-1].split()
    assert status == "200"
    assert url != "/static/css/thidua.css"  # a hashed name, cached for ever by browsers

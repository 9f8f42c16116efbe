"""Security fixes found by the permission matrix and the hardening review."""

import json

import pytest
from django.urls import reverse

from tests.helpers.manage import run_manage
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_unknown_pledge_action_is_not_found_not_a_crash(client, open_pledge, secretariat):
    client.force_login(secretariat)
    url = reverse("pledges:pledge_action", kwargs={"pk": open_pledge.pk, "action": "explode"})
    before = AuditEntry.objects.count()
    assert client.post(url).status_code == 404
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_registration_round_form_refuses_units_before_reading_the_form(client, officer, method):
    client.force_login(officer)
    response = getattr(client, method)(reverse("pledges:round_add"))
    assert response.status_code == 403


# Production settings ----------------------------------------------------------------------

PRODUCTION_VALUES = """
import json
from django.conf import settings as s
print(json.dumps({
    "debug": s.DEBUG,
    "session_secure": s.SESSION_COOKIE_SECURE,
    "csrf_secure": s.CSRF_COOKIE_SECURE,
    "session_httponly": s.SESSION_COOKIE_HTTPONLY,
    "csrf_httponly": s.CSRF_COOKIE_HTTPONLY,
    "ssl_redirect": s.SECURE_SSL_REDIRECT,
    "hsts": s.SECURE_HSTS_SECONDS,
    "min_password": [v.get("OPTIONS", {}).get("min_length") for v in s.AUTH_PASSWORD_VALIDATORS],
    "validators": len(s.AUTH_PASSWORD_VALIDATORS),
    "first_backend": s.AUTHENTICATION_BACKENDS[0],
    "axes_limit": s.AXES_FAILURE_LIMIT,
    "upload_max": s.UPLOAD_MAX_BYTES,
    "csp": s.CONTENT_SECURITY_POLICY,
}))
"""


def test_production_settings_are_secure():
    result = run_manage(
        "shell",
        "-c",
        PRODUCTION_VALUES,
        DEBUG="0",
        SECRET_KEY="a-production-secret-" + "x" * 50,
        ALLOWED_HOSTS="thidua.example.org",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["debug"] is False
    assert values["session_secure"] and values["csrf_secure"]
    assert values["session_httponly"] and values["csrf_httponly"]
    assert values["ssl_redirect"] and values["hsts"] >= 365 * 24 * 3600
    assert values["validators"] == 4 and 10 in values["min_password"]
    assert values["first_backend"] == "axes.backends.AxesStandaloneBackend"
    assert 0 < values["axes_limit"] <= 10
    assert 0 < values["upload_max"] <= 50 * 1024 * 1024
    for directive in ("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
        assert directive in values["csp"]
    assert "unsafe-inline" not in values["csp"] and "unsafe-eval" not in values["csp"]


# Headers and cookies ------------------------------------------------------------------------


def test_signed_in_pages_are_not_kept_in_the_browser_cache(client, officer):
    client.force_login(officer)
    response = client.get(reverse("dashboard"))
    assert "no-store" in response["Cache-Control"]
    assert "camera=()" in response["Permissions-Policy"]


def test_session_and_csrf_cookies_are_out_of_reach_of_scripts(client, officer):
    from tests.factories.units import PASSWORD

    officer.set_password(PASSWORD)
    officer.save()
    page = client.get(reverse("login"))
    assert page.cookies["csrftoken"]["httponly"]
    response = client.post(reverse("login"), {"username": officer.username, "password": PASSWORD})
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_uploaded_files_are_served_as_downloads_without_sniffing(
    client, officer, submission, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from evaluations.results import services

    settings.MEDIA_ROOT = tmp_path
    evidence = services.evidence_add(
        submission=submission,
        actor=officer,
        uploaded=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n%x\n"),
    )
    client.force_login(officer)
    response = client.get(reverse("evaluations:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    b"".join(response.streaming_content)


def test_media_files_are_never_served_directly(client, officer):
    client.force_login(officer)
    assert client.get("/media/evidence/anything.pdf").status_code == 404


def test_a_very_long_username_is_refused_not_a_crash(client, officer):
    """Found by the hostile-input tests: the throttle's record of the attempt overflowed."""
    response = client.post(reverse("login"), {"username": "A" * 5000, "password": "sai"})
    assert response.status_code == 200
    assert response.context["form"].errors["username"]

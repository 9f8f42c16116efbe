"""Every named URL x every role x (own object, another unit's object): the outcome in
`tests/security/matrix.py`, and no private data where it does not belong.

The world (tests/security/world.py) is built once for the module inside a
transaction that is rolled back at the end; each test runs in its own savepoint,
so POSTs that succeed change nothing for the next test.
"""

import os
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.matrix import EXCLUDED, MATRIX
from tests.security.world import ROLES, SECRETS, build_world
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def named_urls(patterns=None, namespace=()) -> set[str]:
    """Every named URL of the project as "namespace:name", found by walking the resolver."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
            names |= named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(":".join((*namespace, pattern.name)))
    return names


def is_excluded(name: str) -> bool:
    return name in EXCLUDED or any(
        prefix.endswith(":") and name.startswith(prefix) for prefix in EXCLUDED
    )


COVERED = sorted(name for name in named_urls() if not is_excluded(name))


def test_every_named_url_has_a_matrix_entry():
    missing = [name for name in COVERED if name not in MATRIX]
    assert not missing, (
        f"No permission-matrix entry for {missing}. Add one per URL to MATRIX in "
        "tests/security/matrix.py (the module docstring says how), or list the URL in "
        "EXCLUDED there with the reason."
    )


def test_matrix_has_no_entry_for_a_url_that_is_gone():
    stale = sorted(set(MATRIX) - set(COVERED))
    assert not stale, f"MATRIX entries for URLs that no longer exist: {stale}"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("matrix-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_world()
            # One session per role, signed in once; each request presents its cookie.
            sessions = {}
            for role, user in built.users.items():
                if user is not None:
                    signed_in = Client()
                    signed_in.force_login(user)
                    sessions[role] = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
            built.sessions = sessions
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def outcome_of(response) -> str:
    if response.status_code == 302:
        path = urlparse(response["Location"]).path
        return "login" if path == reverse("login") else "302"
    return str(response.status_code)


def body_of(response) -> str:
    if response.streaming:
        # Consuming the content closes the response (the test client wraps it).
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def leaks(role: str, outcome: str, body: str) -> list[str]:
    """Markers this response shows but must not: any marker on a refusal, and on any
    page a marker outside the role's `SECRETS`."""
    return [
        marker
        for marker, readers in SECRETS.items()
        if marker in body and (outcome != "200" or role not in readers)
    ]


def request(client: Client, world, role: str, method: str, url: str, data: dict):
    client.cookies.clear()
    if role in world.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client.post(url, data or {}) if method == "post" else client.get(url)


@pytest.mark.parametrize("name", COVERED)
def test_permission_matrix(name, world, client):
    entry = MATRIX.get(name)
    if entry is None:
        pytest.fail(f"{name}: add an entry to MATRIX in tests/security/matrix.py")
    dump = os.environ.get("MATRIX_DUMP")
    problems, observed = [], {}
    for side in ("own", "other") if entry.obj else ("own",):
        obj = world.side(side)[entry.obj] if entry.obj else None
        url = reverse(name, kwargs=entry.url_kwargs(obj))
        for method in ("get", "post"):
            expected = entry.outcomes(method, side)
            if expected is None and not (dump and method == "get"):
                continue
            for role in ROLES:
                # Each request in its own savepoint: one role's successful POST (a delete,
                # an archive) must not change what the next role meets.
                with transaction.atomic():
                    audit_before = AuditEntry.objects.count()
                    response = request(client, world, role, method, url, entry.data)
                    got = outcome_of(response)
                    body = body_of(response)
                    changed = AuditEntry.objects.count() != audit_before
                    transaction.set_rollback(True)
                observed[(method, side, role)] = got
                if expected is not None and got != expected[role]:
                    problems.append(
                        f"{method.upper()} {url} ({side}) as {role}: "
                        f"expected {expected[role]}, got {got}"
                    )
                for marker in leaks(role, got, body):
                    problems.append(f"{method.upper()} {url} ({side}) as {role} shows {marker!r}")
                if method == "post" and got in ("login", "403", "404", "405") and changed:
                    problems.append(f"POST {url} as {role} was refused but changed state")
    if dump:
        with open(dump, "a") as out:
            for (method, side), _ in sorted(
                {(m, s): 1 for m, s, _r in observed}.items(), key=lambda k: k[0]
            ):
                words = " ".join(observed[(method, side, r)] for r in ROLES)
                out.write(f"{name} {method} {side}: {words}\n")
            out.writelines(f"  PROBLEM {p}\n" for p in problems)
        return
    assert not problems, "\n".join(problems)

"""Every edit page of the demo saves when submitted unchanged, by everyone who may open it.

A form that cannot be saved as it is shown (a blank extra row counted as filled, a value
the form offers but refuses) blocks its users from changing anything at all. This test
finds the edit pages in the URL configuration, so a new one is covered without editing
it: every named URL whose name ends in `_edit` or `_update`, or whose view is an
UpdateView. It opens each one for every object of the demo the view can load and as
every demo user, and submits the form exactly as the browser would send it untouched
(tests/helpers/browser_form.py). Where the page opens (200) the submit must succeed: a
redirect, no form error. An edit page that no demo user can open on any demo object
fails the test: give the demo such an object (seed/demo/) rather than let it be skipped.

Pages that carry several forms, each its own action (a submission's scores beside its
"submit", a registration's rows beside "return" and "reopen"), are not edit pages in this
sense: name such a page `*_edit` only if its main form (the one with the most fields)
saves the object.
"""

import re

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.generic.edit import UpdateView

from evaluations.ballots import services as ballots
from evaluations.ballots.services import QuestionData
from tests.helpers.browser_form import form_data
from units.models import ClusterYear, User

pytestmark = pytest.mark.django_db

EDIT_NAME = re.compile(r"(_edit|_update)$")
SAMPLE = 12  # objects tried per edit page at most


def edit_urls(patterns=None, namespace=()):
    """(name, pattern) of every edit-like named URL."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
            found += edit_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            view = getattr(pattern.callback, "view_class", None)
            if EDIT_NAME.search(pattern.name) or (view and issubclass(view, UpdateView)):
                found.append((":".join((*namespace, pattern.name)), pattern))
    return found


def test_edit_pages_are_found():
    names = {name for name, _ in edit_urls()}
    assert {"campaigns:campaign_edit", "pledges:pledge_edit", "campaigns:rubric_edit"} <= names


def objects_of(name, pattern, admin):
    """The pks the URL's view can load, read from the view's own queryset (as the admin)."""
    keys = list(pattern.pattern.converters)
    assert len(keys) == 1, (
        f"{name}: an edit URL takes one object; this one takes {keys}. Teach "
        "tests/seed/test_demo_edit_pages.py how to fill it."
    )
    view_class = pattern.callback.view_class
    view = view_class(**pattern.callback.view_initkwargs)
    request = RequestFactory().get("/")
    request.user = admin
    view.setup(request, **{keys[0]: 0})
    try:
        queryset = view.get_queryset()
    except (AttributeError, NotImplementedError) as error:
        raise AssertionError(
            f"{name}: {view_class.__name__} has no get_queryset() naming what it edits "
            f"({error}); give it one (core.views.ObjectPermissionMixin)."
        ) from error
    pks = list(queryset.model._default_manager.order_by("pk").values_list("pk", flat=True))
    if len(pks) > SAMPLE:  # many of a kind (the demo's staff): a spread of them, ends included
        step = (len(pks) - 1) / (SAMPLE - 1)
        pks = [pks[round(i * step)] for i in range(SAMPLE)]
    return keys[0], pks


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)
    edit_objects()


def edit_objects():
    """What the demo has no editable copy of: a draft ballot."""
    secretary = User.objects.get(username="thuky.cum2")
    year = ClusterYear.objects.get(cluster__code="CUM2", year=2026)
    ballots.ballot_create(
        cluster_year=year,
        actor=secretary,
        title="Bỏ phiếu bình xét (dự thảo)",
        questions=[QuestionData(text="Đơn vị đề nghị tặng Bằng khen", places=1)],
    )


def test_every_demo_edit_page_saves_unchanged(demo, client):
    users = list(User.objects.filter(is_active=True).order_by("pk"))
    admin = next(u for u in users if u.is_superuser or u.username == "admin")
    problems, opened = [], {}
    for name, pattern in edit_urls():
        key, pks = objects_of(name, pattern, admin)
        opened[name] = 0
        for pk in pks:
            url = reverse(name, kwargs={key: pk})
            for user in users:
                client.force_login(user)
                page = client.get(url)
                if page.status_code != 200:
                    continue
                opened[name] += 1
                response = client.post(url, form_data(page.content))
                if response.status_code != 302:
                    problems.append(f"{url} as {user.username}: {_errors_of(response)}")
                warned = [
                    str(m)
                    for m in get_messages(response.wsgi_request)
                    if m.level >= messages.WARNING
                ]
                if warned:  # redirected, but with a refusal
                    problems.append(f"{url} as {user.username}: {warned}")
    never = [name for name, count in opened.items() if not count]
    if never:
        problems.append(
            f"No demo user can open {never} on any demo object: give the demo an object "
            "to edit (seed/demo/, or edit_objects() here) so that the page is tested."
        )
    assert not problems, "Unchanged forms refused:\n" + "\n".join(problems)


def _errors_of(response) -> str:
    if response.status_code != 200 or response.context is None:
        return f"answered {response.status_code}"
    errors, values = [], {}
    contexts = response.context if isinstance(response.context, list) else [response.context]
    for context in contexts:
        values.update(context.flatten())
    for value in values.values():
        if hasattr(value, "errors") and hasattr(value, "is_bound") and value.is_bound:
            found = value.errors
            if hasattr(value, "non_form_errors"):  # a formset: its rows' errors
                found = [e for e in value.errors if e] + list(value.non_form_errors())
            if found:
                errors.append(f"{type(value).__name__}: {found}")
    return "; ".join(errors) or "answered 200 without a form error shown"

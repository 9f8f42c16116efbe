"""core/views.py on a tiny view of a real model: a person's record (units.Person), seen
through `people_visible_to`, read with `units.view_person`, renamed with
`units.change_person`, moved by a service that refuses."""

from datetime import date

import pytest
from django import forms
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from core.exceptions import ActionRefused
from core.views import ObjectActionsMixin, refusal_as_message, refusal_onto
from tests.factories.units import PersonFactory
from units import selectors, services
from units.models import AuditEntry, Employment

pytestmark = pytest.mark.django_db


class PersonPage(ObjectActionsMixin, View):
    permission_required = "units.view_person"
    actions = {
        "rename": ("units.change_person", "rename"),
        "move": (None, "move"),  # the service asks its own right
    }

    def get_queryset(self):
        return selectors.people_visible_to(user=self.request.user)

    def get(self, request, pk):
        return HttpResponse(self.object.full_name)

    def rename(self, request, person, action):
        data = {"full_name": request.POST["full_name"]}
        services.person_update(person=person, actor=request.user, data=data)
        return redirect("units:unit_detail", person.unit_id)

    def move(self, request, person, action):
        with refusal_as_message(request):
            services.person_transfer(
                person=person, to_unit=person.unit, on=date(2026, 1, 1), actor=request.user
            )
            messages.success(request, "moved")
            return redirect("units:unit_list")
        return redirect("units:unit_detail", person.unit_id)


class PersonEditPage(PersonPage):
    permission_required = "units.change_person"


def call(user, person, method="get", data=None, view=PersonPage):
    """The view called with a request as the middleware would leave it."""
    request = getattr(RequestFactory(), method)("/", data or {})
    request.user = user or AnonymousUser()
    request._messages = CookieStorage(request)
    return view.as_view()(request, pk=person.pk), request


def flashed(request) -> list[tuple[int, str]]:
    return [(m.level, m.message) for m in messages.get_messages(request)]


@pytest.fixture
def person(our_unit):
    return PersonFactory(unit=our_unit, full_name="Trần Văn Một")


def test_object_permission_anonymous_goes_to_sign_in(person):
    response, _request = call(None, person)
    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("login"))


def test_object_permission_reads_the_object_the_user_sees(officer, person):
    response, _request = call(officer, person)
    assert (response.status_code, response.content.decode()) == (200, "Trần Văn Một")


def test_object_permission_outside_the_queryset_is_404(other_officer, person):
    with pytest.raises(Http404):
        call(other_officer, person)


def test_object_permission_without_the_permission_is_403(secretariat, person):
    # The secretariat of the cluster year reads our unit's staff but may not change them.
    with pytest.raises(PermissionDenied):
        call(secretariat, person, view=PersonEditPage)


def test_object_permission_loads_the_object_once(officer, person, django_assert_max_num_queries):
    with django_assert_max_num_queries(10) as captured:
        call(officer, person)
    person_reads = [q for q in captured.captured_queries if 'FROM "units_person"' in q["sql"]]
    assert len(person_reads) == 1


def test_object_permission_unanswered_method_is_405_with_nothing_loaded(
    other_officer, person, django_assert_num_queries
):
    # PUT is no handler of the view: 405, even for a record the user may not see.
    with django_assert_num_queries(0):
        response, _request = call(other_officer, person, method="put")
    assert response.status_code == 405


def test_action_asks_its_own_permission(secretariat, person):
    assert call(secretariat, person)[0].status_code == 200
    with pytest.raises(PermissionDenied):
        call(secretariat, person, "post", {"action": "rename", "full_name": "Đổi Tên"})
    person.refresh_from_db()
    assert person.full_name == "Trần Văn Một"


def test_action_with_the_permission_runs_its_handler(officer, person):
    response, _request = call(officer, person, "post", {"action": "rename", "full_name": "Đổi Tên"})
    person.refresh_from_db()
    assert (response.status_code, person.full_name) == (302, "Đổi Tên")


def test_action_unknown_is_404(officer, person):
    with pytest.raises(Http404):
        call(officer, person, "post", {"action": "delete"})


def test_action_refused_becomes_a_message_and_a_redirect_with_nothing_written(admin_user, person):
    employments = Employment.objects.count()
    response, request = call(admin_user, person, "post", {"action": "move"})
    assert (response.status_code, response.url) == (
        302,
        reverse("units:unit_detail", args=[person.unit_id]),
    )
    assert flashed(request) == [(messages.ERROR, _("This person already works in that unit."))]
    assert Employment.objects.count() == employments
    assert not AuditEntry.objects.filter(action="person.transfer").exists()


class NameForm(forms.Form):
    name = forms.CharField()


def test_refusal_onto_puts_the_refusal_above_the_form_and_stops_the_block():
    form = NameForm({"name": "x"})
    form.is_valid()
    reached = []
    with refusal_onto(form):
        raise ActionRefused("Không được.")
        reached.append(True)  # pragma: no cover
    assert (form.non_field_errors(), reached) == (["Không được."], [])


def test_refusal_onto_a_field_and_a_validation_error_on_its_own_fields():
    form = NameForm({"name": "x"})
    form.is_valid()
    with refusal_onto(form, "name"):
        raise ActionRefused("Tên đã dùng.")
    with refusal_onto(form, "name"):
        raise ValidationError({"name": "Quá ngắn."})
    assert form.errors == {"name": ["Tên đã dùng.", "Quá ngắn."]}

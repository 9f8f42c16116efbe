"""The audit log: a unit reads the changes to its own records, administrators read all
(browser page and read-only Django admin); score changes carry before and after."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from evaluations.results import services as evaluation_services
from evaluations.results.models import Score
from tests.factories.units import PASSWORD, PersonFactory, UnitFactory, UserFactory
from tests.helpers.results import submit_ready
from units import services
from units.models import AuditEntry, User

pytestmark = pytest.mark.django_db

URL = reverse("units:audit_log")


def person_created(unit, actor, name):
    return services.person_create(
        unit=unit, actor=actor, data={"full_name": name, "gender": "female", "position": "TTV"}
    )


@pytest.fixture
def logged(officer, other_officer, admin_user, our_unit, other_unit):
    """One change to each unit, and one that concerns no unit."""
    person_created(our_unit, officer, "Lê Thị Nhật Ký Mình")
    person_created(other_unit, other_officer, "Phạm Văn Nhật Ký Khác")
    services.role_grant(
        user=UserFactory(unit=None, display_name="khong-don-vi"), role="viewer", actor=admin_user
    )


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_unit_sees_only_its_own_changes(client, logged, officer):
    client.force_login(officer)
    html = client.get(URL).content.decode()
    assert "Lê Thị Nhật Ký Mình" in html
    assert "Phạm Văn Nhật Ký Khác" not in html
    assert "khong-don-vi" not in html


def test_another_unit_sees_none_of_ours(client, logged, other_officer, outsider_officer):
    client.force_login(other_officer)
    html = client.get(URL).content.decode()
    assert "Phạm Văn Nhật Ký Khác" in html
    assert "Lê Thị Nhật Ký Mình" not in html
    client.force_login(outsider_officer)
    response = client.get(URL)
    assert response.status_code == 200
    assert list(response.context["entries"]) == []


def test_a_unit_filter_cannot_reach_another_unit(client, logged, officer, other_unit):
    client.force_login(officer)
    response = client.get(URL, {"unit": other_unit.pk})
    assert "Phạm Văn Nhật Ký Khác" not in response.content.decode()


def test_admin_sees_every_change_and_filters_by_kind(client, logged, admin_user):
    client.force_login(admin_user)
    html = client.get(URL).content.decode()
    for text in ("Lê Thị Nhật Ký Mình", "Phạm Văn Nhật Ký Khác", "khong-don-vi"):
        assert text in html
    roles_only = client.get(URL, {"kind": "role"}).content.decode()
    assert "khong-don-vi" in roles_only and "Lê Thị Nhật Ký Mình" not in roles_only


def test_navigation_and_dashboard_link_to_the_change_log(client, officer):
    client.force_login(officer)
    html = client.get(reverse("dashboard")).content.decode()
    assert html.count(f'href="{URL}"') == 2


@pytest.mark.parametrize("count", [3, 60])
def test_change_log_costs_a_constant_number_of_queries(
    client, officer, our_unit, count, django_assert_max_num_queries
):
    for n in range(count):
        person_created(our_unit, officer, f"Cán bộ {n}")
    client.force_login(officer)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["entries"]) == min(count, 50)


def test_entries_show_who_when_and_before_after(client, officer, our_unit):
    person = person_created(our_unit, officer, "Đỗ Văn Trước")
    services.person_update(person=person, actor=officer, data={"full_name": "Đỗ Văn Sau"})
    client.force_login(officer)
    html = client.get(URL).content.decode()
    assert "Đỗ Văn Trước → Đỗ Văn Sau" in html
    assert officer.get_full_name() in html


# Score changes ------------------------------------------------------------------------


def test_self_scores_are_audited_with_before_and_after(submission, officer):
    a1 = Score.objects.get(submission=submission, criterion__code="A1").criterion
    for value in ("3", "4,5"):
        evaluation_services.submission_save(
            submission=submission,
            actor=officer,
            scores={a1.pk: {"self_score": Decimal(value.replace(",", ".")), "explanation": ""}},
        )
    entry = AuditEntry.objects.filter(action="submission.scores").first()
    assert entry.changes == {"A1": ["3", "4.5"]}
    assert entry.unit_id == submission.unit_id


def test_an_explanation_edit_is_logged_without_its_draft_text(submission, officer):
    a1 = Score.objects.get(submission=submission, criterion__code="A1").criterion
    evaluation_services.submission_save(
        submission=submission,
        actor=officer,
        scores={a1.pk: {"self_score": None, "explanation": "Nội dung nháp"}},
    )
    entry = AuditEntry.objects.filter(action="submission.scores").first()
    assert entry.changes == {"explanations": [None, "A1"]}


def test_reviewed_scores_are_audited_with_before_after_and_reason(submission, officer, secretariat):
    codes = submit_ready(submission, officer)
    a1 = codes["A1"]
    evaluation_services.review_scores(
        submission=submission, actor=secretariat, reviews={a1.pk: (Decimal("2.5"), "Chưa đạt")}
    )
    evaluation_services.review_scores(
        submission=submission, actor=secretariat, reviews={a1.pk: (Decimal("2"), "Thiếu hồ sơ")}
    )
    entry = AuditEntry.objects.filter(action="submission.review").first()
    assert entry.changes == {"A1": ["2.5", "2"], "A1.reason": ["Chưa đạt", "Thiếu hồ sơ"]}


# The Django admin ---------------------------------------------------------------------


def test_admin_audit_log_lists_filters_and_searches(client, logged, admin_user, our_unit):
    client.force_login(admin_user)
    changelist = reverse("admin:units_auditentry_changelist")
    person_type = ContentType.objects.get_for_model(PersonFactory._meta.model)
    for query in (
        {},
        {"kind": "person"},
        {"content_type__id__exact": person_type.pk},
        {"actor": admin_user.pk},
        {"unit": our_unit.pk},
        {"q": "Nhật Ký Mình"},
    ):
        response = client.get(changelist, query)
        assert response.status_code == 200, query
    found = client.get(changelist, {"q": "Nhật Ký Mình"}).content.decode()
    assert "Lê Thị Nhật Ký Mình" in found and "Phạm Văn Nhật Ký Khác" not in found
    by_unit = client.get(changelist, {"unit": our_unit.pk}).content.decode()
    assert "Lê Thị Nhật Ký Mình" in by_unit and "Phạm Văn Nhật Ký Khác" not in by_unit


def test_admin_audit_log_is_read_only(client, logged, admin_user):
    client.force_login(admin_user)
    entry = AuditEntry.objects.first()
    change = reverse("admin:units_auditentry_change", args=[entry.pk])
    assert client.get(change).status_code == 200  # viewing is allowed
    assert client.post(change, {"action": "forged"}).status_code == 403
    assert client.get(reverse("admin:units_auditentry_add")).status_code == 403
    delete = reverse("admin:units_auditentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    entry.refresh_from_db()
    assert entry.action != "forged"


def test_admin_audit_log_is_closed_to_units(client, logged, officer):
    client.force_login(officer)
    assert client.get(reverse("admin:units_auditentry_changelist")).status_code in (302, 403)


def test_a_user_added_in_the_admin_is_logged_without_the_password(client, admin_user):
    client.force_login(admin_user)
    secret = "Mat-khau-Bi-Mat-2026"
    response = client.post(
        reverse("admin:units_user_add"),
        {
            "username": "nguoi-moi",
            "display_name": "Người mới",
            "unit": UnitFactory().pk,
            "password1": secret,
            "password2": secret,
            "usable_password": "true",
            "role_assignments-TOTAL_FORMS": "1",
            "role_assignments-INITIAL_FORMS": "0",
            "role_assignments-0-role": "viewer",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="nguoi-moi")
    assert user.role_assignments.get().role == "viewer"
    # The inline row is audited too (this save used to crash).
    assert AuditEntry.objects.filter(action="user.inline.add.admin").exists()
    logged_values = str(list(AuditEntry.objects.values_list("changes", flat=True)))
    assert secret not in logged_values
    assert PASSWORD not in logged_values

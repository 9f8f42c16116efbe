"""Every view of the units app: who may see it, who may not, and what a stranger gets."""

import pytest
from django.urls import reverse

from tests.factories.units import PersonFactory
from units.models import AuditEntry, Person

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


# Who sees the staff list (names) of our unit on the unit page.
STAFF_VISIBLE = {
    "admin": True,
    "officer": True,
    "leader": True,
    "secretariat": True,  # runs a cluster year our unit belongs to
    "other_officer": False,
    "outsider": False,
    "viewer": False,
}


@pytest.mark.parametrize(("role", "visible"), STAFF_VISIBLE.items())
def test_unit_staff_list_visible_only_to_allowed_roles(client, user_of, our_unit, role, visible):
    person = PersonFactory(unit=our_unit, full_name="Nguyễn Thị Bảo Mật")
    login(client, user_of(role))
    response = client.get(reverse("units:unit_detail", args=[our_unit.pk]))
    assert response.status_code == 200
    assert (person.full_name in response.content.decode()) is visible


# Who may add staff to our unit: 200 on GET, else 403; never a change in the database.
STAFF_MANAGE = {
    "admin": 200,
    "officer": 200,
    "leader": 200,
    "secretariat": 403,
    "other_officer": 403,
    "outsider": 403,
    "viewer": 403,
}


@pytest.mark.parametrize(("role", "status"), STAFF_MANAGE.items())
def test_person_add_allowed_roles(client, user_of, our_unit, role, status):
    login(client, user_of(role))
    url = reverse("units:person_add", args=[our_unit.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"full_name": "Trần Văn Mới", "gender": "male", "is_active": "on"})
    if status == 200:
        assert response.status_code == 302
        assert Person.objects.filter(unit=our_unit, full_name="Trần Văn Mới").exists()
    else:
        assert response.status_code == 403
        assert not Person.objects.filter(full_name="Trần Văn Mới").exists()


# Editing a person of our unit: people of units you cannot read are 404 (nothing leaks);
# people you can read but not change are 403.
PERSON_EDIT = {
    "admin": 200,
    "officer": 200,
    "leader": 200,
    "secretariat": 403,
    "other_officer": 404,
    "outsider": 404,
    "viewer": 404,
}


@pytest.mark.parametrize(("role", "status"), PERSON_EDIT.items())
def test_person_edit_by_role(client, user_of, our_unit, role, status):
    person = PersonFactory(unit=our_unit, full_name="Lê Văn Cũ", position="Chuyên viên")
    login(client, user_of(role))
    url = reverse("units:person_edit", args=[person.pk])
    response = client.get(url)
    assert response.status_code == status
    if status != 200:
        assert "Lê Văn Cũ" not in response.content.decode()
    response = client.post(
        url, {"full_name": "Lê Văn Đổi", "gender": person.gender, "is_active": "on"}
    )
    person.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert person.full_name == "Lê Văn Đổi"
    else:
        assert response.status_code == status
        assert person.full_name == "Lê Văn Cũ"


def test_person_add_form_error_keeps_what_was_typed(client, officer, our_unit):
    login(client, officer)
    response = client.post(
        reverse("units:person_add", args=[our_unit.pk]),
        {"full_name": "Phạm Thị Hoa", "gender": "", "position": "Thanh tra viên", "email": "sai"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Phạm Thị Hoa"' in html
    assert 'value="Thanh tra viên"' in html
    assert 'id="form-error-summary"' in html
    assert "Trường này là bắt buộc." in html
    assert not Person.objects.filter(full_name="Phạm Thị Hoa").exists()


def test_person_add_duplicate_staff_code_refused_in_vietnamese(client, officer, our_unit):
    PersonFactory(unit=our_unit, staff_code="CB01")
    login(client, officer)
    response = client.post(
        reverse("units:person_add", args=[our_unit.pk]),
        {"full_name": "Đỗ Văn Trùng", "gender": "male", "staff_code": "CB01", "is_active": "on"},
    )
    assert response.status_code == 200
    assert "Mã cán bộ này đã được dùng trong đơn vị." in response.content.decode()
    assert Person.objects.filter(unit=our_unit, staff_code="CB01").count() == 1


def test_person_add_is_audited(client, officer, our_unit):
    login(client, officer)
    client.post(
        reverse("units:person_add", args=[our_unit.pk]),
        {"full_name": "Vũ Thị Lưu", "gender": "female", "is_active": "on"},
    )
    entry = AuditEntry.objects.get(action="person.create")
    assert entry.actor == officer
    assert entry.unit == our_unit
    assert entry.changes["full_name"] == [None, "Vũ Thị Lưu"]


def test_archived_unit_staff_is_read_only(client, officer, our_unit):
    our_unit.is_active = False
    our_unit.save()
    login(client, officer)
    assert client.get(reverse("units:person_add", args=[our_unit.pk])).status_code == 403
    response = client.get(reverse("units:unit_detail", args=[our_unit.pk]))
    assert reverse("units:person_add", args=[our_unit.pk]) not in response.content.decode()


def test_unknown_unit_is_404(client, officer):
    login(client, officer)
    assert client.get(reverse("units:unit_detail", args=[999999])).status_code == 404
    assert client.get(reverse("units:person_add", args=[999999])).status_code == 404


def test_unit_list_filters_by_kind_and_search(client, officer, our_unit, other_unit):
    login(client, officer)
    response = client.get(reverse("units:unit_list"), {"q": our_unit.name})
    html = response.content.decode()
    assert our_unit.name in html
    assert other_unit.name not in html


def test_unit_list_bad_filter_value_is_ignored_not_an_error(client, officer):
    login(client, officer)
    response = client.get(reverse("units:unit_list"), {"kind": "<script>", "status": "x"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_cluster_year_unknown_year_is_404(client, officer, cluster_year):
    login(client, officer)
    url = reverse("units:cluster_year_detail", args=[cluster_year.cluster_id, 1999])
    assert client.get(url).status_code == 404


def test_admin_site_only_for_sector_admins(client, role_users):
    for role, user in role_users.items():
        login(client, user)
        response = client.get(reverse("admin:units_unit_changelist"))
        expected = 200 if role == "admin" else 302  # the admin sends non-staff to its login
        assert response.status_code == expected, role


def test_staff_import_template_download(client, officer):
    login(client, officer)
    response = client.get(reverse("units:staff_import_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_healthz_answers_with_database(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_dashboard_lists_my_cluster_years_with_all_members(client, officer, cluster_year):
    login(client, officer)
    response = client.get(reverse("dashboard"))
    (shown,) = response.context["my_cluster_years"]
    assert shown == cluster_year
    assert shown.member_count == 2  # both members, not only mine


def test_dashboard_asks_officer_to_record_staff(client, officer, our_unit):
    login(client, officer)
    items = client.get(reverse("dashboard")).context["action_items"]
    assert [i.url for i in items] == [reverse("units:staff_import", args=[our_unit.pk])]
    PersonFactory(unit=our_unit)
    assert client.get(reverse("dashboard")).context["action_items"] == []


def test_dashboard_tells_secretariat_what_the_year_lacks(client, secretariat, cluster_year):
    login(client, secretariat)
    texts = [i.text for i in client.get(reverse("dashboard")).context["action_items"]]
    assert any("cụm trưởng" in t.lower() for t in texts)

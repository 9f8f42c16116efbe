"""Rolling a cluster year forward in the application: from the last year the secretariat
(or an administrator) creates the next, proposed by rotation, adjusted, saved at once."""

import re
from datetime import date

import pytest
from django.urls import reverse

from core.exceptions import ActionRefused
from tests.factories.units import (
    ClusterMembershipFactory,
    ClusterYearFactory,
    UnitFactory,
)
from tests.helpers.browser_form import form_fields
from units import selectors, services
from units.choices import Role, UnitKind
from units.models import AuditEntry, ClusterMembership, ClusterYear, RoleAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025(cluster_year, our_unit, other_unit):
    """Our 2025 cluster year: four members A–D by name, A chair, B vice-chair."""
    our_unit.name, other_unit.name = "Thanh tra tỉnh A", "Thanh tra tỉnh B"
    our_unit.save()
    other_unit.save()
    c = ClusterMembershipFactory(cluster_year=cluster_year, unit__name="Thanh tra tỉnh C").unit
    d = ClusterMembershipFactory(cluster_year=cluster_year, unit__name="Thanh tra tỉnh D").unit
    cluster_year.chair_unit, cluster_year.vice_chair_unit = our_unit, other_unit
    cluster_year.theme = "Kỷ cương, trách nhiệm"
    cluster_year.save()
    return cluster_year, (our_unit, other_unit, c, d)


def url(cluster_year):
    return reverse(
        "units:cluster_year_roll_forward", args=[cluster_year.cluster_id, cluster_year.year]
    )


def proposal_of(cluster_year):
    source = selectors.cluster_year_roll_forward_queryset().get(pk=cluster_year.pk)
    return selectors.next_year_proposal(source)


def test_the_proposal_keeps_members_and_secretariat_and_rotates_the_chair(year_2025, secretariat):
    cluster_year, (a, b, c, d) = year_2025
    proposal = proposal_of(cluster_year)
    assert proposal.year == 2026
    assert proposal.members == [a, b, c, d]
    assert (proposal.chair, proposal.vice_chair) == (b, c)
    assert proposal.secretariat == [secretariat]


def test_a_merged_member_is_followed_to_its_successor(year_2025, admin_user):
    cluster_year, (_a, b, _c, _d) = year_2025
    successor = UnitFactory(name="Thanh tra tỉnh E")
    services.unit_merge(unit=b, into=successor, on=date(2025, 7, 1), actor=admin_user)
    proposal = proposal_of(cluster_year)
    assert successor in proposal.members and b not in proposal.members
    assert proposal.replaced == [(b, successor)]
    assert proposal.chair == successor  # the vice-chair's turn goes to its successor


def test_a_ministry_inspectorate_is_not_carried_into_2026(year_2025):
    cluster_year, _units = year_2025
    ministry = ClusterMembershipFactory(
        cluster_year=cluster_year, unit__kind=UnitKind.MINISTRY_INSPECTORATE
    ).unit
    proposal = proposal_of(cluster_year)
    assert ministry not in proposal.members
    assert [unit for unit, _reason in proposal.left_out] == [ministry]


def test_the_secretariat_rolls_forward_from_the_page(client, year_2025, secretariat):
    cluster_year, (a, _b, c, d) = year_2025
    client.force_login(secretariat)
    detail = client.get(
        reverse("units:cluster_year_detail", args=[cluster_year.cluster_id, 2025])
    ).content.decode()
    assert url(cluster_year) in detail
    page = client.get(url(cluster_year))
    assert page.status_code == 200
    data = form_fields(page.content.decode(), "roll-forward-form")
    data["members"] = [str(a.pk), str(c.pk), str(d.pk)]  # B leaves
    data["vice_chair_unit"] = str(d.pk)
    data["chair_unit"] = str(c.pk)
    data["theme"] = "Đổi mới, sáng tạo"
    response = client.post(url(cluster_year), data)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "units:cluster_year_detail", args=[cluster_year.cluster_id, 2026]
    )
    new = ClusterYear.objects.get(cluster=cluster_year.cluster, year=2026)
    assert (new.chair_unit, new.vice_chair_unit, new.theme) == (c, d, "Đổi mới, sáng tạo")
    assert set(new.members.all()) == {a, c, d}
    assert RoleAssignment.objects.filter(
        user=secretariat, role=Role.SECRETARIAT, cluster_year=new
    ).exists()
    assert new.leader_approval_required == cluster_year.leader_approval_required
    entry = AuditEntry.objects.get(action="clusteryear.roll_forward")
    assert entry.object_id == str(new.pk) and entry.actor == secretariat
    # The secretariat runs the new year and reads its page.
    page = client.get(response["Location"])
    assert "Đổi mới, sáng tạo" in page.content.decode()


def test_the_untouched_proposal_saves_as_proposed(client, year_2025, admin_user):
    cluster_year, (_a, b, c, _d) = year_2025
    client.force_login(admin_user)
    data = form_fields(client.get(url(cluster_year)).content.decode(), "roll-forward-form")
    assert client.post(url(cluster_year), data).status_code == 302
    new = ClusterYear.objects.get(cluster=cluster_year.cluster, year=2026)
    assert (new.chair_unit, new.vice_chair_unit) == (b, c)
    assert new.memberships.count() == 4
    assert new.theme == "Kỷ cương, trách nhiệm"


def test_a_duplicate_year_is_refused_in_vietnamese_and_nothing_is_written(
    client, year_2025, secretariat
):
    cluster_year, _units = year_2025
    client.force_login(secretariat)
    data = form_fields(client.get(url(cluster_year)).content.decode(), "roll-forward-form")
    ClusterYearFactory(cluster=cluster_year.cluster, year=2026)  # created meanwhile
    before = (ClusterMembership.objects.count(), RoleAssignment.objects.count())
    response = client.post(url(cluster_year), data)
    assert response.status_code == 200
    assert "đã có năm 2026" in response.content.decode()
    assert (ClusterMembership.objects.count(), RoleAssignment.objects.count()) == before
    assert not AuditEntry.objects.filter(action="clusteryear.roll_forward").exists()
    # What was typed is kept.
    assert form_fields(response.content.decode(), "roll-forward-form")["year"] == "2026"


def test_the_page_offers_no_roll_forward_once_the_next_year_exists(client, year_2025, secretariat):
    cluster_year, _units = year_2025
    ClusterYearFactory(cluster=cluster_year.cluster, year=2026)
    client.force_login(secretariat)
    page = client.get(reverse("units:cluster_year_detail", args=[cluster_year.cluster_id, 2025]))
    assert url(cluster_year) not in page.content.decode()


def test_the_form_refuses_a_ministry_inspectorate_in_2026(client, year_2025, secretariat):
    cluster_year, _units = year_2025
    UnitFactory(name="Thanh tra Bộ Xây dựng", kind=UnitKind.MINISTRY_INSPECTORATE)
    client.force_login(secretariat)
    data = form_fields(client.get(url(cluster_year)).content.decode(), "roll-forward-form")
    data["add_member__q"] = "bo xay dung"  # typed in the search field
    response = client.post(url(cluster_year), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thanh tra Bộ Xây dựng" in html and "Luật Thanh tra" in html
    assert not ClusterYear.objects.filter(year=2026).exists()


def test_the_chair_must_be_a_member(client, year_2025, secretariat):
    cluster_year, (a, _b, c, d) = year_2025
    client.force_login(secretariat)
    data = form_fields(client.get(url(cluster_year)).content.decode(), "roll-forward-form")
    data["members"] = [str(a.pk), str(c.pk), str(d.pk)]  # B, the proposed chair, leaves
    response = client.post(url(cluster_year), data)
    assert response.status_code == 200
    assert "Hãy chọn đơn vị này là thành viên" in response.content.decode()
    assert not ClusterYear.objects.filter(year=2026).exists()


def test_the_service_refuses_an_abolished_kind_and_a_duplicate(year_2025, admin_user):
    cluster_year, (a, b, _c, _d) = year_2025
    ministry = UnitFactory(kind=UnitKind.MINISTRY_INSPECTORATE)
    with pytest.raises(ActionRefused, match="Luật Thanh tra"):
        services.cluster_year_roll_forward(
            source=cluster_year, actor=admin_user, year=2026, members=[a, ministry]
        )
    services.cluster_year_roll_forward(
        source=cluster_year, actor=admin_user, year=2026, members=[a, b], chair_unit=a
    )
    with pytest.raises(ActionRefused, match="đã có năm 2026"):
        services.cluster_year_roll_forward(
            source=cluster_year, actor=admin_user, year=2026, members=[a, b]
        )


def test_a_roll_forward_into_2025_still_takes_a_ministry_inspectorate(admin_user):
    source = ClusterYearFactory(year=2024)
    ministry = UnitFactory(kind=UnitKind.MINISTRY_INSPECTORATE)
    ClusterMembershipFactory(cluster_year=source, unit=ministry)
    new = services.cluster_year_roll_forward(
        source=source, actor=admin_user, year=2025, members=[ministry]
    )
    assert list(new.members.all()) == [ministry]


@pytest.mark.parametrize("role", ["officer", "leader", "other_officer", "outsider", "viewer"])
def test_others_may_not_roll_forward(client, user_of, year_2025, role):
    cluster_year, _units = year_2025
    client.force_login(user_of(role))
    assert client.get(url(cluster_year)).status_code == 403
    assert client.post(url(cluster_year), {"year": "2026"}).status_code == 403
    assert not ClusterYear.objects.filter(year=2026).exists()
    with pytest.raises(ActionRefused):
        services.cluster_year_roll_forward(
            source=cluster_year, actor=user_of(role), year=2026, members=[]
        )


def test_a_missing_year_is_404(client, admin_user, cluster_year):
    client.force_login(admin_user)
    missing = reverse("units:cluster_year_roll_forward", args=[cluster_year.cluster_id, 1999])
    assert client.get(missing).status_code == 404


@pytest.mark.parametrize("size", [1, 3])
def test_the_form_page_costs_the_same_queries_at_any_size(
    client, year_2025, secretariat, get_in_queries, size
):
    cluster_year, _units = year_2025
    for _ in range(size):
        ClusterMembershipFactory(cluster_year=cluster_year)
        UnitFactory()
    client.force_login(secretariat)
    page = get_in_queries(url(cluster_year), 9)
    assert len(page.context["proposal"].members) == 4 + size


def test_the_selects_stay_short_at_national_scale(client, year_2025, secretariat):
    """A unit is added with a search field, never a select of the sector's 2,000 units; the
    chair and vice-chair are chosen among the members carried over (a select of every unit
    cost the page 440 ms at national scale)."""
    cluster_year, (a, b, c, d) = year_2025
    UnitFactory.create_batch(5)
    client.force_login(secretariat)
    response = client.get(url(cluster_year))
    form, html = response.context["form"], response.content.decode()
    assert options(html, "add_member") == [("", "— chọn —")]
    assert 'name="add_member__q"' in html
    source = reverse("units:pick_units", kwargs={"purpose": "roll_forward"})
    assert f"{source}?cluster_year={cluster_year.pk}&amp;field=add_member" in html
    chairs = {value for value, _label in form.fields["chair_unit"].widget.choices if value}
    assert chairs == {a.pk, b.pk, c.pk, d.pk}


def options(html, name):
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


def picked(client, cluster_year, **params):
    address = reverse("units:pick_units", kwargs={"purpose": "roll_forward"})
    response = client.get(address, {"cluster_year": cluster_year.pk, **params})
    assert response.status_code == 200
    return re.findall(r'<option value="(\d+)"', response.content.decode())


@pytest.fixture
def free_and_taken(year_2025):
    """A unit in no cluster this year, and one another cluster holds this year."""
    cluster_year, _units = year_2025
    taken = ClusterMembershipFactory(
        cluster_year__year=cluster_year.year, unit__name="Thanh tra tỉnh Cụm Khác"
    ).unit
    free = UnitFactory(name="Thanh tra tỉnh Tự Do")
    return free, taken


def test_the_picker_offers_only_units_no_cluster_holds(
    client, year_2025, secretariat, free_and_taken
):
    cluster_year, (a, _b, _c, _d) = year_2025
    free, _taken = free_and_taken
    client.force_login(secretariat)
    assert picked(client, cluster_year, q="thanh tra tinh") == [str(free.pk)]
    assert picked(client, cluster_year, field="add_member", add_member__q="cum khac") == []
    assert picked(client, cluster_year, q=a.name) == []  # already a member


@pytest.mark.parametrize("role", ["officer", "leader", "other_officer", "outsider", "viewer"])
def test_the_picker_offers_nothing_to_others(client, user_of, year_2025, free_and_taken, role):
    cluster_year, _units = year_2025
    client.force_login(user_of(role))
    assert picked(client, cluster_year, q="tu do") == []


def test_a_unit_another_cluster_holds_is_refused_when_posted(
    client, year_2025, secretariat, free_and_taken
):
    cluster_year, _units = year_2025
    _free, taken = free_and_taken
    client.force_login(secretariat)
    html = client.get(url(cluster_year)).content.decode()
    data = form_fields(html, "roll-forward-form")
    data["add_member"] = str(taken.pk)  # put into the select by hand, or a stale page
    response = client.post(url(cluster_year), data)
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    data = form_fields(html, "roll-forward-form")
    data["add_member__q"] = "cum khac"
    response = client.post(url(cluster_year), data)
    assert "Không có kết quả nào khớp với “cum khac”" in response.content.decode()
    assert not ClusterYear.objects.filter(year=2026).exists()


def test_units_added_one_after_another_join_the_new_year(
    client, year_2025, secretariat, free_and_taken
):
    cluster_year, (a, b, c, d) = year_2025
    free, _taken = free_and_taken
    second = UnitFactory(name="Thanh tra tỉnh Mới Lập")
    client.force_login(secretariat)
    data = form_fields(client.get(url(cluster_year)).content.decode(), "roll-forward-form")
    data.update({"add_member__q": "tu do", "add_another": "1"})
    response = client.post(url(cluster_year), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not ClusterYear.objects.filter(year=2026).exists()  # nothing saved yet
    data = form_fields(html, "roll-forward-form")
    assert str(free.pk) in data["members"]  # ticked among the members
    assert data["add_member__q"] == "" and data["add_member"] == ""
    data["add_member__q"] = "moi lap"
    response = client.post(url(cluster_year), data)
    assert response.status_code == 302
    new = ClusterYear.objects.get(cluster=cluster_year.cluster, year=2026)
    assert set(new.members.all()) == {a, b, c, d, free, second}


def test_an_added_unit_ticked_is_still_checked_against_the_year(
    client, year_2025, secretariat, free_and_taken
):
    """A member id posted by hand that another cluster holds is not taken."""
    cluster_year, _units = year_2025
    _free, taken = free_and_taken
    client.force_login(secretariat)
    data = form_fields(client.get(url(cluster_year)).content.decode(), "roll-forward-form")
    data["members"] = [*data["members"], str(taken.pk)]
    response = client.post(url(cluster_year), data)
    assert response.status_code == 200
    assert not ClusterYear.objects.filter(year=2026).exists()


@pytest.mark.parametrize("size", [1, 30])
def test_the_picker_costs_the_same_queries_at_any_size(
    client, year_2025, secretariat, django_assert_num_queries, size
):
    cluster_year, _units = year_2025
    UnitFactory.create_batch(size, name="Thanh tra huyện Mẫu")
    client.force_login(secretariat)
    address = reverse("units:pick_units", kwargs={"purpose": "roll_forward"})
    params = {"cluster_year": cluster_year.pk, "q": "huyen mau"}
    client.get(address, params)
    with django_assert_num_queries(7):
        response = client.get(address, params)
    assert response.content.decode().count("Thanh tra huyện Mẫu") == min(size, 20)


def test_adding_another_with_several_matches_comes_back_to_choose(
    client, year_2025, secretariat, free_and_taken
):
    cluster_year, _units = year_2025
    UnitFactory(name="Thanh tra tỉnh Tự Do Hai")
    client.force_login(secretariat)
    data = form_fields(client.get(url(cluster_year)).content.decode(), "roll-forward-form")
    data.update({"add_member__q": "tu do", "add_another": "1", "theme": "Chủ đề đang gõ"})
    response = client.post(url(cluster_year), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Có nhiều kết quả khớp với “tu do”" in html
    assert "Chủ đề đang gõ" in html
    assert len(options(html, "add_member")) == 3  # "—" and the two matches
    assert not ClusterYear.objects.filter(year=2026).exists()

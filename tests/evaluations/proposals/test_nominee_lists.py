"""Nominee lists: one title for many people of one unit, as one dossier with one list,
entered on screen or from the .xlsx template (all rows or none, reported row by row),
checked as a whole in a constant number of queries, submitted together, and counted in
the cluster's summary by dossiers and nominees."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from core.exceptions import ActionRefused
from evaluations.proposals import selectors, services
from evaluations.proposals.choices import ProposalStatus, TaskRating
from evaluations.proposals.models import AwardProposal, NomineeList
from tests.factories.units import PersonFactory
from tests.helpers.browser_form import form_by_id
from tests.helpers.proposals import YEAR, propose
from units.models import AuditEntry

pytestmark = pytest.mark.django_db

HEADER = [
    "Mã cán bộ",
    "Họ và tên",
    "Xếp loại nhiệm vụ trong năm",
    "Tóm tắt thành tích",
    "Sáng kiến hoặc đề tài nghiên cứu khoa học",
]


@pytest.fixture
def staff(our_unit):
    return [
        PersonFactory(unit=our_unit, full_name=name, staff_code=code)
        for code, name in [
            ("CB01", "Nguyễn Văn An"),
            ("CB02", "Trần Thị Bình"),
            ("CB03", "Lê Văn Cường"),
            ("CB04", "Phạm Thị Dung"),
        ]
    ]


def xlsx(rows, header=HEADER, name="danh-sach.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def nominee_page(client, cluster_year, unit):
    return client.get(
        reverse("evaluations:nominee_list_create")
        + f"?cluster_year={cluster_year.pk}&unit={unit.pk}"
    )


def post_list(client, page, **changes):
    form = form_by_id(page.content, "nominee-list")
    data = form.data(submit=None)
    files = {key: value for key, value in changes.items() if hasattr(value, "read")}
    data.update({k: v for k, v in changes.items() if k not in files})
    return client.post(form.action or page.request["PATH_INFO"], {**data, **files})


def ldtt(titles):
    return titles[("LDTT", "person")]


# On screen ---------------------------------------------------------------------------------


def test_a_unit_ticks_many_people_for_one_title(
    client, officer, cluster_year, our_unit, staff, titles
):
    client.force_login(officer)
    page = nominee_page(client, cluster_year, our_unit)
    response = post_list(
        client,
        page,
        title=str(ldtt(titles).pk),
        summary="Hoàn thành tốt nhiệm vụ năm 2025.",
        task_rating=TaskRating.GOOD,
        no_pending_discipline="on",
        people=[str(staff[0].pk), str(staff[1].pk), str(staff[2].pk)],
    )
    nominee_list = NomineeList.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("evaluations:nominee_list", args=[nominee_list.pk])
    proposals = list(nominee_list.proposals.order_by("nominee_name"))
    assert [p.nominee_name for p in proposals] == ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"]
    assert {p.status for p in proposals} == {ProposalStatus.DRAFT}
    assert {(p.title, p.unit, p.task_rating) for p in proposals} == {
        (ldtt(titles), our_unit, TaskRating.GOOD)
    }
    assert AuditEntry.objects.filter(action="nomineelist.create").count() == 1


def test_the_screen_keeps_what_was_typed_when_nobody_is_ticked(
    client, officer, cluster_year, our_unit, staff, titles
):
    client.force_login(officer)
    page = nominee_page(client, cluster_year, our_unit)
    response = post_list(client, page, title=str(ldtt(titles).pk), summary="Giữ nguyên")
    assert response.status_code == 200
    assert (
        "Hãy đánh dấu những người trong danh sách, hoặc chọn một tệp." in response.content.decode()
    )
    assert "Giữ nguyên" in response.content.decode()
    assert not NomineeList.objects.exists()


def test_someone_already_proposed_refuses_the_whole_list(
    officer, cluster_year, our_unit, staff, titles
):
    propose(officer, cluster_year, our_unit, titles, "LDTT", person=staff[1])
    with pytest.raises(ActionRefused, match="Trần Thị Bình"):
        services.nominee_list_create(
            actor=officer,
            cluster_year=cluster_year,
            unit=our_unit,
            title=ldtt(titles),
            year=YEAR,
            nominees=[services.Nominee(person=p, summary="x") for p in staff[:3]],
        )
    assert not NomineeList.objects.exists()
    assert AwardProposal.objects.count() == 1


def test_another_units_officer_cannot_propose_for_our_staff(
    other_officer, cluster_year, our_unit, staff, titles
):
    with pytest.raises(ActionRefused):
        services.nominee_list_create(
            actor=other_officer,
            cluster_year=cluster_year,
            unit=our_unit,
            title=ldtt(titles),
            year=YEAR,
            nominees=[services.Nominee(person=staff[0], summary="x")],
        )
    assert not NomineeList.objects.exists() and not AwardProposal.objects.exists()


def test_a_collective_title_is_refused(officer, cluster_year, our_unit, staff, titles):
    with pytest.raises(ActionRefused):
        services.nominee_list_create(
            actor=officer,
            cluster_year=cluster_year,
            unit=our_unit,
            title=titles[("TTLDTT", "collective")],
            year=YEAR,
            nominees=[services.Nominee(person=staff[0], summary="x")],
        )


# From the .xlsx template -----------------------------------------------------------------


def test_the_template_has_the_columns_the_import_reads(client, officer):
    client.force_login(officer)
    response = client.get(reverse("evaluations:nominee_list_template"))
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADER


def test_the_import_writes_every_row(client, officer, cluster_year, our_unit, staff, titles):
    client.force_login(officer)
    page = nominee_page(client, cluster_year, our_unit)
    upload = xlsx(
        [
            ["CB01", "Nguyễn Văn An", "Hoàn thành tốt nhiệm vụ", "Dẫn đầu đoàn thanh tra.", ""],
            ["", "trần thị bình", "Hoàn thành xuất sắc nhiệm vụ", "", ""],
            ["CB04", "", "good", "", "Sáng kiến số hoá hồ sơ"],
        ]
    )
    response = post_list(
        client,
        page,
        title=str(ldtt(titles).pk),
        summary="Tóm tắt chung.",
        no_pending_discipline="on",
        file=upload,
    )
    assert response.status_code == 302
    proposals = {p.nominee_name: p for p in AwardProposal.objects.all()}
    assert set(proposals) == {"Nguyễn Văn An", "Trần Thị Bình", "Phạm Thị Dung"}
    assert proposals["Nguyễn Văn An"].summary == "Dẫn đầu đoàn thanh tra."
    assert proposals["Trần Thị Bình"].summary == "Tóm tắt chung."
    assert proposals["Trần Thị Bình"].task_rating == TaskRating.EXCELLENT
    assert proposals["Phạm Thị Dung"].initiative == "Sáng kiến số hoá hồ sơ"
    assert len({p.nominee_list_id for p in proposals.values()}) == 1


def test_a_bad_row_saves_nothing_and_every_problem_is_reported(
    client, officer, cluster_year, our_unit, staff, titles
):
    propose(officer, cluster_year, our_unit, titles, "LDTT", person=staff[2])
    client.force_login(officer)
    page = nominee_page(client, cluster_year, our_unit)
    upload = xlsx(
        [
            ["CB01", "Nguyễn Văn An", "Hoàn thành tốt nhiệm vụ", "", ""],  # fine
            ["CB99", "Không Có", "", "", ""],  # row 3: unknown code
            ["CB02", "Người Khác", "", "", ""],  # row 4: the code is someone else
            ["CB01", "", "", "", ""],  # row 5: twice
            ["CB03", "", "Rất giỏi", "", ""],  # row 6: unknown rating; already proposed
        ]
    )
    response = post_list(
        client, page, title=str(ldtt(titles).pk), summary="Tóm tắt chung.", file=upload
    )
    assert response.status_code == 200
    reported = [(e.row, e.column) for e in response.context["row_errors"]]
    assert reported == [
        (3, "Mã cán bộ"),
        (4, "Họ và tên"),
        (5, "Họ và tên"),
        (6, "Xếp loại nhiệm vụ trong năm"),
        (6, "Họ và tên"),
    ]
    html = response.content.decode()
    assert "Chưa lưu dữ liệu nào" in html and 'id="row-errors"' in html
    assert NomineeList.objects.count() == 0
    assert AwardProposal.objects.count() == 1  # the one proposed before


def test_a_file_that_is_no_workbook_is_refused_on_its_field(
    client, officer, cluster_year, our_unit, staff, titles
):
    client.force_login(officer)
    page = nominee_page(client, cluster_year, our_unit)
    upload = SimpleUploadedFile("danh-sach.xlsx", b"not a workbook")
    response = post_list(client, page, title=str(ldtt(titles).pk), summary="x", file=upload)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not NomineeList.objects.exists()


# The list's page: findings of the whole list, submitted together ---------------------------


def make_list(officer, cluster_year, our_unit, titles, people, rating=TaskRating.GOOD):
    return services.nominee_list_create(
        actor=officer,
        cluster_year=cluster_year,
        unit=our_unit,
        title=ldtt(titles),
        year=YEAR,
        nominees=[services.Nominee(person=p, summary="x", task_rating=rating) for p in people],
        no_pending_discipline=True,
    )


def test_the_list_shows_each_nominees_findings(
    client, officer, cluster_year, our_unit, staff, titles
):
    nominee_list = make_list(officer, cluster_year, our_unit, titles, staff[:2])
    weak = nominee_list.proposals.get(person=staff[1])
    AwardProposal.objects.filter(pk=weak.pk).update(task_rating=TaskRating.COMPLETE)
    client.force_login(officer)
    page = client.get(reverse("evaluations:nominee_list", args=[nominee_list.pk]))
    rows = {r["proposal"].nominee_name: r for r in page.context["rows"]}
    assert not rows["Nguyễn Văn An"]["blocked"]
    assert {f.rule for f in rows["Trần Thị Bình"]["findings"] if f.blocking} == {"R2"}
    assert (page.context["passing"], page.context["failing"]) == (1, 1)


def test_submitting_the_list_is_all_or_nothing(officer, cluster_year, our_unit, staff, titles):
    nominee_list = make_list(officer, cluster_year, our_unit, titles, staff[:3])
    weak = nominee_list.proposals.get(person=staff[2])
    AwardProposal.objects.filter(pk=weak.pk).update(task_rating=TaskRating.COMPLETE)
    with pytest.raises(ActionRefused, match="Lê Văn Cường"):
        services.nominee_list_submit(nominee_list=nominee_list, actor=officer)
    assert set(nominee_list.proposals.values_list("status", flat=True)) == {ProposalStatus.DRAFT}
    AwardProposal.objects.filter(pk=weak.pk).update(task_rating=TaskRating.GOOD)
    assert services.nominee_list_submit(nominee_list=nominee_list, actor=officer) == 3
    assert set(nominee_list.proposals.values_list("status", flat=True)) == {
        ProposalStatus.SUBMITTED
    }


@pytest.mark.parametrize("role", ["other_officer", "outsider", "secretariat", "viewer"])
def test_a_draft_list_is_its_units_own(
    client, user_of, officer, cluster_year, our_unit, staff, titles, role
):
    nominee_list = make_list(officer, cluster_year, our_unit, titles, staff[:2])
    client.force_login(user_of(role))
    url = reverse("evaluations:nominee_list", args=[nominee_list.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "submit"}).status_code == 404
    assert set(nominee_list.proposals.values_list("status", flat=True)) == {ProposalStatus.DRAFT}


def test_the_secretariat_reads_a_submitted_list_but_cannot_submit_it(
    client, officer, secretariat, cluster_year, our_unit, staff, titles
):
    nominee_list = make_list(officer, cluster_year, our_unit, titles, staff[:2])
    services.nominee_list_submit(nominee_list=nominee_list, actor=officer)
    client.force_login(secretariat)
    url = reverse("evaluations:nominee_list", args=[nominee_list.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "submit"}).status_code == 403


@pytest.mark.parametrize("size", [2, 8])
def test_the_list_page_costs_the_same_queries_whatever_its_length(
    client, officer, cluster_year, our_unit, titles, size
):
    people = [PersonFactory(unit=our_unit) for _ in range(size)]
    nominee_list = make_list(officer, cluster_year, our_unit, titles, people)
    client.force_login(officer)
    url = reverse("evaluations:nominee_list", args=[nominee_list.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # session, user, roles (2), the list, its nominees, the findings (2)
    assert len(queries) == 8, [q["sql"][:120] for q in queries]


@pytest.mark.parametrize("size", [2, 8])
def test_eligibility_of_the_whole_list_is_a_constant_number_of_queries(
    officer, cluster_year, our_unit, titles, size, django_assert_num_queries
):
    from evaluations.proposals.eligibility import batch_findings

    people = [PersonFactory(unit=our_unit) for _ in range(size)]
    nominee_list = make_list(officer, cluster_year, our_unit, titles, people)
    proposals = selectors.nominee_list_rows(nominee_list)
    with django_assert_num_queries(2):  # awards held, other live proposals
        findings = batch_findings(proposals)
    assert len(findings) == size


# The cluster's summary ---------------------------------------------------------------------


def test_the_cluster_summary_counts_dossiers_and_nominees_by_state(
    client, officer, secretariat, cluster_year, our_unit, staff, titles
):
    nominee_list = make_list(officer, cluster_year, our_unit, titles, staff[:3])
    services.nominee_list_submit(nominee_list=nominee_list, actor=officer)
    returned = nominee_list.proposals.get(person=staff[0])
    services.proposal_return(proposal=returned, actor=secretariat, comment="Bổ sung")
    single = propose(officer, cluster_year, our_unit, titles, "CSTDCS", person=staff[3])
    AwardProposal.objects.filter(pk=single.pk).update(status=ProposalStatus.SUBMITTED)
    client.force_login(secretariat)
    page = client.get(reverse("evaluations:cluster_proposals", args=[cluster_year.pk]))
    counts = {str(r["status"]): (r["dossiers"], r["nominees"]) for r in page.context["summary"]}
    # The list waits on its returned nominee; the single proposal is a dossier of one.
    assert counts == {"submitted": (1, 3), "returned": (1, 1)}
    assert "Hồ sơ và người được đề nghị theo trạng thái" in page.content.decode()

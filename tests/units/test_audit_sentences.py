"""The change log (/audit/) speaks Vietnamese sentences, not action codes; it filters by
kind of object, unit and period; a ballot's entries never reveal a vote."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from core.workflow import Workflow
from evaluations.ballots import services as ballots
from evaluations.ballots.models import Ballot
from evaluations.results.models import Submission
from tests.factories.units import AuditEntryFactory, ClusterYearFactory, UnitFactory, UserFactory
from tests.helpers.browser_form import form_fields
from units import audit
from units.models import AuditEntry, ClusterYear

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APPS = ("core", "units", "notifications", "campaigns", "pledges", "evaluations", "seed")
# `action="submission.review"` in a call to audit_record, `audit_action="ballot.status"` in
# a workflow; argparse's action="store_true" has no dot.
CODE = re.compile(r"""\b(?:audit_)?action\s*=\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""")


def codes_in_the_code() -> set[str]:
    return {
        code
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        for code in CODE.findall(path.read_text(encoding="utf-8"))
    }


def workflows():
    import evaluations.ballots.workflows
    import evaluations.proposals.workflows
    import evaluations.results.workflows
    import pledges.workflows

    modules = [
        pledges.workflows,
        evaluations.ballots.workflows,
        evaluations.proposals.workflows,
        evaluations.results.workflows,
    ]
    return [v for m in modules for v in vars(m).values() if isinstance(v, Workflow)]


def test_every_action_code_written_in_the_code_has_a_sentence():
    codes = codes_in_the_code()
    assert len(codes) > 40  # the search finds them
    missing = sorted(
        c for c in codes if c not in audit.SENTENCES and c not in audit.STATUS_SENTENCES
    )
    assert missing == []


def test_every_workflow_step_has_a_sentence():
    flows = workflows()
    assert len(flows) == 6  # pledge, registration, submission, extension request, ballot, proposal
    missing = [
        (flow.audit_action, step.target)
        for flow in flows
        for step in flow.transitions.values()
        if step.target not in audit.STATUS_SENTENCES.get(flow.audit_action, {})
    ]
    assert missing == []


def test_every_sentence_is_translated_and_keeps_its_placeholders():
    templates = [*audit.SENTENCES.values(), *audit.ADMIN_SENTENCES.values()]
    templates += [t for steps in audit.STATUS_SENTENCES.values() for t in steps.values()]
    values = dict.fromkeys(("actor", "object", "unit", "model", "kind", "before", "after"), "X")
    for template in templates:
        with translation.override("en"):
            english = str(template)
        with translation.override("vi"):
            assert str(template) != english, english  # translated
            assert "%" not in str(template) % values


def entry(action, *, model=Submission, **fields):
    fields.setdefault("object_id", "1")
    return AuditEntryFactory(
        action=action, content_type=ContentType.objects.get_for_model(model), **fields
    )


def describe_vi(e):
    e = AuditEntry.objects.select_related("actor", "unit", "content_type").get(pk=e.pk)
    with translation.override("vi"):
        return audit.describe(e)


def test_a_returned_result_reads_as_a_sentence_with_the_comment():
    e = entry(
        "submission.status",
        actor=UserFactory(display_name="Thư ký Cụm 2"),
        unit=UnitFactory(name="Thanh tra tỉnh Ninh Bình"),
        object_repr="Thanh tra tỉnh Ninh Bình – Tổng kết 2025",
        changes={"status": ["submitted", "returned"]},
        note="Thiếu minh chứng tiêu chí A2",
    )
    assert describe_vi(e) == (
        "Thư ký Cụm 2 trả lại kết quả của Thanh tra tỉnh Ninh Bình: Thiếu minh chứng tiêu chí A2"
    )


def test_admin_codes_read_as_sentences_naming_the_model():
    e = entry(
        "clusteryear.inline.add.admin",
        model=ClusterYear,
        actor=UserFactory(display_name="Quản trị ngành"),
        object_repr="Cụm Thi đua số 2 – 2026",
    )
    text = describe_vi(e)
    assert text.startswith("Quản trị ngành sửa các dòng chi tiết của năm thi đua")
    assert "Cụm Thi đua số 2 – 2026" in text and "inline" not in text


def test_an_unknown_code_falls_back_to_something_readable():
    e = entry("gadget.frobnicate", actor=None, object_repr="Vật thể")
    assert describe_vi(e) == "Hệ thống: gadget – Vật thể"


def test_an_unknown_status_falls_back_to_both_labels():
    e = entry(
        "submission.status",
        actor=UserFactory(display_name="A"),
        object_repr="Kết quả",
        changes={"status": ["returned", "submitted_late"]},
    )
    assert describe_vi(e) == "A chuyển Kết quả từ “Trả lại” sang “submitted_late”"


def test_the_page_shows_sentences_and_readable_fields_not_codes(client, admin_user):
    entry(
        "submission.status",
        actor=UserFactory(display_name="Thư ký Cụm 2"),
        unit=UnitFactory(name="Thanh tra tỉnh Ninh Bình"),
        changes={"status": ["submitted", "returned"]},
        note="Thiếu minh chứng",
    )
    entry("clusteryear.inline.add.admin", model=ClusterYear, changes={"inline": [None, "X"]})
    client.force_login(admin_user)
    html = client.get(reverse("units:audit_log")).content.decode()
    assert "Thư ký Cụm 2 trả lại kết quả của Thanh tra tỉnh Ninh Bình: Thiếu minh chứng" in html
    for code in ("submission.status", "clusteryear.inline.add.admin", "submitted", "returned"):
        assert code not in html
    assert "Đã gửi" in html or "Gửi" in html  # the status labels in the before → after column


def test_a_vote_says_who_voted_never_what(client, open_ballot, leader, our_unit):
    question = open_ballot.questions.get()
    ours, theirs = question.candidates.order_by("order")
    ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={question.pk: [theirs.pk]})
    vote = AuditEntry.objects.get(action="ballot.vote")
    assert vote.changes == {}  # what ballot_vote stores: nobody's choice
    client.force_login(leader)
    page = client.get(reverse("units:audit_log"), {"kind": "ballot"})
    rows = [e for e in page.context["entries"] if e.action == "ballot.vote"]
    assert len(rows) == 1
    assert rows[0].rows == []
    html = page.content.decode()
    assert f"{leader.get_full_name()} đã bỏ phiếu trong “{open_ballot.title}”" in html
    assert "voted" not in html  # the service's note stays out
    assert theirs.name not in rows[0].sentence and ours.name not in rows[0].sentence


def test_paper_totals_show_no_candidate_numbers(admin_user):
    e = entry(
        "ballot.paper_totals",
        model=Ballot,
        actor=admin_user,
        changes={"cast": [0, 12], "41": [None, 9], "42": [None, 3]},
    )
    assert audit.readable_rows(e) == []


def test_the_log_filters_by_kind_of_object(client, admin_user):
    entry("ballot.create", model=Ballot, object_repr="Phiếu A")
    entry("clusteryear.roll_forward", model=ClusterYear, object_repr="Cụm 2 – 2027")
    entry("clusteryear.change.admin", model=ClusterYear, object_repr="Cụm 2 – 2026")
    entry("proposal.create", object_repr="Đề nghị B")
    entry("awardrecord.import", object_repr="Khen thưởng C")
    client.force_login(admin_user)
    page = client.get(reverse("units:audit_log"))
    choices = dict(page.context["filter_form"].fields["kind"].choices)
    assert {"ballot", "proposal", "award", "clusteryear", "unit", "person"} <= set(choices)

    def shown(kind):
        response = client.get(reverse("units:audit_log"), {"kind": kind})
        return sorted(e.object_repr for e in response.context["entries"])

    assert shown("ballot") == ["Phiếu A"]
    assert shown("clusteryear") == ["Cụm 2 – 2026", "Cụm 2 – 2027"]
    assert shown("proposal") == ["Đề nghị B"]
    assert shown("award") == ["Khen thưởng C"]


def test_the_log_filters_by_unit_and_period(client, officer, our_unit):
    second = UnitFactory()
    from units.models import RoleAssignment

    RoleAssignment.objects.create(user=officer, role="unit_officer", unit=second)
    days = {
        "before": datetime(2026, 2, 28, 16, 59, tzinfo=UTC),  # 23:59 on 28/02 in Hà Nội
        "first": datetime(2026, 2, 28, 17, 0, tzinfo=UTC),  # 00:00 on 01/03 in Hà Nội
        "last": datetime(2026, 3, 31, 16, 0, tzinfo=UTC),  # 23:00 on 31/03
        "after": datetime(2026, 3, 31, 17, 0, tzinfo=UTC),  # 00:00 on 01/04
    }
    for name, at in days.items():
        made = AuditEntryFactory(unit=our_unit, object_repr=name)
        AuditEntry.objects.filter(pk=made.pk).update(at=at)
    AuditEntryFactory(unit=second, object_repr="second unit")
    client.force_login(officer)
    page = client.get(reverse("units:audit_log"))
    data = form_fields(page.content.decode().replace('method="get"', 'method="post"'))
    assert {"kind", "date_from", "date_to", "unit"} <= set(data)
    data.update(date_from="01/03/2026", date_to="31/03/2026", unit=str(our_unit.pk))
    page = client.get(reverse("units:audit_log"), data)
    assert sorted(e.object_repr for e in page.context["entries"]) == ["first", "last"]
    data.update(date_from="", date_to="", unit=str(second.pk))
    page = client.get(reverse("units:audit_log"), data)
    assert [e.object_repr for e in page.context["entries"]] == ["second unit"]


def test_a_period_ending_before_it_starts_is_explained(client, admin_user):
    client.force_login(admin_user)
    page = client.get(
        reverse("units:audit_log"), {"date_from": "31/03/2026", "date_to": "01/03/2026"}
    )
    assert "Ngày kết thúc không được trước ngày bắt đầu." in page.content.decode()


@pytest.mark.parametrize("size", [1, 3])
def test_sentences_cost_no_query_per_entry(client, admin_user, get_in_queries, size):
    year = ClusterYearFactory(year=2027)
    for _ in range(size):
        entry(
            "submission.status", changes={"status": ["submitted", "returned"]}, unit=UnitFactory()
        )
        entry("clusteryear.roll_forward", model=ClusterYear, object_id=str(year.pk))
        entry("ballot.vote", model=Ballot)
        entry("unit.create.admin", model=ClusterYear)
    client.force_login(admin_user)
    page = get_in_queries(reverse("units:audit_log") + f"?date_from={date(2000, 1, 1):%d/%m/%Y}", 6)
    assert len(page.context["entries"]) == 4 * size


def test_values_named_after_a_reverse_relation_or_nothing_keep_a_readable_name():
    e = entry("submission.evidence", changes={"files": [None, "a.pdf"], "members": [1, 2]})
    with translation.override("vi"):
        rows = audit.readable_rows(e)
    assert [row[0] for row in rows] == ["files", "đơn vị thành viên"]

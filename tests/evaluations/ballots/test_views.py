"""Ballot pages: who sees what in each state, what a stranger gets, forms that keep what
was typed, a vote through the browser path, and query bounds with 40 voters."""

from decimal import Decimal
from io import BytesIO

import docx
import pytest
from django.urls import reverse
from django.utils import translation

from evaluations.ballots import services as ballots
from evaluations.ballots.choices import BallotStatus
from evaluations.ballots.models import Ballot, BallotCandidate, BallotQuestion, BallotVoter
from evaluations.ballots.services import QuestionData
from tests.factories.units import ClusterMembershipFactory, RoleAssignmentFactory, UserFactory
from tests.roles import ROLES
from units.choices import Role
from units.models import AuditEntry

pytestmark = pytest.mark.django_db

MANAGERS = {"admin", "secretariat"}
MEMBERS = {"officer", "leader", "other_officer"}


def vi(message):
    with translation.override("vi"):
        return translation.gettext(message)


def state_of(request, name):
    return request.getfixturevalue(name)


def db_state():
    return (
        list(Ballot.objects.values_list("pk", "status", "cast_count", "title").order_by("pk")),
        list(BallotQuestion.objects.values_list("pk", "text").order_by("pk")),
        list(BallotCandidate.objects.values_list("pk", "votes").order_by("pk")),
        list(BallotVoter.objects.values_list("pk", "voted_at").order_by("pk")),
    )


@pytest.mark.parametrize(
    ("state", "visible"),
    [
        ("draft_ballot", MANAGERS),
        ("open_ballot", MANAGERS | MEMBERS),
        ("closed_ballot", MANAGERS | MEMBERS),
        ("published_ballot", MANAGERS | MEMBERS | {"viewer"}),
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_detail_page_by_role_and_state(client, request, user_of, role, state, visible):
    ballot = state_of(request, state)
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:ballot_detail", args=[ballot.pk]))
    assert response.status_code == (200 if role in visible else 404)
    if response.status_code == 200:
        shows_votes = response.context["sees_result"]
        assert shows_votes == (
            state == "published_ballot" or (state == "closed_ballot" and role in MANAGERS)
        )


@pytest.mark.parametrize("name", ["ballot_detail", "ballot_vote", "ballot_minutes", "ballot_paper"])
def test_anonymous_is_sent_to_sign_in(client, published_ballot, name):
    response = client.get(reverse(f"evaluations:{name}", args=[published_ballot.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_only_visible_ballots(client, user_of, role, open_ballot):
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:ballot_list"))
    assert response.status_code == 200
    listed = [b.pk for b in response.context["ballots"]]
    assert listed == ([open_ballot.pk] if role in MANAGERS | MEMBERS else [])


@pytest.mark.parametrize("role", ROLES)
def test_create_page_only_for_secretariat_and_admins(client, user_of, role, cluster_year):
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:ballot_create"), {"cluster_year": cluster_year.pk})
    assert response.status_code == (200 if role in MANAGERS else 403)


@pytest.mark.parametrize(
    ("state", "allowed"),
    [("closed_ballot", MANAGERS), ("published_ballot", MANAGERS | MEMBERS | {"viewer"})],
)
@pytest.mark.parametrize("role", ROLES)
def test_minutes_by_role_and_state(client, request, user_of, role, state, allowed):
    ballot = state_of(request, state)
    client.force_login(user_of(role))
    response = client.get(reverse("evaluations:ballot_minutes", args=[ballot.pk]))
    hidden = role == "outsider" or (role == "viewer" and state != "published_ballot")
    assert response.status_code == (200 if role in allowed else 404 if hidden else 403)


@pytest.mark.parametrize("role", ROLES)
def test_paper_and_edit_pages_only_for_managers(client, user_of, role, draft_ballot):
    client.force_login(user_of(role))
    edit = client.get(reverse("evaluations:ballot_edit", args=[draft_ballot.pk]))
    assert edit.status_code == (200 if role in MANAGERS else 404)
    ballots.ballot_open(ballot=draft_ballot, actor=user_of("secretariat"))
    paper = client.get(reverse("evaluations:ballot_paper", args=[draft_ballot.pk]))
    expected = 200 if role in MANAGERS else 403 if role in MEMBERS else 404
    assert paper.status_code == expected


@pytest.mark.parametrize(
    ("action", "state"),
    [
        ("open", "draft_ballot"),
        ("close", "open_ballot"),
        ("publish", "closed_ballot"),
        ("add_question", "draft_ballot"),
        ("delete_question", "draft_ballot"),
        ("remove_candidate", "draft_ballot"),
        ("remove_voter", "draft_ballot"),
    ],
)
@pytest.mark.parametrize("role", ["officer", "leader", "other_officer", "outsider", "viewer"])
def test_actions_refused_to_non_managers_without_change(
    client, request, user_of, role, action, state
):
    ballot = state_of(request, state)
    question = ballot.questions.first()
    before = db_state()
    client.force_login(user_of(role))
    response = client.post(
        reverse("evaluations:ballot_detail", args=[ballot.pk]),
        {
            "action": action,
            "question": question.pk,
            "candidate": question.candidates.first().pk,
            "voter": ballot.voters.first().pk,
            "q-text": "X",
            "q-places": "1",
        },
    )
    assert response.status_code in (403, 404)
    assert db_state() == before


def key_on_page(response) -> str:
    """The key code as the page shows it (the <pre id="ballot-key">)."""
    html = response.content.decode()
    start = html.index('id="ballot-key">') + len('id="ballot-key">')
    return html[start : html.index("</pre>", start)]


def test_secretariat_runs_the_ballot_through_the_pages(
    client, secretariat, leader, other_leader, draft_ballot, other_unit
):
    detail = reverse("evaluations:ballot_detail", args=[draft_ballot.pk])
    client.force_login(secretariat)
    opened = client.post(detail, {"action": "open"})
    assert opened.status_code == 200  # the page showing the ballot's key, this once
    key = key_on_page(opened)
    question = draft_ballot.questions.get()
    theirs = question.candidates.get(unit=other_unit)
    for user in (leader, other_leader):
        client.force_login(user)
        vote = reverse("evaluations:ballot_vote", args=[draft_ballot.pk])
        response = client.post(vote, {f"q{question.pk}": [theirs.pk], "confirm": "on"}, follow=True)
        assert response.status_code == 200
        assert response.context["voter"].voted_at is not None
    client.force_login(secretariat)
    client.post(detail, {"action": "close", "key": key})
    client.post(detail, {"action": "publish"})
    draft_ballot.refresh_from_db()
    assert draft_ballot.status == BallotStatus.PUBLISHED
    client.force_login(leader)
    page = client.get(detail)
    rows = page.context["questions"][0].rows
    assert next((c.name, c.votes, c.elected) for c in rows) == (other_unit.name, 2, True)


def test_second_vote_refused_with_a_message(client, leader, open_ballot):
    question = open_ballot.questions.get()
    url = reverse("evaluations:ballot_vote", args=[open_ballot.pk])
    client.force_login(leader)
    client.post(url, {f"q{question.pk}": [], "confirm": "on"})
    # A second tab still showing the form posts again.
    response = client.post(
        url, {f"q{question.pk}": [question.candidates.first().pk], "confirm": "on"}, follow=True
    )
    texts = [str(m) for m in response.context["messages"]]
    assert any(m.level_tag == "danger" for m in response.context["messages"])
    assert open_ballot.voters.get(unit=leader.unit).name in texts[-1]
    assert sum(question.candidates.values_list("votes", flat=True)) == 0


def test_vote_form_refuses_too_many_ticks_and_keeps_them(client, leader, open_ballot):
    question = open_ballot.questions.get()
    ids = list(question.candidates.values_list("pk", flat=True))
    client.force_login(leader)
    response = client.post(
        reverse("evaluations:ballot_vote", args=[open_ballot.pk]),
        {f"q{question.pk}": ids, "confirm": "on"},
    )
    assert response.status_code == 200 and response.context["form"].errors
    assert response.content.decode().count("checked") == 3  # two candidates, the confirmation
    assert not BallotVoter.objects.filter(voted_at__isnull=False).exists()


def test_create_form_keeps_input_and_refuses_a_bad_quorum(client, secretariat, cluster_year):
    client.force_login(secretariat)
    response = client.post(
        reverse("evaluations:ballot_create"),
        {
            "cluster_year": cluster_year.pk,
            "title": "Bình xét cuối năm",
            "meeting_date": "18/12/2025",
            "quorum_numerator": "3",
            "quorum_denominator": "2",
            "q-text": "Cờ thi đua",
            "q-places": "1",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors
    html = response.content.decode()
    assert "Bình xét cuối năm" in html and "18/12/2025" in html and "Cờ thi đua" in html
    assert not Ballot.objects.exists()


def test_create_from_the_form(client, secretariat, cluster_year, titles):
    client.force_login(secretariat)
    response = client.post(
        reverse("evaluations:ballot_create"),
        {
            "cluster_year": cluster_year.pk,
            "title": "Bình xét cuối năm",
            "meeting_date": "18/12/2025",
            "quorum_numerator": "2",
            "quorum_denominator": "3",
            "q-text": "CSTĐ ngành",
            "q-title": titles[("CSTD_NGANH", "person")].pk,
            "q-places": "2",
        },
    )
    ballot = Ballot.objects.get()
    assert response.url == reverse("evaluations:ballot_detail", args=[ballot.pk])
    question = ballot.questions.get()
    assert (question.places, str(question.threshold_percent)) == (2, "90.00")
    assert ballot.voters.count() == 2


def test_paper_form_keeps_input_and_writes_nothing_on_error(client, secretariat, open_ballot):
    question = open_ballot.questions.get()
    ours, theirs = question.candidates.order_by("order")
    url = reverse("evaluations:ballot_paper", args=[open_ballot.pk])
    client.force_login(secretariat)
    response = client.post(url, {"cast_count": "1", f"c{ours.pk}": "2", f"c{theirs.pk}": "0"})
    assert response.status_code == 200 and response.context["form"].errors
    assert 'value="2"' in response.content.decode()
    assert not Ballot.objects.get(pk=open_ballot.pk).is_paper
    response = client.post(url, {"cast_count": "2", f"c{ours.pk}": "2", f"c{theirs.pk}": "0"})
    assert response.status_code == 302
    client.post(reverse("evaluations:ballot_detail", args=[open_ballot.pk]), {"action": "close"})
    page = client.get(reverse("evaluations:ballot_detail", args=[open_ballot.pk]))
    assert page.context["ballot"].is_paper
    assert vi("entered from paper ballots") in page.content.decode()


def test_setup_forms_add_candidate_voter_and_question(
    client, secretariat, draft_ballot, our_unit, other_officer
):
    from tests.factories.units import PersonFactory
    from tests.helpers.browser_form import form_with

    person = PersonFactory(unit=our_unit)
    url = reverse("evaluations:ballot_detail", args=[draft_ballot.pk])
    question = draft_ballot.questions.get()
    client.force_login(secretariat)
    assert (
        client.post(
            url,
            {
                **form_with(client.get(url).content, "person__q").data(),
                "person__q": person.full_name,  # the search field, as the user types
            },
        ).status_code
        == 302
    )
    assert question.candidates.filter(person=person).exists()
    assert (
        client.post(url, {"action": "add_voter", "voter": f"user:{other_officer.pk}"}).status_code
        == 302
    )
    assert draft_ballot.voters.filter(user=other_officer).exists()
    bad = client.post(url, {"action": "add_question", "q-text": "", "q-places": "0"})
    assert bad.status_code == 200 and bad.context["question_form"].errors
    client.post(url, {"action": "add_question", "q-text": "Bằng khen", "q-places": "3"})
    assert draft_ballot.questions.count() == 2
    edit = reverse("evaluations:ballot_question_edit", args=[question.pk])
    client.post(edit, {"q-text": question.text, "q-places": "1", "q-threshold_percent": "66,5"})
    question.refresh_from_db()
    assert str(question.threshold_percent) == "66.50"


def test_minutes_document_content(client, secretariat, published_ballot, other_unit):
    client.force_login(secretariat)
    response = client.get(reverse("evaluations:ballot_minutes", args=[published_ballot.pk]))
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert "BIÊN BẢN HỌP BÌNH XÉT THI ĐUA, KHEN THƯỞNG" in text
    # No chair unit here: the place is left as dots to fill in by hand, never the agency.
    assert "........, ngày 18 tháng 12 năm 2025" in text
    assert "ngày 18 tháng 12 năm 2025, tại Thanh tra tỉnh Hưng Yên," in text
    assert "Tổng số thành viên có quyền biểu quyết: 2." in text
    assert "Số thành viên có mặt: 2/2." in text
    assert "đạt tỷ lệ tối thiểu 2/3" in text
    assert f"Kết quả: đề nghị {other_unit.name}." in text
    assert ["1", other_unit.name, "2", "100", "Đạt, được đề nghị"] in cells
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in c for row in cells for c in row)
    signatures = cells[-1]
    assert "THƯ KÝ" in signatures[0] and "Trần Thị Thư" in signatures[0]
    assert "CHỦ TRÌ" in signatures[1] and "Nguyễn Văn Chủ" in signatures[1]


def test_minutes_mark_paper_ballots_and_ties(
    client, secretariat, draft_ballot, our_unit, other_unit
):
    question = draft_ballot.questions.get()
    ballots.question_update(
        question=question,
        actor=secretariat,
        data=QuestionData(text=question.text, places=1, threshold_percent=Decimal("50")),
    )
    ballots.ballot_open(ballot=draft_ballot, actor=secretariat)
    ours, theirs = question.candidates.order_by("order")
    ballots.paper_totals_enter(
        ballot=draft_ballot,
        actor=secretariat,
        cast_count=2,
        present_count=2,
        votes={ours.pk: 1, theirs.pk: 1},
    )
    ballots.ballot_close(ballot=draft_ballot, actor=secretariat)
    client.force_login(secretariat)
    response = client.get(reverse("evaluations:ballot_minutes", args=[draft_ballot.pk]))
    text = "\n".join(p.text for p in docx.Document(BytesIO(response.content)).paragraphs)
    assert "Kết quả được nhập từ phiếu bầu giấy." in text
    assert "Cụm trưởng và Cụm phó quyết định" in text


@pytest.fixture
def big_ballot(cluster_year, secretariat, titles):
    """40 member units voting (each with a leader), two questions of 20 candidates each."""
    leaders = []
    for _ in range(38):
        unit = ClusterMembershipFactory(cluster_year=cluster_year).unit
        user = UserFactory(unit=unit)
        RoleAssignmentFactory(user=user, role=Role.UNIT_LEADER, unit=unit)
        leaders.append(user)
    ballot = ballots.ballot_create(
        cluster_year=cluster_year,
        actor=secretariat,
        title="Bình xét",
        questions=[
            QuestionData(text="Cờ", title=titles[("CO_TTCP", "collective")], places=1),
            QuestionData(text="Bằng khen", title=titles[("BK_TTCP", "collective")], places=5),
        ],
    )
    units = list(cluster_year.members.order_by("pk"))
    for question in ballot.questions.all():
        for unit in units[:20]:
            ballots.candidate_add(question=question, actor=secretariat, unit=unit)
    return ballot, leaders


def test_pages_bounded_at_40_voters(client, big_ballot, secretariat, django_assert_max_num_queries):
    ballot, leaders = big_ballot
    assert ballot.voters.count() == 40
    detail = reverse("evaluations:ballot_detail", args=[ballot.pk])

    def bounded(user, *urls):
        client.force_login(user)
        for url in urls:
            with django_assert_max_num_queries(12):
                assert client.get(url).status_code == 200, url

    bounded(
        secretariat,
        detail,
        reverse("evaluations:ballot_list"),
        reverse("evaluations:ballot_edit", args=[ballot.pk]),
        reverse("evaluations:ballot_create"),
        reverse("evaluations:ballot_question_edit", args=[ballot.questions.first().pk]),
        "/",
    )
    key = ballots.ballot_open(ballot=ballot, actor=secretariat).issued_key
    questions = list(ballot.questions.all())
    for user in leaders[:30]:
        ballots.ballot_vote(
            ballot=ballot,
            actor=user,
            choices={q.pk: list(q.candidates.values_list("pk", flat=True)[:1]) for q in questions},
        )
    bounded(leaders[-1], detail, reverse("evaluations:ballot_vote", args=[ballot.pk]), "/")
    bounded(secretariat, detail, reverse("evaluations:ballot_paper", args=[ballot.pk]))
    ballots.ballot_close(ballot=ballot, actor=secretariat, key=key.code)
    minutes = reverse("evaluations:ballot_minutes", args=[ballot.pk])
    bounded(secretariat, detail, minutes)
    ballots.ballot_publish(ballot=ballot, actor=secretariat)
    bounded(leaders[0], detail, minutes, reverse("evaluations:ballot_list"))


def test_dashboard_lists_the_ballot_to_vote_until_voted(client, leader, open_ballot):
    client.force_login(leader)
    url = reverse("evaluations:ballot_vote", args=[open_ballot.pk])
    assert url in client.get("/").content.decode()
    ballots.ballot_vote(ballot=open_ballot, actor=leader, choices={})
    assert url not in client.get("/").content.decode()


def test_navigation_to_ballots_from_cluster_year_campaign_and_ranking(
    client, secretariat, cluster_year, phase
):
    client.force_login(secretariat)
    pages = [
        reverse("units:cluster_year_detail", args=[cluster_year.cluster_id, cluster_year.year]),
        reverse("campaigns:campaign_detail", args=[phase.campaign_id]),
        reverse("evaluations:ranking", args=[phase.pk]),
    ]
    for page in pages:
        assert reverse("evaluations:ballot_list") in client.get(page).content.decode()


def test_vote_audit_says_only_voted(client, leader, open_ballot):
    question = open_ballot.questions.get()
    client.force_login(leader)
    client.post(
        reverse("evaluations:ballot_vote", args=[open_ballot.pk]),
        {f"q{question.pk}": [question.candidates.first().pk], "confirm": "on"},
    )
    entry = AuditEntry.objects.get(action="ballot.vote")
    assert (entry.changes, entry.note, entry.actor) == ({}, "voted", leader)

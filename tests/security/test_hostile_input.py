"""Hostile input through the main forms, posted as a user who may use them.

For every generated input: never a server error; either the whole valid save or
nothing (rows counted before and after); and nothing rendered unescaped: a script
payload never comes back raw, neither in the answer nor on the page that shows the
saved value. Examples come from the hypothesis profile in tests/conftest.py.
"""

from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from campaigns.models import Campaign, CampaignEvent, ContentArea, Criterion, Phase, Rubric
from config.middleware import CONTROL_CHARACTERS
from evaluations.results.models import Extension, Score
from pledges.models import Commitment, Pledge, RegistrationItem
from tests.factories.pledges import RegistrationFactory
from tests.helpers.campaigns import CRITERIA, GROUPS, PHASE_1, form_data, rubric_post
from units.models import Employment, Person, User

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"
RAW_MARKERS = ("<script>alert(", "<img src=x onerror")

NASTY_TEXT = [
    "\x00",
    "Nguyễn\x00Văn A",
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "\u202eTrái sang phải\u202c",
    "\u200f\u200e\u200b",
    "e\u0301\u0302\u0303\u0304\u0305",
    "😀👩‍👩‍👧‍👦🇻🇳",
    "𝔗𝔥𝔞𝔫𝔥 𝔱𝔯𝔞",
    "\ufeff\ufffe\uffff",
    "\r\n\t\x0b\x0c",
    "\x1b[31m\x07\x08",
    "' OR 1=1 --",
    "%00%27",
    "{{ 7|add:7 }}{% debug %}",
    "A" * 5000,
    "Đ" * 300,
    " ",
    "",
]
NASTY_NUMBERS = [
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "1E5",
    "-1",
    "-0",
    "0",
    "2,5",
    "2.5",
    "1,234.5",
    "99999999999999999999999",
    "0.000000001",
    "１２",
    "²",
    "٣",
    "0x10",
    "1_000",
    " 3 ",
    "3\x00",
    "",
]
NASTY_DATES = [
    "31/02/2026",
    "00/00/0000",
    "01/01/99999",
    "1/1/1",
    "2026-13-01",
    "9999-12-31",
    "31/12/9999",
    "01/01/0001",
    "10/07/2026\x00",
    "",
]

text_in = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.text(max_size=120),
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], max_codepoint=0x2FFFF), max_size=40
    ),
)
# Half of the texts carry the script payload, so escaping is checked often.
hostile_text = st.builds(lambda t, s: t + SCRIPT if s else t, text_in, st.booleans())
hostile_number = st.one_of(
    st.sampled_from(NASTY_NUMBERS),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
    st.floats().map(str),
    text_in,
)
hostile_date = st.one_of(st.sampled_from(NASTY_DATES), text_in)


@contextmanager
def rolled_back():
    """Each example in a savepoint: the next one starts from the same rows."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def counts(*models) -> tuple:
    return tuple(model.objects.count() for model in models)


def body(response) -> str:
    assert response.status_code < 500
    return response.content.decode("utf-8", "replace")


def assert_escaped(response):
    html = body(response)
    for marker in RAW_MARKERS:
        assert marker not in html, f"{marker!r} rendered raw"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_officer(officer):
    return signed_in(officer)


@pytest.fixture
def as_secretariat(secretariat):
    return signed_in(secretariat)


# Staff ----------------------------------------------------------------------------------


@given(
    name=hostile_text,
    code=hostile_text,
    position=hostile_text,
    email=hostile_text,
    phone=hostile_text,
    gender=st.one_of(st.sampled_from(["male", "female"]), hostile_text),
)
def test_person_form(as_officer, our_unit, name, code, position, email, phone, gender):
    with rolled_back():
        before = counts(Person, Employment)
        response = as_officer.post(
            reverse("units:person_add", args=[our_unit.pk]),
            {
                "full_name": name,
                "gender": gender,
                "staff_code": code,
                "position": position,
                "rank": position,
                "email": email,
                "phone": phone,
                "is_active": "on",
            },
        )
        assert_escaped(response)
        saved = response.status_code == 302
        assert counts(Person, Employment) == tuple(n + saved for n in before)
        if saved:
            assert_escaped(as_officer.get(reverse("units:unit_detail", args=[our_unit.pk])))
            person = Person.objects.latest("pk")
            assert "\x00" not in person.full_name
            assert_escaped(as_officer.get(reverse("units:person_edit", args=[person.pk])))


# Campaigns and rubrics ----------------------------------------------------------------------


@given(
    title=hostile_text,
    theme=hostile_text,
    contents=hostile_text,
    phase_name=hostile_text,
    deadline=hostile_date,
)
def test_campaign_form(as_secretariat, cluster_year, title, theme, contents, phase_name, deadline):
    with rolled_back():
        before = counts(Campaign, Phase, ContentArea)
        phase = {**PHASE_1, "name": phase_name, "results_deadline": deadline}
        data = form_data(
            cluster_year, [phase], title=title, theme=theme, content_areas_text=contents
        )
        response = as_secretariat.post(reverse("campaigns:campaign_add"), data)
        assert_escaped(response)
        if response.status_code == 302:
            campaign = Campaign.objects.latest("pk")
            after = counts(Campaign, Phase, ContentArea)
            areas = campaign.content_areas.count()
            assert after == (before[0] + 1, before[1] + 1, before[2] + areas)
            assert_escaped(
                as_secretariat.get(reverse("campaigns:campaign_detail", args=[campaign.pk]))
            )
        else:
            assert counts(Campaign, Phase, ContentArea) == before


@given(
    title=hostile_text,
    guidance=hostile_text,
    code=st.one_of(st.just("A1"), hostile_text),
    max_points=hostile_number,
    bonus_cap=hostile_number,
)
def test_rubric_criterion_edit(
    as_secretariat, campaign, title, guidance, code, max_points, bonus_cap
):
    with rolled_back():
        rubric = Rubric.objects.create(campaign=campaign, title="Mới")
        edited = [
            {**CRITERIA[0], "title": title, "guidance": guidance, "code": code},
            {**CRITERIA[1], "max_points": max_points},
        ]
        response = as_secretariat.post(
            reverse("campaigns:rubric_edit", args=[rubric.pk]),
            rubric_post(rubric, GROUPS, edited, bonus_cap=bonus_cap),
        )
        assert_escaped(response)
        saved = Criterion.objects.filter(rubric=rubric).count()
        assert saved == (len(edited) if response.status_code == 302 else 0)
        if response.status_code == 302:
            assert_escaped(as_secretariat.get(reverse("campaigns:rubric_detail", args=[rubric.pk])))


@given(
    kind=st.one_of(st.just("final_review"), hostile_text),
    title=hostile_text,
    day=hostile_date,
    place=hostile_text,
    description=hostile_text,
)
def test_event_form(as_secretariat, campaign, kind, title, day, place, description):
    with rolled_back():
        before = CampaignEvent.objects.count()
        response = as_secretariat.post(
            reverse("campaigns:event_add", args=[campaign.pk]),
            {
                "kind": kind,
                "title": title,
                "date": day,
                "place": place,
                "description": description,
            },
        )
        assert_escaped(response)
        saved = response.status_code == 302
        assert CampaignEvent.objects.count() == before + saved
        if saved:
            event = CampaignEvent.objects.latest("pk")
            assert_escaped(as_secretariat.get(reverse("campaigns:event_detail", args=[event.pk])))


# Pledges and registrations -----------------------------------------------------------------


@given(title=hostile_text, content=hostile_text, target=hostile_text, day=hostile_date)
def test_pledge_commitments(as_secretariat, cluster_year, title, content, target, day):
    with rolled_back():
        before = counts(Pledge, Commitment)
        response = as_secretariat.post(
            reverse("pledges:pledge_add"),
            {
                "cluster_year": cluster_year.pk,
                "title": title,
                "signing_date": day,
                "commitments-TOTAL_FORMS": "2",
                "commitments-INITIAL_FORMS": "0",
                "commitments-0-content": content,
                "commitments-0-target": target,
                "commitments-1-content": "Cải cách hành chính",
            },
        )
        assert_escaped(response)
        if response.status_code == 302:
            pledge = Pledge.objects.latest("pk")
            # A row left blank once control characters are removed is an empty extra row.
            typed = any(CONTROL_CHARACTERS.sub("", v).strip() for v in (content, target))
            assert counts(Pledge, Commitment) == (before[0] + 1, before[1] + 1 + typed)
            assert_escaped(as_secretariat.get(reverse("pledges:pledge_detail", args=[pledge.pk])))
        else:
            assert counts(Pledge, Commitment) == before


@pytest.fixture
def our_registration(registration_round, our_unit, titles):
    return RegistrationFactory(round=registration_round, unit=our_unit)


@given(
    note=hostile_text,
    other_note=hostile_text,
    title=st.one_of(st.just("valid"), hostile_number),
    action=st.sampled_from(["save", "submit"]),
)
def test_registration(as_officer, our_registration, titles, note, other_note, title, action):
    collective = [titles[("TTLDTT", "collective")].pk, titles[("TTLDXS", "collective")].pk]
    with rolled_back():
        url = reverse("pledges:registration_detail", args=[our_registration.pk])
        data = {
            "action": action,
            "items-TOTAL_FORMS": "2",
            "items-INITIAL_FORMS": "0",
            "items-0-title": collective[0] if title == "valid" else title,
            "items-0-person": "",
            "items-0-note": note,
            "items-1-title": collective[1],
            "items-1-person": "",
            "items-1-note": other_note,
        }
        response = as_officer.post(url, data)
        assert_escaped(response)
        items = RegistrationItem.objects.filter(registration=our_registration).count()
        # A first row left blank (no title, a note of nothing but control characters) is
        # an unused row: the other one is saved alone.
        saved_rows = 2 if title == "valid" else 1
        assert items == (saved_rows if response.status_code == 302 else 0)
        assert_escaped(as_officer.get(url))


# Results ---------------------------------------------------------------------------------------


@given(first=hostile_number, second=hostile_number, explanation=hostile_text)
def test_submission_scores(as_officer, submission, first, second, explanation):
    scores = list(Score.objects.filter(submission=submission).order_by("criterion__order"))
    with rolled_back():
        submission.refresh_from_db()
        data = {"action": "save", "revision": submission.revision}
        for score, value in zip(scores, [first, second, ""], strict=False):
            data[f"score_{score.criterion_id}"] = value
            data[f"explanation_{score.criterion_id}"] = explanation
        url = reverse("evaluations:submission", args=[submission.pk])
        response = as_officer.post(url, data)
        assert_escaped(response)
        stored = [s.self_score for s in Score.objects.filter(pk__in=[s.pk for s in scores])]
        if response.status_code == 302:
            assert all(v is None or (Decimal(0) <= v <= 10) for v in stored)
        else:
            assert stored == [None] * len(scores)  # nothing was written
        assert_escaped(as_officer.get(url))


@given(until=hostile_date, reason=hostile_text, unit=st.one_of(st.just("ours"), hostile_number))
def test_extension_grant(as_secretariat, phase, our_unit, until, reason, unit):
    with rolled_back():
        before = Extension.objects.count()
        url = reverse("evaluations:phase_results", args=[phase.pk])
        response = as_secretariat.post(
            url, {"unit": our_unit.pk if unit == "ours" else unit, "until": until, "reason": reason}
        )
        assert body(response) == "" and response.status_code == 302
        assert Extension.objects.count() in (before, before + 1)
        assert_escaped(as_secretariat.get(url))


# Signing in ------------------------------------------------------------------------------------


@given(username=hostile_text, password=hostile_text)
def test_login(client, officer, username, password):
    with rolled_back():
        users = User.objects.count()
        response = client.post(reverse("login"), {"username": username, "password": password})
        assert_escaped(response)
        assert response.status_code == 200  # never signed in with made-up credentials
        assert "_auth_user_id" not in client.session
        assert User.objects.count() == users


# Query strings ----------------------------------------------------------------------------------

SEARCH_PAGES = [
    "units:unit_list",
    "units:unit_detail",
    "units:audit_log",
    "campaigns:campaign_list",
    "campaigns:agenda",
    "pledges:pledge_add",
    "pledges:round_list",
]
PARAMS = ("q", "year", "kind", "province", "status", "page", "cluster_year", "unit", "inactive")


@pytest.fixture
def as_admin(admin_user):
    return signed_in(admin_user)


@given(value=st.one_of(hostile_text, hostile_number, hostile_date))
def test_query_strings(as_admin, our_unit, value):
    for name in SEARCH_PAGES:
        url = reverse(name, args=[our_unit.pk] if name == "units:unit_detail" else [])
        assert_escaped(as_admin.get(url, dict.fromkeys(PARAMS, value)))


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("units:unit_detail", {"q": "Nguyễn\x00"}),  # NUL used to reach PostgreSQL: 500
        ("campaigns:agenda", {"year": "²"}),  # a digit int() cannot read: 500
        ("campaigns:agenda", {"year": "9" * 40}),
        ("pledges:pledge_add", {"cluster_year": "²"}),
    ],
)
def test_odd_query_strings_found_by_hypothesis(as_admin, our_unit, name, params):
    url = reverse(name, args=[our_unit.pk] if name == "units:unit_detail" else [])
    assert as_admin.get(url, params).status_code == 200


def test_control_characters_are_removed_from_submitted_text(as_officer, our_unit):
    response = as_officer.post(
        reverse("units:person_add", args=[our_unit.pk]),
        {"full_name": "Nguyễn\x00 Văn\x1b A", "gender": "male", "position": "Thanh\ttra viên"},
    )
    assert response.status_code == 302
    person = Person.objects.get(unit=our_unit)
    assert (person.full_name, person.position) == ("Nguyễn Văn A", "Thanh\ttra viên")

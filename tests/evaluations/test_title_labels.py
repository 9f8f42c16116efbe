"""A title that exists for a person and for a collective (Bằng khen) reads "(Cá nhân)" or
"(Tập thể)" in every select of titles: ballot questions, proposals, registrations."""

import re

import pytest
from django.urls import reverse

from pledges.models import Title
from tests.helpers.proposals import propose

pytestmark = pytest.mark.django_db

BK_PERSON = "Bằng khen của Tổng Thanh tra Chính phủ (Cá nhân)"
BK_COLLECTIVE = "Bằng khen của Tổng Thanh tra Chính phủ (Tập thể)"


def title_options(html, name):
    """The labels of the select named `name` (a prefix allowed: "q-title")."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def assert_labelled(labels):
    assert BK_PERSON in labels and BK_COLLECTIVE in labels
    shown = {label for label in labels if label and not label.startswith("-")}
    assert all(label.endswith(("(Cá nhân)", "(Tập thể)")) for label in shown), shown
    assert len(shown) == Title.objects.filter(is_active=True).count()


def test_ballot_pages_label_titles_by_recipient(client, secretariat, cluster_year, draft_ballot):
    client.force_login(secretariat)
    create = client.get(reverse("evaluations:ballot_create") + f"?cluster_year={cluster_year.pk}")
    assert_labelled(title_options(create.content.decode(), "q-title"))
    detail = client.get(reverse("evaluations:ballot_detail", args=[draft_ballot.pk]))
    assert_labelled(title_options(detail.content.decode(), "q-title"))
    question = draft_ballot.questions.get()
    edit = client.get(reverse("evaluations:ballot_question_edit", args=[question.pk]))
    assert_labelled(title_options(edit.content.decode(), "q-title"))


def test_proposal_pages_label_titles_by_recipient(client, officer, cluster_year, our_unit, titles):
    client.force_login(officer)
    create = client.get(reverse("evaluations:proposal_create"))
    assert_labelled(title_options(create.content.decode(), "title"))
    proposal = propose(officer, cluster_year, our_unit, titles, "GK")
    edit = client.get(reverse("evaluations:proposal_edit", args=[proposal.pk]))
    assert_labelled(title_options(edit.content.decode(), "title"))


def test_registration_form_labels_titles_by_recipient(client, officer, registration_round, titles):
    client.force_login(officer)
    url = reverse("pledges:my_registration", args=[registration_round.pk])
    page = client.post(url, follow=True)  # the registration is started by POST
    assert page.status_code == 200
    labels = re.findall(
        r'<select name="[^"]*title"[^>]*>(.*?)</select>', page.content.decode(), re.S
    )
    assert labels, "the registration page has a select of titles"
    assert_labelled(re.findall(r"<option[^>]*>([^<]*)</option>", labels[0]))

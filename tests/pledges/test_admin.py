"""The title catalogue in the admin: each multiplier's period and legal basis; no overlaps."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from pledges.models import TitleMultiplier

pytestmark = pytest.mark.django_db


class _Form(HTMLParser):
    """The fields a browser would send from the page's main form (the admin change form)."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.data[name] = attrs.get("value") or "on"
            else:
                self.data[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data.removeprefix("\n")


def _form_of(response):
    parser = _Form()
    parser.feed(response.content.decode())
    return parser.data


def test_the_title_page_shows_each_multiplier_with_its_period_and_basis(client, admin_user, titles):
    client.force_login(admin_user)
    title = titles[("BK_TTCP", "person")]
    html = client.get(reverse("admin:pledges_title_change", args=[title.pk])).content.decode()
    assert "Nghị định số 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b" in html
    assert "01/07/2025" in html and "30/06/2025" in html
    assert "1.50" in html or "1,50" in html


def test_the_multiplier_list_shows_periods_and_filters_those_to_verify(client, admin_user, titles):
    client.force_login(admin_user)
    url = reverse("admin:pledges_titlemultiplier_changelist")
    html = client.get(url).content.decode()
    assert "Nghị định số 98/2023/NĐ-CP, Điều 54" in html
    to_verify = client.get(url, {"to_verify__exact": "1"}).content.decode()
    assert "Điều 54 khoản 2" in to_verify  # collective figures of Decree 152
    assert "Điều 50 khoản 1" not in to_verify  # the titles' figures are verified


def test_an_overlapping_period_typed_in_the_admin_is_refused(client, admin_user, titles):
    client.force_login(admin_user)
    title = titles[("BK_TTCP", "person")]
    url = reverse("admin:pledges_title_change", args=[title.pk])
    data = _form_of(client.get(url))
    prefix = "multipliers"
    count = int(data[f"{prefix}-TOTAL_FORMS"])
    # A successor decree from 01/3/2027 while Decree 152's period is still open: refused.
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(count + 1),
            f"{prefix}-{count}-title": str(title.pk),
            f"{prefix}-{count}-valid_from": "01/03/2027",
            f"{prefix}-{count}-multiplier": "2",
            f"{prefix}-{count}-legal_basis": "Nghị định kế nhiệm",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "trùng" in response.content.decode()
    assert title.multipliers.count() == 2
    # Ending Decree 152's period the day before, in the same save, is accepted.
    open_row = next(i for i in range(count) if data[f"{prefix}-{i}-valid_from"] == "01/07/2025")
    data[f"{prefix}-{open_row}-valid_until"] = "28/02/2027"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    periods = list(title.multipliers.order_by("valid_from").values_list("valid_until", flat=True))
    assert [str(p) if p else None for p in periods] == ["2025-06-30", "2027-02-28", None]
    assert (
        TitleMultiplier.objects.get(title=title, legal_basis="Nghị định kế nhiệm").multiplier == 2
    )

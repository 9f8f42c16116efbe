"""Layouts: default positions on the blank's paper, edited in the admin (audited), the
printer's shift applied, and the database refusing a field off the sheet."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from evaluations.certificates import services
from evaluations.certificates.choices import FieldKind, Paper
from evaluations.certificates.layouts import sheet_of
from evaluations.certificates.models import LayoutField
from evaluations.certificates.selectors import layouts
from tests.evaluations.certificates.helpers import authority
from tests.helpers.browser_form import form_data
from units.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_default_papers_follow_the_blanks(titles):
    issuer = authority()
    bk = services.layout_ensure(authority=issuer, title=titles[("BK_TTCP", "person")])
    gk = services.layout_ensure(authority=issuer, title=titles[("GK", "person")])
    assert (bk.paper, bk.size_mm) == (Paper.A3_LANDSCAPE, (420, 297))
    assert (gk.paper, gk.size_mm) == (Paper.A4_LANDSCAPE, (297, 210))
    assert set(bk.fields.values_list("kind", flat=True)) == set(FieldKind.values)
    # Every field fits on the sheet.
    for field in bk.fields.all():
        assert field.x_mm + field.width_mm <= 420 and field.y_mm < 297
    # The blank carries the authority and the award: placed, not printed.
    assert {f.kind for f in sheet_of(layouts().get(pk=bk.pk)).fields} == set(FieldKind.values) - {
        FieldKind.AUTHORITY,
        FieldKind.AWARD_NAME,
    }


def test_a_field_off_the_sheet_is_refused_by_the_database(titles):
    layout = services.layout_ensure(authority=authority(), title=titles[("GK", "person")])
    field = layout.fields.get(kind=FieldKind.RECIPIENT)
    field.x_mm = Decimal("-5")
    with pytest.raises(IntegrityError), transaction.atomic():
        field.save()


def test_the_admin_edits_positions_and_paper(client, admin_user, titles):
    layout = services.layout_ensure(authority=authority(), title=titles[("GK", "person")])
    client.force_login(admin_user)
    url = reverse("admin:evaluations_certificatelayout_change", args=[layout.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page.content)
    data["paper"] = Paper.LARGE
    data["offset_x_mm"] = "-1.5"
    index = next(
        key.split("-")[1]
        for key, value in data.items()
        if key.startswith("fields-") and key.endswith("-kind") and value == FieldKind.RECIPIENT
    )
    data[f"fields-{index}-y_mm"] = "101.5"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    layout.refresh_from_db()
    assert (layout.paper, layout.offset_x_mm) == (Paper.LARGE, Decimal("-1.5"))
    assert LayoutField.objects.get(layout=layout, kind=FieldKind.RECIPIENT).y_mm == Decimal("101.5")
    assert AuditEntry.objects.filter(
        actor=admin_user, action__startswith="certificatelayout."
    ).exists()
    sheet = sheet_of(layouts().get(pk=layout.pk))
    assert (sheet.width, sheet.height, sheet.offset_x) == (400, 300, -1.5)


@pytest.mark.parametrize("role", ["officer", "secretariat", "viewer"])
def test_only_administrators_edit_layouts(client, user_of, titles, role):
    layout = services.layout_ensure(authority=authority(), title=titles[("GK", "person")])
    client.force_login(user_of(role))
    url = reverse("admin:evaluations_certificatelayout_change", args=[layout.pk])
    assert client.get(url).status_code in (302, 403)
    assert client.get(reverse("evaluations:certificate_layouts")).status_code == 403

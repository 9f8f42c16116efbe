"""The minutes of the selection meeting are ready to print (issue 15)."""

from io import BytesIO

import docx
import pytest
from django.urls import reverse
from docx.oxml.ns import qn

from core.docx import TEXT_WIDTH

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(client, secretariat, published_ballot, our_unit):
    cluster_year = published_ballot.cluster_year
    our_unit.province = "Hưng Yên"
    our_unit.save()
    cluster_year.chair_unit = our_unit
    cluster_year.save()
    client.force_login(secretariat)
    response = client.get(reverse("evaluations:ballot_minutes", args=[published_ballot.pk]))
    assert response.status_code == 200
    return docx.Document(BytesIO(response.content))


def test_the_date_line_names_the_province_of_the_chair_unit(minutes):
    text = [p.text for p in minutes.paragraphs]
    assert "Hưng Yên, ngày 18 tháng 12 năm 2025" in text
    assert not any(line.startswith("Thanh tra tỉnh Hưng Yên, ngày") for line in text)
    # The meeting place is still named where the meeting is told.
    assert any("tại Thanh tra tỉnh Hưng Yên" in line for line in text)


def test_the_tally_table_is_sized_to_its_content_and_prints_whole_rows(minutes, other_unit):
    (tally,) = [t for t in minutes.tables if t.rows[0].cells[0].text == "STT"]
    header, *rows = tally.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    for row in tally.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    widths = [int(col.get(qn("w:w"))) for col in tally._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) <= TEXT_WIDTH * 1440 // 914400
    number, name, *_rest = widths
    assert name > number  # the names get the room, the numbers what they need
    assert [c.text for c in rows[-1].cells][1] in {other_unit.name, rows[-1].cells[1].text}
    for row in tally.rows:
        cell_widths = [c.width for c in row.cells]
        assert all(w is not None and w > 0 for w in cell_widths)

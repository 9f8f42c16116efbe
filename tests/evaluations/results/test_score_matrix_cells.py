"""The score matrix's cells print the numbers as `floatformat:"-2"` would, in the user's
language: a decimal comma in Vietnamese."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from evaluations.templatetags.score_matrix import matrix_cells


def score(self_score, reviewed=None, cross=None):
    return SimpleNamespace(self_score=self_score, reviewed_score=reviewed, cross_score=cross)


@pytest.mark.parametrize(
    "value", ["0", "7", "7.5", "7.50", "10.00", "0.25", "12.345", "99.99", "100"]
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_number_prints_as_floatformat_prints_it(value, language):
    with translation.override(language):
        expected = Template('{{ v|floatformat:"-2" }}').render(Context({"v": Decimal(value)}))
        cells = matrix_cells([score(Decimal(value))])
    assert cells == f'<td class="text-end text-nowrap">{expected}</td>'


def test_a_row_shows_self_reviewed_and_cross_scores_and_blanks():
    line = [
        score(Decimal("8.5"), Decimal("8"), Decimal("7.25")),
        score(None, Decimal("3")),
        None,
    ]
    with translation.override("vi"):
        html = matrix_cells(line)
    assert html == (
        '<td class="text-end text-nowrap">8,50 / <strong>8</strong> / <em>7,25</em></td>'
        '<td class="text-end text-nowrap">— / <strong>3</strong></td>'
        '<td class="text-end text-nowrap"></td>'
    )

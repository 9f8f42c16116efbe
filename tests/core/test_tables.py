"""{% stacktable %}: the captions a phone's card list shows beside each value."""

from django.template import Context, Template

from core.templatetags.tables import stack_table


def render(source, **context):
    return Template("{% load tables %}" + source).render(Context(context))


def test_stacktable_labels_each_body_cell_with_its_column_heading():
    html = render(
        "{% stacktable %}<table class='table table-sm'><thead><tr><th>Đơn vị</th>"
        "<th>Trạng thái</th><th>Tổng điểm</th></tr></thead><tbody>{% for u in units %}"
        "<tr><th scope='row'>{{ u }}</th><td>Đã gửi</td><td>90</td></tr>{% endfor %}"
        "</tbody></table>{% endstacktable %}",
        units=["Thanh tra tỉnh Hưng Yên", "Thanh tra tỉnh Bắc Ninh"],
    )
    assert "class='table table-sm table-stack'" in html
    assert html.count('<td data-label="Trạng thái">Đã gửi</td>') == 2
    assert html.count('<td data-label="Tổng điểm">90</td>') == 2
    assert "<th scope='row'>Thanh tra tỉnh Hưng Yên</th>" in html  # the card's title


def test_stacktable_counts_spanned_columns_and_leaves_spanning_cells_alone():
    html = stack_table(
        "<table><thead><tr><th>Đơn vị</th><th>A</th><th>B</th><th>Tổng</th></tr></thead>"
        "<tbody><tr><td colspan='4'>Chưa có</td></tr></tbody>"
        "<tfoot><tr><th scope='row' colspan='2'>Tổng cộng</th><td>3</td><td>5</td></tr></tfoot>"
        "</table>"
    )
    assert "<td colspan='4'>Chưa có</td>" in html
    assert '<td data-label="B">3</td><td data-label="Tổng">5</td>' in html


def test_stacktable_caption_reads_nested_heading_text_once_escaped():
    html = stack_table(
        '<table><thead><tr><th>#</th><th>Lao động tiên tiến<div class="small">Cá nhân</div>'
        "</th><th>Q &amp; A &quot;x&quot;</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>"
    )
    assert '<td data-label="Lao động tiên tiến Cá nhân">2</td>' in html
    assert '<td data-label="Q &amp; A &quot;x&quot;">3</td>' in html
    assert "<td>1</td>" in html  # the first column is the card's title


def test_stacktable_copies_markup_and_nested_tables_unchanged():
    source = (
        '<table class="t"><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>x</td>'
        "<td><!-- note --><table><tr><td>inner</td></tr></table>&nbsp;<br/></td></tr>"
        "</tbody></table>"
    )
    html = stack_table(source)
    assert html == source.replace('class="t"', 'class="t table-stack"').replace(
        "<td><!--", '<td data-label="B"><!--'
    )

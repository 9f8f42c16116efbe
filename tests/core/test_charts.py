"""The server-drawn charts (core/charts.py): the SVG holds one bar per item with segments
sized by their values, the bands as marks, labels escaped; the data table has the same
figures, printed with the decimal comma."""

import re
from decimal import Decimal

from django.template.loader import render_to_string

from core.charts import Bar, Chart, Mark


def widths(svg: str, css_class: str = "chart-segment") -> list[str]:
    return re.findall(rf'<rect class="{css_class}" x="[^"]+" y="\d+" width="([^"]+)"', svg)


def test_stacked_segments_are_sized_by_their_share_of_the_largest_bar():
    chart = Chart.horizontal(
        "Điểm theo nhóm",
        ["Công tác thanh tra", "Tiếp công dân"],
        [Bar("Tỉnh A", (Decimal("60"), Decimal("40"))), Bar("Tỉnh B", (Decimal("30"), 20))],
    )
    svg = str(chart.svg)
    assert 'data-bars="2"' in svg
    assert widths(svg) == ["60.00%", "40.00%", "30.00%", "20.00%"]
    # The second segment starts where the first ends.
    assert 'x="60.00%"' in svg
    assert "Tỉnh A: Tiếp công dân: 40</title>" in svg


def test_a_deduction_is_hatched_back_from_the_end_of_the_bar():
    chart = Chart.horizontal("Điểm", ["Cộng", "Trừ"], [Bar("Tỉnh A", (Decimal(80), Decimal(-5)))])
    svg = str(chart.svg)
    assert widths(svg) == ["100.00%"]
    assert widths(svg, "chart-deduction") == ["6.25%"]
    assert 'class="chart-deduction" x="93.75%"' in svg
    assert chart.rows[0]["total"] == "75"


def test_bands_are_drawn_as_marks_with_their_threshold():
    chart = Chart.horizontal(
        "Điểm",
        ["Tổng"],
        [Bar("Tỉnh A", (Decimal("95.5"),))],
        marks=(Mark("Hoàn thành xuất sắc", Decimal("90")), Mark("Hoàn thành", Decimal("50"))),
        max_value=100,
    )
    svg = str(chart.svg)
    assert svg.count('class="chart-mark"') == 2
    assert 'x1="90.00%"' in svg and 'x1="50.00%"' in svg
    assert "Hoàn thành xuất sắc ≥ 90" in svg
    assert widths(svg) == ["95.50%"]


def test_the_scale_reaches_the_highest_mark_and_the_given_maximum():
    chart = Chart.horizontal("Tiến độ", ["Đơn vị"], [Bar("Đã gửi", (4,), note="4/9")], max_value=9)
    assert widths(str(chart.svg)) == ["44.44%"]
    assert "4/9</text>" in str(chart.svg)


def test_columns_rise_in_proportion_and_carry_value_and_note():
    chart = Chart.columns(
        "Khen thưởng theo năm", "Khen thưởng", [Bar("2024", (10,)), Bar("2025", (5,), note="x")]
    )
    svg = str(chart.svg)
    heights = re.findall(
        r'<rect class="chart-segment" x="[^"]+" y="\d+" width="[^"]+" height="(\d+)"', svg
    )
    assert heights == ["160", "80"]
    assert 'data-bars="2"' in svg


def test_labels_are_escaped():
    chart = Chart.horizontal("<b>", ["<i>"], [Bar("<script>alert(1)</script>", (1,))])
    svg = str(chart.svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<b>" not in svg and "<i>" not in svg


def test_an_empty_chart_draws_nothing_and_does_not_divide_by_zero():
    chart = Chart.horizontal("Trống", ["A"], [Bar("Tỉnh A", (0,))])
    assert widths(str(chart.svg)) == []
    assert Chart.columns("Trống", "A", []).svg


def test_the_data_table_carries_the_same_figures_with_a_decimal_comma():
    chart = Chart.horizontal(
        "Điểm theo nhóm",
        ["Nhóm A", "Nhóm B"],
        [Bar("Tỉnh A", (Decimal("12.5"), Decimal("7.25")), note="Xuất sắc", href="/u/1/")],
        marks=(Mark("Xuất sắc", Decimal("18.5")),),
        total_label="Tổng",
        note_label="Xếp loại",
        label_header="Đơn vị",
    )
    html = render_to_string("includes/charts/chart.html", {"chart": chart})
    table = html[html.index("<table") :]
    cells = re.findall(r"<t[hd](?:\s[^>]*)?>(.*?)</t[hd]>", table)
    assert cells[:5] == ["Đơn vị", "Nhóm A", "Nhóm B", "Tổng", "Xếp loại"]
    assert cells[5:10] == ['<a href="/u/1/">Tỉnh A</a>', "12,50", "7,25", "19,75", "Xuất sắc"]
    assert "18,50" in table  # the band's threshold
    # Behind a disclosure on screen, printed open (thidua.css).
    assert '<details class="chart-data"><summary class="small">Bảng số liệu</summary>' in html
    assert html.count("<svg") == 3  # the chart and a swatch per group in the legend


def test_a_long_label_is_shortened_to_share_a_phones_line_with_its_end_text():
    name = "Thanh tra tỉnh Bà Rịa – Vũng Tàu, Đoàn kiểm tra liên ngành số 12 của Thanh tra"
    chart = Chart.horizontal("Điểm", ["Tổng"], [Bar(name, (Decimal(9),), note="hạng 1/2")])
    svg = str(Chart(**{**chart.__dict__, "ends_with": "both", "uid": 0}).svg)
    label = re.search(r'class="chart-label" fill="[^"]+"><title>(.*?)</title>(.*?)</text>', svg)
    assert label.group(1) == name  # the whole name in the tooltip
    assert label.group(2).endswith("…") and len(label.group(2)) + len("9 · hạng 1/2") <= 56
    assert "9 · hạng 1/2</text>" in svg

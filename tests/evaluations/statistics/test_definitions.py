"""The forms on file are valid data, and a broken definition is refused with its reasons."""

import copy
import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from evaluations.statistics.definitions import CIRCULARS, FOLDER, circular_for, parse_circular

FILES = sorted(FOLDER.glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_definition_on_file_validates(path):
    circular = parse_circular(json.loads(path.read_text(encoding="utf-8")), path.name)
    assert circular.forms
    for form in circular.forms.values():
        assert form.code.endswith("/BNV-TĐKT")
        assert form.verified_from
        counted = [r for r in form.rows if r.counted] + [c for c in form.columns if c.counted]
        uncounted = [r for r in form.rows if not r.heading and not r.counted]
        # Whatever the system does not count is said so on the form.
        assert all(line.note for line in uncounted if form.counted and line.key != "01")
        assert counted or not form.counted


def test_the_2023_circular_has_the_five_forms_and_its_period():
    circular = circular_for(2019)
    assert [f.code for f in circular.forms.values()] == [
        "0601.N/BNV-TĐKT",
        "0602.N/BNV-TĐKT",
        "0603.N/BNV-TĐKT",
        "0604.N/BNV-TĐKT",
        "0605.N/BNV-TĐKT",
    ]
    period = circular.period(2019)
    assert (f"{period.start:%d/%m/%Y}", f"{period.end:%d/%m/%Y}") == ("01/12/2018", "30/11/2019")
    assert circular_for(2026) is CIRCULARS[-1]


def raw():
    return json.loads(FILES[0].read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["forms"][2]["rows"][0].update(filter={"colour": "red"}), "no term 'colour'"),
        (lambda d: d["forms"][2]["rows"][0].update(filter={"level": "galaxy"}), "no value"),
        (lambda d: d["forms"][0]["rows"][0].update(filter={"days": {"min": 5, "max": 2}}), "n < m"),
        (lambda d: d["forms"][2]["rows"][0].pop("filter"), "needs a filter"),
        (lambda d: d["forms"][2].update(source="weather"), "source 'weather'"),
        (lambda d: d["forms"][2]["columns"].append(d["forms"][2]["columns"][0]), "keys repeat"),
        (lambda d: d["forms"][1].update(slug="0601"), "repeats"),
        (lambda d: d["circular"].update(sources=[]), "sources"),
        (lambda d: d["forms"][2]["rows"][0].update(flter={}), "unknown fields"),
    ],
)
def test_a_broken_definition_is_refused_with_its_reason(change, message):
    data = copy.deepcopy(raw())
    change(data)
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_circular(data, "broken.json")


def test_a_new_circular_is_a_new_file(tmp_path):
    from evaluations.statistics.definitions import load

    data = raw()
    data["circular"].update(code="18/2025/TT-BNV", first_year=2026)
    (tmp_path / "a.json").write_text(json.dumps(raw()), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(data), encoding="utf-8")
    assert [c.code for c in load(tmp_path)] == ["02/2023/TT-BNV", "18/2025/TT-BNV"]

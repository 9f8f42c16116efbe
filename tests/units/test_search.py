"""Vietnamese typed in either Unicode form, with or without accents, is found: "ha nam"
finds "Hà Nam", a decomposed (NFD) query finds a precomposed (NFC) name; the searches go
through their trigram indexes; the migration rewrites stored decomposed text composed."""

import importlib
import unicodedata
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.urls import reverse

from core.search import matching
from core.text import fold
from tests.factories.units import PersonFactory, UnitFactory
from units import selectors
from units.models import PERSON_SEARCH_FIELDS, UNIT_SEARCH_FIELDS, Person, Unit

pytestmark = pytest.mark.django_db


def nfd(text):
    return unicodedata.normalize("NFD", text)


def is_nfc(text):
    return unicodedata.is_normalized("NFC", text)


# --- Found whatever the form and the accents --------------------------------------------------


@pytest.fixture
def ha_nam(db):
    return UnitFactory(name="Thanh tra tỉnh Hà Nam", short_name="Hà Nam", code="HNA")


@pytest.fixture
def other_province(db):
    return UnitFactory(name="Thanh tra tỉnh Nam Định", short_name="Nam Định", code="NDI")


@pytest.mark.parametrize(
    "query",
    ["Hà Nam", nfd("Hà Nam"), "ha nam", "HA NAM", "  hà   nam ", "nam ha", "hna"],
    ids=["nfc", "nfd", "plain", "upper", "spaces", "any-order", "code"],
)
def test_unit_list_finds_ha_nam_however_typed(client, officer, ha_nam, other_province, query):
    client.force_login(officer)
    response = client.get(reverse("units:unit_list"), {"q": query})
    html = response.content.decode()
    assert ha_nam.name in html
    assert other_province.name not in html


def test_unit_list_search_reads_d_with_stroke_as_d(client, officer, ha_nam, other_province):
    client.force_login(officer)
    html = client.get(reverse("units:unit_list"), {"q": "nam dinh"}).content.decode()
    assert other_province.name in html
    assert ha_nam.name not in html


def test_a_stored_decomposed_name_is_found_too(ha_nam):
    # Rows saved before the boundary normalised (the migration rewrites them; the folded
    # search finds them even before).
    Unit.objects.filter(pk=ha_nam.pk).update(name=nfd("Thanh tra tỉnh Hà Giang"))
    assert list(selectors.unit_list(search="Hà Giang")) == [ha_nam]
    assert list(selectors.unit_list(search="ha giang")) == [ha_nam]


@pytest.mark.parametrize("query", ["nguyen van an", nfd("Nguyễn Văn An"), "NGUYỄN văn", "CB07"])
def test_staff_search_ignores_accents_and_case(client, officer, our_unit, query):
    an = PersonFactory(unit=our_unit, full_name="Nguyễn Văn An", staff_code="CB07")
    PersonFactory(unit=our_unit, full_name="Trần Thị Bình", staff_code="CB08")
    client.force_login(officer)
    response = client.get(reverse("units:unit_detail", args=[our_unit.pk]), {"q": query})
    staff = list(response.context["staff_page"].object_list)
    assert staff == [an]


def test_staff_search_stays_within_what_the_user_may_see(client, officer, our_unit, other_unit):
    PersonFactory(unit=other_unit, full_name="Nguyễn Văn An")
    client.force_login(officer)
    response = client.get(reverse("units:unit_detail", args=[other_unit.pk]), {"q": "nguyen"})
    assert response.status_code == 200
    assert "Nguyễn Văn An" not in response.content.decode()


def test_a_search_of_no_letter_finds_nothing_rather_than_everything(ha_nam, other_province):
    assert list(selectors.unit_list(search="%")) == []
    assert list(selectors.unit_list(search="_ -")) == []


def test_each_word_begins_a_word_not_anywhere_inside_one(ha_nam, other_province):
    # "ha" is inside "Thanh" of every unit: only a word that begins with it counts.
    assert list(selectors.unit_list(search="ha")) == [ha_nam]
    assert list(selectors.unit_list(search="nam")) == [ha_nam, other_province]


def test_admin_search_of_units_and_people_ignores_accents(client, admin_user, ha_nam):
    an = PersonFactory(unit=ha_nam, full_name="Nguyễn Văn An", email="an@example.vn")
    PersonFactory(unit=ha_nam, full_name="Trần Thị Bình")
    client.force_login(admin_user)
    response = client.get(reverse("admin:units_unit_changelist"), {"q": "ha nam"})
    assert list(response.context["cl"].result_list) == [ha_nam]
    response = client.get(reverse("admin:units_person_changelist"), {"q": nfd("nguyễn an")})
    assert list(response.context["cl"].result_list) == [an]
    response = client.get(reverse("admin:units_person_changelist"), {"q": "AN@EXAMPLE"})
    assert list(response.context["cl"].result_list) == [an]


def test_admin_autocomplete_of_units_ignores_accents(client, admin_user, ha_nam, other_province):
    client.force_login(admin_user)
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "ha nam", "app_label": "units", "model_name": "person", "field_name": "unit"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == [ha_nam.name]


def test_an_officer_cannot_use_the_admin_search(client, officer):
    client.force_login(officer)
    response = client.get(reverse("admin:units_person_changelist"), {"q": "nguyen"})
    assert response.status_code == 302  # to the admin's login page


def test_the_database_folds_as_python_does():
    samples = ["Nguyễn Văn Đức", nfd("Hà Nam"), "ĐẶNG  THỊ Ấu", "Thừa Thiên-Huế", "a@b.vn %_"]
    with connection.cursor() as cursor:
        for sample in samples:
            cursor.execute("SELECT thidua_fold(%s)", [sample])
            assert cursor.fetchone()[0] == fold(sample)


# --- Served by the index ---------------------------------------------------------------------


def test_the_people_search_can_use_its_trigram_index(our_unit):
    Person.objects.bulk_create(
        Person(unit=our_unit, full_name=f"Người Số {n:05d}", gender="male") for n in range(3000)
    )
    PersonFactory(unit=our_unit, full_name="Nguyễn Văn An")
    query = Person.objects.filter(*matching(PERSON_SEARCH_FIELDS, "nguyen van an"))
    sql, params = query.values("pk").query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ANALYZE units_person")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "person_search_trigrams" in plan
    assert [p.full_name for p in query] == ["Nguyễn Văn An"]


def test_the_unit_search_can_use_its_trigram_index():
    query = Unit.objects.filter(*matching(UNIT_SEARCH_FIELDS, "ha nam"))
    sql, params = query.values("pk").query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "unit_search_trigrams" in plan


# --- The text stored before -----------------------------------------------------------------


def _migration():
    (path,) = Path(__file__).resolve().parents[2].glob("units/migrations/*_unaccent_search.py")
    return importlib.import_module(f"units.migrations.{path.stem}")


def test_the_migration_rewrites_stored_decomposed_text_composed(our_unit):
    person = PersonFactory(unit=our_unit)
    Person.objects.filter(pk=person.pk).update(
        full_name=nfd("Nguyễn Văn An"), position=nfd("Phó Chánh Thanh tra")
    )
    Unit.objects.filter(pk=our_unit.pk).update(name=nfd("Thanh tra tỉnh Hà Nam"))
    # A unique code whose composed form is taken already stays as it is (no collision).
    taken = UnitFactory(code="HÀ")
    clash = UnitFactory(code=nfd("HÀ"))
    with connection.schema_editor() as editor:
        _migration().to_nfc(apps, editor)
    person.refresh_from_db()
    our_unit.refresh_from_db()
    assert person.full_name == "Nguyễn Văn An" and is_nfc(person.full_name)
    assert person.position == "Phó Chánh Thanh tra"
    assert our_unit.name == "Thanh tra tỉnh Hà Nam"
    assert Unit.objects.get(pk=taken.pk).code == "HÀ"
    assert Unit.objects.get(pk=clash.pk).code == nfd("HÀ")


# --- Constant queries ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 3])
def test_unit_search_exact_queries(client, officer, get_in_queries, size):
    for n in range(size):
        UnitFactory(name=f"Thanh tra tỉnh Hà Nam {n}")
    client.force_login(officer)
    page = get_in_queries(reverse("units:unit_list") + "?q=ha+nam", 7)
    assert len(page.context["units"]) == size


@pytest.mark.parametrize("size", [1, 3])
def test_staff_search_exact_queries(client, officer, our_unit, get_in_queries, size):
    PersonFactory.create_batch(size, unit=our_unit, full_name="Nguyễn Văn An")
    client.force_login(officer)
    url = reverse("units:unit_detail", args=[our_unit.pk]) + "?q=nguyen+an"
    page = get_in_queries(url, 9)
    assert len(page.context["staff_page"]) == size


@pytest.mark.parametrize("size", [1, 3])
def test_admin_person_search_exact_queries(client, admin_user, get_in_queries, size):
    unit = UnitFactory()
    PersonFactory.create_batch(size, unit=unit, full_name="Nguyễn Văn An")
    client.force_login(admin_user)
    page = get_in_queries(reverse("admin:units_person_changelist") + "?q=nguyen+an", 7)
    assert len(page.context["cl"].result_list) == size

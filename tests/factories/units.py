import factory
from django.contrib.contenttypes.models import ContentType
from factory.django import DjangoModelFactory

from units.choices import Gender, Role, UnitKind
from units.models import (
    AuditEntry,
    Cluster,
    ClusterMembership,
    ClusterYear,
    Employment,
    Person,
    RoleAssignment,
    Unit,
    User,
)

PASSWORD = "Mat-khau-thu-2026"


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"TT-{n:04d}")
    name = factory.Sequence(lambda n: f"Thanh tra tỉnh Số {n}")
    short_name = factory.Sequence(lambda n: f"Tỉnh {n}")
    kind = UnitKind.PROVINCIAL_INSPECTORATE
    province = factory.Faker("city", locale="vi_VN")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Faker("name", locale="vi_VN")
    gender = factory.Iterator([Gender.MALE, Gender.FEMALE])
    position = "Thanh tra viên"
    rank = "Thanh tra viên chính"
    unit = factory.SubFactory(UnitFactory)


class EmploymentFactory(DjangoModelFactory):
    class Meta:
        model = Employment

    person = factory.SubFactory(PersonFactory)
    unit = factory.SelfAttribute("person.unit")
    start_date = factory.Faker("date_between", start_date="-10y", end_date="-1y")


class ClusterFactory(DjangoModelFactory):
    class Meta:
        model = Cluster

    code = factory.Sequence(lambda n: f"CUM{n}")
    name = factory.Sequence(lambda n: f"Cụm Thi đua số {n}")


class ClusterYearFactory(DjangoModelFactory):
    class Meta:
        model = ClusterYear

    cluster = factory.SubFactory(ClusterFactory)
    year = 2025
    theme = "Đoàn kết, kỷ cương, trách nhiệm, hiệu quả"


class ClusterMembershipFactory(DjangoModelFactory):
    class Meta:
        model = ClusterMembership

    cluster_year = factory.SubFactory(ClusterYearFactory)
    unit = factory.SubFactory(UnitFactory)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Faker("name", locale="vi_VN")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    unit = factory.SubFactory(UnitFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class RoleAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.UNIT_OFFICER
    unit = factory.SelfAttribute("user.unit")
    cluster_year = None


class AuditEntryFactory(DjangoModelFactory):
    class Meta:
        model = AuditEntry

    actor = factory.SubFactory(UserFactory)
    action = "person.update"
    content_type = factory.LazyFunction(lambda: ContentType.objects.get_for_model(Person))
    object_id = factory.LazyAttribute(lambda o: str(PersonFactory().pk))
    object_repr = "Nguyễn Văn A"
    changes = factory.LazyFunction(lambda: {"position": ["Chuyên viên", "Thanh tra viên"]})

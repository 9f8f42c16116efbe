"""A demo nominee list: Thanh tra tỉnh Hưng Yên proposes Lao động tiên tiến 2026 for five of
its staff at once, one of whom (rated "completion of tasks") fails rule R2 on the list's page."""

from evaluations.proposals import services
from evaluations.proposals.choices import TaskRating
from evaluations.proposals.models import NomineeList
from pledges.models import Title
from units.models import ClusterYear, Person, Unit, User

SUMMARY = "Hoàn thành tốt nhiệm vụ thanh tra, tiếp công dân năm 2026; chấp hành tốt kỷ luật."


def seed_nominee_lists():
    if NomineeList.objects.exists():
        return
    unit = Unit.objects.filter(code="TT-HYE").first()
    cluster_year = ClusterYear.objects.filter(cluster__code="CUM2", year=2026).first()
    officer = User.objects.filter(username="canbo.hye").first()
    title = Title.objects.filter(code="LDTT", recipient="person").first()
    if None in (unit, cluster_year, officer, title):
        return
    people = list(Person.objects.filter(unit=unit, is_active=True).order_by("pk"))
    taken = services.already_proposed(title=title, year=2026, people=people)
    people = [p for p in people if p.pk not in taken][-5:]
    ratings = [
        TaskRating.EXCELLENT,
        TaskRating.GOOD,
        TaskRating.GOOD,
        TaskRating.GOOD,
        TaskRating.COMPLETE,
    ]
    services.nominee_list_create(
        actor=officer,
        cluster_year=cluster_year,
        unit=unit,
        title=title,
        year=2026,
        nominees=[
            services.Nominee(
                person=person,
                summary=SUMMARY,
                task_rating=ratings[index],
            )
            for index, person in enumerate(people)
        ],
        no_pending_discipline=True,
    )

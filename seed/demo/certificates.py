"""Demo certificates: the Inspector General (created here if the decisions demo has not
yet), layouts for each demo authority's award forms, and the certificates of every recorded
decision not printed yet, rendered at once (with `make run` the worker would do it)."""

from evaluations.certificates import printing, services
from evaluations.decisions.choices import AuthorityLevel, DecisionStatus
from evaluations.decisions.models import AwardDecision, IssuingAuthority
from pledges.choices import TitleLevel
from pledges.models import Title
from units.models import User

# Which titles each level of authority awards (DOMAIN-OUTPUTS, "whose awards").
TITLE_LEVELS = {
    AuthorityLevel.SECTOR: TitleLevel.SECTOR,
    AuthorityLevel.UNIT: TitleLevel.BASE,
    AuthorityLevel.STATE: TitleLevel.STATE,
}


def seed_certificates() -> list:
    """Returns the print batches made."""
    admin = User.objects.get(username="admin")
    IssuingAuthority.objects.get_or_create(
        name="Tổng Thanh tra Chính phủ",
        defaults={
            "heading": "TỔNG THANH TRA CHÍNH PHỦ",
            "level": AuthorityLevel.SECTOR,
            "symbol": "QĐ-TTCP",
            "place": "Hà Nội",
        },
    )
    for issuer in IssuingAuthority.objects.all():
        level = TITLE_LEVELS.get(issuer.level)
        for title in Title.objects.filter(level=level, is_active=True) if level else ():
            services.layout_ensure(authority=issuer, title=title, actor=admin)

    batches = []
    unprinted = (
        AwardDecision.objects.filter(status=DecisionStatus.RECORDED, certificate_batches=None)
        .filter(award_records__isnull=False)
        .distinct()
    )
    for decision in unprinted:
        batch = services.certificate_batch_start(decision=decision, actor=admin)
        printing.certificate_batch_render(batch_id=batch.pk)
        batches.append(batch)
    return batches

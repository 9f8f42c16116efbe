"""Reads for pledges and registrations, with what a user may see built in."""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet

from pledges.choices import PledgeStatus, RegistrationStatus
from pledges.models import (
    Commitment,
    Pledge,
    PledgeAttachment,
    PledgeParty,
    Registration,
    RegistrationItem,
    RegistrationRound,
    Signature,
    Title,
    TitleMultiplier,
)
from units.models import ClusterMembership
from units.selectors import roles_of


def _managed_years(roles):
    return roles.secretariat_cluster_year_ids


def pledges_visible_to(*, user) -> QuerySet:
    if not user.is_authenticated:
        return Pledge.objects.none()
    roles = roles_of(user)
    qs = Pledge.objects.select_related("cluster_year__cluster", "campaign", "host_unit")
    if roles.is_admin:
        return qs
    public = ~Q(status=PledgeStatus.DRAFT)
    if roles.is_sector_viewer:
        return qs.filter(public | Q(cluster_year_id__in=_managed_years(roles)))
    return qs.filter(
        Q(cluster_year_id__in=_managed_years(roles))
        | (public & Q(cluster_year_id__in=roles.member_cluster_year_ids))
    )


def pledge_list(*, user) -> QuerySet:
    return pledges_visible_to(user=user).order_by(
        "-cluster_year__year", "cluster_year__cluster__name", "title"
    )


def with_signing_counts(pledges) -> list:
    """The listed pledges with `party_count` and `signed_count`, read for these pledges only
    in one grouped query (counting over the whole list's join sorted 20,000 rows a page)."""
    pledges = list(pledges)
    counts = {
        row["pledge_id"]: row
        for row in PledgeParty.objects.filter(pledge__in=pledges)
        .values("pledge_id")
        .annotate(parties=Count("pk"), signed=Count("signature"))
        .order_by()
    }
    for pledge in pledges:
        row = counts.get(pledge.pk, {})
        pledge.party_count, pledge.signed_count = row.get("parties", 0), row.get("signed", 0)
    return pledges


def pledge_detail_queryset(*, user) -> QuerySet:
    return pledges_visible_to(user=user).prefetch_related(
        Prefetch(
            "commitments",
            queryset=Commitment.objects.prefetch_related("criteria").order_by("order", "pk"),
        ),
        Prefetch(
            "parties",
            # The parties of one pledge: the model's ordering by pledge would join two
            # more tables only to sort by values that are the same for every row.
            queryset=PledgeParty.objects.select_related("unit", "signature__recorded_by").order_by(
                "order", "unit_name"
            ),
        ),
        Prefetch("attachments", queryset=PledgeAttachment.objects.order_by("kind", "uploaded_at")),
    )


def signing_members(cluster_year, on_date):
    """Members expected to sign: in the cluster year and not gone by the given day."""
    memberships = ClusterMembership.objects.filter(cluster_year=cluster_year).select_related("unit")
    return [
        m.unit
        for m in memberships.order_by("unit__name")
        if (m.left_on is None or m.left_on >= on_date)
        and (m.joined_on is None or m.joined_on <= on_date)
    ]


def titles_for_registration() -> QuerySet:
    return Title.objects.filter(is_active=True).order_by("order", "code", "recipient")


def rounds_visible_to(*, user) -> QuerySet:
    if not user.is_authenticated:
        return RegistrationRound.objects.none()
    roles = roles_of(user)
    qs = RegistrationRound.objects.select_related("cluster_year__cluster", "campaign")
    if roles.is_admin or roles.is_sector_viewer:
        return qs
    return qs.filter(
        cluster_year_id__in=roles.secretariat_cluster_year_ids | roles.member_cluster_year_ids
    )


def registrations_visible_to(*, user) -> QuerySet:
    """Own units' registrations in any state; others' once submitted, to those who review them."""
    if not user.is_authenticated:
        return Registration.objects.none()
    roles = roles_of(user)
    qs = Registration.objects.select_related(
        "unit", "round__cluster_year__cluster", "round__campaign"
    )
    own = Q(unit_id__in=roles.member_unit_ids)
    not_draft = ~Q(status=RegistrationStatus.DRAFT)
    if roles.is_admin or roles.is_sector_viewer:
        return qs.filter(own | not_draft)
    return qs.filter(
        own | (not_draft & Q(round__cluster_year_id__in=roles.secretariat_cluster_year_ids))
    )


def registration_items(registration) -> list:
    return list(
        RegistrationItem.objects.filter(registration=registration)
        .select_related("title", "person")
        .order_by("person__full_name", "title__order", "pk")
    )


def round_overview(round_, *, with_items: bool = False) -> dict:
    """The consolidated table: per unit status and counts, and who has not registered.

    Drafts are the units' own work: they count as not registered yet. The page shows counts
    only, read grouped; the registered items themselves are read for the export.
    """
    members = signing_members(round_.cluster_year, round_.deadline)
    registrations = {
        r.unit_id: r
        for r in Registration.objects.filter(round=round_)
        .exclude(status=RegistrationStatus.DRAFT)
        .select_related("unit")
    }
    unit_of = {r.pk: r.unit_id for r in registrations.values()}
    counts = {
        (unit_of[registration_id], title_id): n
        for registration_id, title_id, n in RegistrationItem.objects.filter(
            registration_id__in=list(unit_of)
        )
        .values_list("registration_id", "title_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    items = (
        list(
            RegistrationItem.objects.filter(registration_id__in=list(unit_of))
            .select_related("title", "person", "registration__unit")
            .order_by("registration__unit__name", "person__full_name", "title__order")
        )
        if with_items
        else []
    )
    titles = [t for t in titles_for_registration() if any(k[1] == t.pk for k in counts)]
    units = sorted(
        {*(m for m in members), *(r.unit for r in registrations.values())}, key=lambda u: u.name
    )
    rows = [
        {
            "unit": unit,
            "registration": registrations.get(unit.pk),
            "counts": [counts.get((unit.pk, t.pk), 0) for t in titles],
            "total": sum(counts.get((unit.pk, t.pk), 0) for t in titles),
        }
        for unit in units
    ]
    return {
        "titles": titles,
        "rows": rows,
        "items": items,
        "totals": [sum(row["counts"][i] for row in rows) for i in range(len(titles))],
        "grand_total": sum(row["total"] for row in rows),
        "not_registered": [row["unit"] for row in rows if row["registration"] is None],
    }


def pending_signatures_for(*, user):
    """Open pledges that one of the user's led units has not signed yet."""
    roles = roles_of(user)
    if not roles.leader_unit_ids:
        return PledgeParty.objects.none()
    signed = Signature.objects.filter(party=OuterRef("pk"))
    return (
        PledgeParty.objects.filter(
            unit_id__in=roles.leader_unit_ids, pledge__status=PledgeStatus.OPEN
        )
        .exclude(Exists(signed))
        .select_related("pledge", "unit")
    )


def open_rounds_for(*, user, today) -> list[dict]:
    """Rounds where the user's units (officer/leader) still have to submit: one query."""
    roles = roles_of(user)
    unit_ids = roles.officer_unit_ids | roles.leader_unit_ids
    if not unit_ids:
        return []
    rounds = "cluster_year__registration_rounds"
    done = Registration.objects.filter(
        round_id=OuterRef(rounds), unit_id=OuterRef("unit_id")
    ).exclude(status__in=[RegistrationStatus.DRAFT, RegistrationStatus.RETURNED])
    return list(
        ClusterMembership.objects.filter(
            unit_id__in=unit_ids, **{f"{rounds}__deadline__gte": today}
        )
        .exclude(Exists(done))
        .values(
            "unit_id",
            "unit__short_name",
            round_id=F(rounds),
            title=F(f"{rounds}__title"),
            deadline=F(f"{rounds}__deadline"),
        )
        .order_by(f"{rounds}__deadline")
    )


# --- Dated reward multipliers ----------------------------------------------------------------


def title_multipliers() -> dict[int, list[TitleMultiplier]]:
    """{title id: [its multiplier periods, newest first]} in one query: load once, then
    `multiplier_on(..., multipliers=)` for every award of a page or an import."""
    periods = defaultdict(list)
    for row in TitleMultiplier.objects.order_by("title_id", "-valid_from"):
        periods[row.title_id].append(row)
    return dict(periods)


def multiplier_on(title, day: date, *, multipliers=None) -> TitleMultiplier | None:
    """The title's multiplier period in force on `day` (the decree then in force), or None."""
    if title is None or day is None:
        return None
    if multipliers is None:
        rows = TitleMultiplier.objects.filter(title=title).order_by("-valid_from")
    else:
        rows = multipliers.get(title.pk, [])
    for row in rows:
        if row.valid_from <= day and (row.valid_until is None or day <= row.valid_until):
            return row
    return None

"""What the cluster-year page of `units` links to in the later apps (registered when Django
starts, see apps.py): the year's campaigns, pledges and registration rounds, its ballots
and honour board, and for those who run the year its proposals, dossier, past awards and
the ministry statistics.

Three queries (campaigns, pledges, rounds the user may see), whatever the year holds.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from campaigns.selectors import campaigns_visible_to
from pledges.selectors import pledges_visible_to, rounds_visible_to
from units.year_links import YearLink, register_cluster_year_links


@register_cluster_year_links
def campaign_links(cluster_year, user):
    campaigns = (
        campaigns_visible_to(user=user)
        .filter(cluster_year=cluster_year)
        .only("pk", "title")
        .order_by("start_date", "pk")
    )
    return [
        YearLink(_("Campaign"), c.title, reverse("campaigns:campaign_detail", args=[c.pk]))
        for c in campaigns
    ]


@register_cluster_year_links
def pledge_links(cluster_year, user):
    pledges = pledges_visible_to(user=user).filter(cluster_year=cluster_year).order_by("pk")
    rounds = rounds_visible_to(user=user).filter(cluster_year=cluster_year).order_by("deadline")
    links = [
        YearLink(
            _("Emulation pledge"),
            p.title,
            reverse("pledges:pledge_detail", args=[p.pk]),
            status=p.status_choice,
        )
        for p in pledges
    ]
    links += [
        YearLink(
            _("Registration round"),
            _("%(title)s (deadline %(date)s)")
            % {"title": r.title, "date": r.deadline.strftime("%d/%m/%Y")},
            reverse("pledges:round_detail", args=[r.pk]),
        )
        for r in rounds
    ]
    return links


@register_cluster_year_links
def evaluation_links(cluster_year, user):
    links = [
        YearLink(
            _("Secret ballots"),
            _("Secret ballots of this cluster year"),
            reverse("evaluations:ballot_list") + f"?cluster_year={cluster_year.pk}",
        ),
        YearLink(
            _("Honour board"),
            _("Honour board"),
            reverse("evaluations:cluster_year_honour_board", args=[cluster_year.pk]),
        ),
    ]
    if user.has_perm("evaluations.prepare_dossier", cluster_year):
        links += [
            YearLink(
                _("Award proposals"),
                _("Proposals of the cluster"),
                reverse("evaluations:cluster_proposals", args=[cluster_year.pk]),
                runs=True,
            ),
            YearLink(
                _("Award dossier"),
                _("Award dossier (.zip)"),
                reverse("evaluations:cluster_year_dossier", args=[cluster_year.pk]),
                runs=True,
            ),
        ]
    if user.has_perm("evaluations.view_cluster_statistics", cluster_year):
        links.append(
            YearLink(
                _("Statistics"),
                _("Statistics for the Ministry of Home Affairs"),
                reverse("evaluations:statistics_cluster", args=[cluster_year.pk, "0601"]),
                runs=True,
            )
        )
    if user.has_perm("evaluations.import_awards"):
        links.append(
            YearLink(
                _("Past awards"),
                _("Import past awards from Excel"),
                reverse("evaluations:award_import"),
                runs=True,
            )
        )
    return links

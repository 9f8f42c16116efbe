"""The charts of the results pages (drawn by core.charts): a ranking by criteria group with its
bands, a phase's progress by state, a unit's scores and ranks over the years.

Plain data in, a `Chart` out: the views read the figures through the selectors.
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.charts import Bar, Chart, Mark
from evaluations.results.choices import Band as BandChoice
from evaluations.results.choices import SubmissionStatus

# The thresholds of the bands, as the rubric keeps them.
BAND_FIELDS = (
    (BandChoice.EXCELLENT, "band_excellent_from"),
    (BandChoice.GOOD, "band_good_from"),
    (BandChoice.COMPLETE, "band_complete_from"),
)


def band_marks(rubric) -> list[Mark]:
    if rubric is None:
        return []
    return [
        Mark(str(band.label), getattr(rubric, name))
        for band, name in BAND_FIELDS
        if getattr(rubric, name) is not None
    ]


def ranking_chart(rows, *, group_codes, groups) -> Chart:
    """`rows`: (rank, unit name, {group code: subtotal}, band label) in ranking order. The
    groups are named by their titles in the rubric (`groups`, with their rubric, which gives
    the bands' thresholds), by their code where the rubric lacks one."""
    titles = {g.code: g.title for g in groups}
    rubric = groups[0].rubric if groups else None
    bars = [
        Bar(
            label=f"{rank}. {name}",
            values=tuple(Decimal(groups.get(code, 0)) for code in group_codes),
            note=str(band),
        )
        for rank, name, groups, band in rows
    ]
    return Chart.horizontal(
        _("Total by criteria group"),
        [titles.get(code, code) for code in group_codes],
        bars,
        marks=tuple(band_marks(rubric)),
        total_label=_("Total"),
        note_label=_("Classification"),
        label_header=_("Unit"),
        # The band shows against the dashed lines (and in the table): the line ends with the total.
        ends_with="total",
    )


def progress_chart(counts: dict, *, expected: int) -> Chart:
    """A phase's results by state: `counts` {status: n} of the submissions, `expected` the
    number of participant units (those without results are "not started")."""
    started = sum(counts.values())
    submitted = started - counts.get(SubmissionStatus.DRAFT, 0)
    rows = [
        (pgettext("results progress", "Not started"), max(expected - started, 0)),
        *((str(status.label), counts.get(status.value, 0)) for status in SubmissionStatus),
    ]
    return Chart.horizontal(
        _("Results by state"),
        [_("Units")],
        [
            # Submitted at least once: whatever happened since (returned, accepted).
            Bar(
                _("Submitted in all"),
                (submitted,),
                note=_("%(done)d/%(expected)d submitted")
                % {"done": submitted, "expected": expected},
            ),
            *(
                Bar(label, (n,), note=_("%(n)d/%(of)d units") % {"n": n, "of": expected})
                for label, n in rows
            ),
        ],
        max_value=expected,
        note_label=_("Out of the participants"),
        label_header=_("State"),
    )


def unit_history_chart(ranks) -> Chart:
    """A unit's published ranks, oldest first: its total in each, then its rank. Bars across
    the page (not columns): phase names stay readable on a phone, however many years."""
    bars = [
        Bar(
            f"{entry.publication.phase.name} – {entry.publication.phase.campaign.title} "
            f"({entry.publication.phase.results_deadline.year})",
            (entry.total,),
            note=_("rank %(rank)d/%(of)d") % {"rank": entry.rank, "of": entry.out_of},
        )
        for entry in ranks
    ]
    return Chart.horizontal(
        _("Total and rank in each published ranking"),
        [_("Total")],
        bars,
        note_label=_("Rank"),
        label_header=_("Phase"),
        ends_with="both",
    )

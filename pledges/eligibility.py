"""Eligibility rules of DOMAIN.md, in one place: registration warnings now, award
proposals later (the evaluations app reuses these functions and supplies the award
history through `register_history_provider`).

Each finding names its rule and legal source so the user sees why.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    source: str
    blocking: bool = False  # a hard rule blocks an award proposal; at registration all warn


# A provider returns {person_id: {year: {title codes}}} of awards actually received.
_history_providers = []


def register_history_provider(provider):
    _history_providers.append(provider)
    return provider


def award_history(person_ids, years) -> dict:
    history = defaultdict(lambda: defaultdict(set))
    for provider in _history_providers:
        for person_id, by_year in provider(person_ids=person_ids, years=years).items():
            for year, codes in by_year.items():
                history[person_id][year] |= set(codes)
    return history


def _years_without(history, code, years):
    return [y for y in years if code not in history.get(y, set())]


def person_findings(*, title_code: str, year: int, same_year_codes: set, history: dict) -> list:
    """Findings for one person aiming for `title_code` in `year`.

    `same_year_codes`: titles registered for the same person in the same registration;
    `history`: {year: {codes}} of awards the person (or, after a merger, their unit) holds.
    """
    findings = []
    this_year = same_year_codes | history.get(year, set())
    if title_code == "CSTDCS" and "LDTT" not in this_year:
        findings.append(
            Finding(
                "R1",
                _(
                    "Chiến sĩ thi đua cơ sở requires Lao động tiên tiến in the same year: "
                    "register it too."
                ),
                _("Law on Emulation and Commendation 2022, Art. 23"),
            )
        )
    if title_code == "CSTD_NGANH":
        missing = _years_without(history, "CSTDCS", range(year - 3, year))
        if missing:
            findings.append(
                Finding(
                    "R3",
                    _(
                        "The sector's emulation fighter title requires Chiến sĩ thi đua cơ sở in "
                        "each of the 3 previous years; none is recorded for %(years)s."
                    )
                    % {"years": ", ".join(str(y) for y in missing)},
                    _("Law on Emulation and Commendation 2022, Art. 22"),
                )
            )
    if title_code == "CSTD_TQ":
        held = sum(1 for codes in history.values() if "CSTD_NGANH" in codes)
        if held < 2:
            findings.append(
                Finding(
                    "R4",
                    _(
                        "The national emulation fighter title requires the sector's emulation "
                        "fighter title twice in a row; %(count)d recorded."
                    )
                    % {"count": held},
                    _("Law on Emulation and Commendation 2022, Art. 21"),
                )
            )
    if title_code == "BK_TTCP":
        missing = _years_without(history, "CSTDCS", range(year - 2, year))
        if missing:
            findings.append(
                Finding(
                    "R7",
                    _(
                        "The Inspector General's certificate of merit needs Chiến sĩ thi đua cơ sở "
                        "in the 2 previous years (or 2 excellent years with 2 unused initiatives); "
                        "none is recorded for %(years)s."
                    )
                    % {"years": ", ".join(str(y) for y in missing)},
                    _("Law on Emulation and Commendation 2022, Art. 74"),
                )
            )
    if title_code == "BK_TTG":
        earlier = {code for y, codes in history.items() if y < year for code in codes}
        cstdcs = sum(
            1 for y, codes in history.items() if year - 5 <= y < year and "CSTDCS" in codes
        )
        if "BK_TTCP" not in earlier or cstdcs < 3:
            findings.append(
                Finding(
                    "R8",
                    _(
                        "The Prime Minister's certificate of merit needs an earlier ministry-level "
                        "certificate and 3 Chiến sĩ thi đua cơ sở titles in the last 5 years."
                    ),
                    _("Law on Emulation and Commendation 2022, Art. 73"),
                )
            )
    return findings


def registration_findings(registration, items) -> dict:
    """{item pk: [Finding]} for a registration's person items, with one history lookup."""
    year = registration.round.cluster_year.year
    person_items = [item for item in items if item.person_id]
    codes_by_person = defaultdict(set)
    for item in person_items:
        codes_by_person[item.person_id].add(item.title.code)
    history = award_history(person_ids=list(codes_by_person), years=range(year - 6, year + 1))
    return {
        item.pk: person_findings(
            title_code=item.title.code,
            year=year,
            same_year_codes=codes_by_person[item.person_id],
            history=history.get(item.person_id, {}),
        )
        for item in person_items
    }

"""The cluster-year page's links to what later apps keep about the year: its campaigns,
pledge, registration rounds, ballots, honour board, proposals and dossier.

`units` imports none of those apps: each registers a provider when Django starts
(`evaluations/apps.py`), as the dashboard's items do (`units.dashboard`).
"""

from dataclasses import dataclass

_providers = []


@dataclass(frozen=True)
class YearLink:
    kind: str  # what the link leads to ("Pledge"), shown before the text
    text: str
    url: str
    status: object = None  # a status choice, shown as a badge, when the object has one
    runs: bool = False  # a tool for the people who run the year (shown apart)


def register_cluster_year_links(provider):
    """`provider(cluster_year, user) -> list[YearLink]`, the links `user` may follow; each
    provider costs a constant number of queries, whatever the year holds."""
    _providers.append(provider)
    return provider


def cluster_year_links(*, cluster_year, user) -> list[YearLink]:
    """Every registered provider's links, in the order they registered."""
    return [link for provider in _providers for link in provider(cluster_year, user)]

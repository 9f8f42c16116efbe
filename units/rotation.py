"""Next year's chair and vice-chair (cụm trưởng, cụm phó), by rotation.

DOMAIN.md: the members elect the head and the deputy in rotation at the year-end review,
and the head's unit is the secretariat for the year. The application proposes the usual
outcome and the secretariat adjusts it before saving the new year. The rule proposed:

- The members, in the order the cluster-year page lists them (by unit name), form a circle.
- The vice-chair of year N becomes the chair of year N+1. When year N had no vice-chair,
  or it is no longer a member, the member after year N's chair in the circle does.
- The vice-chair of year N+1 is the member after the new chair in the circle, passing over
  year N's chair, who has just served (a cluster of two members has no one else, and takes
  it back).

A unit merged into another (the 2025 mergers) is followed to its successor before the rule
is applied, so the successor inherits the turn.
"""


def _key(unit):
    return (unit.name, unit.pk)


def circle_after(order: list, unit) -> list:
    """The members in circle order, starting with the one after `unit` (which need not be a
    member any more: the circle starts where it would stand)."""
    if unit is None:
        return list(order)
    later = [u for u in order if _key(u) > _key(unit)]
    earlier = [u for u in order if _key(u) < _key(unit)]
    return later + earlier


def rotate(members, chair, vice_chair) -> tuple:
    """(new chair, new vice-chair) of next year, from this year's members (next year's,
    already carried over), chair and vice-chair; None where no member is left."""
    order = sorted(members, key=_key)
    if not order:
        return None, None
    if vice_chair is not None and vice_chair in order:
        new_chair = vice_chair
    else:
        new_chair = next(iter(circle_after(order, chair)), None) or order[0]
    others = [u for u in circle_after(order, new_chair) if u != new_chair]
    new_vice = next((u for u in others if u != chair), None) or next(iter(others), None)
    return new_chair, new_vice

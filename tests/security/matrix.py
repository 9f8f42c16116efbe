"""The permission matrix: for every named URL, who gets what.

`test_permission_matrix.py` walks the URL configuration. Every named URL must
have an entry in `MATRIX` below, or be listed in `EXCLUDED` with the reason;
a new URL without either fails the test with a message pointing here.

How to add an entry
-------------------
Add a line to `MATRIX` under the URL's name ("app:name"):

    "evaluations:ballot_detail": Entry(
        obj="ballot",                 # a key of the world (tests/security/world.py)
        get="login 404 200 404 404 200 404 200",
        other="login 404 404 200 404 200 404 200",
        post="login 403 ...",         # only for views that accept POST
    ),

- Outcomes are eight words, one per role, in the order of `ROLES`:

      anonymous officer leader other_officer outsider secretariat viewer admin

  (`officer`/`leader`: of our unit; `other_officer`: another unit of the same
  cluster year; `outsider`: a unit outside the cluster; `secretariat`: of our
  cluster year, a staff member of the other unit; `viewer`: sector-wide;
  `admin`: sector administrator.)
- Words: `200`, `login` (302 to the sign-in page), `302` (a redirect anywhere
  else), `403`, `404`, `405`, `400`.
- `obj` names the object the URL takes; the world holds an "own" one (our unit's,
  or our cluster year's) and an "other" one (the other unit's, or another cluster's
  for cluster-owned objects). `get` is for the own object, `other` for the other
  one. Without `obj`, only `get` (and `post`) apply.
- `kwargs(obj)` builds the URL's keyword arguments when they are not `{"pk": obj.pk}`.
- `post`/`post_other`: an empty POST (no form data; `data={"action": "save"}` when the
  view dispatches on an action field). Use it for every view that changes state; a
  refused POST (403/404/login/405) must leave no audit entry. Each request runs in its
  own savepoint, so a POST that succeeds (a delete) does not change the next role's view.
- To see what a new URL answers today, run the module with `MATRIX_DUMP=/tmp/matrix.txt`:
  it writes the observed outcomes (and problems) instead of failing. Then write the
  entry you want, which is not always what you observed.
- A new kind of object: add it to both sides in `world.build_world()`; give
  private content a marker string and list who may read it in `world.SECRETS`.
  Every page of the matrix is searched for every marker.

Write the outcome you want, not the one you observe: the table is the
specification; a surprising observation is a bug to fix or a decision to note.
"""

from collections.abc import Callable
from dataclasses import dataclass

from tests.security.world import ROLES

OUTCOMES = {"200", "302", "login", "400", "403", "404", "405"}


@dataclass(frozen=True)
class Entry:
    get: str
    other: str | None = None
    post: str | None = None
    post_other: str | None = None
    obj: str | None = None
    kwargs: Callable | None = None
    data: dict | None = None  # the POST's form data; empty unless the view needs an action
    note: str = ""

    def outcomes(self, method: str, side: str) -> dict | None:
        text = {
            ("get", "own"): self.get,
            ("get", "other"): self.other,
            ("post", "own"): self.post,
            ("post", "other"): self.post_other,
        }[(method, side)]
        if text is None:
            return None
        words = text.split()
        assert len(words) == len(ROLES), f"{text!r}: give {len(ROLES)} outcomes, one per role"
        assert set(words) <= OUTCOMES, f"{text!r}: outcomes are {sorted(OUTCOMES)}"
        return dict(zip(ROLES, words, strict=True))

    def url_kwargs(self, obj) -> dict:
        if self.kwargs:
            return self.kwargs(obj)
        return {} if obj is None else {"pk": obj.pk}


# URLs the matrix does not cover, each with its reason.
EXCLUDED = {
    "admin:": "the Django admin has its own site-wide check (ThiduaAdminSite.has_permission, "
    "tests/units/test_admin.py) and the audit admin is tested in tests/security/test_audit_log.py",
    "set_language": "Django's language switch: no data, answers everyone by design",
}


def _unit(obj):
    return {"unit_pk": obj.pk}


def _cluster_year(obj):
    return {"cluster_pk": obj.cluster_id, "year": obj.year}


def _event(obj):
    return {"event_pk": obj.pk}


def _reset(obj):
    return {"uidb64": "MQ", "token": "set-password"}


def _decision_document(obj):
    return {"pk": obj.pk, "document": "decision"}


def _register(obj):
    return {"pk": obj.pk, "year": 2025}


def _archive(obj):
    return {"pk": obj.pk, "action": "archive"}


# Recording the council's decision: POST action=approve (with the decision's number and
# date) on `evaluations:proposal`, for a FORWARDED proposal of our unit (the world's
# proposals are drafts, where nobody decides). Only sector administrators, as the sector
# council's secretariat; the cluster secretariat, the proposing side, is refused (README,
# "Roles and permissions"). Walked by tests/evaluations/proposals/test_decide.py.
DECIDE_PROPOSAL = Entry(
    obj="proposal",
    get="login 200 200 404 404 200 404 200",
    post="login 403 403 404 404 403 404 302",
    data={"action": "approve"},
)

# Words per role: anonymous officer leader other_officer outsider secretariat viewer admin
MATRIX: dict[str, Entry] = {
    # project -------------------------------------------------------------------------
    "dashboard": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "login": Entry(
        get="200 302 302 302 302 302 302 302",
        post="200 302 302 302 302 302 302 302",
    ),
    "logout": Entry(
        get="405 405 405 405 405 405 405 405",
        post="login login login login login login login login",
    ),
    "password_change": Entry(
        get="login 200 200 200 200 200 200 200",
        post="login 200 200 200 200 200 200 200",
    ),
    "password_change_done": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "password_reset": Entry(
        get="200 200 200 200 200 200 200 200",
        post="200 200 200 200 200 200 200 200",
    ),
    "password_reset_done": Entry(
        get="200 200 200 200 200 200 200 200",
    ),
    "password_reset_confirm": Entry(
        kwargs=_reset,
        get="200 200 200 200 200 200 200 200",
    ),
    "password_reset_complete": Entry(
        get="200 200 200 200 200 200 200 200",
    ),
    "healthz": Entry(
        get="200 200 200 200 200 200 200 200",
    ),
    # units ---------------------------------------------------------------------------
    "units:unit_list": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "units:unit_detail": Entry(
        obj="unit",
        get="login 200 200 200 200 200 200 200",
        other="login 200 200 200 200 200 200 200",
    ),
    "units:person_add": Entry(
        kwargs=_unit,
        obj="unit",
        get="login 200 200 403 403 403 403 200",
        other="login 403 403 200 403 403 403 200",
        post="login 200 200 403 403 403 403 200",
        post_other="login 403 403 200 403 403 403 200",
    ),
    "units:staff_import": Entry(
        kwargs=_unit,
        obj="unit",
        get="login 200 200 403 403 403 403 200",
        other="login 403 403 200 403 403 403 200",
        post="login 200 200 403 403 403 403 200",
        post_other="login 403 403 200 403 403 403 200",
    ),
    "units:staff_import_template": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "units:person_edit": Entry(
        obj="person",
        get="login 200 200 404 404 403 404 200",
        other="login 404 404 200 404 403 404 200",
        post="login 200 200 404 404 403 404 200",
        post_other="login 404 404 200 404 403 404 200",
    ),
    "units:cluster_list": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "units:cluster_detail": Entry(
        obj="cluster",
        get="login 200 200 200 200 200 200 200",
        other="login 200 200 200 200 200 200 200",
    ),
    "units:cluster_year_detail": Entry(
        kwargs=_cluster_year,
        obj="cluster_year",
        get="login 200 200 200 200 200 200 200",
        other="login 200 200 200 200 200 200 200",
    ),
    "units:cluster_year_roll_forward": Entry(
        kwargs=_cluster_year,
        obj="cluster_year",
        get="login 403 403 403 403 200 403 200",
        other="login 403 403 403 403 403 403 200",
        post="login 403 403 403 403 200 403 200",
        post_other="login 403 403 403 403 403 403 200",
        note="the empty POST is refused by the form (200, nothing written)",
    ),
    "units:audit_log": Entry(
        get="login 200 200 200 200 200 200 200",
        note="each role reads its own units' entries; markers prove nothing private leaks",
    ),
    "units:account": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    # notifications -------------------------------------------------------------------
    "notifications:list": Entry(
        get="login 200 200 200 200 200 200 200",
        note="each user lists their own; the markers prove nobody reads another's",
    ),
    "notifications:read": Entry(
        obj="notification",
        get="login 405 405 405 405 405 405 405",
        other="login 405 405 405 405 405 405 405",
        post="login 302 404 404 404 404 404 404",
        post_other="login 404 404 302 404 404 404 404",
        note="the recipient's alone: anyone else, an administrator too, gets 404",
    ),
    "notifications:read_all": Entry(
        get="login 405 405 405 405 405 405 405",
        post="login 302 302 302 302 302 302 302",
        note="marks the user's own only",
    ),
    "notifications:email": Entry(
        get="login 405 405 405 405 405 405 405",
        post="login 302 302 302 302 302 302 302",
        note="the user's own e-mail switch",
    ),
    # campaigns -----------------------------------------------------------------------
    "campaigns:campaign_list": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "campaigns:campaign_add": Entry(
        get="login 403 403 403 403 200 403 200",
        post="login 403 403 403 403 200 403 200",
    ),
    "campaigns:campaign_detail": Entry(
        obj="campaign",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "campaigns:campaign_edit": Entry(
        obj="campaign",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
        post="login 403 403 403 404 200 403 200",
        post_other="login 404 404 404 403 404 403 200",
    ),
    "campaigns:campaign_document": Entry(
        obj="campaign",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "campaigns:rubric_add": Entry(
        obj="campaign",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
        post="login 403 403 403 404 302 403 302",
        post_other="login 404 404 404 403 404 403 302",
    ),
    "campaigns:event_add": Entry(
        obj="campaign",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
        post="login 403 403 403 404 200 403 200",
        post_other="login 404 404 404 403 404 403 200",
    ),
    "campaigns:rubric_detail": Entry(
        obj="rubric",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "campaigns:rubric_edit": Entry(
        obj="rubric",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
        post="login 403 403 403 404 200 403 200",
        post_other="login 404 404 404 403 404 403 200",
    ),
    "campaigns:rubric_new_version": Entry(
        obj="rubric",
        get="login 405 405 405 405 405 405 405",
        other="login 405 405 405 405 405 405 405",
        post="login 403 403 403 404 403 403 403",
        post_other="login 404 404 404 403 404 403 403",
    ),
    "campaigns:rubric_export": Entry(
        obj="rubric",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "campaigns:rubric_import": Entry(
        obj="rubric",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
        post="login 403 403 403 404 200 403 200",
        post_other="login 404 404 404 403 404 403 200",
    ),
    "campaigns:event_detail": Entry(
        obj="event",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
        post="login 403 403 403 404 200 403 200",
        post_other="login 404 404 404 403 404 403 200",
    ),
    "campaigns:event_edit": Entry(
        kwargs=_event,
        obj="event",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
        post="login 403 403 403 404 200 403 200",
        post_other="login 404 404 404 403 404 403 200",
    ),
    "campaigns:event_delete": Entry(
        obj="event",
        get="login 405 405 405 405 405 405 405",
        other="login 405 405 405 405 405 405 405",
        post="login 403 403 403 404 302 403 302",
        post_other="login 404 404 404 403 404 403 302",
    ),
    "campaigns:attachment": Entry(
        obj="attachment",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "campaigns:attachment_thumbnail": Entry(
        obj="attachment",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "campaigns:attachment_delete": Entry(
        obj="attachment",
        get="login 405 405 405 405 405 405 405",
        other="login 405 405 405 405 405 405 405",
        post="login 403 403 403 404 302 403 302",
        post_other="login 404 404 404 403 404 403 302",
    ),
    "campaigns:agenda": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    # pledges -------------------------------------------------------------------------
    "pledges:pledge_list": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "pledges:pledge_add": Entry(
        get="login 403 403 403 403 200 403 200",
        post="login 403 403 403 403 200 403 200",
    ),
    "pledges:pledge_detail": Entry(
        obj="pledge",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
        post="login 403 403 403 404 200 403 200",
        post_other="login 404 404 404 403 404 403 200",
    ),
    "pledges:pledge_edit": Entry(
        obj="draft_pledge",
        get="login 404 404 404 404 200 404 200",
        other="login 404 404 404 404 404 404 200",
        post="login 404 404 404 404 200 404 200",
        post_other="login 404 404 404 404 404 404 200",
    ),
    "pledges:pledge_action": Entry(
        kwargs=_archive,
        obj="pledge",
        get="login 405 405 405 405 405 405 405",
        other="login 405 405 405 405 405 405 405",
        post="login 403 403 403 404 302 403 302",
        post_other="login 404 404 404 403 404 403 302",
    ),
    "pledges:pledge_sign": Entry(
        obj="pledge",
        get="login 403 200 403 404 403 403 403",
        other="login 404 404 404 403 404 403 403",
        post="login 403 200 403 404 403 403 403",
        post_other="login 404 404 404 403 404 403 403",
    ),
    "pledges:pledge_record": Entry(
        obj="pledge",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
        post="login 403 403 403 404 200 403 200",
        post_other="login 404 404 404 403 404 403 200",
    ),
    "pledges:pledge_docx": Entry(
        obj="pledge",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "pledges:pledge_file": Entry(
        obj="pledge_file",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "pledges:pledge_file_thumbnail": Entry(
        obj="pledge_file",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "pledges:round_list": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "pledges:round_add": Entry(
        get="login 403 403 403 403 200 403 200",
        post="login 403 403 403 403 200 403 200",
    ),
    "pledges:round_detail": Entry(
        obj="round",
        get="login 302 302 302 404 200 200 200",
        other="login 404 404 404 302 404 200 200",
    ),
    "pledges:round_export": Entry(
        obj="round",
        get="login 403 403 403 404 200 200 200",
        other="login 404 404 404 403 404 200 200",
    ),
    "pledges:my_registration": Entry(
        obj="round",
        get="login 302 302 302 404 403 403 403",
        other="login 404 404 404 200 404 403 403",
        post="login 302 302 302 404 403 403 403",
        post_other="login 404 404 404 302 404 403 403",
    ),
    "pledges:registration_detail": Entry(
        obj="registration",
        data={"action": "save"},
        get="login 200 200 404 404 404 404 404",
        other="login 404 404 200 404 200 404 404",
        post="login 200 200 404 404 404 404 404",
        post_other="login 404 404 200 404 403 404 404",
    ),
    # evaluations ---------------------------------------------------------------------
    "evaluations:phase_results": Entry(
        obj="phase",
        get="login 302 302 302 404 200 302 200",
        other="login 404 404 404 200 404 302 200",
        post="login 302 302 302 404 403 403 403",
        post_other="login 404 404 404 302 404 403 403",
    ),
    "evaluations:ranking": Entry(
        obj="phase",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
        post="login 403 403 403 404 302 403 302",
        post_other="login 404 404 404 403 404 403 302",
    ),
    "evaluations:campaign_ranking": Entry(
        obj="campaign",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    "evaluations:ranking_export": Entry(
        obj="phase",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
    ),
    "evaluations:submission": Entry(
        obj="submission",
        data={"action": "save"},
        get="login 200 200 404 404 404 404 404",
        other="login 404 404 200 404 200 404 404",
        post="login 200 200 404 404 404 404 404",
        post_other="login 404 404 200 404 403 404 404",
    ),
    "evaluations:extension_request": Entry(
        obj="phase",
        get="login 200 200 200 404 403 403 403",
        other="login 404 404 404 200 404 403 403",
        post="login 200 200 200 404 403 403 403",
        post_other="login 404 404 404 200 404 403 403",
        note="a unit's officer or leader asks for its own unit; the empty form is shown again",
    ),
    "evaluations:extension_decision": Entry(
        obj="extension_request",
        data={"action": "grant"},
        get="login 403 403 404 404 200 404 200",
        other="login 404 404 403 404 200 404 200",
        post="login 403 403 404 404 302 404 302",
        post_other="login 404 404 403 404 302 404 302",
    ),
    "evaluations:evidence": Entry(
        obj="evidence",
        get="login 200 200 404 404 404 404 404",
        other="login 404 404 200 404 200 404 404",
    ),
    "evaluations:evidence_thumbnail": Entry(
        obj="evidence",
        get="login 200 200 404 404 404 404 404",
        other="login 404 404 200 404 200 404 404",
    ),
    "evaluations:unit_results": Entry(
        obj="unit",
        get="login 200 200 200 200 200 200 200",
        other="login 200 200 200 200 200 200 200",
    ),
    "evaluations:cross_scoring": Entry(
        obj="submission",
        get="login 404 404 404 404 404 404 404",
        other="login 404 404 404 404 404 404 404",
        note="drafts: nobody is asked to score them (submitted results: test_cross_scoring.py)",
    ),
    "evaluations:cross_score": Entry(
        obj="cross_assignment",
        get="login 404 404 404 404 404 404 404",
        other="login 404 404 404 404 404 404 404",
        note="the assignments point at drafts, which no sheet shows (see test_cross_scoring.py)",
    ),
    "evaluations:score_matrix": Entry(
        obj="phase",
        get="login 403 403 403 404 200 403 200",
        other="login 404 404 404 403 404 403 200",
    ),
    "evaluations:proposal_list": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "evaluations:proposal_create": Entry(
        get="login 200 200 200 200 200 404 404",
        post="login 200 200 200 200 200 404 404",
    ),
    "evaluations:proposal": Entry(
        obj="proposal",
        get="login 200 200 404 404 404 404 404",
        other="login 404 404 200 404 200 404 404",
        post="login 404 404 404 404 404 404 404",
        post_other="login 404 404 404 404 404 404 404",
        note=(
            "the world's proposals are drafts: their unit's own until submitted (the"
            " secretariat reads the other one as a member of the other unit). "
            "An empty POST names no action: 404. Recording the council's decision (action"
            " approve/reject) is for sector administrators only, as the council's secretariat,"
            " never the cluster secretariat (README, Roles and permissions; the decide rows of"
            " tests/evaluations/proposals/test_rules.py); see DECIDE_PROPOSAL above"
        ),
    ),
    "evaluations:proposal_edit": Entry(
        obj="proposal",
        get="login 200 200 404 404 404 404 404",
        other="login 404 404 200 404 403 404 404",
        post="login 200 200 404 404 404 404 404",
        post_other="login 404 404 200 404 403 404 404",
    ),
    "evaluations:proposal_file": Entry(
        obj="proposal_file",
        get="login 200 200 404 404 404 404 404",
        other="login 404 404 200 404 200 404 404",
    ),
    "evaluations:nominee_list_create": Entry(
        get="login 200 200 200 200 200 404 404",
        post="login 200 200 200 200 200 404 404",
        note="as a new proposal: whoever may propose; an empty form is shown again",
    ),
    "evaluations:nominee_list_template": Entry(
        get="login 200 200 200 200 200 200 200",
        note="the empty template: no data",
    ),
    "evaluations:nominee_list": Entry(
        obj="nominee_list",
        get="login 200 200 404 404 404 404 404",
        other="login 404 404 200 404 200 404 404",
        post="login 302 302 404 404 404 404 404",
        post_other="login 404 404 302 404 403 404 404",
        data={"action": "submit"},
        note="a list of drafts is its unit's own, as a draft proposal (the secretariat works "
        "in the other unit); only the proposer's side submits it",
    ),
    "evaluations:cluster_proposals": Entry(
        obj="cluster_year",
        get="login 404 404 404 404 200 404 200",
        other="login 404 404 404 404 404 404 200",
    ),
    "evaluations:ballot_list": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "evaluations:ballot_create": Entry(
        get="login 403 403 403 403 200 403 200",
        post="login 403 403 403 403 200 403 200",
    ),
    "evaluations:ballot_detail": Entry(
        obj="ballot",
        get="login 200 200 200 404 200 404 200",
        other="login 404 404 404 200 404 404 200",
        post="login 404 404 404 404 404 404 404",
        post_other="login 404 404 404 404 404 404 404",
        note="an empty POST names no action: 404",
    ),
    "evaluations:ballot_edit": Entry(
        obj="ballot",
        get="login 403 403 403 404 403 404 403",
        other="login 404 404 404 403 404 404 403",
        post="login 403 403 403 404 403 404 403",
        post_other="login 404 404 404 403 404 404 403",
        note="the world's ballots are open: editing is over",
    ),
    "evaluations:ballot_vote": Entry(
        obj="ballot",
        get="login 403 200 403 404 403 404 403",
        other="login 404 404 404 403 404 404 403",
        post="login 403 200 403 404 403 404 403",
        post_other="login 404 404 404 403 404 404 403",
        note="an empty POST lacks the voter's confirmation: the ballot paper comes back",
    ),
    "evaluations:ballot_paper": Entry(
        obj="ballot",
        get="login 403 403 403 404 200 404 200",
        other="login 404 404 404 403 404 404 200",
        post="login 403 403 403 404 200 404 200",
        post_other="login 404 404 404 403 404 404 200",
    ),
    "evaluations:ballot_minutes": Entry(
        obj="ballot",
        get="login 403 403 403 404 403 404 403",
        other="login 404 404 404 403 404 404 403",
        note="minutes exist once the ballot is closed",
    ),
    "evaluations:ballot_question_edit": Entry(
        obj="question",
        get="login 403 403 403 404 403 404 403",
        other="login 404 404 404 403 404 404 403",
        post="login 403 403 403 404 403 404 403",
        post_other="login 404 404 404 403 404 404 403",
        note="the world's ballots are open: editing is over",
    ),
    "evaluations:unit_awards": Entry(
        obj="unit",
        get="login 200 200 200 200 200 200 200",
        other="login 200 200 200 200 200 200 200",
        note="award decisions are public; amounts: test_award_history.py",
    ),
    "evaluations:person_awards": Entry(
        obj="person",
        get="login 200 200 404 404 200 404 200",
        other="login 404 404 200 404 200 404 200",
    ),
    "evaluations:award_import": Entry(
        get="login 403 403 403 403 200 403 200",
        post="login 403 403 403 403 200 403 200",
    ),
    "evaluations:award_import_template": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "evaluations:campaign_honour_board": Entry(
        obj="campaign",
        get="login 200 200 200 404 200 200 200",
        other="login 404 404 404 200 404 200 200",
    ),
    # Award decisions: "own" is recorded (a public act), "other" a draft (the sector
    # administrators' working paper). Only the administrators draft, record, correct, revoke
    # and download the documents (evaluations/decisions/rules.py). An empty POST to a form
    # they may use shows the form again (200).
    "evaluations:decision_list": Entry(get="login 200 200 200 200 200 200 200"),
    "evaluations:decision": Entry(
        obj="decision",
        get="login 200 200 200 200 200 200 200",
        other="login 404 404 404 404 404 404 200",
    ),
    "evaluations:decision_record": Entry(
        obj="decision",
        get="login 403 403 403 403 403 403 403",
        other="login 404 404 404 404 404 404 200",
        post="login 403 403 403 403 403 403 403",
        post_other="login 404 404 404 404 404 404 200",
    ),
    "evaluations:decision_correct": Entry(
        obj="decision",
        get="login 403 403 403 403 403 403 200",
        other="login 404 404 404 404 404 404 403",
        post="login 403 403 403 403 403 403 200",
        post_other="login 404 404 404 404 404 404 403",
    ),
    "evaluations:decision_revoke": Entry(
        obj="decision",
        get="login 403 403 403 403 403 403 200",
        other="login 404 404 404 404 404 404 403",
        post="login 403 403 403 403 403 403 200",
        post_other="login 404 404 404 404 404 404 403",
    ),
    "evaluations:decision_discard": Entry(
        obj="decision",
        get="login 405 405 405 405 405 405 405",
        other="login 405 405 405 405 405 405 405",
        post="login 403 403 403 403 403 403 403",
        post_other="login 404 404 404 404 404 404 302",
    ),
    "evaluations:decision_document": Entry(
        obj="decision",
        kwargs=_decision_document,
        get="login 403 403 403 403 403 403 200",
        other="login 404 404 404 404 404 404 200",
    ),
    "evaluations:decision_draft": Entry(
        obj="cluster_year",
        get="login 403 403 403 403 403 403 200",
        other="login 403 403 403 403 403 403 200",
        post="login 403 403 403 403 403 403 200",
        post_other="login 403 403 403 403 403 403 200",
    ),
    "evaluations:decision_register": Entry(
        obj="authority",
        kwargs=_register,
        get="login 200 200 200 200 200 200 200",
        other="login 200 200 200 200 200 200 200",
    ),
    "evaluations:cluster_year_honour_board": Entry(
        obj="cluster_year",
        get="login 200 200 200 200 200 200 200",
        other="login 200 200 200 200 200 200 200",
    ),
    "evaluations:award_lookup": Entry(
        get="login 200 200 200 200 200 200 200",
        note="award decisions are public; amounts per unit: awards/test_lookup.py",
    ),
    "evaluations:award_lookup_xlsx": Entry(
        get="login 302 302 302 302 302 302 302",
        note="without a criterion: back to the lookup with a message; amounts: test_lookup.py",
    ),
    "units:search": Entry(
        get="login 200 200 200 200 200 200 200",
        note="finds only what the user may see: tests/units/test_search.py",
    ),
    "units:pick_units": Entry(
        get="login 200 200 200 200 200 200 200",
        kwargs=lambda obj: {"purpose": "active"},
        note="options scoped per purpose: tests/units/test_pickers.py",
    ),
    "units:pick_people": Entry(
        get="login 200 200 200 200 200 200 200",
        kwargs=lambda obj: {"purpose": "proposal"},
        note="only the staff the user may propose: tests/units/test_pickers.py",
    ),
    # Certificates: the issuing office's work (sector administrators); the awards stay public.
    "evaluations:decision_certificates": Entry(
        obj="certificate_decision",
        get="login 403 403 403 403 403 403 200",
        other="login 403 403 403 403 403 403 200",
        post="login 403 403 403 403 403 403 302",
        post_other="login 403 403 403 403 403 403 302",
        note="a decision is a public act: 403, not 404; the admin's POST queues a batch",
    ),
    "evaluations:certificate_batch": Entry(
        obj="certificate_batch",
        get="login 403 403 403 403 403 403 200",
        other="login 403 403 403 403 403 403 200",
    ),
    "evaluations:certificate_batch_download": Entry(
        obj="certificate_batch",
        get="login 403 403 403 403 403 403 404",
        other="login 403 403 403 403 403 403 404",
        note="the world's batches are unfinished: no file yet (downloads: test_printing.py)",
    ),
    "evaluations:certificate_reprint": Entry(
        obj="certificate",
        get="login 403 403 403 403 403 403 200",
        other="login 403 403 403 403 403 403 200",
        post="login 403 403 403 403 403 403 200",
        post_other="login 403 403 403 403 403 403 200",
        note="an empty POST has no reason: the form again, nothing recorded",
    ),
    "evaluations:certificate_layouts": Entry(get="login 403 403 403 403 403 403 200"),
    "evaluations:certificate_layout_calibration": Entry(
        obj="certificate_layout",
        get="login 403 403 403 403 403 403 200",
        other="login 403 403 403 403 403 403 200",
    ),
    "evaluations:cluster_year_dossier": Entry(
        obj="cluster_year",
        get="login 403 403 403 403 302 403 302",
        other="login 403 403 403 403 403 403 302",
        note="no endorsed proposal yet: the secretariat is sent back with a message",
    ),
    # Ministry statistics (evaluations/statistics): forms 0601–0605 per unit, cluster year, sector.
    "evaluations:statistics": Entry(
        get="login 200 200 200 200 200 200 200",
    ),
    "evaluations:statistics_sector": Entry(
        kwargs=lambda obj: {"year": 2025, "form": "0603"},
        get="login 403 403 403 403 403 200 200",
    ),
    "evaluations:statistics_sector_xlsx": Entry(
        kwargs=lambda obj: {"year": 2025, "form": "0603"},
        get="login 403 403 403 403 403 200 200",
    ),
    "evaluations:statistics_unit": Entry(
        kwargs=lambda obj: {"year": 2025, "pk": obj.pk, "form": "0603"},
        obj="unit",
        get="login 200 200 403 403 200 200 200",
        other="login 403 403 200 403 200 200 200",
        note="units are shared master data: a stranger learns nothing but is refused (403)",
    ),
    "evaluations:statistics_unit_xlsx": Entry(
        kwargs=lambda obj: {"year": 2025, "pk": obj.pk, "form": "0603"},
        obj="unit",
        get="login 200 200 403 403 200 200 200",
        other="login 403 403 200 403 200 200 200",
    ),
    "evaluations:statistics_cluster": Entry(
        kwargs=lambda obj: {"pk": obj.pk, "form": "0601"},
        obj="cluster_year",
        get="login 403 403 403 403 200 200 200",
        other="login 403 403 403 403 403 200 200",
    ),
    "evaluations:statistics_cluster_xlsx": Entry(
        kwargs=lambda obj: {"pk": obj.pk, "form": "0601"},
        obj="cluster_year",
        get="login 403 403 403 403 200 200 200",
        other="login 403 403 403 403 403 200 200",
    ),
}

"""Every list page on a phone (390×844) and on an office screen (1366×768), in Chromium.

The list pages are named in `LIST_PAGES` (with the demo objects each is opened on); the
guard test walks the URL configuration and fails on a named URL that is in neither
`LIST_PAGES` nor `NOT_LIST_PAGES`, so a new page must be placed in one of them. The crawl
opens every list page as one demo user of each role, where that user may see it, and checks:

- the page does not scroll sideways (`scrollWidth <= clientWidth` of the document), and no
  table scrolls sideways inside its own box either (a phone user would not find the status
  or the action at the end of the row), except the pages wide by nature (`WIDE_BY_NATURE`);
- no table cell shows a unit's name one word a line (the lines of the name's text are
  measured with Range.getClientRects).

The run also saves each role's dashboard at both widths under test-artifacts/dashboards/.
The demo is seeded once for the crawl (one test: every page, every user, both widths).
"""

import re

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from playwright.sync_api import expect

from campaigns.models import Campaign, Phase, Rubric
from evaluations.models import (
    AwardDecision,
    AwardProposal,
    AwardRecord,
    Ballot,
    NomineeList,
    Submission,
)
from pledges.models import Pledge, Registration, RegistrationRound
from seed.demo.units import DEMO_PASSWORD
from tests.e2e.browser import sign_in
from tests.e2e.conftest import ARTIFACTS
from tests.factories.units import PASSWORD
from units.models import Cluster, ClusterYear, Person, Unit

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = (390, 844)
DESKTOP = (1366, 768)
# One demo user of each role: the sector administrator, the viewer, the cluster secretariat,
# a unit officer and a unit leader (of the 2026 chair, who sees the most of the cluster).
ROLE_USERS = ("admin", "giamsat", "thuky.cum2", "canbo.hye", "lanhdao.hye")


def _pks(queryset, count=2):
    """The first and the last object: a few pages of each kind, not all of them."""
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    return sorted({*pks[:1], *(pks[-(count - 1) :] if count > 1 else [])})


def _by_pk(queryset, count=2):
    return [{"pk": pk} for pk in _pks(queryset, count)]


def _phases():
    """The phase with the most results (the longest tables) and the latest one."""
    busiest = Submission.objects.values("phase").annotate(n=Count("pk")).order_by("-n", "phase")
    return [{"pk": pk} for pk in sorted({busiest[0]["phase"], *_pks(Phase.objects.all())[-1:]})]


def _cluster_years():
    years = ClusterYear.objects.filter(pk__in=_pks(ClusterYear.objects.all()))
    return [{"cluster_pk": cy.cluster_id, "year": cy.year} for cy in years]


def _decision_registers():
    decision = AwardDecision.objects.exclude(date=None).first()
    return [{"pk": decision.authority_id, "year": decision.date.year}]


def _statistics_of_2019():
    year = ClusterYear.objects.get(cluster__code="CUM2", year=2019)
    return [{"pk": year.pk, "form": "0603"}]


# url name -> the keyword arguments of the demo pages to open (a callable, read after seeding).
LIST_PAGES = {
    "dashboard": lambda: [{}],
    "units:unit_list": lambda: [{}],
    "units:unit_detail": lambda: _by_pk(Unit.objects.filter(code__in=["TT-HYE", "TT-QNI"])),
    "units:cluster_list": lambda: [{}],
    "units:cluster_detail": lambda: _by_pk(Cluster.objects.all(), 1),
    "units:cluster_year_detail": _cluster_years,
    "units:audit_log": lambda: [{}],
    "campaigns:campaign_list": lambda: [{}],
    "campaigns:campaign_detail": lambda: _by_pk(Campaign.objects.all()),
    "campaigns:rubric_detail": lambda: _by_pk(Rubric.objects.all()),
    "pledges:pledge_list": lambda: [{}],
    "pledges:pledge_detail": lambda: _by_pk(Pledge.objects.all()),
    "pledges:round_list": lambda: [{}],
    "pledges:round_detail": lambda: _by_pk(RegistrationRound.objects.all()),
    "pledges:my_registration": lambda: _by_pk(RegistrationRound.objects.all()),
    "pledges:registration_detail": lambda: _by_pk(Registration.objects.all()),
    "evaluations:phase_results": _phases,
    "evaluations:ranking": _phases,
    "evaluations:campaign_ranking": lambda: _by_pk(Campaign.objects.all(), 3),
    "evaluations:score_matrix": lambda: _phases()[:1],
    "evaluations:submission": lambda: _by_pk(Submission.objects.all()),
    "evaluations:cross_scoring": lambda: _by_pk(Submission.objects.all(), 1),
    "evaluations:unit_results": lambda: _by_pk(Unit.objects.filter(code="TT-HYE"), 1),
    "evaluations:ballot_list": lambda: [{}],
    "evaluations:ballot_detail": lambda: _by_pk(Ballot.objects.all()),
    "evaluations:unit_awards": lambda: _by_pk(Unit.objects.filter(code="TT-HYE"), 1),
    "evaluations:person_awards": lambda: _by_pk(
        Person.objects.filter(pk__in=AwardRecord.objects.values("person")), 1
    ),
    "evaluations:campaign_honour_board": lambda: _by_pk(Campaign.objects.all(), 3),
    "evaluations:cluster_year_honour_board": lambda: _by_pk(ClusterYear.objects.all()),
    "evaluations:proposal_list": lambda: [{}],
    "evaluations:proposal": lambda: _by_pk(AwardProposal.objects.all()),
    "evaluations:cluster_proposals": lambda: _by_pk(ClusterYear.objects.all()),
    "evaluations:nominee_list": lambda: _by_pk(NomineeList.objects.all(), 1),
    "evaluations:decision_list": lambda: [{}],
    "evaluations:decision": lambda: _by_pk(AwardDecision.objects.all(), 1),
    "evaluations:decision_register": _decision_registers,
    "evaluations:decision_certificates": lambda: _by_pk(AwardDecision.objects.all(), 1),
    "evaluations:certificate_layouts": lambda: [{}],
    "evaluations:award_lookup": lambda: [{}],
    "evaluations:statistics": lambda: [{}],
    "evaluations:statistics_sector": lambda: [{"year": 2019, "form": "0603"}],
    "evaluations:statistics_cluster": _statistics_of_2019,
    "evaluations:statistics_unit": lambda: [
        {"year": 2019, "pk": Unit.objects.get(code="TT-HYE").pk, "form": "0603"}
    ],
    "notifications:list": lambda: [{}],
    "units:search": lambda: [{}],
}

# Pages that keep a table scrolling inside its own box on a phone: a matrix of units by
# criteria has no shorter form (the page itself still must not scroll sideways).
WIDE_BY_NATURE = {
    "evaluations:score_matrix",
    # the ministry's forms keep their printed grid of columns
    "evaluations:statistics_sector",
    "evaluations:statistics_cluster",
    "evaluations:statistics_unit",
}

# Every other named URL, and why it is not a list page.
NOT_LIST_PAGES = {
    # signing in and out, language, health
    "login", "logout", "password_change", "password_change_done", "password_reset",
    "password_reset_done", "password_reset_confirm", "password_reset_complete",
    "set_language", "healthz",
    # forms (tests/e2e/test_phone_layouts_browser.py::test_phone_forms covers their controls)
    "units:person_add", "units:person_edit", "units:staff_import", "units:account",
    "units:cluster_year_roll_forward", "campaigns:campaign_add", "campaigns:campaign_edit",
    "campaigns:rubric_add", "campaigns:rubric_edit", "campaigns:rubric_new_version",
    "campaigns:rubric_import", "campaigns:event_add", "campaigns:event_edit",
    "pledges:pledge_add", "pledges:pledge_edit", "pledges:pledge_sign", "pledges:pledge_record",
    "pledges:round_add", "evaluations:extension_request", "evaluations:extension_decision",
    "evaluations:ballot_create", "evaluations:ballot_edit", "evaluations:ballot_vote",
    "evaluations:ballot_question_edit", "evaluations:award_import",
    "evaluations:proposal_create", "evaluations:proposal_edit",
    "evaluations:cross_score",  # a scoring form (its criteria table stacks); none in the demo
    # a single object, no list: an event, the agenda's cards, a printed ballot paper
    "campaigns:event_detail", "campaigns:agenda", "evaluations:ballot_paper",
    # POST-only actions
    "campaigns:event_delete", "campaigns:attachment_delete", "pledges:pledge_action",
    # files and downloads
    "units:staff_import_template", "campaigns:campaign_document", "campaigns:rubric_export",
    "campaigns:attachment", "campaigns:attachment_thumbnail", "pledges:pledge_docx",
    "pledges:pledge_file", "pledges:pledge_file_thumbnail", "pledges:round_export",
    "evaluations:ranking_export", "evaluations:evidence", "evaluations:evidence_thumbnail",
    "evaluations:ballot_minutes", "evaluations:award_import_template",
    "evaluations:proposal_file", "evaluations:cluster_year_dossier",
    # decisions, certificates, nominee lists: forms, POST-only actions and files
    "evaluations:decision_draft", "evaluations:decision_record", "evaluations:decision_correct",
    "evaluations:decision_revoke", "evaluations:decision_discard",
    "evaluations:decision_document", "evaluations:certificate_batch",
    "evaluations:certificate_batch_download", "evaluations:certificate_layout_calibration",
    "evaluations:certificate_reprint", "evaluations:nominee_list_create",
    "evaluations:nominee_list_template", "evaluations:award_lookup_xlsx",
    "evaluations:statistics_sector_xlsx", "evaluations:statistics_cluster_xlsx",
    "evaluations:statistics_unit_xlsx",
    # notifications' POST actions; the search fields' option fragments (htmx)
    "notifications:email", "notifications:read", "notifications:read_all",
    "units:pick_units", "units:pick_people",
}  # fmt: skip


def named_urls(patterns=None, namespace=()):
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
            found += named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.append(":".join((*namespace, pattern.name)))
    return found


@pytest.mark.django_db(transaction=False)
def test_every_named_url_is_a_list_page_or_said_not_to_be():
    names = {name for name in named_urls() if not name.startswith("admin:")}
    unplaced = names - set(LIST_PAGES) - NOT_LIST_PAGES
    assert not unplaced, (
        f"{sorted(unplaced)}: a new page. If it lists things in a table, add it to LIST_PAGES "
        "in tests/e2e/test_phone_layouts_browser.py (with the demo objects to open it on) and "
        "wrap its table in {% stacktable %}; otherwise add it to NOT_LIST_PAGES."
    )
    assert not (set(LIST_PAGES) | NOT_LIST_PAGES) - names, "a page listed here is gone"


# The checks, run in the page; `names` are the unit names (full and short) of the database.
MEASURE = """(names) => {
  const problems = [];
  const page = document.scrollingElement;
  if (page.scrollWidth > page.clientWidth) {
    problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
  }
  const boxes = [];
  for (const box of document.querySelectorAll("main .table-responsive")) {
    if (box.getClientRects().length && box.scrollWidth > box.clientWidth + 1) {
      boxes.push(`a table scrolls inside its box: ${box.scrollWidth} > ${box.clientWidth}`);
    }
  }
  for (const cell of document.querySelectorAll("main td, main th")) {
    if (!cell.getClientRects().length) continue;
    const head = cell.closest("thead");  // a phone's card list keeps its headings for readers
    if (head && getComputedStyle(head).position === "absolute") continue;
    const style = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const taken = [];
      for (const name of names) {  // longest first: a short name inside a full one is skipped
        for (let at = node.data.indexOf(name); at >= 0; at = node.data.indexOf(name, at + 1)) {
          if (taken.some(([a, b]) => at < b && at + name.length > a)) continue;
          taken.push([at, at + name.length]);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + name.length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = new Set(rects.map((r) => Math.round(r.top)));
          const wide = rects.reduce((sum, r) => sum + r.width, 0);
          const words = name.split(/\\s+/).length;
          // Squeezed: a line per word because the column is narrower than the name (a name
          // merely wrapped at the end of a line of running text fits its cell's width).
          if (words >= 2 && lines.size >= words && wide > room) {
            problems.push(`"${name}" one word a line (${lines.size} lines)`);
          }
        }
      }
    }
  }
  return {problems, boxes};
}"""


def _unit_names():
    names = set()
    for name, short in Unit.objects.values_list("name", "short_name"):
        names |= {n for n in (name, short) if n and len(n.split()) >= 2}
    return sorted(names, key=len, reverse=True)


def _signed_in(browser, live_server, username, width, height):
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    sign_in(page, live_server, username, DEMO_PASSWORD)
    expect(page.get_by_role("heading", name=re.compile("Xin chào"))).to_be_visible()
    return context, page


def test_list_pages_fit_phones_and_office_screens(browser, live_server):
    call_command("seed_demo", verbosity=0)
    names = _unit_names()
    urls = [
        (name, reverse(name, kwargs=kwargs)) for name, build in LIST_PAGES.items()
        for kwargs in build()
    ]  # fmt: skip
    missing = {name for name, build in LIST_PAGES.items() if not build()}
    assert not missing, f"the demo has no object to open {sorted(missing)} on (seed/demo/)"
    seen, failures = set(), []
    (ARTIFACTS / "dashboards").mkdir(parents=True, exist_ok=True)
    for username in ROLE_USERS:
        context, page = _signed_in(browser, live_server, username, *PHONE)
        for width, height in (PHONE, DESKTOP):
            page.set_viewport_size({"width": width, "height": height})
            page.screenshot(
                path=ARTIFACTS / "dashboards" / f"{username}-{width}.png", full_page=True
            )
        # Each page is loaded once and measured at both widths (the stylesheet's media queries
        # apply on resizing), the last width first: half the loads, half the viewport changes.
        sizes = [DESKTOP, PHONE]
        for name, url in urls:
            response = page.goto(f"{live_server.url}{url}", wait_until="domcontentloaded")
            if response.status != 200:  # not this user's page (403/404)
                continue
            seen.add(name)
            for width, height in sizes:
                page.set_viewport_size({"width": width, "height": height})
                found = page.evaluate(MEASURE, names)
                problems = found["problems"] + (
                    found["boxes"] if width == PHONE[0] and name not in WIDE_BY_NATURE else []
                )
                failures += [f"{username} {width}px {url}: {p}" for p in problems]
            sizes.reverse()
        context.close()
    assert not failures, "\n".join(failures)
    assert seen == set(LIST_PAGES), f"no demo user could open {sorted(set(LIST_PAGES) - seen)}"


# WCAG 2.x contrast of the text colour (its alpha laid over the bar's red) against the bar.
CONTRASTS = """() => {
  const rgba = (text) => text.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => {
      c /= 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const bar = rgba(getComputedStyle(document.querySelector("nav.navbar")).backgroundColor);
  return [...document.querySelectorAll("nav.navbar .nav-link:not(.active)")]
    .filter((link) => link.getClientRects().length)
    .map((link) => {
      const [r, g, b, a = 1] = rgba(getComputedStyle(link).color);
      const shown = [r, g, b].map((c, i) => a * c + (1 - a) * bar[i]);
      const [hi, lo] = [luminance(shown), luminance(bar)].sort((x, y) => y - x);
      return [link.textContent.trim(), (hi + 0.05) / (lo + 0.05)];
    });
}"""

# What the search box and the notification bell (other pages of issue 15) will take.
TOOLS = """() => {
  const slot = document.querySelector(".navbar-tools");
  slot.insertAdjacentHTML("beforeend",
    '<input class="form-control form-control-sm" style="width:16rem" aria-label="x">' +
    '<button class="btn btn-sm btn-outline-light" style="width:44px">x</button>');
}"""


@pytest.mark.parametrize("width", [1280, 1366, 1440])
def test_top_bar_fits_office_screens_with_room_for_its_tools(
    new_page, live_server, admin_user, width
):
    page = new_page(width=width, height=768)
    sign_in(page, live_server, admin_user.username, PASSWORD)
    brand = page.locator(".navbar-brand")
    for tools in (False, True):
        if tools:
            page.evaluate(TOOLS)
        widths = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1], f"the page scrolls sideways at {width} px ({tools=})"
        box = brand.bounding_box()
        line = float(brand.evaluate("b => parseFloat(getComputedStyle(b).lineHeight)"))
        assert box["height"] < 1.5 * line, "the brand wraps"
        right = page.evaluate(
            "Math.max(...[...document.querySelectorAll('nav.navbar a, nav.navbar button')]"
            ".map((e) => e.getBoundingClientRect().right))"
        )
        assert right <= width, "a link or button of the top bar is off screen"


def test_inactive_menu_links_reach_wcag_aa_contrast(new_page, live_server, officer):
    page = new_page(width=1366, height=768)
    sign_in(page, live_server, officer.username, PASSWORD)
    contrasts = page.evaluate(CONTRASTS)
    assert len(contrasts) >= 5
    assert all(ratio >= 4.5 for _name, ratio in contrasts), contrasts


def test_registrations_have_their_own_menu_entry(new_page, live_server, officer):
    page = new_page(width=1366, height=768)
    sign_in(page, live_server, officer.username, PASSWORD)
    menu = page.get_by_role("navigation", name="Điều hướng chính")
    menu.get_by_role("link", name="Đăng ký thi đua").click()
    expect(page).to_have_url(re.compile(r"/registrations/$"))
    expect(menu.get_by_role("link", name="Đăng ký thi đua")).to_have_class(re.compile("active"))
    expect(menu.get_by_role("link", name="Giao ước")).not_to_have_class(re.compile("active"))
    menu.get_by_role("link", name="Giao ước").click()
    expect(menu.get_by_role("link", name="Giao ước")).to_have_class(re.compile("active"))
    expect(menu.get_by_role("link", name="Đăng ký thi đua")).not_to_have_class(re.compile("active"))


# On a phone: every control a finger touches at least 44 px high, every select as wide as its
# longest choice or as its column, the menu's links too once the menu is open.
TOUCH = """() => {
  const problems = [];
  const shown = (e) => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden";
  const controls = "main .btn, main .form-select, main .form-control, main .form-check, " +
    "main .page-link, nav.navbar .nav-link, nav.navbar .btn";
  for (const e of document.querySelectorAll(controls)) {
    if (!shown(e) || e.closest(".visually-hidden, .dropdown-menu")) continue;
    const high = e.getBoundingClientRect().height;
    if (high < 43.5) {
      const what = (e.textContent || e.name || e.id).trim().slice(0, 40);
      problems.push(`${e.tagName.toLowerCase()}.${e.className} "${what}": ${high}px high`);
    }
  }
  const pen = document.createElement("canvas").getContext("2d");
  for (const select of document.querySelectorAll("main select")) {
    if (!shown(select) || select.multiple) continue;
    const style = getComputedStyle(select);
    pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const longest = Math.max(0, ...[...select.options].map((o) => pen.measureText(o.text).width));
    const need = longest + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const box = select.closest(".table-stack tr") || select.parentElement;  // a card: its width
    const boxStyle = getComputedStyle(box);
    const room =
      box.clientWidth - parseFloat(boxStyle.paddingLeft) - parseFloat(boxStyle.paddingRight);
    if (need > select.clientWidth + 2 && select.offsetWidth < room - 2) {
      problems.push(
        `select ${select.name} cut: ${select.offsetWidth}px of ${Math.ceil(need)}px (room ${room})`
      );
    }
  }
  for (const area of document.querySelectorAll("main textarea")) {
    if (shown(area) && area.getBoundingClientRect().width < 200) {
      problems.push(`textarea ${area.name} ${area.getBoundingClientRect().width}px wide`);
    }
  }
  return problems;
}"""


def test_phone_forms_have_readable_selects_and_44px_touch_targets(browser, live_server):
    call_command("seed_demo", verbosity=0)
    ballot = Ballot.objects.filter(status="open").first()
    draft = Submission.objects.filter(status="draft").select_related("unit").first()
    current_round = RegistrationRound.objects.order_by("-deadline").first()
    pages = {
        "lanhdao.hye": [
            reverse("evaluations:ballot_vote", kwargs={"pk": ballot.pk}),
            reverse("evaluations:proposal_list"),
        ],
        "canbo.hye": [
            reverse("pledges:my_registration", kwargs={"pk": current_round.pk}),
            reverse("campaigns:campaign_list"),
            reverse("units:audit_log"),
        ],
        f"canbo.{draft.unit.code.split('-')[1].lower()}": [
            reverse("evaluations:submission", kwargs={"pk": draft.pk})
        ],
    }
    failures = []
    for username, urls in pages.items():
        context, page = _signed_in(browser, live_server, username, *PHONE)
        for url in urls:
            page.goto(f"{live_server.url}{url}")
            page.get_by_role("button", name="Mở menu").click()
            expect(page.locator("#mainnav")).to_have_class(re.compile(r"\bshow\b"))
            failures += [f"{username} {page.url}: {p}" for p in page.evaluate(TOUCH)]
        context.close()
    assert not failures, "\n".join(failures)

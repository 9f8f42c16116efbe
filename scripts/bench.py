"""`make bench`: the app at sector scale, served as in production, measured in one run.

    python -m scripts.bench [--fault] [--users 50] [--run-time 60] [--reps 10]
    python -m scripts.bench --certificates-only   # step 5's certificates alone, on the
                                                  # database the environment names
    python -m scripts.bench --statistics-only   # the statistics forms alone, in-process
    python -m scripts.bench --decision-only     # the 500-line award decision alone

1. A database of its own (DATABASE_NAME=thidua_bench): migrate, `seed_scale` (once),
   collectstatic.
2. gunicorn with 2 workers on 127.0.0.1, DEBUG off (HTTPS redirects off for plain http),
   with the X-Query-Count header on (QUERY_COUNT_HEADER=1, benchmarks only).
3. (a) every page each role reaches by crawling from the dashboard: single-user latency
   p50/p95 and SQL queries per request; (c) /healthz as the floor, each page as a ratio.
4. (b) mixed load: locust, 50 users of all roles, 60 s: requests/s, p50/p95/p99, errors.
5. (d) the .xlsx export of the national score matrix; an import of 10,000 staff rows;
   500 certificates of one decision rendered as one PDF (the task queue's work); each
   ministry statistics form (0601–0605.N/BNV-TĐKT) for the whole sector, as its .xlsx.
6. --fault: the same load while the embedded PostgreSQL is stopped for a few seconds and
   started again: errors only while it is down, recovery time, every committed row kept.

Writes docs/benchmarks.md (the measured tables; the notes below the marker are kept) and
prints one closing line: `bench: rps=N p95_ms=N errors=N max_queries=N worst_page=PATH`.
"""

import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import requests

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
OUT = ROOT / "var" / "bench"
DOC = ROOT / "docs" / "benchmarks.md"
NOTES_MARKER = "<!-- notes below are kept by scripts/bench.py -->"
FLOOR_RUN_TIME = 20  # seconds of /healthz under the same load
TARGETS = {
    "queries": 12,
    "p95_ms": 150,
    "rps": 150,
    "export_s": 5,
    "import_s": 20,
    "certificates_s": 20,
    "statistics_s": 5,
    "decision_s": 5,
}

ENV = {
    "DATABASE_NAME": "thidua_bench",
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "SECURE_HSTS_SECONDS": "0",
    "QUERY_COUNT_HEADER": "1",
    "LOG_LEVEL": "WARNING",
    "GUNICORN_ACCESS_LOG": "",
    "GUNICORN_TIMEOUT": "120",
    "WEB_CONCURRENCY": "2",
    # No worker recycling while pages are counted: a fresh worker's first request reads
    # PostgreSQL type OIDs (django.contrib.postgres) and would add to that page's count.
    "GUNICORN_MAX_REQUESTS": "0",
}


def log(message):
    print(f"[bench {datetime.now():%H:%M:%S}] {message}", flush=True)


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


# --- Setup ---------------------------------------------------------------------------------------


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=os.environ, check=True)


def start_gunicorn(port):
    OUT.mkdir(parents=True, exist_ok=True)
    logfile = open(OUT / "gunicorn.log", "w")  # noqa: SIM115 - lives as long as the server
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "-c", "config/gunicorn.conf.py"],
        cwd=ROOT,
        env={**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=logfile,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if requests.get(base + "/healthz", timeout=2).status_code == 200:
                return process, base
        except requests.RequestException:
            pass
        time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not answer /healthz; see var/bench/gunicorn.log")


def django_setup():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def session_for(user):
    """A signed-in session made directly (no password hashing in the measured time)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "units.backends.PasswordBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def role_users():
    from units.models import User

    today_year = datetime.now().year
    secretariat = (
        User.objects.filter(username__startswith="scale.thuky.", username__endswith=str(today_year))
        .order_by("username")
        .first()
    )
    names = {
        "admin": "scale.admin",
        "viewer": "scale.viewer",
        "secretariat": secretariat.username,
        "officer": "scale.canbo.sc-0001",
        "leader": "scale.lanhdao.sc-0002",
    }
    return {role: User.objects.get(username=name) for role, name in names.items()}


# --- Crawl and single-user latency -----------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")


SKIP = ("/static/", "/admin/", "/accounts/", "/i18n/")
DOWNLOADS = re.compile(
    r"\.(xlsx|docx|pdf)$|/(document|thumbnail)/$|^/(evidence|attachments|pledge-files)/"
)


def _internal(href):
    href = urldefrag(href)[0]
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc or not href.startswith("/") or href.startswith(SKIP):
        return None
    if DOWNLOADS.search(parsed.path):
        return None
    return href


def crawl(session, base, *, limit=150, per_pattern=2):
    """Pages reachable from the dashboard, at most `per_pattern` of each URL pattern."""
    from django.urls import Resolver404, resolve

    seen, queue, pages, per = {"/"}, ["/"], [], {}
    while queue and len(pages) < limit:
        url = queue.pop(0)
        try:
            route = resolve(urlparse(url).path).route
        except Resolver404:
            continue
        if per.get(route, 0) >= per_pattern:
            continue
        response = session.get(base + url, allow_redirects=False, timeout=60)
        if response.status_code in (301, 302):
            target = _internal(response.headers["Location"])
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        if response.status_code != 200 or "html" not in response.headers.get("Content-Type", ""):
            continue
        per[route] = per.get(route, 0) + 1
        pages.append((url, route))
        parser = _Links()
        parser.feed(response.text)
        for href in parser.links:
            target = _internal(href)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)
    return pages


def search_pages(role, user):
    """Searches typed without accents, as many users type: no link carries a query, so the
    crawl never reaches them. The unit list for everyone, the user's own unit's staff, and
    for the administrator the Django admin's list of the sector's 100,000 people, the top
    bar's search, the award lookup and a unit search field's options (each through its
    trigram index, core/search.py)."""
    from django.urls import resolve

    urls = [
        "/units/?q=ha+noi",
        # The top bar's search and the award register's lookup (by name, by decision).
        "/search/?q=nguyen+van",
        "/awards/lookup/?name=nguyen+van",
        "/awards/lookup/?decision=qd",
        "/pick/units/active/?q=thanh+tra",
    ]
    if user.unit_id:
        urls.append(f"/units/{user.unit_id}/?q=nguyen+van")
    if role == "admin":
        urls.append("/admin/units/person/?q=nguyen+van+an")
    return [(url, resolve(urlparse(url).path).route) for url in urls]


BENCH_NOTIFICATIONS = 300  # each role's inbox: 300 notifications, the newest 60 unread


def notification_pages(user):
    """The bell is on every page the crawl measures; its list needs an inbox to page
    through: each role's user gets one (once) before the list and its second page are
    measured."""
    from django.utils import timezone

    from notifications.choices import NotificationKind
    from notifications.models import Notification

    if not Notification.objects.filter(recipient=user).exists():
        now = timezone.now()
        Notification.objects.bulk_create(
            Notification(
                recipient=user,
                kind=NotificationKind.DEADLINE,
                params={"phase": f"Đợt {i}", "date": "31/12/2026", "unit": "Thanh tra"},
                url="/",
                read_at=None if i >= BENCH_NOTIFICATIONS - 60 else now,
            )
            for i in range(BENCH_NOTIFICATIONS)
        )
    return [("/notifications/", "notifications/"), ("/notifications/?page=2", "notifications/")]


def measure(session, url, reps):
    session.get(url, timeout=60)  # warm: templates, connection
    times, queries, status = [], 0, 0
    for _ in range(reps):
        started = time.perf_counter()
        response = session.get(url, timeout=60)
        times.append((time.perf_counter() - started) * 1000)
        queries = max(queries, int(response.headers.get("X-Query-Count", 0)))
        status = response.status_code
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "queries": queries,
        "status": status,
    }


# --- Load ---------------------------------------------------------------------------------------


def run_locust(base, plan_path, *, users, run_time, tag):
    prefix = OUT / f"locust-{tag}"
    subprocess.run(
        [
            str(VENV_BIN / "locust"),
            "-f",
            "scripts/bench_locustfile.py",
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            "10",
            "--run-time",
            f"{run_time}s",
            "--host",
            base,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, "BENCH_PLAN": str(plan_path)},
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=open(OUT / f"locust-{tag}.log", "w"),  # noqa: SIM115
    )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    total = rows["Aggregated"]
    return {
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p95": float(total["95%"]),
        "p99": float(total["99%"]),
        "by_role": {
            name: (float(row["Requests/s"]), float(row["95%"]), int(row["Failure Count"]))
            for name, row in rows.items()
            if name != "Aggregated"
        },
    }


# --- Export and import --------------------------------------------------------------------------


def time_export(session, base):
    from campaigns.models import Phase

    phase = Phase.objects.filter(campaign__cluster_year__isnull=True).order_by("start_date").first()
    url = f"{base}/phases/{phase.pk}/ranking.xlsx"
    times, size = [], 0
    for _ in range(3):
        started = time.perf_counter()
        response = session.get(url, timeout=120)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        size = len(response.content)
    return {"median_s": statistics.median(times), "bytes": size, "units": phase.submissions.count()}


def statistics_year() -> int:
    """The reporting year of the latest award decision (a December decision reports on the
    next year: the period runs from 01/12 to 30/11)."""
    from django.db.models import Max

    from evaluations.awards.models import AwardRecord

    last = AwardRecord.objects.aggregate(last=Max("decision_date"))["last"]
    if last is None:
        return datetime.now().year
    return last.year + 1 if last.month == 12 else last.year


def time_statistics(session=None, base=None, reps=3):
    """Each statistics form for the whole sector: through the server as its .xlsx (with a
    session), or counted in-process (without). Medians; the worst form decides the target."""
    from evaluations.statistics.choices import ScopeKind
    from evaluations.statistics.selectors import Scope, count_form, forms_for

    year = statistics_year()
    forms = {}
    for form in forms_for(year):
        times = []
        for _ in range(reps):
            started = time.perf_counter()
            if session is None:
                count_form(form, scope=Scope(kind=ScopeKind.SECTOR), year=year)
            else:
                url = f"{base}/statistics/{year}/sector/{form.slug}.xlsx"
                response = session.get(url, timeout=120)
                assert response.status_code == 200, (url, response.status_code)
            times.append(time.perf_counter() - started)
        forms[form.slug] = statistics.median(times)
    worst = max(forms, key=forms.get)
    return {"year": year, "forms": forms, "worst": worst, "worst_s": forms[worst]}


def time_import(rows=10_000):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from openpyxl import Workbook

    from units.models import Unit, User
    from units.staff_import import staff_import

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Mã cán bộ", "Họ và tên", "Giới tính", "Chức vụ", "Ngạch", "Email", "Điện thoại"])
    for n in range(rows):
        sheet.append(
            [
                f"IMP{n:05d}",
                f"Nguyễn Văn {n}",
                "Nam" if n % 2 else "Nữ",
                "Chuyên viên",
                "Chuyên viên",
                f"cb{n}@example.org",
                "0912345678",
            ]
        )
    buffer = BytesIO()
    workbook.save(buffer)
    unit = Unit.objects.get(code="SC-0003")
    actor = User.objects.get(username="scale.canbo.sc-0003")
    times = []
    for _ in range(2):
        upload = SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())
        started = time.perf_counter()
        with transaction.atomic():
            result = staff_import(unit=unit, actor=actor, uploaded=upload)
            times.append(time.perf_counter() - started)
            transaction.set_rollback(True)  # leave the data set as it was
    assert result.created == rows, result
    return {"median_s": statistics.median(times), "rows": rows}


def time_certificates(count=500):
    """A recorded decision of `count` awards printed as one batch, as the task queue's worker
    does it (`printing.certificate_batch_render`: register numbers, pages, the stored file);
    everything rolled back and the file deleted afterwards."""
    from datetime import date
    from io import BytesIO

    from django.db import transaction
    from pypdf import PdfReader

    from evaluations.awards.models import AwardRecord
    from evaluations.certificates import printing, services
    from evaluations.certificates.models import CertificateBatch
    from evaluations.decisions.models import AwardDecision, IssuingAuthority
    from pledges.models import Title
    from units.choices import UnitKind
    from units.models import Person, Unit

    title = Title.objects.get(code="BK_TTCP", recipient="person")
    with transaction.atomic():
        authority = IssuingAuthority.objects.create(
            name="Tổng Thanh tra Chính phủ (bench)",
            heading="TỔNG THANH TRA CHÍNH PHỦ",
            level="sector",
            symbol="QĐ-TTCP",
            place="Hà Nội",
        )
        decision = AwardDecision.objects.create(
            authority=authority,
            number="999",
            date=date(2026, 1, 15),
            signer_name="Nguyễn Văn Bench",
            signer_position="Phó Tổng Thanh tra",
            sign_form="KT.",
            status="recorded",
        )
        people = list(Person.objects.select_related("unit")[:count])
        if len(people) < count:  # a small database: people of a unit made for the run
            unit = Unit.objects.create(
                code="BENCH-CERT", name="Thanh tra (bench)", kind=UnitKind.PROVINCIAL_INSPECTORATE
            )
            people += Person.objects.bulk_create(
                Person(full_name=f"Nguyễn Thị Hằng {n}", gender="female", unit=unit)
                for n in range(count - len(people))
            )
        AwardRecord.objects.bulk_create(
            AwardRecord(
                decision=decision,
                title=title,
                year=1990,  # a year no real record uses (one award per person, title, year)
                unit=person.unit,
                person=person,
                recipient_name=person.full_name,
                decision_number=decision.full_number,
                decision_date=decision.date,
                summary="Đã có thành tích xuất sắc trong công tác thanh tra năm 2025",
            )
            for person in people
        )
        services.layout_ensure(authority=authority, title=title)
        batch = CertificateBatch.objects.create(decision=decision, total=count)
        started = time.perf_counter()
        printing.certificate_batch_render(batch_id=batch.pk)
        elapsed = time.perf_counter() - started
        batch.refresh_from_db()
        content = batch.file.read()
        batch.file.storage.delete(batch.file.name)
        transaction.set_rollback(True)
    pages = len(PdfReader(BytesIO(content)).pages)
    assert pages == count, pages
    return {"seconds": elapsed, "pages": pages, "bytes": len(content)}


# --- Fault: the database restarts under load ------------------------------------------------------
def time_decision(lines=500):
    """A decision of `lines` forwarded proposals drafted and recorded (issue 17: ≤ 5 s), in a
    transaction rolled back: the proposals are made first (not timed), then `decision_draft`
    and `decision_record` are timed together, twice."""
    from datetime import date

    from django.db import transaction

    from evaluations.decisions import services
    from evaluations.decisions.models import IssuingAuthority
    from evaluations.proposals.choices import ProposalStatus
    from evaluations.proposals.models import AwardProposal
    from pledges.models import Title
    from units.models import ClusterMembership, ClusterYear, Person, User

    admin = User.objects.get(username="scale.admin")
    cluster_year = ClusterYear.objects.order_by("-year", "pk").first()
    units = list(
        ClusterMembership.objects.filter(cluster_year=cluster_year).values_list("unit", flat=True)
    )
    people = list(Person.objects.filter(unit_id__in=units).order_by("pk")[:lines])
    title = Title.objects.get(code="BK_TTCP", recipient="person")
    times = []
    for rep in range(2):
        with transaction.atomic():
            authority, _created = IssuingAuthority.objects.get_or_create(
                name="Tổng Thanh tra Chính phủ",
                defaults={
                    "heading": "TỔNG THANH TRA CHÍNH PHỦ",
                    "level": "sector",
                    "symbol": "QĐ-TTCP",
                    "place": "Hà Nội",
                },
            )
            proposals = AwardProposal.objects.bulk_create(
                AwardProposal(
                    title=title,
                    year=2099,
                    cluster_year=cluster_year,
                    unit_id=person.unit_id,
                    person=person,
                    nominee_name=person.full_name,
                    proposing_unit_id=person.unit_id,
                    summary="Hoàn thành xuất sắc nhiệm vụ.",
                    status=ProposalStatus.FORWARDED,
                )
                for person in people
            )
            started = time.perf_counter()
            decision = services.decision_draft(
                actor=admin, authority=authority, proposals=proposals, cluster_year=cluster_year
            )
            services.decision_record(
                decision=decision,
                actor=admin,
                number=f"bench-{rep}",
                date=date(2026, 12, 1),
                signer_name="Bench",
                signer_position="Tổng Thanh tra",
            )
            times.append(time.perf_counter() - started)
            assert decision.award_records.count() == len(people)
            transaction.set_rollback(True)  # leave the data set as it was
    return {"median_s": statistics.median(times), "lines": len(people)}


# --- Fault: the database restarts under load# --- Fault: the database restarts under load ------------------------------------------------------


def fault_phase(base, plan_path, officer, *, users, run_time, down_seconds=5.0):
    from django.db import connection

    from config import embedded_db

    if os.environ.get("DATABASE_URL"):
        log("fault phase needs the embedded PostgreSQL (DATABASE_URL is set): skipped")
        return None
    events = []  # (started, ended, kind, ok): a request is timed from its start to its answer
    acknowledged = []
    stop = threading.Event()
    writer = requests.Session()
    writer.cookies.set("sessionid", session_for(officer))
    unit_id = officer.unit_id
    run_id = datetime.now().strftime("%H%M%S")

    def probe():
        while not stop.is_set():
            started = time.time()
            try:
                ok = requests.get(base + "/healthz", timeout=3).status_code == 200
            except requests.RequestException:
                ok = False
            events.append((started, time.time(), "probe", ok))
            time.sleep(0.1)

    def write():
        number = 0
        while not stop.is_set():
            number += 1
            code = f"F{run_id}-{number:05d}"
            started = time.time()
            try:
                form = writer.get(f"{base}/units/{unit_id}/staff/add/", timeout=5)
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
                response = writer.post(
                    f"{base}/units/{unit_id}/staff/add/",
                    data={
                        "csrfmiddlewaretoken": token.group(1) if token else "",
                        "full_name": f"Cán bộ kiểm thử {number}",
                        "gender": "female",
                        "staff_code": code,
                        "is_active": "on",
                    },
                    allow_redirects=False,
                    timeout=5,
                )
                ok = response.status_code == 302
            except (requests.RequestException, AttributeError):
                ok = False
            if ok:
                acknowledged.append(code)
            events.append((started, time.time(), "write", ok))
            time.sleep(0.2)

    threads = [threading.Thread(target=probe), threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    outage = {}

    def restart():
        time.sleep(run_time / 3)
        outage["down"] = time.time()
        embedded_db.restart(down_seconds=down_seconds)
        outage["up"] = time.time()

    restarter = threading.Thread(target=restart)
    restarter.start()
    load = run_locust(base, plan_path, users=users, run_time=run_time, tag="fault")
    restarter.join()
    time.sleep(2)
    stop.set()
    for thread in threads:
        thread.join()

    down, up = outage["down"], outage["up"]
    recovered = next(
        (end for start, end, kind, ok in events if kind == "probe" and ok and start >= up), None
    )
    recovery_s = (recovered - up) if recovered else None
    window_end = recovered or up

    def overlaps_outage(event):
        # A failed request counts against the outage when it was in flight at any moment
        # between the stop and the first good answer after the start: no guessed margin.
        started, ended, _kind, _ok = event
        return started <= window_end and ended >= down

    failed = [e for e in events if not e[3]]
    outside = [e for e in failed if not overlaps_outage(e)]
    during = [e for e in failed if overlaps_outage(e)]
    connection.close()
    from units.models import Person

    kept = set(
        Person.objects.filter(unit_id=unit_id, staff_code__in=acknowledged).values_list(
            "staff_code", flat=True
        )
    )
    lost = sorted(set(acknowledged) - kept)
    # Leave the data set as it was for the next run.
    Person.objects.filter(unit_id=unit_id, staff_code__startswith=f"F{run_id}-").delete()
    return {
        "down_s": up - down,
        "recovery_s": recovery_s,
        "errors_during": len(during),
        "errors_outside": len(outside),
        "writes_ok": len(acknowledged),
        "lost": lost,
        "load": load,
    }


# --- Report -------------------------------------------------------------------------------------


def write_report(results, path=DOC):
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {results['when']} ({results['machine']}). Data: "
        f"{results['data']}. Served by gunicorn, 2 sync workers, DEBUG off, on 127.0.0.1; "
        "locust and PostgreSQL on the same machine. Timings are medians of the repetitions; "
        "the machine is shared and noisy, so compare runs by their medians.",
        "",
        "## Targets",
        "",
        "| target | goal | measured | met |",
        "| --- | --- | --- | --- |",
    ]
    for name, goal, value, met in results["targets"]:
        lines.append(f"| {name} | {goal} | {value} | {'yes' if met else '**no**'} |")
    lines += [
        "",
        f"## (a) Single user: every page of every role ({results['reps']} requests each)",
        "",
        f"Floor: `/healthz` p50 {results['healthz']['p50']:.1f} ms, "
        f"p95 {results['healthz']['p95']:.1f} ms.",
        "",
        "| role | page | URL pattern | p50 ms | p95 ms | × healthz | queries |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in results["pages"]:
        lines.append(
            f"| {row['role']} | `{row['url']}` | `{row['route'] or '/'}` | {row['p50']:.0f} | "
            f"{row['p95']:.0f} | {row['ratio']:.1f} | {row['queries']} |"
        )
    load = results["load"]
    lines += [
        "",
        f"## (b) Mixed load: {results['users']} users, {results['run_time']} s",
        "",
        f"{load['requests']} requests, **{load['rps']:.1f} requests/s**, p50 {load['p50']:.0f} ms, "
        f"p95 {load['p95']:.0f} ms, p99 {load['p99']:.0f} ms, **{load['errors']} errors**.",
        "",
        "| role | requests/s | p95 ms | errors |",
        "| --- | ---: | ---: | ---: |",
    ]
    for role, (rps, p95, errors) in sorted(load["by_role"].items()):
        lines.append(f"| {role} | {rps:.1f} | {p95:.0f} | {errors} |")
    floor = results.get("floor")
    if floor:
        lines += [
            "",
            f"Floor under the same load: `/healthz` alone, {results['users']} users, "
            f"{FLOOR_RUN_TIME} s: **{floor['rps']:.1f} requests/s**, p95 {floor['p95']:.0f} ms, "
            f"{floor['errors']} errors. The mixed load runs at "
            f"{100 * load['rps'] / max(floor['rps'], 0.1):.0f} % of it.",
        ]
    export, imported = results["export"], results["import"]
    lines += [
        "",
        "## (d) Export and import",
        "",
        f"- Score matrix of the sector-wide phase ({export['units']} units × 60 criteria, "
        f"self and reviewed score each) as .xlsx over HTTP: **{export['median_s']:.2f} s** "
        f"({export['bytes'] // 1024} KB).",
        f"- Staff import of {imported['rows']:,} rows (.xlsx, validated, bulk written, "
        f"rolled back after timing): **{imported['median_s']:.2f} s**.",
    ]
    fault = results.get("fault")
    if fault:
        lines += [
            "",
            "## Fault: PostgreSQL restarted under load",
            "",
            f"- The database was down {fault['down_s']:.1f} s in the middle of a "
            f"{results['run_time']} s load of {results['users']} users.",
            f"- Failed probes and writes while it was down: {fault['errors_during']}; "
            f"outside that window: **{fault['errors_outside']}**.",
            f"- Recovery after PostgreSQL was back: **{fault['recovery_s']:.1f} s**"
            if fault["recovery_s"] is not None
            else "- **The app did not recover** within the run.",
            f"- Writes acknowledged (staff added through the app): {fault['writes_ok']}; "
            f"missing after the run: **{len(fault['lost'])}**.",
            f"- Load during the run: {fault['load']['rps']:.1f} requests/s, "
            f"{fault['load']['errors']} failed requests (locust does not time them; the probes above do).",
        ]
    old_notes = ""
    if path.exists() and NOTES_MARKER in path.read_text():
        old_notes = path.read_text().split(NOTES_MARKER, 1)[1]
    lines += ["", NOTES_MARKER + old_notes.rstrip("\n"), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines).replace("\n\n\n", "\n\n"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fault", action="store_true", help="also restart PostgreSQL under load")
    parser.add_argument("--fault-only", action="store_true", help="only the fault phase")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--run-time", type=int, default=60)
    parser.add_argument("--reps", type=int, default=20)  # p95 of 10 would be the maximum
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--certificates-only", action="store_true", help="only the 500 certificates, no server"
    )
    parser.add_argument(
        "--statistics-only", action="store_true", help="only the statistics forms, in-process"
    )
    parser.add_argument(
        "--decision-only",
        action="store_true",
        help="only time a 500-line award decision drafted and recorded (no server, no load)",
    )
    args = parser.parse_args()
    if args.certificates_only:
        sys.path.insert(0, str(ROOT))
        django_setup()
        result = time_certificates()
        print(f"bench: certificates={result['pages']} seconds={result['seconds']:.2f}")
        return
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    if args.statistics_only:
        manage("migrate", "--noinput", "-v0")
        manage("seed_scale")
        django_setup()
        result = time_statistics(reps=args.reps)
        for slug, seconds in result["forms"].items():
            print(f"statistics {slug} {result['year']}: {seconds:.3f} s")
        print(f"statistics: worst={result['worst']} {result['worst_s']:.3f} s")
        return
    if args.decision_only:
        manage("migrate", "--noinput", "-v0")
        manage("seed_scale")
        django_setup()
        decision = time_decision()
        ok = decision["median_s"] <= TARGETS["decision_s"]
        print(
            f"bench: decision_lines={decision['lines']} decision_s={decision['median_s']:.2f} ok={ok}"
        )
        return

    log("migrate, seed_scale (first time only), collectstatic")
    manage("migrate", "--noinput", "-v0")
    manage("seed_scale")
    manage("collectstatic", "--noinput", "-v0")
    django_setup()
    server, base = start_gunicorn(args.port)
    try:
        results = run(args, base)
    finally:
        server.terminate()
        server.wait(timeout=30)
    if results is None:
        return
    write_report(results)
    print(
        f"bench: rps={results['load']['rps']:.0f} p95_ms={results['worst_p95']:.0f} "
        f"errors={results['load']['errors']} max_queries={results['max_queries']} "
        f"worst_page={results['worst_page']}"
    )


def warm_workers(base, sessionid):
    """Let every worker make its first database connection before any page is counted:
    django.contrib.postgres reads two type OIDs once per process, which would otherwise
    be charged to whichever page a cold worker serves first."""
    workers = int(ENV["WEB_CONCURRENCY"])

    def visit(_):
        return requests.get(base + "/account/", cookies={"sessionid": sessionid}, timeout=60)

    with ThreadPoolExecutor(max_workers=workers * 4) as pool:
        list(pool.map(visit, range(workers * 16)))


def run(args, base):
    users = role_users()
    warm_workers(base, session_for(users["officer"]))
    plan = {
        "roles": {},
        "mix": {"officer": 5, "leader": 2, "secretariat": 2, "viewer": 1, "admin": 1},
    }
    pages = []
    if not args.fault_only:
        healthz = measure(requests.Session(), base + "/healthz", args.reps * 3)
    for role, user in users.items():
        session = requests.Session()
        session.cookies.set("sessionid", session_for(user))
        found = crawl(session, base) + search_pages(role, user) + notification_pages(user)
        log(f"{role} ({user.username}): {len(found)} pages")
        plan["roles"][role] = {
            "sessions": [session_for(user) for _ in range(12)],
            "pages": [url for url, _route in found],
        }
        if args.fault_only:
            continue
        for url, route in found:
            row = {
                "role": role,
                "url": url,
                "route": route,
                **measure(session, base + url, args.reps),
            }
            row["ratio"] = row["p50"] / max(healthz["p50"], 0.1)
            pages.append(row)
    plan_path = OUT / "plan.json"
    plan_path.write_text(json.dumps(plan))

    if args.fault_only:
        fault = fault_phase(
            base, plan_path, users["officer"], users=args.users, run_time=args.run_time
        )
        print(json.dumps(fault, indent=2, default=str))
        return None

    log(f"mixed load: {args.users} users for {args.run_time} s")
    load = run_locust(base, plan_path, users=args.users, run_time=args.run_time, tag="load")
    # The same load on the page that does nothing: what this machine's stack (locust,
    # gunicorn, the middleware) can serve at most, so the mixed load reads as a share of it.
    log(f"floor under load: /healthz, {args.users} users for {FLOOR_RUN_TIME} s")
    floor_plan = OUT / "plan-floor.json"
    floor_plan.write_text(
        json.dumps(
            {"roles": {"floor": {"sessions": ["-"], "pages": ["/healthz"]}}, "mix": {"floor": 1}}
        )
    )
    floor = run_locust(base, floor_plan, users=args.users, run_time=FLOOR_RUN_TIME, tag="floor")
    log("export of the national score matrix")
    admin_session = requests.Session()
    admin_session.cookies.set("sessionid", session_for(users["admin"]))
    export = time_export(admin_session, base)
    log("import of 10,000 staff rows")
    imported = time_import()
    log("500 certificates of one decision")
    certificates = time_certificates()
    log("statistics forms of the whole sector")
    sector_statistics = time_statistics(admin_session, base)
    log("a 500-line award decision drafted and recorded")
    decision = time_decision()
    fault = None
    if args.fault:
        log("fault: PostgreSQL restarted under load")
        fault = fault_phase(
            base, plan_path, users["officer"], users=args.users, run_time=args.run_time
        )

    worst = max(pages, key=lambda r: r["p95"])
    max_queries = max(r["queries"] for r in pages)
    not_ok = [r for r in pages if r["status"] != 200]
    from django.db import connection

    connection.close()
    from evaluations.results.models import Score
    from units.models import Person, Unit

    data = (
        f"{Unit.objects.filter(code__startswith='SC-').count():,} units, "
        f"{Person.objects.count():,} people, {Score.objects.count():,} scores"
    )
    targets = [
        ("SQL queries per page", f"≤ {TARGETS['queries']}", max_queries, max_queries <= TARGETS["queries"]),
        ("single-user p95, worst page", f"≤ {TARGETS['p95_ms']} ms", f"{worst['p95']:.0f} ms ({worst['url']})", worst["p95"] <= TARGETS["p95_ms"]),
        ("requests/s under load", f"≥ {TARGETS['rps']}", f"{load['rps']:.1f}", load["rps"] >= TARGETS["rps"]),
        ("errors under load", "0", load["errors"] + len(not_ok), load["errors"] + len(not_ok) == 0),
        ("score-matrix export", f"≤ {TARGETS['export_s']} s", f"{export['median_s']:.2f} s", export["median_s"] <= TARGETS["export_s"]),
        ("10,000-row staff import", f"≤ {TARGETS['import_s']} s", f"{imported['median_s']:.2f} s", imported["median_s"] <= TARGETS["import_s"]),
        ("500 certificates (one PDF)", f"≤ {TARGETS['certificates_s']} s", f"{certificates['seconds']:.2f} s", certificates["seconds"] <= TARGETS["certificates_s"]),
        (f"{decision['lines']}-line award decision drafted and recorded", f"≤ {TARGETS['decision_s']} s", f"{decision['median_s']:.2f} s", decision["median_s"] <= TARGETS["decision_s"]),
    ] + [
        (f"statistics form {slug}, whole sector (.xlsx, {sector_statistics['year']})", f"≤ {TARGETS['statistics_s']} s", f"{seconds:.2f} s", seconds <= TARGETS["statistics_s"])
        for slug, seconds in sector_statistics["forms"].items()
    ]  # fmt: skip
    if fault:
        targets += [
            ("errors outside the outage", "0", fault["errors_outside"], fault["errors_outside"] == 0),
            ("recovery after restart", "seconds", f"{fault['recovery_s']:.1f} s" if fault["recovery_s"] is not None else "none", fault["recovery_s"] is not None and fault["recovery_s"] < 10),
            ("committed rows lost", "0", len(fault["lost"]), not fault["lost"]),
        ]  # fmt: skip
    return {
        "when": datetime.now().strftime("%d/%m/%Y %H:%M"),
        "machine": f"{os.cpu_count()} CPU cores",
        "data": data,
        "reps": args.reps,
        "users": args.users,
        "run_time": args.run_time,
        "healthz": healthz,
        "pages": pages,
        "load": load,
        "floor": floor,
        "export": export,
        "import": imported,
        "certificates": certificates,
        "statistics": sector_statistics,
        "fault": fault,
        "targets": targets,
        "worst_p95": worst["p95"],
        "worst_page": worst["url"],
        "max_queries": max_queries,
    }


if __name__ == "__main__":
    main()

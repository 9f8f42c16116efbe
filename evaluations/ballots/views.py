"""Pages of the secret ballot: list, setup, vote, paper totals, tally, minutes."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from campaigns.models import Campaign, Phase
from campaigns.selectors import campaigns_visible_to
from core.http import int_param, redirect_stray_query
from core.views import ObjectActionsMixin, ObjectPermissionMixin, refusal_as_message, refusal_onto
from evaluations.ballots import selectors, services
from evaluations.ballots.forms import (
    BallotForm,
    CandidateForm,
    PaperForm,
    QuestionForm,
    VoteForm,
    VoterForm,
    cluster_year_field,
    split_choice,
)
from evaluations.ballots.minutes import CandidateLine, MinutesDocument, QuestionBlock, minutes_docx
from evaluations.ballots.models import BallotCandidate, BallotQuestion, BallotVoter
from pledges.models import Title
from units.models import ClusterYear
from units.selectors import roles_of

KEY_FILE_MAX = 16 * 1024  # a key file is under 1 KB
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FLAG_QUESTION = gettext_lazy("Units proposed for the emulation flag of the Government Inspectorate")


class BallotMixin(ObjectPermissionMixin):
    """Views of one ballot: through the selector of what the user may see (404 otherwise),
    then `view_ballot` and whatever more the view names."""

    permission_required = "evaluations.view_ballot"

    def get_queryset(self):
        return selectors.ballots_visible_to(user=self.request.user)


class BallotListView(LoginRequiredMixin, View):
    """The ballots the user may see, optionally of one cluster year or campaign."""

    def get(self, request):
        cluster_year = campaign = None
        if int_param(request.GET.get("cluster_year")):
            cluster_year = get_object_or_404(
                ClusterYear.objects.select_related("cluster"), pk=request.GET["cluster_year"]
            )
        if int_param(request.GET.get("campaign")):
            campaign = get_object_or_404(
                campaigns_visible_to(user=request.user), pk=request.GET["campaign"]
            )
        ballots = selectors.ballot_list(
            user=request.user,
            cluster_year_id=cluster_year.pk if cluster_year else None,
            campaign_id=campaign.pk if campaign else None,
        )
        roles = roles_of(request.user)
        return render(
            request,
            "evaluations/ballots/list.html",
            {
                "ballots": ballots,
                "cluster_year": cluster_year,
                "campaign": campaign,
                "can_create": roles.is_admin or bool(roles.secretariat_cluster_year_ids),
            },
        )


def _source_choices(user) -> list:
    """Published phase rankings and campaigns the user may base a ballot on."""
    roles = roles_of(user)
    campaigns = campaigns_visible_to(user=user)
    if not roles.is_admin:
        campaigns = campaigns.filter(
            Q(cluster_year_id__in=roles.secretariat_cluster_year_ids) | Q(cluster_year__isnull=True)
        )
    phases = list(
        Phase.objects.filter(campaign__in=campaigns, publication__isnull=False)
        .select_related("campaign")
        .order_by("-start_date")[:100]
    )
    choices = [
        (f"phase:{p.pk}", _("%(phase)s – %(campaign)s") % {"phase": p.name, "campaign": p.campaign})
        for p in phases
    ]
    seen = set()
    for phase in phases:
        if phase.campaign_id not in seen:
            seen.add(phase.campaign_id)
            choices.append(
                (
                    f"campaign:{phase.campaign_id}",
                    _("Whole campaign: %(campaign)s") % {"campaign": phase.campaign},
                )
            )
    return choices


def _cluster_year_choices(user) -> list:
    roles = roles_of(user)
    years = ClusterYear.objects.select_related("cluster").order_by("-year", "cluster__name")
    if not roles.is_admin:
        years = years.filter(pk__in=roles.secretariat_cluster_year_ids)
    return [(y.pk, str(y)) for y in years[:300]]


def _resolve_source(value):
    kind, pk = split_choice(value)
    if kind == "phase":
        phase = Phase.objects.select_related("campaign").filter(pk=pk).first()
        return (phase.campaign if phase else None), phase
    if kind == "campaign":
        return Campaign.objects.filter(pk=pk).first(), None
    return None, None


class BallotCreateView(LoginRequiredMixin, View):
    template_name = "evaluations/ballots/create.html"

    def forms(self, data=None):
        user = self.request.user
        roles = roles_of(user)
        if not (roles.is_admin or roles.secretariat_cluster_year_ids):
            raise PermissionDenied
        initial = {"title": _("Selection vote for the emulation titles")}
        question_initial = {"text": FLAG_QUESTION, "places": 1, "from_ranking": 3}
        phase_pk, campaign_pk = (
            int_param(self.request.GET.get("phase")),
            int_param(self.request.GET.get("campaign")),
        )
        cluster_year_pk = int_param(self.request.GET.get("cluster_year"))
        if phase_pk:
            initial["source"] = f"phase:{phase_pk}"
            phase = Phase.objects.select_related("campaign").filter(pk=phase_pk).first()
            cluster_year_pk = cluster_year_pk or (phase and phase.campaign.cluster_year_id)
        elif campaign_pk:
            initial["source"] = f"campaign:{campaign_pk}"
        flag = Title.objects.filter(code="CO_TTCP", recipient="collective").first()
        if flag is not None:
            question_initial["title"] = flag.pk
        form = BallotForm(data, initial=initial, sources=_source_choices(user))
        years = _cluster_year_choices(user)
        form.fields["cluster_year"] = cluster_year_field(years)
        if cluster_year_pk:
            form.initial["cluster_year"] = cluster_year_pk
        form.order_fields(["cluster_year", "title", "source"])
        question = QuestionForm(data, prefix="q", initial=question_initial)
        return form, question

    def get(self, request):
        form, question = self.forms()
        return render(request, self.template_name, {"form": form, "question_form": question})

    def post(self, request):
        form, question = self.forms(request.POST)
        if form.is_valid() and question.is_valid():
            cluster_year = ClusterYear.objects.get(pk=form.cleaned_data["cluster_year"])
            campaign, phase = _resolve_source(form.cleaned_data.get("source"))
            data = {
                k: v for k, v in form.cleaned_data.items() if k not in ("cluster_year", "source")
            }
            with refusal_onto(form):
                ballot = services.ballot_create(
                    cluster_year=cluster_year,
                    actor=request.user,
                    campaign=campaign,
                    phase=phase,
                    questions=[question.question_data()],
                    **data,
                )
                messages.success(
                    request,
                    _(
                        "The ballot was created as a draft: check the candidates and voters, "
                        "then open it."
                    ),
                )
                return redirect("evaluations:ballot_detail", pk=ballot.pk)
        return render(request, self.template_name, {"form": form, "question_form": question})


class BallotEditView(BallotMixin, View):
    template_name = "evaluations/ballots/edit.html"
    permission_required = ("evaluations.view_ballot", "evaluations.change_ballot")

    def get(self, request, pk):
        ballot = self.object
        initial = {name: getattr(ballot, name) for name in services.BALLOT_FIELDS}
        form = BallotForm(initial=initial, with_source=False)
        return render(request, self.template_name, {"ballot": ballot, "form": form})

    def post(self, request, pk):
        ballot = self.object
        form = BallotForm(request.POST, with_source=False)
        if form.is_valid():
            with refusal_onto(form):
                services.ballot_update(ballot=ballot, actor=request.user, data=form.cleaned_data)
                messages.success(request, _("The ballot was saved."))
                return redirect("evaluations:ballot_detail", pk=ballot.pk)
        return render(request, self.template_name, {"ballot": ballot, "form": form})


@method_decorator(sensitive_post_parameters("key"), name="post")
class BallotDetailView(BallotMixin, ObjectActionsMixin, View):
    """The ballot: setup while a draft, turnout while open, the tally once closed."""

    template_name = "evaluations/ballots/detail.html"
    query_params = ("question",)  # the question a candidate is added to, kept selected
    actions = {
        "add_question": ("evaluations.change_ballot", "add_question"),
        "delete_question": ("evaluations.change_ballot", "delete_question"),
        "add_candidate": ("evaluations.change_ballot", "add_candidate"),
        "remove_candidate": ("evaluations.change_ballot", "remove_candidate"),
        "add_voter": ("evaluations.change_ballot", "add_voter"),
        "remove_voter": ("evaluations.change_ballot", "remove_voter"),
        "open": ("evaluations.manage_ballot", "open"),
        "close": ("evaluations.manage_ballot", "close"),
        "discard_electronic": ("evaluations.enter_paper_ballot", "discard_electronic"),
        "publish": ("evaluations.manage_ballot", "transition"),
    }

    def context(self, ballot, question_form=None, candidate_form=None, voter_form=None):
        user = self.request.user
        questions = selectors.questions_of(ballot)
        manages = user.has_perm("evaluations.manage_ballot", ballot)
        voters = selectors.voters_of(ballot) if manages else []
        if manages:
            # The user's own voter row is among these: no second query.
            roles = roles_of(user)
            mine = [v for v in voters if v.user_id == user.pk or v.unit_id in roles.leader_unit_ids]
            mine.sort(key=lambda v: (v.voted_at is not None, v.pk))
            ballot._voter_for_user = {user.pk: mine[0] if mine else None}
        can_change = user.has_perm("evaluations.change_ballot", ballot)
        sees_result = user.has_perm("evaluations.view_ballot_result", ballot)
        for question in questions:
            question.rows = (
                selectors.tallied_candidates(question) if sees_result else question.candidates.all()
            )
            question.has_tie = sees_result and any(c.tie for c in question.rows)
        context = {
            "ballot": ballot,
            "questions": questions,
            "voters": voters,
            "manages": manages,
            "can_change": can_change,
            "sees_result": sees_result,
            "my_voter": selectors.voter_for(user=user, ballot=ballot),
            "can_vote": user.has_perm("evaluations.vote_ballot", ballot),
            "voted_count": sum(1 for v in voters if v.voted_at),
        }
        if can_change:
            units = selectors.all_member_units(ballot.cluster_year)
            context["question_form"] = question_form or QuestionForm(
                prefix="q",
                initial={
                    "places": 1,
                    "from_ranking": 3 if ballot.phase_id or ballot.campaign_id else 0,
                },
                with_ranking=bool(ballot.phase_id or ballot.campaign_id),
            )
            asked = self.request.POST if self.request.method == "POST" else self.request.GET
            context["candidate_form"] = candidate_form or CandidateForm(ballot=ballot, user=user)
            context["candidate_question"] = int_param(asked.get("question"))
            context["voter_form"] = voter_form or VoterForm(
                units=units, users=selectors.delegate_users(ballot.cluster_year)
            )
        return context

    def get(self, request, pk):
        if stray := redirect_stray_query(request, self.query_params):
            return stray
        return render(request, self.template_name, self.context(self.object))

    def _done(self, ballot, message):
        messages.success(self.request, message)
        return redirect("evaluations:ballot_detail", pk=ballot.pk)

    def add_question(self, request, ballot, action):
        form = QuestionForm(
            request.POST, prefix="q", with_ranking=bool(ballot.phase_id or ballot.campaign_id)
        )
        if form.is_valid():
            with refusal_onto(form):
                services.question_add(ballot=ballot, actor=request.user, data=form.question_data())
                return self._done(ballot, _("The question was added."))
        return render(request, self.template_name, self.context(ballot, question_form=form))

    def delete_question(self, request, ballot, action):
        question = get_object_or_404(
            BallotQuestion, pk=int_param(request.POST.get("question")), ballot=ballot
        )
        with refusal_as_message(request):
            services.question_delete(question=question, actor=request.user)
            return self._done(ballot, _("The question was removed."))
        return redirect("evaluations:ballot_detail", pk=ballot.pk)

    def add_candidate(self, request, ballot, action):
        question = get_object_or_404(
            BallotQuestion, pk=int_param(request.POST.get("question")), ballot=ballot
        )
        form = CandidateForm(request.POST, ballot=ballot, user=request.user)
        if form.is_valid():
            person = form.cleaned_data["person"]
            unit = None if person is not None else form.cleaned_data["unit"]
            with refusal_onto(form):
                services.candidate_add(
                    question=question,
                    actor=request.user,
                    unit=unit,
                    person=person,
                    note=form.cleaned_data["note"],
                )
                return self._done(ballot, _("The candidate was added."))
        return render(request, self.template_name, self.context(ballot, candidate_form=form))

    def remove_candidate(self, request, ballot, action):
        candidate = get_object_or_404(
            BallotCandidate.objects.select_related("question__ballot"),
            pk=int_param(request.POST.get("candidate")),
            question__ballot=ballot,
        )
        with refusal_as_message(request):
            services.candidate_remove(candidate=candidate, actor=request.user)
            return self._done(ballot, _("The candidate was removed."))
        return redirect("evaluations:ballot_detail", pk=ballot.pk)

    def add_voter(self, request, ballot, action):
        units = selectors.all_member_units(ballot.cluster_year)
        users = selectors.delegate_users(ballot.cluster_year)
        form = VoterForm(request.POST, units=units, users=users)
        if form.is_valid():
            kind, choice = split_choice(form.cleaned_data["voter"])
            unit = next((u for u in units if kind == "unit" and u.pk == choice), None)
            delegate = next((u for u in users if kind == "user" and u.pk == choice), None)
            with refusal_onto(form):
                services.voter_add(ballot=ballot, actor=request.user, unit=unit, user=delegate)
                return self._done(ballot, _("The voter was added."))
        return render(request, self.template_name, self.context(ballot, voter_form=form))

    def remove_voter(self, request, ballot, action):
        voter = get_object_or_404(
            BallotVoter.objects.select_related("ballot"),
            pk=int_param(request.POST.get("voter")),
            ballot=ballot,
        )
        with refusal_as_message(request):
            services.voter_remove(voter=voter, actor=request.user)
            return self._done(ballot, _("The voter was removed."))
        return redirect("evaluations:ballot_detail", pk=ballot.pk)

    TRANSITIONS = {
        "publish": (
            services.ballot_publish,
            gettext_lazy("The result was published: member units can see it now."),
        ),
    }

    @method_decorator(sensitive_variables("issued", "key_file", "response"))
    def open(self, request, ballot, action):
        """Open the ballot and show its private key, this once: the answer to the POST
        itself, never stored, logged, put in the session or a message."""
        with refusal_as_message(request):
            ballot = services.ballot_open(ballot=ballot, actor=request.user)
            issued = ballot.issued_key
            key_file = render_to_string(
                "evaluations/ballots/ballot_key.txt", {"ballot": ballot, "key": issued}
            )
            response = render(
                request,
                "evaluations/ballots/ballot_key.html",
                {
                    "ballot": ballot,
                    "key": issued,
                    "key_file_url": "data:text/plain;charset=utf-8," + quote(key_file),
                    "key_file_name": f"khoa-bo-phieu-{ballot.pk}.txt",
                },
            )
            response["Cache-Control"] = "no-store"
            return response
        return redirect("evaluations:ballot_detail", pk=ballot.pk)

    @method_decorator(sensitive_variables("key", "upload"))
    def close(self, request, ballot, action):
        """Close with the key: pasted code or the key file (read here, kept nowhere)."""
        key = request.POST.get("key", "")
        upload = request.FILES.get("key_file")
        if upload is not None and upload.size <= KEY_FILE_MAX:
            key = upload.read().decode("utf-8", errors="replace")
        with refusal_as_message(request):
            services.ballot_close(ballot=ballot, actor=request.user, key=key)
            return self._done(ballot, _("The ballot was closed and tallied."))
        return redirect("evaluations:ballot_detail", pk=ballot.pk)

    def discard_electronic(self, request, ballot, action):
        with refusal_as_message(request):
            services.ballot_discard_electronic(ballot=ballot, actor=request.user)
            messages.success(
                request,
                _(
                    "The electronic ballots were discarded unread. Hold the paper re-vote, "
                    "enter its totals, then close the ballot."
                ),
            )
            return redirect("evaluations:ballot_paper", pk=ballot.pk)
        return redirect("evaluations:ballot_detail", pk=ballot.pk)

    def transition(self, request, ballot, action):
        service, message = self.TRANSITIONS[action]
        with refusal_as_message(request):
            service(ballot=ballot, actor=request.user)
            return self._done(ballot, str(message))
        return redirect("evaluations:ballot_detail", pk=ballot.pk)


class QuestionEditView(ObjectPermissionMixin, View):
    template_name = "evaluations/ballots/question_form.html"
    permission_required = "evaluations.change_ballot"

    def get_queryset(self):
        return BallotQuestion.objects.filter(
            ballot__in=selectors.ballots_visible_to(user=self.request.user)
        ).select_related("ballot__cluster_year__cluster")

    def get_permission_object(self):
        return self.object.ballot

    def get(self, request, pk):
        question = self.object
        form = QuestionForm(
            prefix="q",
            with_ranking=False,
            initial={
                "text": question.text,
                "title": question.title_id,
                "places": question.places,
                "threshold_percent": question.threshold_percent,
            },
        )
        return render(request, self.template_name, {"question": question, "form": form})

    def post(self, request, pk):
        question = self.object
        form = QuestionForm(request.POST, prefix="q", with_ranking=False)
        if form.is_valid():
            with refusal_onto(form):
                services.question_update(
                    question=question, actor=request.user, data=form.question_data()
                )
                messages.success(request, _("The question was saved."))
                return redirect("evaluations:ballot_detail", pk=question.ballot_id)
        return render(request, self.template_name, {"question": question, "form": form})


class BallotVoteView(BallotMixin, View):
    """The voter's own ballot paper. What they tick is sealed into an envelope under the
    ballot's public key and written nowhere else."""

    template_name = "evaluations/ballots/vote.html"

    def check_permission(self):
        super().check_permission()
        self.voter = selectors.voter_for(user=self.request.user, ballot=self.object)
        if self.voter is None:
            raise PermissionDenied

    def show(self, ballot, voter, form):
        return render(
            self.request, self.template_name, {"ballot": ballot, "voter": voter, "form": form}
        )

    def get(self, request, pk):
        ballot, voter = self.object, self.voter
        form = VoteForm(questions=selectors.questions_of(ballot)) if ballot.is_open else None
        return self.show(ballot, voter, form)

    def post(self, request, pk):
        ballot, voter = self.object, self.voter
        form = VoteForm(request.POST, questions=selectors.questions_of(ballot))
        if not form.is_valid():
            return self.show(ballot, voter, form)
        with refusal_as_message(request):
            counted = services.ballot_vote(
                ballot=ballot, actor=request.user, choices=form.choices()
            )
            messages.success(
                request,
                _("Your ballot was counted at %(time)s. Thank you.")
                % {"time": timezone.localtime(counted.voted_at).strftime("%H:%M")},
            )
        return redirect("evaluations:ballot_vote", pk=ballot.pk)


class BallotPaperView(BallotMixin, View):
    """The secretariat enters the totals counted from paper ballots."""

    template_name = "evaluations/ballots/paper.html"
    permission_required = ("evaluations.view_ballot", "evaluations.enter_paper_ballot")

    def get(self, request, pk):
        ballot = self.object
        initial = {"cast_count": ballot.cast_count if ballot.is_paper else None}
        initial["present_count"] = ballot.present_count
        form = PaperForm(ballot=ballot, questions=selectors.questions_of(ballot), initial=initial)
        return render(request, self.template_name, {"ballot": ballot, "form": form})

    def post(self, request, pk):
        ballot = self.object
        form = PaperForm(request.POST, ballot=ballot, questions=selectors.questions_of(ballot))
        if form.is_valid():
            with refusal_onto(form):
                services.paper_totals_enter(
                    ballot=ballot,
                    actor=request.user,
                    cast_count=form.cleaned_data["cast_count"],
                    present_count=form.cleaned_data.get("present_count"),
                    votes=form.votes(),
                )
                messages.success(
                    request,
                    _("The paper ballot totals were saved. Close the ballot to tally them."),
                )
                return redirect("evaluations:ballot_detail", pk=ballot.pk)
        return render(request, self.template_name, {"ballot": ballot, "form": form})


def minutes_document(ballot, questions) -> MinutesDocument:
    # The date line names the province or city of the cluster's chair unit, which issues
    # the minutes; the meeting place (often an agency's hall) goes in the opening sentence.
    chair = ballot.cluster_year.chair_unit
    return MinutesDocument(
        cluster_name=ballot.cluster_year.cluster.name,
        year=ballot.cluster_year.year,
        ballot_title=ballot.title,
        city_name=chair.province if chair else "",
        place_name=ballot.meeting_place,
        meeting_date=ballot.meeting_date,
        eligible=ballot.eligible_count,
        present=ballot.present_count,
        cast=ballot.cast_count,
        quorum_label=ballot.quorum_label,
        quorum_met=bool(ballot.quorum_met),
        is_paper=ballot.is_paper,
        chair_name=ballot.chair_name,
        secretary_name=ballot.secretary_name,
        questions=[
            QuestionBlock(
                text=q.text,
                places=q.places,
                threshold_percent=q.threshold_percent,
                candidates=[
                    CandidateLine(
                        name=c.name,
                        votes=c.votes,
                        percent=c.percent or 0,
                        passed=bool(c.passed),
                        elected=c.elected,
                        tie=c.tie,
                    )
                    for c in selectors.tallied_candidates(q)
                ],
            )
            for q in questions
        ],
    )


class BallotMinutesView(BallotMixin, View):
    permission_required = ("evaluations.view_ballot", "evaluations.view_ballot_result")

    def get(self, request, pk):
        ballot = self.object
        document = minutes_document(ballot, selectors.questions_of(ballot))
        response = HttpResponse(minutes_docx(document), content_type=DOCX)
        response["Content-Disposition"] = (
            f'attachment; filename="bien-ban-binh-xet-{ballot.cluster_year.year}-{ballot.pk}.docx"'
        )
        return response

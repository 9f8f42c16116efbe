"""State machines: a table of transitions per model, and the one place where a status changes.

Each model with a workflow declares it once, in its app's `workflows.py`:

    PROPOSAL_FLOW = Workflow(
        "evaluations.AwardProposal",
        [transition("endorse", {SUBMITTED}, ENDORSED, "evaluations.endorse_awardproposal"), ...],
        refused=gettext_lazy("The proposal is “%(status)s”: this step is not possible now."),
        ...
    )

A transition has a name, the statuses it leaves from, the status it reaches and the named
permission its actor needs (None for a step that follows from another action, such as the
last signature completing a pledge). Services change a status only through `move`, on a
row they locked in their transaction (`lock`): it asks the permission, checks that the
transition leaves from the current status, sets the status (with the transition's time
stamp or comment), saves, and writes the history row and the audit record. Services whose
own checks must come between the permission and the move call `check` first; `transition`
locks and moves in one call. Rules take the state part of their permissions from the same
table (`allows`), so that each list of statuses is written once.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import rules
from django.apps import apps
from django.db.models import F
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from core.exceptions import ActionRefused


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    permission: str | None = None
    stamp: str = ""  # a field set to the time of the move ("published_at")
    keeps_comment: bool = False  # the comment is kept on the object (what to correct)
    comment_required: str = ""  # the refusal when the comment is left empty


def transition(name, sources, target, permission=None, **options) -> Transition:
    return Transition(name, frozenset(sources), target, permission, **options)


class Workflow:
    def __init__(
        self,
        model: str,
        transitions: Iterable[Transition],
        *,
        refused,
        audit: Callable,
        audit_action: str,
        audit_unit: bool = False,
        history: str | None = None,
        bumps_revision: bool = False,
        lock_related: Iterable[str] = (),
        audit_many: Callable | None = None,
    ):
        """`model` and `history` are "app_label.ModelName" (the app registry may not be ready
        when the table is declared); `refused` is the message for a step the current status
        does not allow, with `%(status)s`; `audit` writes the audit record (keyword arguments
        actor, action, obj, unit, changes, note); `history` is a model with `from_status`,
        `to_status`, `actor`, `comment` and a foreign key to `model`; `audit_many` writes
        many audit records at once (a list of `audit`'s keyword arguments), for `move_many`."""
        self.model_label = model
        self.transitions = {step.name: step for step in transitions}
        self.refused = refused
        self.audit = audit
        self.audit_action = audit_action
        self.audit_unit = audit_unit
        self.history_label = history
        self.bumps_revision = bumps_revision
        self.lock_related = tuple(lock_related)
        self.audit_many = audit_many

    def __getitem__(self, name: str) -> Transition:
        return self.transitions[name]

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)

    @cached_property
    def _history(self):
        """(history model, name of its foreign key to `model`), or None."""
        if self.history_label is None:
            return None
        history = apps.get_model(self.history_label)
        field = next(f for f in history._meta.fields if f.related_model is self.model)
        return history, field.name

    @cached_property
    def _auto_now_fields(self) -> list[str]:
        return [f.name for f in self.model._meta.fields if getattr(f, "auto_now", False)]

    # --- reads ----------------------------------------------------------------------------

    def allows(self, name: str) -> rules.Predicate:
        """A rules predicate: the object's status is one the transition leaves from."""
        sources = self[name].sources

        def predicate(user, obj):
            return obj is not None and obj.status in sources

        return rules.predicate(predicate, name=f"{self.model_label}.{name}")

    # --- writes ---------------------------------------------------------------------------

    def lock(self, obj):
        """The object's row, locked until the end of the caller's transaction."""
        return (
            self.model.objects.select_for_update(of=("self",))
            .select_related(*self.lock_related)
            .get(pk=obj.pk)
        )

    def check(self, obj, name: str, actor) -> Transition:
        """Refuse unless `actor` may take transition `name` from the object's status."""
        step = self[name]
        if step.permission and not actor.has_perm(step.permission, obj):
            raise ActionRefused(_("You do not have permission to do this."))
        if obj.status not in step.sources:
            raise ActionRefused(str(self.refused) % {"status": obj.get_status_display()})
        return step

    def move(self, obj, name: str, *, actor, comment: str = "", fields=(), changes=None):
        """Take transition `name` on a locked `obj`; `fields` are other fields the caller
        changed and saves with it, `changes` more before/after values for the audit record."""
        step = self.check(obj, name, actor)
        comment = comment.strip()
        if step.comment_required and not comment:
            raise ActionRefused(str(step.comment_required))
        before = obj.status
        obj.status = step.target
        update = ["status", *fields, *self._auto_now_fields]
        if step.stamp:
            setattr(obj, step.stamp, timezone.now())
            update.append(step.stamp)
        if step.keeps_comment:
            obj.comment = comment
            update.append("comment")
        if self.bumps_revision:
            obj.revision += 1
            update.append("revision")
        obj.save(update_fields=list(dict.fromkeys(update)))
        if self._history is not None:
            history, field = self._history
            history.objects.create(
                **{field: obj},
                from_status=before,
                to_status=step.target,
                actor=actor,
                comment=comment,
            )
        self.audit(
            actor=actor,
            action=self.audit_action,
            obj=obj,
            unit=obj.unit if self.audit_unit else None,
            changes={"status": [before, step.target], **(changes or {})},
            note=comment,
        )
        return obj

    def move_many(self, objs, name: str, *, actor, comment: str = "", fields=()):
        """`move` on many locked objects at once (a decision approving its lines' proposals):
        the same checks, one by one, before anything is written; then one UPDATE per batch,
        the history rows and the audit records each in one INSERT. `fields` are other fields
        the caller set on every object."""
        objs = list(objs)
        step = None
        for obj in objs:
            step = self.check(obj, name, actor)
        if step is None:
            return objs
        comment = comment.strip()
        if step.comment_required and not comment:
            raise ActionRefused(str(step.comment_required))
        now = timezone.now()
        befores = []
        update = ["status", *fields, *self._auto_now_fields]
        if step.stamp:
            update.append(step.stamp)
        if step.keeps_comment:
            update.append("comment")
        if self.bumps_revision:
            update.append("revision")
        for obj in objs:
            befores.append(obj.status)
            obj.status = step.target
            for name_ in [*self._auto_now_fields, *([step.stamp] if step.stamp else [])]:
                setattr(obj, name_, now)
            if step.keeps_comment:
                obj.comment = comment
            if self.bumps_revision:
                obj.revision += 1
        # One UPDATE per set of values (usually one): bulk_update's CASE per row is slow.
        same = [name_ for name_ in dict.fromkeys(update) if name_ != "revision"]
        groups = {}
        for obj in objs:
            key = tuple(getattr(obj, name_) for name_ in same)
            groups.setdefault(key, []).append(obj.pk)
        for key, pks in groups.items():
            values = dict(zip(same, key, strict=True))
            if self.bumps_revision:
                values["revision"] = F("revision") + 1
            self.model.objects.filter(pk__in=pks).update(**values)
        if self._history is not None:
            history, field = self._history
            history.objects.bulk_create(
                [
                    history(
                        **{field: obj},
                        from_status=before,
                        to_status=step.target,
                        actor=actor,
                        comment=comment,
                    )
                    for obj, before in zip(objs, befores, strict=True)
                ],
                batch_size=500,
            )
        entries = [
            {
                "actor": actor,
                "action": self.audit_action,
                "obj": obj,
                "unit": obj.unit if self.audit_unit else None,
                "changes": {"status": [before, step.target]},
                "note": comment,
            }
            for obj, before in zip(objs, befores, strict=True)
        ]
        if self.audit_many is not None:
            self.audit_many(entries)
        else:
            for entry in entries:
                self.audit(**entry)
        return objs

    def transition(self, obj, name: str, *, actor, **options):
        """Lock the row and take transition `name` (inside the caller's transaction)."""
        return self.move(self.lock(obj), name, actor=actor, **options)

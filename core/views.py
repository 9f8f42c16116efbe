"""What every app's object views share: load the URL's object through what the user may
see, ask the named permission once, and turn a service's refusal into what the user reads.

Modelled on pretalx's `PermissionRequired` and the Django admin's `get_object` through
`get_queryset`: a handler finds `self.object` loaded and permitted, and writes only its
own work.
"""

from contextlib import contextmanager

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.exceptions import ActionRefused
from core.http import refusal_to_form


class ObjectPermissionMixin(LoginRequiredMixin):
    """Sign-in first, then the object through `get_queryset()` (404 outside it), then
    `permission_required` on it (403), all before the handler runs.

    `permission_required` names a permission, several (all asked, in order), or None:
    seeing the object is enough. A handler that needs more asks `self.require(perm)`;
    `get_permission_object()` names another object to ask (a campaign for its event);
    `get_object()` may return None for a page that creates; `check_permission()` is where
    a right that is no named permission (a role, a voter row) is asked.
    """

    permission_required: str | tuple[str, ...] | None = None
    pk_url_kwarg = "pk"

    def get_queryset(self):
        """What the user may see: a selector."""
        raise NotImplementedError(f"{type(self).__name__} names no queryset")

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs[self.pk_url_kwarg])

    def get_permission_required(self) -> str | tuple[str, ...] | None:
        return self.permission_required

    def get_permission_object(self):
        return self.object

    def require(self, perm: str | tuple[str, ...] | None, obj=None) -> None:
        """403 unless the user holds `perm` (each of them) on `obj`, by default the
        permission object."""
        perms = (perm,) if isinstance(perm, str) else perm or ()
        if not perms:
            return
        target = self.get_permission_object() if obj is None else obj
        if not self.request.user.has_perms(perms, target):
            raise PermissionDenied

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.answers(request.method):
            self.object = self.get_object()
            self.check_permission()
        return super().dispatch(request, *args, **kwargs)

    def check_permission(self) -> None:
        """Asked once the object is loaded; a view whose right is no named permission
        extends it and raises PermissionDenied."""
        self.require(self.get_permission_required())

    def answers(self, method: str) -> bool:
        """The request reaches one of the view's handlers: a method it does not answer
        stays 405 (and OPTIONS its bare reply) with nothing loaded."""
        name = method.lower()
        return name in self.http_method_names and name != "options" and hasattr(self, name)


class ObjectActionsMixin(ObjectPermissionMixin):
    """POSTs dispatched on their `action` field. `actions` maps each action to the
    permission it asks besides `permission_required` (None: nothing more) and the name of
    the handler, called as `handler(request, obj, action)`; any other action is 404."""

    actions: dict[str, tuple[str | None, str]] = {}
    default_action = ""

    def get_action(self) -> str:
        return self.request.POST.get("action", self.default_action)

    def post(self, request, *args, **kwargs):
        action = self.get_action()
        if action not in self.actions:
            raise Http404
        permission, handler = self.actions[action]
        self.require(permission)
        return getattr(self, handler)(request, self.object, action)


@contextmanager
def refusal_as_message(request, level=messages.ERROR):
    """Run the block; a service's refusal stops it and becomes a flash message.

    Whatever follows the `with` answers a refusal, usually the redirect the block would
    have returned: a success path puts its message and `return` inside the block."""
    try:
        yield
    except ActionRefused as refused:
        messages.add_message(request, level, refused.message)


@contextmanager
def refusal_onto(form, field: str | None = None):
    """Run the block; a service's refusal (ActionRefused, or the ValidationError of its
    `full_clean()`) stops it and lands on the form, which keeps the input: whatever
    follows the `with` renders the form again."""
    try:
        yield
    except (ActionRefused, ValidationError) as error:
        refusal_to_form(form, error, field=field)

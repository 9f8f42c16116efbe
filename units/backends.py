from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

# Values read with the signed-in user's row, in the same query, on every request:
# name -> a function returning the expression (later apps register them when Django starts,
# so `units` imports none of them; notifications: the unread count of the bell).
_user_annotations = {}


def register_user_annotation(name: str, expression) -> None:
    """`expression()` builds the annotation (a Subquery of the user's own rows): the page
    then reads `request.user.<name>` without a query of its own."""
    _user_annotations[name] = expression


class PasswordBackend(ModelBackend):
    """Checks usernames and passwords only.

    Every permission comes from the rules (units/rules.py and each app's rules.py);
    Django's permission tables are not used, so asking them would cost two queries
    per request for nothing.
    """

    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(
            **{name: build() for name, build in _user_annotations.items()}
        )
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False

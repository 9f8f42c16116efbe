from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    """Checks usernames and passwords only.

    Every permission comes from the rules (units/rules.py and each app's rules.py);
    Django's permission tables are not used, so asking them would cost two queries
    per request for nothing.
    """

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

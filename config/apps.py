from django.contrib.admin.apps import AdminConfig


class ThiduaAdminConfig(AdminConfig):
    default_site = "config.admin.ThiduaAdminSite"

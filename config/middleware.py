import re

from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import render

from core.text import clean_text

# C0 control characters except tab, line feed and carriage return.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header: our own scripts and styles only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Offices share PCs: a signed-in page must not come back from the browser's
            # cache (the Back button after signing out). Files set their own policy.
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response


class VietnameseFirstMiddleware:
    """Vietnamese unless the user chose another language with the switch (a cookie).

    Many office PCs run an English browser; the browser's Accept-Language must not
    turn the interface to English on its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class ControlCharactersMiddleware:
    """Removes NUL and the other invisible control characters from every submitted value,
    once for all forms and query strings, and brings each value to one Unicode form
    (`core.text.clean_text`: NFC, so that Vietnamese typed decomposed is stored and
    searched as everyone else's).

    PostgreSQL refuses NUL in text (a server error wherever a value reaches a query), and
    no one types a control character on purpose: they come from pasted documents and from
    attacks. Tabs and line breaks stay. Uploaded files are not touched (their names are
    cleaned where they are stored).
    """

    FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = self.cleaned(request.GET)
        if request.method == "POST" and request.content_type in self.FORM_TYPES:
            request.POST = self.cleaned(request.POST)
        return self.get_response(request)

    @staticmethod
    def clean_value(value: str) -> str:
        return clean_text(CONTROL_CHARACTERS.sub("", value))

    @classmethod
    def cleaned(cls, data: QueryDict) -> QueryDict:
        if all(
            cls.clean_value(key) == key and all(cls.clean_value(v) == v for v in values)
            for key, values in data.lists()
        ):
            return data
        clean = QueryDict(mutable=True, encoding=data.encoding)
        for key, values in data.lists():
            clean.setlist(cls.clean_value(key), [cls.clean_value(v) for v in values])
        clean._mutable = False
        return clean


class QueryCountMiddleware:
    """Benchmarks only: count the SQL queries of a request into an X-Query-Count header.

    Enabled by QUERY_COUNT_HEADER=1 (settings put it first). It needs no DEBUG: a wrapper
    around the connection's execute counts the queries of this request only.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.db import connection

        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response.headers["X-Query-Count"] = str(count)
        return response


class HealthCheckMiddleware:
    """Answers /healthz before anything else looks at the request.

    Load balancers probe each machine by its own address over plain HTTP: the check must not
    be refused for its Host header (ALLOWED_HOSTS) nor redirected to HTTPS. It reads no
    session and no user, so a database outage shows as its 503, not as a 500 elsewhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            from units.views import healthz

            return healthz(request)
        return self.get_response(request)


class FriendlyNotFoundMiddleware:
    """With DEBUG on (`make run`), Django answers a 404 with its technical page: the URL
    patterns and the view that refused. Only superusers (developers) get it; everyone else
    gets the project's 404 page, as in production.

    A view's `Http404` is caught in `process_exception`; an address no URL pattern matches
    never reaches a view, so its response is replaced when it comes back unresolved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is None
            and self.hides_debug(request)
        ):
            return self.not_found(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and self.hides_debug(request):
            return self.not_found(request)
        return None

    @staticmethod
    def hides_debug(request) -> bool:
        user = getattr(request, "user", None)
        return settings.DEBUG and not (user is not None and user.is_superuser)

    @staticmethod
    def not_found(request):
        return render(request, "404.html", status=404)

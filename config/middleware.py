from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header: our own scripts and styles only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
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

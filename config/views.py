from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A stale form (expired session, page left open for hours): explain, don't alarm."""
    return render(request, "403_csrf.html", status=403)

"""Helpers that every app's thin views share."""

import logging
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect

logger = logging.getLogger(__name__)


def deny_unless(user, perm, obj=None):
    """403 unless the rules grant `perm` (the object was already loaded through a selector)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def refusal_to_form(form, error, *, field=None):
    """Put a service's refusal on the form, keeping the input: an ActionRefused on `field`
    (None: above the form), a ValidationError where its own fields say."""
    if isinstance(error, ValidationError):
        form.add_error(None, error)
    else:
        form.add_error(field, error.message)


def open_stored(field):
    """Open a FileField's file through its storage (local disk or S3; never by path).

    A row whose file is gone from the storage answers 404 rather than a server error.
    """
    try:
        return field.storage.open(field.name, "rb")
    except (FileNotFoundError, OSError) as exc:
        logger.warning("stored file missing: %s", field.name)
        raise Http404 from exc


def stored_file_response(stored, *, thumbnail=False):
    """Serve a StoredFile row: images inline, documents as a download under their own name."""
    field = stored.thumbnail if thumbnail else stored.file
    if not field:
        raise Http404
    response = FileResponse(
        open_stored(field),
        as_attachment=not (stored.is_image or thumbnail),
        filename=stored.original_name,
        content_type="image/jpeg" if thumbnail else stored.content_type,
    )
    response["Cache-Control"] = "private, max-age=3600"
    return response


def int_param(value, *, low: int = 1, high: int = 2**31 - 1) -> int | None:
    """A whole number typed in a query string, or None: "２", "²", "1e3" or a number out
    of range never reach int() or the database."""
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 10:
        return None
    number = int(text)
    return number if low <= number <= high else None


def clean_query(request, names) -> str:
    """The request's path with only the named query parameters (those not empty).

    A form submitted by GET without script (a "show this unit's staff" button) sends every
    field, the CSRF token included: the page redirects here so that none stays in the
    address, the history or a copied link."""
    query = urlencode({name: request.GET[name] for name in names if request.GET.get(name)})
    return f"{request.path}?{query}" if query else request.path


def redirect_stray_query(request, names):
    """A redirect to `clean_query` when the query carries anything but `names`, else None."""
    if set(request.GET) - set(names):
        return redirect(clean_query(request, names))
    return None

"""The static files storage: the same whatever DEBUG says.

`collectstatic` always writes hashed names, a manifest and compressed copies, so files
collected under a development .env are served in production too (with a storage chosen by
DEBUG, they once were not: every static file answered 404). Pages link a file's hashed name
when the manifest has it, else its own name, which whitenoise serves from the source
folders in development and tests (nothing collected) or from STATIC_ROOT. With DEBUG on,
pages always link the plain name, so an earlier `collectstatic` (the benchmark runs one)
never serves stale copies of the files being edited; the tests pin STATIC_ROOT to an empty
folder for the same reason (tests/conftest.py).
"""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False

    def stored_name(self, name):
        if settings.DEBUG:
            return name  # development: the files being edited, never an older collected copy
        path = urlsplit(unquote(name)).path.strip()
        if self.hashed_files.get(self.hash_key(path)) is None:
            return name  # not collected by this storage
        return super().stored_name(name)

"""Say up front whether the browser tests will run."""

import shutil

from tests.e2e.browser import chromium_path

if chromium_path() is None:
    print(
        "note: Chromium not found, the browser tests (tests/e2e) will be SKIPPED. "
        "Install it with: apt-get install chromium"
    )
elif shutil.which("chromium"):
    print("browser tests: using Chromium at", chromium_path())

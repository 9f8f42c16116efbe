import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, cwd=ROOT, **env):
    """Run `manage.py` in a child process with `env` added to this one's environment."""
    # The child finds the same database: DATABASE_URL if set, else the running embedded one.
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env={k: v for k, v in {**os.environ, **env}.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        capture_output=True,
        text=True,
        timeout=180,
    )

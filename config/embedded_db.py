"""The private PostgreSQL used when no DATABASE_URL is given.

The `pgserver` wheel bundles the PostgreSQL binaries, so a fresh machine needs
nothing installed. The server keeps running between commands (started once,
reused by every later `manage.py` call); `python -m config.embedded_db stop`
stops it.
"""

import re
import sys
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = BASE_DIR / "var" / "pgdata"
DATABASE_NAME = "thidua"


def _server():
    try:
        with warnings.catch_warnings():
            # platformdirs complains about XDG_RUNTIME_DIR on servers; it has a fallback.
            warnings.simplefilter("ignore")
            import pgserver
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise SystemExit(
            "DATABASE_URL is not set and the embedded PostgreSQL (pgserver) is not "
            "installed. Run `make run` / `make test`, or set DATABASE_URL."
        ) from exc
    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process, so the next command reuses it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pgserver.get_server(PGDATA, cleanup_mode=None)


def database_url(name: str = "") -> str:
    """Start the private server if needed and return a URL for the project's database
    (or for another database `name` on the same server, created on first use)."""
    import psycopg2

    name = name or DATABASE_NAME
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SystemExit(f"Not a usable database name: {name!r}")
    server = _server()
    url = server.get_uri(name)
    try:
        psycopg2.connect(url).close()
    except psycopg2.OperationalError:
        # First start: the cluster exists but not yet the project's database.
        server.psql(f"CREATE DATABASE {name};")
    return url


def restart(*, down_seconds: float = 0.0) -> None:
    """Stop the server (fast: open connections are cut), wait, start it again.

    The benchmark's fault phase uses it to show that the app recovers by itself.
    """
    import subprocess
    import time

    stop()
    time.sleep(down_seconds)
    # A fresh process: pgserver caches its server object per process and would not start it.
    subprocess.run([sys.executable, "-m", "config.embedded_db", "url"], check=True, cwd=BASE_DIR)


def stop() -> None:
    if not (PGDATA / "postmaster.pid").exists():
        print("embedded PostgreSQL is not running")
        return
    server = _server()
    from pgserver._commands import pg_ctl  # noqa: PLC2701 (pgserver has no public stop)

    # As root, pgserver runs PostgreSQL as its own system user; pg_ctl must too.
    pg_ctl(["-m", "fast", "-w", "stop"], pgdata=PGDATA, user=server.system_user)
    print("embedded PostgreSQL stopped")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "url"
    if command == "stop":
        stop()
    else:
        print(database_url())

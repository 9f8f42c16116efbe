"""gunicorn settings: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Every value comes from the environment, so one file serves every machine:

    GUNICORN_BIND           address to listen on (default 127.0.0.1:8000; a proxy in front)
    WEB_CONCURRENCY         worker processes (default 2 x CPU cores + 1)
    GUNICORN_THREADS        threads per worker (default 1: sync workers)
    GUNICORN_TIMEOUT        seconds before a silent worker is killed and replaced (default 60)
    GUNICORN_GRACEFUL_TIMEOUT  seconds a worker gets to finish its requests on restart (30)
    GUNICORN_KEEPALIVE      seconds to keep an idle client connection (default 5)
    GUNICORN_MAX_REQUESTS   recycle a worker after this many requests (default 2000, 0 = never)
    FORWARDED_ALLOW_IPS     proxies whose X-Forwarded-* headers are trusted (default 127.0.0.1)
    GUNICORN_ACCESS_LOG     `-` (stdout, default); empty turns the access log off
"""

import gc
import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Load the app once in the master, so workers fork with Django already imported.
preload_app = True


def pre_fork(server, worker):
    """Move what the loaded app made into the collector's permanent generation: a worker's
    full collections then skip Django's hundreds of thousands of long-lived objects (they
    made the slowest 5 % of large pages twice as slow) and leave the master's pages shared."""
    gc.freeze()


worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Logs: the error log and the access log both go to stdout, one JSON object per line.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "-") else None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# One JSON object per request (config/gunicorn_logger.py), printed as it is.
logger_class = "config.gunicorn_logger.JsonAccessLogger"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "config.logformat.JsonFormatter"},
        # Access lines are JSON already (JsonAccessLogger); print them as they are.
        "raw": {"format": "%(message)s"},
    },
    "handlers": {
        "error": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        },
        "access": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "raw",
        },
    },
    "root": {"handlers": ["error"], "level": loglevel.upper()},
    "loggers": {
        # The embedded database's start-up chatter (development only).
        "pgserver": {"level": "WARNING"},
        "gunicorn.error": {"handlers": ["error"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {
            "handlers": ["access"],
            "level": "INFO" if accesslog else "WARNING",
            "propagate": False,
        },
    },
}

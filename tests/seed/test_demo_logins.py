"""`make run` prints the demo logins with the address it really serves."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def logins(*args):
    out = StringIO()
    call_command("demo_logins", *args, stdout=out)
    return out.getvalue()


def test_the_port_given_is_the_port_printed():
    printed = logins("--port", "8101")
    assert "http://127.0.0.1:8101 " in printed and ":8000" not in printed


def test_host_given_is_printed_and_every_interface_reads_as_this_machine():
    assert "http://192.168.1.20:8000 " in logins("--host", "192.168.1.20")
    assert "http://127.0.0.1:9000 " in logins("--host", "0.0.0.0", "--port", "9000")


def test_make_run_passes_its_host_and_port_to_both_commands():
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "demo_logins --host $(HOST) --port $(PORT)" in recipe
    assert "runserver $(HOST):$(PORT)" in recipe

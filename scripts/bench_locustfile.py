"""Mixed load for `make bench`: signed-in users of every role reading the pages found by the crawl.

The plan (sessions and pages per role) is written by scripts/bench.py to $BENCH_PLAN.
Sessions are made in advance, so the measured minute is not spent hashing passwords.
"""

import itertools
import json
import os
import random
from pathlib import Path

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text(encoding="utf-8"))
# Which role each new simulated user takes, in proportion to how many of them there are.
ROLE_MIX = [role for role, weight in PLAN["mix"].items() for _ in range(weight)]
_next = itertools.count()


class SectorUser(FastHttpUser):
    wait_time = between(0.0, 0.1)  # closed loop: the server, not think time, sets the pace

    def on_start(self):
        number = next(_next)
        self.role = ROLE_MIX[number % len(ROLE_MIX)]
        sessions = PLAN["roles"][self.role]["sessions"]
        self.cookie = f"sessionid={sessions[number % len(sessions)]}"
        self.pages = PLAN["roles"][self.role]["pages"]

    @task
    def read_a_page(self):
        url = random.choice(self.pages)
        self.client.get(url, headers={"Cookie": self.cookie}, name=f"{self.role}")

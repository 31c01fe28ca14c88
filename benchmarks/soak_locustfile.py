"""The soak's visitors: each is a different signed-in planner who reads every page shape (full
pages, HTMX partials) and saves their profile now and then, with a person's pauses between.

SOAK_TARGETS holds `name path` lines (`partial:` names are sent with HX-Request; `{goal}` in
a path is the visitor's own goal); SOAK_VISITORS one `<Cookie header>\t<goal id>` line per
visitor. Anything but a 200 (or, for the
save, its redirect) is a failure.
"""

import itertools
import os
import random
import threading

from locust import FastHttpUser, between, task

TARGETS = [line.split(" ", 1) for line in os.environ["SOAK_TARGETS"].splitlines() if line]
VISITORS = [line.split("\t") for line in os.environ["SOAK_VISITORS"].splitlines() if line]
_next_visitor = itertools.cycle(VISITORS)
_lock = threading.Lock()


class Planner(FastHttpUser):
    # A person reads a page for a few seconds before the next click.
    wait_time = between(1, 4)

    def on_start(self) -> None:
        with _lock:
            self.cookie, self.goal = next(_next_visitor)
        self.csrf = self.cookie.rsplit("csrftoken=", 1)[-1]

    @task(12)
    def read(self) -> None:
        name, path = random.choice(TARGETS)
        headers = {"Cookie": self.cookie}
        if name.startswith("partial:"):
            headers["HX-Request"] = "true"
        with self.client.get(
            path.replace("{goal}", self.goal),
            headers=headers,
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task(1)
    def save_profile(self) -> None:
        headers = {"Cookie": self.cookie, "X-CSRFToken": self.csrf}
        data = {"display_name": f"Soak planner {random.randint(1, 999)}", "timezone": "UTC"}
        with self.client.post(
            "/account/",
            data=data,
            headers=headers,
            name="write:profile",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")

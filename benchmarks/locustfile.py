"""One page, as fast as the server will answer: `benchmarks/run.py` starts this per page.

BENCH_PATH is the path, BENCH_NAME the name it is reported under, BENCH_COOKIE the signed-in
browser's cookies. Redirects are not followed: a page that sends the visitor to sign in, or
anything but a 200, counts as a failure rather than as a fast answer.
"""

import os

from locust import FastHttpUser, task

PATH = os.environ["BENCH_PATH"]
NAME = os.environ["BENCH_NAME"]
HEADERS = {"Cookie": os.environ["BENCH_COOKIE"]}


class SignedInVisitor(FastHttpUser):
    # No think time: each visitor asks again as soon as it has its answer, so the server is
    # saturated and the throughput measured is the most it can serve.
    @task
    def page(self) -> None:
        with self.client.get(
            PATH, headers=HEADERS, name=NAME, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

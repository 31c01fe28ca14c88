"""The embedded PostgreSQL and Redis behind `make run` and `make test`."""

import os
import subprocess
import sys

import psycopg
import pytest
import redis

from careerplan.embedded import Services, pid_alive


@pytest.fixture
def no_servers_given(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)


def test_servers_start_keep_their_data_and_stop(tmp_path, no_servers_given):
    data_dir = tmp_path / "data"
    with Services(durable=False, data_dir=data_dir):
        with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
            conn.execute("CREATE TABLE kept (note text)")
            conn.execute("INSERT INTO kept VALUES ('still here')")
        assert redis.Redis.from_url(os.environ["REDIS_URL"]).ping()
        redis_pid = int((data_dir / "redis" / "redis.pid").read_text())
        postmaster = ((data_dir / "postgres").resolve() / "pgdata" / "postmaster.pid").read_text()
        postgres_pid = int(postmaster.splitlines()[0])

    assert not pid_alive(redis_pid)
    assert not pid_alive(postgres_pid)

    os.environ.pop("DATABASE_URL")
    os.environ.pop("REDIS_URL")
    with (
        Services(durable=False, data_dir=data_dir),
        psycopg.connect(os.environ["DATABASE_URL"]) as conn,
    ):
        assert conn.execute("SELECT note FROM kept").fetchone() == ("still here",)


def test_servers_already_running_are_reused_and_left_running(tmp_path, no_servers_given):
    data_dir = tmp_path / "data"
    with Services(durable=False, data_dir=data_dir) as outer:
        url = os.environ["DATABASE_URL"]
        # A second runner (say `make test` beside `make run`) finds the same servers...
        code = (
            "import os, sys; from pathlib import Path; from careerplan.embedded import Services\n"
            "with Services(durable=False, data_dir=Path(sys.argv[1])):\n"
            "    print(os.environ['DATABASE_URL'])"
        )
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
        inner = subprocess.run(
            [sys.executable, "-c", code, str(data_dir)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert inner.stdout.strip().splitlines()[-1] == url
        # ...and leaves them running when it is done.
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
        assert outer.postgres.started_here


def test_given_servers_are_used_as_they_are(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://someone@db.example.org/plan")
    monkeypatch.setenv("REDIS_URL", "redis://cache.example.org/0")
    with Services(data_dir=tmp_path) as services:
        assert services.postgres is None
        assert services.redis is None
        assert os.environ["DATABASE_URL"] == "postgres://someone@db.example.org/plan"
    assert not (tmp_path / "postgres").exists()

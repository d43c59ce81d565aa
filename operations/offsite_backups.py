"""Copies of the nightly dumps in the object store, so a backup survives the machine.

The store is `STORAGES["backups"]`: the `backups/` prefix of the private bucket,
or of `BACKUP_BUCKET` (mystic/settings/files.py), configured whenever `S3_BUCKET`
is. Copies keep their dump's name, so the same retention rule (`is_expired`)
prunes them after `BACKUP_OFFSITE_KEEP_DAYS` (30, as the deployment guide keeps),
and `manage.py restore --from-store latest` finds the newest one.
"""

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files import File
from django.core.files.storage import InvalidStorageError, storages

from operations.backups import (
    DIRECTORY_MODE,
    FILE_MODE,
    BackupError,
    is_expired,
    taken_at,
)

ALIAS = "backups"
CHUNK = 1024 * 1024


def backup_store():
    """The object store for copies, or None when only the local disk is set up."""
    if ALIAS not in settings.STORAGES:
        return None
    try:
        return storages[ALIAS]
    except InvalidStorageError:
        return None


def _store():
    store = backup_store()
    if store is None:
        raise BackupError(
            "No object store for backups: set S3_BUCKET (docs/operations.md)."
        )
    return store


def copy_offsite(path):
    """Upload the dump at `path` under its own name; return the stored name.

    A store that refuses (no bucket, wrong key, unreachable) is a BackupError
    naming the dump that stayed behind, so cron's mail says what to copy.
    """
    path = Path(path)
    try:
        with path.open("rb") as dump:
            return _store().save(path.name, File(dump, name=path.name))
    except (BotoCoreError, ClientError) as error:
        raise BackupError(
            f"Copying {path} to the object store failed ({error}); "
            "the dump is still on this machine."
        ) from error


def list_offsite():
    """Names of the stored copies, oldest first."""
    _directories, files = _store().listdir("")
    return sorted(name for name in files if taken_at(name) is not None)


def prune_offsite(keep_days, now=None):
    """Delete copies older than `keep_days`; return their names."""
    now = now or datetime.now(UTC)
    store = _store()
    removed = [name for name in list_offsite() if is_expired(name, keep_days, now)]
    for name in removed:
        store.delete(name)
    return removed


def fetch_offsite(name, directory):
    """Download a stored copy ("latest" = the newest) into `directory` (0600)."""
    names = list_offsite()
    if name == "latest":
        if not names:
            raise BackupError("The object store holds no backup yet.")
        name = names[-1]
    elif name not in names:
        raise BackupError(f"No backup called {name} in the object store.")
    directory = Path(directory)
    directory.mkdir(mode=DIRECTORY_MODE, parents=True, exist_ok=True)
    target = directory / name
    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    with _store().open(name, "rb") as source, target.open("wb") as copy:
        shutil.copyfileobj(source, copy, CHUNK)
    return target

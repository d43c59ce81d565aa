"""The restore drill: back up, lose everything, restore, find it all again."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from operations.backups import prune_backups


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_brings_back_users_pages_and_revisions(
    tmp_path, site_tree, django_user_model
):
    django_user_model.objects.create_user(email="learner@example.com", password="x")
    site_tree.title = "Home, revised"
    site_tree.save_revision().publish()
    revisions_before = Revision.objects.count()
    pages_before = set(Page.objects.values_list("pk", "title"))

    call_command("backup", dir=str(tmp_path))
    dumps = list(tmp_path.glob("mystic-*.dump"))
    assert len(dumps) == 1 and dumps[0].stat().st_size > 0

    call_command("flush", interactive=False)
    assert not django_user_model.objects.exists()
    assert not Page.objects.exists()

    call_command("restore", str(dumps[0]), yes=True)
    assert django_user_model.objects.filter(email="learner@example.com").exists()
    assert set(Page.objects.values_list("pk", "title")) == pages_before
    assert Revision.objects.count() == revisions_before


def test_retention_prunes_only_old_dumps(tmp_path):
    now = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
    for age in (0, 13, 14, 30):
        stamp = (now - timedelta(days=age)).strftime("mystic-%Y%m%dT%H%M%SZ.dump")
        (tmp_path / stamp).write_bytes(b"dump")
    (tmp_path / "notes.txt").write_text("keep me")

    removed = prune_backups(tmp_path, keep_days=14, now=now)

    assert len(removed) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "mystic-20261111T030000Z.dump",
        "mystic-20261124T030000Z.dump",
        "notes.txt",
    ]


@pytest.mark.django_db
def test_backups_are_readable_by_their_owner_only(tmp_path):
    """A dump holds every learner's personal data: 0600 in a 0700 directory."""
    directory = tmp_path / "backups"
    call_command("backup", dir=str(directory))
    (dump,) = directory.glob("mystic-*.dump")
    assert dump.stat().st_mode & 0o777 == 0o600
    assert directory.stat().st_mode & 0o777 == 0o700

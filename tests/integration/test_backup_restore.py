"""The restore drill: back up, lose everything, restore, find it all again."""

import shutil
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from operations.backups import prune_backups
from operations.offsite_backups import prune_offsite


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


@pytest.mark.django_db(transaction=True)
def test_restore_drill_from_the_object_store_copy_after_losing_the_machine(
    tmp_path, site_tree, django_user_model, private_s3, s3_server
):
    """The dump leaves the machine; with the machine's disk gone, the copy in the
    bucket's private `backups/` prefix brings everything back."""
    django_user_model.objects.create_user(email="learner@example.com", password="x")
    pages_before = set(Page.objects.values_list("pk", "title"))
    local = tmp_path / "backups"

    out = StringIO()
    call_command("backup", dir=str(local), stdout=out)
    (dump,) = local.glob("mystic-*.dump")
    assert f"Copied to the object store as backups/{dump.name}" in out.getvalue()
    bucket = s3_server.client()
    stored = bucket.list_objects_v2(Bucket=private_s3, Prefix="backups/")["Contents"]
    assert [(o["Key"], o["Size"]) for o in stored] == [
        (f"backups/{dump.name}", dump.stat().st_size)
    ]
    grants = bucket.get_object_acl(Bucket=private_s3, Key=f"backups/{dump.name}")
    assert not [g for g in grants["Grants"] if "AllUsers" in str(g["Grantee"])]

    shutil.rmtree(local)  # the machine is lost, and its dumps with it
    call_command("flush", interactive=False)
    assert not django_user_model.objects.exists()

    out = StringIO()
    call_command("restore", from_store="latest", yes=True, stdout=out)
    assert f"Restored {dump.name}" in out.getvalue()
    assert django_user_model.objects.filter(email="learner@example.com").exists()
    assert set(Page.objects.values_list("pk", "title")) == pages_before


def test_copies_in_the_object_store_are_kept_30_days(private_s3, s3_server):
    now = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
    bucket = s3_server.client()
    for age in (0, 29, 30, 45):
        stamp = (now - timedelta(days=age)).strftime("mystic-%Y%m%dT%H%M%SZ.dump")
        bucket.put_object(Bucket=private_s3, Key=f"backups/{stamp}", Body=b"dump")
    bucket.put_object(Bucket=private_s3, Key="private/downloads/book.pdf", Body=b"x")

    removed = prune_offsite(keep_days=30, now=now)

    assert removed == ["mystic-20261010T030000Z.dump", "mystic-20261025T030000Z.dump"]
    keys = [o["Key"] for o in bucket.list_objects_v2(Bucket=private_s3)["Contents"]]
    assert sorted(keys) == [
        "backups/mystic-20261026T030000Z.dump",
        "backups/mystic-20261124T030000Z.dump",
        "private/downloads/book.pdf",
    ]


@pytest.mark.django_db
def test_backup_says_when_the_dump_stays_on_this_machine(tmp_path):
    out = StringIO()
    call_command("backup", dir=str(tmp_path), stdout=out)
    assert "the dump stays on this machine only" in out.getvalue()


def test_restore_from_an_empty_store_says_so(private_s3):
    with pytest.raises(CommandError, match="holds no backup yet"):
        call_command("restore", from_store="latest", yes=True)


@pytest.mark.django_db
def test_backup_fails_loudly_when_the_copy_cannot_leave(
    tmp_path, private_s3, s3_server
):
    """A bucket that is gone: the command fails (cron mails it), the dump stays."""
    s3_server.client().delete_bucket(Bucket=private_s3)
    with pytest.raises(CommandError, match="to the object store failed") as failure:
        call_command("backup", dir=str(tmp_path))
    (dump,) = tmp_path.glob("mystic-*.dump")
    assert str(dump) in str(failure.value)

"""The Moderators group (cms.publishing 0002) moderates course reviews: it may see
the review list and approve or reject (the "change" permission), nothing else."""

from django.db import migrations

PERMISSIONS = [
    ("view_review", "Can view course review"),
    ("change_review", "Can change course review"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name="Moderators").first()
    if group is None:
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="learning", model="review"
    )
    for codename, name in PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name="Moderators").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="learning",
                codename__in=[codename for codename, _ in PERMISSIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_initial"),
        ("publishing", "0002_editorial_groups_and_editor_review"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

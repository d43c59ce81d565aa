"""Let the editorial groups work on the translatable snippets (categories, instructors).

Editors and Moderators manage them; Translators may only change them, which is
what wagtail-localize's translation editor asks for a snippet translation.
Idempotent: it only adds permissions.
"""

from django.db import migrations

MODELS = {"category": "category", "instructor": "instructor"}
ACTIONS = {
    "Editors": ["add", "change", "delete", "view"],
    "Moderators": ["add", "change", "delete", "view"],
    "Translators": ["change", "view"],
}
LABELS = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def grant_snippet_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    for group_name, actions in ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, label in MODELS.items():
            content_type, _ = ContentType.objects.get_or_create(app_label="cms", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"{LABELS[action]} {label}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0002_editorial_groups_and_editor_review"),
        ("cms", "0001_catalog_pages_and_snippets"),
    ]

    operations = [
        migrations.RunPython(grant_snippet_permissions, migrations.RunPython.noop)
    ]

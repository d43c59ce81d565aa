"""Translators start and sync translations themselves.

wagtail-localize's "Translate this page" (with "Include subtree": a whole course
with its lessons in one action) and "Sync translated pages" both require
`wagtail_localize.submit_translation`. Without it a translator could only wait
for an editor to start each lesson's translation. Their page permissions stay
Spanish-only: the Spanish copies wagtail-localize creates are the only pages
they get. Idempotent: it only adds a permission.
"""

from django.db import migrations


def let_translators_submit_translations(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    group, _ = Group.objects.get_or_create(name="Translators")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0004_marketing_reads_drafts_and_shop_staff")]

    operations = [
        migrations.RunPython(
            let_translators_submit_translations, migrations.RunPython.noop
        )
    ]

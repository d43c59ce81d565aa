"""Shop staff see and manage event bookings (attendee lists, check-in,
messages, cancelling an event). Idempotent: only adds what is missing."""

from django.db import migrations

ACTIONS = {"booking": ["view", "change"], "attendee": ["view", "change"]}


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    shop, _created = Group.objects.get_or_create(name="Shop staff")
    for model, actions in ACTIONS.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="events", model=model
        )
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            shop.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("publishing", "0004_marketing_reads_drafts_and_shop_staff"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

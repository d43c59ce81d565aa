"""Marketing reads drafts; a "Shop staff" group runs the shop.

* Draft readers (`publishing.preview_page_drafts`: Marketing, Editors,
  Moderators) open any page's editor read-only, its preview panel and revisions
  (cms.publishing.read_only). Marketing also gets the "lock" page permission on
  the root, only so Wagtail's explorer lists the page tree for it; the read-only
  tester refuses Marketing the lock itself.
* Shop staff: the admin, orders (view; refunds need "change"), enrollments
  (grant, revoke), coupons, course prices, and so the sales report and its
  exports. No page permissions.

Idempotent: it only adds what is missing.
"""

from django.db import migrations

READ_DRAFTS = (
    "publishing",
    "draftsharelink",
    "preview_page_drafts",
    "Can browse pages and preview drafts and revisions without editing",
)
ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
SHOP_ACTIONS = {
    "order": ["view", "change"],
    "enrollment": ["add", "change", "view"],
    "coupon": ["add", "change", "delete", "view"],
    "product": ["add", "change", "view"],
    "price": ["add", "change", "delete", "view"],
}
SHOP_STAFF = "Shop staff"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")

    read_drafts = _permission(apps, *READ_DRAFTS)
    for name in ("Marketing", "Editors", "Moderators"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(read_drafts)

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        marketing = Group.objects.get(name="Marketing")
        lock = _permission(
            apps, "wagtailcore", "page", "lock_page", "Lock/unlock pages you've locked"
        )
        GroupPagePermission.objects.get_or_create(
            group=marketing, page=root, permission=lock
        )

    shop, _ = Group.objects.get_or_create(name=SHOP_STAFF)
    shop.permissions.add(_permission(apps, *ADMIN))
    for model, actions in SHOP_ACTIONS.items():
        for action in actions:
            shop.permissions.add(
                _permission(
                    apps, "commerce", model, f"{action}_{model}", f"Can {action} {model}"
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0003_snippet_permissions_for_editorial_groups"),
        ("commerce", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="draftsharelink",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    (
                        "preview_page_drafts",
                        "Can browse pages and preview drafts and revisions without "
                        "editing",
                    )
                ],
                "verbose_name": "draft share link",
                "verbose_name_plural": "draft share links",
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]

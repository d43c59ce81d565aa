"""Editorial groups and the "Editor review" moderation workflow.

Idempotent: running it again (or on a database where Wagtail already created its
default Editors / Moderators) leaves exactly the permissions listed here on our
four groups, and one "Editor review" workflow on both home pages.

* Editors: create and edit pages (both trees), submit for moderation, share drafts.
* Moderators: everything Editors do, plus publish, unpublish, delete, approve.
* Translators: edit and publish translated (Spanish) pages only; they cannot
  create pages, so they cannot create source pages. Their publishes still wait
  for the English source (cms.publishing.scheduling).
* Marketing: the admin, and draft share links; no page permissions at all, so no
  editing and no publishing.
"""

from django.db import migrations

PAGE_PERMISSIONS = {
    # group: {tree: [page permission codenames]}; "all" is the root page.
    "Editors": {"all": ["add_page", "change_page", "lock_page"]},
    "Moderators": {
        "all": [
            "add_page",
            "change_page",
            "delete_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        ]
    },
    "Translators": {"es": ["change_page", "publish_page"]},
    "Marketing": {},
}

SHARE = [
    ("publishing", "draftsharelink", "add_draftsharelink", "Can add draft share link"),
    (
        "publishing",
        "draftsharelink",
        "change_draftsharelink",
        "Can change draft share link",
    ),
    ("publishing", "draftsharelink", "view_draftsharelink", "Can view draft share link"),
]
ADMIN = [("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")]
TRANSLATE = [
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations")
]
GLOBAL_PERMISSIONS = {
    "Editors": ADMIN + TRANSLATE + SHARE,
    "Moderators": ADMIN + TRANSLATE + SHARE,
    "Translators": ADMIN,
    "Marketing": ADMIN + SHARE,
}
PAGE_PERMISSION_NAMES = {
    "add_page": "Can add page",
    "change_page": "Can change page",
    "delete_page": "Can delete page",
    "publish_page": "Publish any page",
    "lock_page": "Lock/unlock pages you've locked",
    "unlock_page": "Unlock any page",
}
WORKFLOW_NAME = "Editor review"
TASK_NAME = "Moderators approve"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")

    root = Page.objects.filter(depth=1).order_by("path").first()
    homes = {
        page.locale.language_code: page
        for page in Page.objects.filter(
            depth=2, content_type__app_label="home", content_type__model="homepage"
        ).select_related("locale")
    }
    trees = {"all": root, **homes}

    groups = {}
    for name, page_permissions in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, model, codename, label in GLOBAL_PERMISSIONS[name]:
            group.permissions.add(_permission(apps, app_label, model, codename, label))
        wanted = set()
        for tree, codenames in page_permissions.items():
            page = trees.get(tree)
            if page is None:
                continue
            for codename in codenames:
                permission = _permission(
                    apps, "wagtailcore", "page", codename, PAGE_PERMISSION_NAMES[codename]
                )
                row, _ = GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
                wanted.add(row.pk)
        GroupPagePermission.objects.filter(group=group).exclude(pk__in=wanted).delete()

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_type, active=True
        )
    task.groups.set([groups["Moderators"]])
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for home in homes.values():
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("home", "0002_create_bilingual_homepages"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)
    ]

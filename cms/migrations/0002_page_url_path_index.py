"""An index on wagtailcore_page.url_path for the router's one-query lookup.

speedups/routing.py finds the pages of a URL by `url_path`, which Wagtail does not
index (its own router walks by parent path and slug): without the index that
is a scan of the whole page table. A hash index on PostgreSQL, because the
router only asks for equality and a hash index has no key-length limit (a
btree entry must fit a third of a page; url paths of deep trees with long
slugs may not).
"""

from django.db import migrations

INDEX = "cms_page_url_path_hash"


def create_index(apps, schema_editor):
    method = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page {method}(url_path)"
    )


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_catalog_pages_and_snippets"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]

"""PostgreSQL only: trigram index on the title vocabulary, for "Did you mean"."""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_term_word_trgm "
            "ON search_searchterm USING gin (word gin_trgm_ops)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_term_word_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_search_terms")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]

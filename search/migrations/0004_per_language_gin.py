"""PostgreSQL only: one GIN index per language for the full-text vector.

A Spanish query's lexemes also occur in English documents ("medit"); with a
partial index per language the bitmap scan only visits rows of the language
searched, half the heap pages of the shared index.
"""

from django.db import migrations

FORWARD = """
CREATE INDEX IF NOT EXISTS search_doc_vector_en_gin
    ON search_searchdocument USING gin (search_vector) WHERE language = 'en';
CREATE INDEX IF NOT EXISTS search_doc_vector_es_gin
    ON search_searchdocument USING gin (search_vector) WHERE language = 'es';
"""

BACKWARD = """
DROP INDEX IF EXISTS search_doc_vector_en_gin;
DROP INDEX IF EXISTS search_doc_vector_es_gin;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_language_index_name")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]

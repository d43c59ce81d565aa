"""PostgreSQL only: unaccent and pg_trgm, our text-search configurations, GIN indexes.

`mystic_en` / `mystic_es` strip accents before stemming, `mystic_simple` only
strips accents and lowercases (autocomplete prefixes). Nothing happens on SQLite,
where Wagtail's database backend answers searches instead.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION mystic_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'mystic_en') THEN
        CREATE TEXT SEARCH CONFIGURATION mystic_en (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION mystic_en
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'mystic_es') THEN
        CREATE TEXT SEARCH CONFIGURATION mystic_es (COPY = spanish);
        ALTER TEXT SEARCH CONFIGURATION mystic_es
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'mystic_simple') THEN
        CREATE TEXT SEARCH CONFIGURATION mystic_simple (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION mystic_simple
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
CREATE INDEX IF NOT EXISTS search_doc_vector_gin
    ON search_searchdocument USING gin (search_vector);
CREATE INDEX IF NOT EXISTS search_doc_title_vector_gin
    ON search_searchdocument USING gin (title_vector);
CREATE INDEX IF NOT EXISTS search_doc_title_trgm
    ON search_searchdocument USING gin (title_norm gin_trgm_ops);
"""

BACKWARD = """
DROP INDEX IF EXISTS search_doc_vector_gin;
DROP INDEX IF EXISTS search_doc_title_vector_gin;
DROP INDEX IF EXISTS search_doc_title_trgm;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]

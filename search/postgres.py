"""Everything PostgreSQL-specific about search, in one place.

The index table (`search.SearchDocument`) is filled by search.indexing; this
module turns its text into vectors and answers queries with SQL Django's ORM
cannot express well (per-row language configurations, websearch_to_tsquery with
an explicit configuration, ts_headline, trigram word similarity).

Per language (see docs/decisions/0050-search-own-index.md):

- English: `mystic_en` = unaccent, then the English Snowball stemmer.
- Spanish: `spanish` *and* `mystic_es` (unaccent, then the Spanish stemmer). The
  Spanish stemmer only recognises accented suffixes ("meditación" → medit, but
  "meditacion" → meditacion), so documents carry the lexemes of both and a query
  matches through either ("meditaciones" → medit, "meditacion" → meditacion).
- Titles also get `mystic_simple` lexemes (unaccented, unstemmed) for prefix
  autocomplete, and an unaccented lowercase copy with a trigram index for typos.

Configuration names are interpolated from the constants below only, never from
input; every value from a visitor is a bound parameter.
"""

from dataclasses import dataclass

from django.db import connection

from commerce.models import Price, Product

CONFIGS = {"en": ("mystic_en",), "es": ("spanish", "mystic_es")}
DEFAULT_CONFIGS = ("mystic_simple",)
SIMPLE_CONFIG = "mystic_simple"
# Highlight markers: control characters search.indexing never stores.
MARK_START, MARK_END = "\x02", "\x03"
HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
# Trigram similarity a title word needs to be offered as a correction, and the
# word similarity a title needs to be a fuzzy match (pg_trgm's default is 0.6,
# which misses "meditasion" → "meditación").
FUZZY_LIMIT = 0.5
WORD_SIMILARITY_THRESHOLD = "0.5"

TABLE = "search_searchdocument"
# statement_timestamp(), not now() (the transaction's start): an event's document
# expires when it ends, and a long transaction must not keep it listed.
NOT_EXPIRED = "(d.expire_at IS NULL OR d.expire_at > statement_timestamp())"


def is_available():
    return connection.vendor == "postgresql"


def configs_for(language):
    return CONFIGS.get(language, DEFAULT_CONFIGS)


def _vector(column, configs):
    return " || ".join(
        f"to_tsvector('{config}', coalesce({column}, ''))" for config in configs
    )


def refresh_vectors(page_ids):
    """Recompute the stored vectors and normalised title of these documents."""
    if not page_ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT language FROM {TABLE} WHERE page_id = ANY(%s)",  # noqa: S608
            [list(page_ids)],
        )
        languages = [row[0] for row in cursor.fetchall()]
        for language in languages:
            configs = configs_for(language)
            cursor.execute(
                f"""
                UPDATE {TABLE} SET
                    search_vector =
                        setweight({_vector("title", configs)}, 'A')
                        || setweight({_vector("summary", configs)}, 'B')
                        || setweight({_vector("category_name", configs)}, 'B')
                        || setweight({_vector("body", configs)}, 'C'),
                    title_vector = to_tsvector('{SIMPLE_CONFIG}', title),
                    title_norm = lower(mystic_unaccent(title))
                WHERE language = %s AND page_id = ANY(%s)
                """,  # noqa: S608
                [language, list(page_ids)],
            )
        add_terms(cursor, page_ids)


TERMS = "search_searchterm"


def add_terms(cursor, page_ids=None):
    """Add the words of these documents' titles to the vocabulary (all if None).

    Words are never removed here (a stale word only makes a suggestion that finds
    nothing, and the trigram fallback still answers); `index_courses` rebuilds
    the vocabulary from scratch.
    """
    where = "" if page_ids is None else "WHERE d.page_id = ANY(%s)"
    params = [] if page_ids is None else [list(page_ids)]
    cursor.execute(
        f"""
        INSERT INTO {TERMS} (language, word, display)
        SELECT DISTINCT ON (d.language, lower(mystic_unaccent(w)))
               d.language, lower(mystic_unaccent(w)), lower(w)
        FROM {TABLE} d, regexp_split_to_table(d.title, '\\W+') AS w
        {where}
        {"AND" if where else "WHERE"} length(w) BETWEEN 3 AND 100
          AND w !~ '^[0-9_]+$'
        ON CONFLICT (language, word) DO NOTHING
        """,  # noqa: S608
        params,
    )


def rebuild_terms():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TERMS}")  # noqa: S608
        add_terms(cursor)


def _set_trigram_threshold(cursor):
    cursor.execute(
        "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
        [WORD_SIMILARITY_THRESHOLD],
    )


def tsquery(configs):
    """SQL for the visitor's query under each configuration, OR-ed together."""
    return (
        "("
        + " || ".join(f"websearch_to_tsquery('{config}', %(q)s)" for config in configs)
        + ")"
    )


@dataclass(frozen=True)
class Hit:
    page_id: int
    rank: float
    kind: str = "course"


def _price_tables():
    return Product._meta.db_table, Price._meta.db_table


def _conditions(rows, params):
    """The SQL of each (sql, name, value) whose value is set, binding the value."""
    where = []
    for sql, name, value in rows:
        if value not in ("", None):
            where.append(sql)
            params[name] = value
    return where


def _filters(criteria, params):
    """SQL of the filters `criteria` (cms.catalog.Criteria) but the price: what
    CoursePage.objects.matching() asks of the ORM, over the index's columns.
    Category, level and duration list courses only (`Criteria.courses_only`)."""
    kind = "course" if criteria.courses_only else criteria.kind
    return _conditions(
        (
            ("d.kind = %(kind)s", "kind", kind),
            ("d.category_slug = %(category)s", "category", criteria.category),
            ("d.level = %(level)s", "level", criteria.level),
            ("d.duration_minutes >= %(dmin)s", "dmin", criteria.duration_min),
            ("d.duration_minutes < %(dmax)s", "dmax", criteria.duration_max),
        ),
        params,
    )


def _price_join(criteria, params):
    if not criteria.currency:
        return "", "NULL"
    product, price = _price_tables()
    params["currency"] = criteria.currency
    join = (
        f" LEFT JOIN {product} pp ON pp.translation_key = d.translation_key"
        f" LEFT JOIN {price} pr ON pr.product_id = pp.id"
        " AND pr.currency = %(currency)s"
    )
    return join, "pr.amount_minor"


def _price_filters(criteria, params):
    """The price range (free or paid included: commerce.pricing.PRICE_KINDS); an
    unpriced course (NULL) is in no range."""
    return _conditions(
        (
            ("pr.amount_minor >= %(price_min)s", "price_min", criteria.price_min),
            ("pr.amount_minor <= %(price_max)s", "price_max", criteria.price_max),
        ),
        params,
    )


ORDERS = {
    "relevance": "rank DESC, d.first_published_at DESC NULLS LAST, d.page_id DESC",
    "newest": "d.first_published_at DESC NULLS LAST, d.page_id DESC",
    "price": "price ASC NULLS LAST, rank DESC, d.page_id DESC",
    # Events alone, "newest": soonest first, as EventPage.objects.listable().
    "soonest": "d.starts_at ASC NULLS LAST, d.page_id ASC",
}


def _order(sort, criteria):
    if sort == "newest" and criteria.kind == "event":
        return ORDERS["soonest"]
    return ORDERS.get(sort, ORDERS["relevance"])


def find(language, text, criteria, *, mode, sort, limit, offset):
    """One page of hits and the total: (list[Hit], total).

    mode "match" is full text, "fuzzy" trigram similarity of the title, "all" no
    text condition (filters only).
    """
    params = {"language": language, "q": text, "limit": limit, "offset": offset}
    where = ["d.language = %(language)s", NOT_EXPIRED]
    if mode == "match":
        query = tsquery(configs_for(language))
        where.append(f"d.search_vector @@ {query}")
        rank = f"ts_rank(d.search_vector, {query})"
    elif mode == "fuzzy":
        where.append("lower(mystic_unaccent(%(q)s)) <%% d.title_norm")
        rank = "word_similarity(lower(mystic_unaccent(%(q)s)), d.title_norm)"
    else:
        rank = "0"
    where.extend(_filters(criteria, params))
    needs_price = criteria.filters_price or sort == "price"
    join, price = _price_join(criteria, params) if needs_price else ("", "NULL")
    if join:
        where.extend(_price_filters(criteria, params))
    elif criteria.filters_price:
        return [], 0  # price filters without prices: nothing can match
    sql = f"""
        SELECT d.page_id, {rank} AS rank, {price} AS price, count(*) OVER () AS total,
               d.kind
        FROM {TABLE} d{join}
        WHERE {" AND ".join(where)}
        ORDER BY {_order(sort, criteria)}
        LIMIT %(limit)s OFFSET %(offset)s
    """  # noqa: S608
    with connection.cursor() as cursor:
        if mode == "fuzzy":
            _set_trigram_threshold(cursor)
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    total = rows[0][3] if rows else 0
    return [
        Hit(page_id=row[0], rank=float(row[1] or 0), kind=row[4]) for row in rows
    ], total


def explain(language, text):
    """EXPLAIN ANALYZE of the full-text query (bench and operators)."""
    params = {"language": language, "q": text}
    query = tsquery(configs_for(language))
    sql = f"""
        EXPLAIN (ANALYZE, COSTS OFF)
        SELECT d.page_id, ts_rank(d.search_vector, {query}) AS rank,
               count(*) OVER () AS total
        FROM {TABLE} d
        WHERE d.language = %(language)s AND {NOT_EXPIRED}
          AND d.search_vector @@ {query}
        ORDER BY rank DESC, d.page_id DESC LIMIT 12
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def headlines(language, text, page_ids):
    """{page_id: (title, summary)} with matches wrapped in MARK_START/MARK_END.

    Each configuration highlights what it stems alike; the variant with the most
    marks wins.
    """
    if not page_ids or not text:
        return {}
    configs = configs_for(language)
    query = tsquery(configs)
    columns = ", ".join(
        f"ts_headline('{config}', d.title, {query}, %(options)s),"
        f" ts_headline('{config}', d.summary, {query}, %(options)s)"
        for config in configs
    )
    sql = f"SELECT d.page_id, {columns} FROM {TABLE} d WHERE d.page_id = ANY(%(ids)s)"  # noqa: S608
    params = {"q": text, "options": HEADLINE_OPTIONS, "ids": list(page_ids)}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    result = {}
    for page_id, *variants in rows:
        titles, summaries = variants[0::2], variants[1::2]
        result[page_id] = (
            max(titles, key=lambda value: value.count(MARK_START)),
            max(summaries, key=lambda value: value.count(MARK_START)),
        )
    return result


def similar_words(language, token, limit=5):
    """(normalised token, [(display, word)]) of title words like `token`."""
    sql = f"""
        WITH t AS (SELECT lower(mystic_unaccent(%(token)s)) AS v)
        SELECT t.v, s.display, s.word
        FROM t LEFT JOIN {TERMS} s
          ON s.language = %(language)s AND s.word %% t.v
        ORDER BY similarity(s.word, t.v) DESC NULLS LAST, s.word
        LIMIT %(limit)s
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.similarity_threshold', %s, false)",
            [str(FUZZY_LIMIT)],
        )
        cursor.execute(sql, {"token": token, "language": language, "limit": limit})
        rows = cursor.fetchall()
    if not rows:
        return token.lower(), []
    return rows[0][0], [(row[1], row[2]) for row in rows if row[1] is not None]


def autocomplete_titles(language, tokens, limit=8):
    """[(page_id, title, kind)] whose title has words starting with every token."""
    if not tokens:
        return []
    prefix = " & ".join(f"'{token}':*" for token in tokens)
    starts = " ".join(tokens).replace("\\", "").replace("%", "").replace("_", "\\_")
    sql = f"""
        SELECT d.page_id, d.title, d.kind FROM {TABLE} d
        WHERE d.language = %(language)s AND {NOT_EXPIRED}
          AND d.title_vector @@ to_tsquery('{SIMPLE_CONFIG}', %(prefix)s)
        ORDER BY (d.title_norm LIKE lower(mystic_unaccent(%(starts)s)) || '%%') DESC,
                 length(d.title), d.title
        LIMIT %(limit)s
    """  # noqa: S608
    params = {"language": language, "prefix": prefix, "starts": starts, "limit": limit}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def unaccent_lower(text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT lower(mystic_unaccent(%s))", [text])
        return cursor.fetchone()[0]


GIN_INDEXES = (
    "search_doc_vector_gin",
    "search_doc_vector_en_gin",
    "search_doc_vector_es_gin",
    "search_doc_title_vector_gin",
    "search_doc_title_trgm",
)
CLUSTER_INDEX = "search_doc_language_date"


def optimize(compact=False):
    """After a bulk rebuild: merge GIN pending lists and refresh statistics.

    Rows inserted in bulk wait in each GIN index's pending list until a vacuum;
    the planner prices that list in and may prefer a sequential scan until then.
    `compact` also rewrites the table in language order (CLUSTER: a brief
    exclusive lock), so one language's matches share heap pages and the
    insert-then-update of a rebuild leaves no dead rows behind.
    """
    with connection.cursor() as cursor:
        if compact:
            cursor.execute(f"CLUSTER {TABLE} USING {CLUSTER_INDEX}")
        for name in GIN_INDEXES:
            cursor.execute(
                "SELECT gin_clean_pending_list(c.oid) FROM pg_class c "
                "WHERE c.relname = %s AND c.relkind = 'i'",
                [name],
            )
        cursor.execute(f"ANALYZE {TABLE}")

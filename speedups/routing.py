"""Find the page for a URL with one query, not two per level of the tree.

Wagtail's `Page.route` walks down from the site's home page one level at a
time: a children query by slug, then `.specific`, per level (ten queries to
reach a lesson, before any hook ran). `FastRouteMixin.route`, on the home page
type, fetches every page of the URL at once by `url_path` (indexed by migration
cms 0002), together with the root and home rows, then only the target's
specific object, and lets the target's own `route()` decide (live check,
sub-page routes). Where it cannot vouch for a level (not found, more than one
match, a page type with its own `route()` on the way) it hands the rest of the
path to Wagtail's walk from the deepest page it did vouch for, so the answer is
always the one Wagtail's walk would give.

The rows it fetched are the page's ancestors: they answer the checks made
before serving without another query (`ancestors_of`, used for unpublished
parents in cms/publishing/scheduling.py; view restrictions, see
`_NoViewRestrictions`).
"""

from django.conf import settings
from django.db import connection
from wagtail.models import Locale, Page, PageViewRestriction

from speedups import raw_rows

STEP = Page.steplen


class FastRouteMixin:
    """For the site root's page type (home.HomePage): route in one query."""

    def route(self, request, path_components):
        if not settings.SPEEDUPS_ROUTER:
            return super().route(request, path_components)
        if not path_components:
            if self.get_deferred_fields():  # the site's remembered root page
                return type(self)._default_manager.get(pk=self.pk).route(request, [])
            return super().route(request, path_components)
        ancestors, chain = _fetch(self, path_components)
        if not chain:
            return super().route(request, path_components)
        # Stop at the first page whose type routes on its own (sub-page routes
        # come before its children): everything up to it routes like Page.
        stop = next(
            (i for i, row in enumerate(chain) if _routes_itself(row)),
            len(chain) - 1,
        )
        parent = self
        for row in chain[: stop + 1]:
            row._cached_parent_obj = parent  # as Page.route does: no parent query
            parent = row
        page = _specific(chain[stop])
        page._routed_ancestors = (*ancestors, *chain[:stop])
        _known_locale(page)
        _known_view_restrictions(page, chain[stop])
        return page.route(request, list(path_components[stop + 1 :]))


def ancestors_of(page):
    """The ancestor rows (root first) the router fetched for `page`, else None."""
    return page.__dict__.get("_routed_ancestors")


def _fetch(home, components):
    """(home's ancestors and home, the verified pages below home on the path).

    Each page of the chain is the one child of the previous page with the
    path component as its slug; the chain stops where that is not so.
    """
    url_paths = []
    url_path = home.url_path
    for component in components:
        url_path += component + "/"
        url_paths.append(url_path)
    ancestor_paths = [home.path[: STEP * n] for n in range(1, home.depth + 1)]
    rows = _rows(home, ancestor_paths, url_paths, home.depth + len(components))
    by_path = {row.path: row for row in rows}
    ancestors = [by_path.get(path) for path in ancestor_paths]
    if None in ancestors:  # the tree changed under us: let Wagtail walk it
        return [], []
    chain = []
    parent_path = home.path
    for component in components:
        matches = [
            row
            for row in rows
            if row.path[:-STEP] == parent_path and row.slug == component
        ]
        if len(matches) != 1:
            break
        chain.append(matches[0])
        parent_path = matches[0].path
    return ancestors, chain


def _rows(home, ancestor_paths, url_paths, deepest):
    """The ancestors' rows and every page below `home` with one of `url_paths`.

    Raw SQL on a plain cursor, turned into Page objects with `Page.from_db`: one
    request compiles no queryset here, which was half the time of this lookup,
    and the column list is the model's own (speedups/raw_rows.py), so a column a
    migration adds never changes what a prepared statement returns. Each row
    says whether a view restriction sits on it (`route_restricted`).
    """
    quote = connection.ops.quote_name
    columns = raw_rows.columns_of(Page, Page._meta.concrete_fields)
    restrictions = quote(PageViewRestriction._meta.db_table)
    # Only names from the models and placeholders go into the text.
    sql = (
        f"SELECT {columns.select('p')}, EXISTS (SELECT 1 FROM {restrictions} r"  # noqa: S608
        f" WHERE r.page_id = p.id)"
        f" FROM {quote(Page._meta.db_table)} p"
        f" WHERE p.path IN ({', '.join(['%s'] * len(ancestor_paths))})"
        f" OR (p.url_path IN ({', '.join(['%s'] * len(url_paths))})"
        " AND p.path LIKE %s AND p.depth > %s AND p.depth <= %s)"
        " ORDER BY p.path"
    )
    # Tree paths are base-36 digits: nothing in them is a LIKE wildcard.
    params = [*ancestor_paths, *url_paths, home.path + "%", home.depth, deepest]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    rows = []
    for *values, restricted in fetched:
        row = Page.from_db(connection.alias, columns.attnames, columns.convert(values))
        row.route_restricted = bool(restricted)
        rows.append(row)
    return rows


def _specific(row):
    """`row.specific`, reading only the page type's own table.

    The row already holds every `wagtailcore_page` column, so only the child
    table's columns are fetched, by primary key, with SQL written once per page
    type. Page types that do not inherit from Page directly, or whose default
    manager changes the query, go through Wagtail's `specific`.
    """
    model = row.specific_class
    if model is None or isinstance(row, model) or not _plain_child(model):
        return row.specific
    quote = connection.ops.quote_name
    own = raw_rows.columns_of(model, model._meta.local_concrete_fields)
    sql = (
        f"SELECT {own.select()} FROM {quote(model._meta.db_table)}"  # noqa: S608
        f" WHERE {quote(model._meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [row.pk])
        found = cursor.fetchone()
    if found is None:  # deleted since the route query: let Wagtail say so
        return row.specific
    values = dict(zip(own.attnames, own.convert(list(found)), strict=True))
    names = [field.attname for field in model._meta.concrete_fields]
    specific = model.from_db(
        connection.alias,
        names,
        [values[name] if name in values else getattr(row, name) for name in names],
    )
    for name, value in row.__dict__.items():  # as get_specific copies them
        specific.__dict__.setdefault(name, value)
    row.__dict__["specific"] = specific
    return specific


def _plain_child(model):
    """Inherits Page directly and keeps Page's manager: one table, no filters."""
    return list(model._meta.parents) == [Page] and type(model._default_manager) is type(
        Page._default_manager
    )


def _known_locale(page):
    """Give the page its Locale from speedups/locale_memo.py when it is the active one.

    Templates ask `page.locale` (JSON-LD, language links): without this, one
    query per render for a row that never changes.
    """
    active = Locale.get_active()
    if active.pk == page.locale_id:
        Page.locale.field.set_cached_value(page, active)


def _routes_itself(row):
    model = row.specific_class
    return model is None or model.route is not Page.route


def _known_view_restrictions(page, row):
    """No restriction on the page or above it: say so without asking again.

    Wagtail's `check_view_restrictions` (an on_serve_page hook) calls
    `page.get_view_restrictions()`, two queries (ancestors, restrictions). When
    the rows just fetched show no restriction on the page or any ancestor, and
    none of them is an alias (Wagtail checks an alias's source instead), the
    answer is an empty queryset. Otherwise Wagtail's own method runs.
    """
    if type(page).get_view_restrictions is not Page.get_view_restrictions:
        return
    pages = (*page._routed_ancestors, row)
    if any(p.alias_of_id or p.route_restricted for p in pages):
        return
    page.get_view_restrictions = _NoViewRestrictions()


class _NoViewRestrictions:
    """Stands in for `Page.get_view_restrictions` on one routed page object.

    True for the request that routed the page; the object is not cached
    beyond it (responses are cached, not pages).
    """

    def __call__(self):
        return PageViewRestriction.objects.none()

"""Model instances from raw SQL rows, with the column list worked out once.

The router (speedups/routing.py) reads the same few queries on every page view. Going
through a queryset compiles the SQL each time; `RawQuerySet` works out its column
mapping each time. `columns_of` does that work once per process, model fields and
database: the quoted column list to select, the attribute names `Model.from_db`
expects, and the converters the ORM would apply on this database (none on
PostgreSQL; SQLite's dates and booleans).
"""

from django.db import connection


class Columns:
    """Some of a model's fields, as raw SQL selects them and `from_db` takes them."""

    def __init__(self, fields, table):
        quote = connection.ops.quote_name
        self.attnames = [field.attname for field in fields]
        self.quoted = [quote(field.column) for field in fields]
        self.converters = []  # (index, function)
        for index, field in enumerate(fields):
            expression = field.get_col(table)
            found = connection.ops.get_db_converters(expression)
            found += field.get_db_converters(connection)
            if found:
                self.converters.append((index, _chain(found, expression)))

    def select(self, alias=None):
        """ "a"."x", "a"."y" (or unqualified without an alias)."""
        prefix = f"{alias}." if alias else ""
        return ", ".join(prefix + column for column in self.quoted)

    def convert(self, values):
        """The row's values (a list, changed in place) as the ORM would give them."""
        for index, convert in self.converters:
            values[index] = convert(values[index])
        return values


def _chain(converters, expression):
    def convert(value):
        for converter in converters:
            value = converter(value, expression, connection)
        return value

    return convert


_known = {}


def columns_of(model, fields):
    """The `Columns` of these fields of `model`, built once per process."""
    key = (connection.vendor, model, tuple(field.attname for field in fields))
    if key not in _known:
        _known[key] = Columns(fields, model._meta.db_table)
    return _known[key]

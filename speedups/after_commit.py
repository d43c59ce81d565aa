"""Forget a cached answer now, and again when the current transaction commits.

Editors' changes are saved inside a transaction. Forgetting a cached copy only
at once lets a reader served before the commit read the old rows and store them
again; forgetting only at commit serves the old copy until then. So: both. Outside
a transaction, once is enough.
"""

from django.db import connection, transaction


def now_and_after_commit(forget):
    """Call `forget()` now and, inside a transaction, again after it commits."""
    forget()
    if connection.in_atomic_block:
        transaction.on_commit(forget)

"""Search index updates as tasks, run by the worker (decision 0090).

Enqueued by search/signals.py in the publishing transaction, so a rolled-back
publish enqueues nothing. Arguments are ids (a task's arguments are JSON); a
deleted page or restriction is rebuilt unsaved from what the signal knew.
A failed update is recorded on the task row; `manage.py index_courses` repairs.
"""

from django.tasks import task
from wagtail.models import Page, PageViewRestriction

from cms.models import Category
from search import indexing


@task()
def reindex_page(page_id):
    page = Page.objects.filter(pk=page_id).first()
    return indexing.reindex_related(page) if page else 0


@task()
def remove_page(page_id, path, content_type_id):
    indexing.remove_page(Page(pk=page_id, path=path, content_type_id=content_type_id))


@task()
def restriction_changed(restriction_id, page_id):
    indexing.reindex_for_restriction(
        PageViewRestriction(pk=restriction_id, page_id=page_id)
    )


@task()
def reindex_category(category_id):
    category = Category.objects.filter(pk=category_id).first()
    if category is not None:
        indexing.reindex_category(category)

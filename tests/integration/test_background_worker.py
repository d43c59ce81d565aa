"""The worker does the background work: search index, Wagtail's reference index,
reminders and scheduled publishing, enqueued once per slot by the scheduler."""

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from background.models import ScheduledRun
from background.schedule import enqueue_due
from cms.models import Category, CourseIndexPage, CoursePage
from events.models import Attendee, Booking
from search.models import SearchDocument
from tests.support.commerce import make_learner
from tests.support.events import build_event
from tests.support.tasks import run_worker, task_paths

pytestmark = pytest.mark.django_db


def new_course(index, title, slug, **fields):
    return index.add_child(
        instance=CoursePage(
            title=title, slug=slug, summary=f"{title}, a course.", live=False, **fields
        )
    )


def course_index(site_tree):
    index = site_tree.add_child(instance=CourseIndexPage(title="Courses", slug="c"))
    index.save_revision().publish()
    return index


def test_publishing_a_course_indexes_it_on_the_worker_not_in_the_request(
    site_tree, database_tasks
):
    index = course_index(site_tree)
    course = new_course(index, "Breath of Dawn", "dawn")
    course.save_revision().publish()
    assert not SearchDocument.objects.filter(page_id=course.pk).exists()
    assert "search.tasks.reindex_page" in task_paths()
    run_worker()
    document = SearchDocument.objects.get(page_id=course.pk)
    assert "Breath of Dawn" in document.title


def test_a_rolled_back_publish_enqueues_nothing(site_tree, database_tasks):
    index = course_index(site_tree)
    run_worker()
    course = new_course(index, "Never", "never")
    before = database_tasks.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        Page.objects.get(pk=course.pk).specific.save_revision().publish()
        assert database_tasks.count() > before
        raise RuntimeError("publish failed")
    assert database_tasks.count() == before
    run_worker()
    assert not SearchDocument.objects.filter(page_id=course.pk).exists()


def test_wagtails_reference_index_is_updated_by_the_worker(site_tree, database_tasks):
    index = course_index(site_tree)
    category = Category.objects.create(name="Breath", slug="breath")
    run_worker()
    course = new_course(index, "Breath of Dawn", "dawn", category=category)
    course.save_revision().publish()
    assert "wagtail.tasks.update_reference_index_task" in task_paths(
        database_tasks.ready()
    )
    assert not ReferenceIndex.get_references_to(category).exists()
    run_worker()
    assert not database_tasks.exclude(status="SUCCESSFUL").exists()
    used_by = ReferenceIndex.get_references_to(category)
    assert used_by.filter(object_id=str(course.pk)).exists()


def test_two_schedulers_enqueue_each_slot_once(database_tasks):
    now = timezone.now()
    first = enqueue_due(now)
    second = enqueue_due(now)  # another scheduler, same moment
    assert "heartbeat" in first and "nightly_backup" in first
    assert second == []
    assert database_tasks.count() == len(first) == ScheduledRun.objects.count()
    a_minute_on = enqueue_due(now + timedelta(seconds=61))
    assert "heartbeat" in a_minute_on and "nightly_backup" not in a_minute_on


def test_the_nightly_backup_slot_is_at_its_local_time(settings, database_tasks):
    settings.TIME_ZONE = "Europe/Madrid"
    settings.SCHEDULED_JOBS = {
        "nightly_backup": {"task": "operations.tasks.nightly_backup", "at": "03:15"}
    }
    before = datetime(2026, 12, 1, 2, 14, tzinfo=UTC)  # 03:14 in Madrid
    enqueue_due(before)
    enqueue_due(before + timedelta(minutes=1))  # 03:15 in Madrid
    slots = list(ScheduledRun.objects.order_by("slot").values_list("slot", flat=True))
    assert slots == [
        datetime(2026, 11, 30, 2, 15, tzinfo=UTC),
        datetime(2026, 12, 1, 2, 15, tzinfo=UTC),
    ]


def test_scheduler_and_worker_send_the_day_before_reminder_once(
    site_tree, database_tasks, settings
):
    settings.SCHEDULED_JOBS = {
        "event_reminders": {"task": "events.tasks.send_event_reminders", "every": 900}
    }
    event = build_event(site_tree, "Dawn Sit", starts_in=timedelta(hours=20))
    booking = Booking.objects.create(
        user=make_learner(),
        product=event.product,
        seats=1,
        status=Booking.CONFIRMED,
        language="es",
    )
    Attendee.objects.create(booking=booking, name="Ana")
    run_worker()
    mail.outbox.clear()
    enqueue_due()
    run_worker()  # the reminder task queues the email; the email task sends it
    run_worker()
    with time_machine.travel(time.time() + 16 * 60, tick=True):
        enqueue_due()  # the next slot: reminders run again, remind nobody twice
        run_worker()
        run_worker()
    reminders = [m for m in mail.outbox if "Mañana" in m.subject]
    assert len(reminders) == 1 and "Dawn Sit (ES)" in reminders[0].subject


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_running_at_the_same_moment_enqueue_each_slot_once(settings):
    from django.db import connection as main_connection
    from django_tasks_db.models import DBTaskResult

    from tests.support.tasks import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS
    now = timezone.now()
    barrier = threading.Barrier(2)
    enqueued = []

    def scheduler():
        from django.db import connection

        try:
            barrier.wait()
            enqueued.append(enqueue_due(now))
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    main_connection.close()
    jobs = len(settings.SCHEDULED_JOBS)
    assert len(enqueued) == 2
    assert sum(len(names) for names in enqueued) == jobs  # each job by one of them
    assert ScheduledRun.objects.count() == jobs
    assert DBTaskResult.objects.count() == jobs

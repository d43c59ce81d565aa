"""A task that takes its time, for tests that stop a worker in the middle of one."""

import time

from django.tasks import task


@task()
def take_a_while(seconds):
    time.sleep(seconds)
    return seconds

#!/usr/bin/env bash
# Development stand-in for the cron job / systemd timer of docs/operations.md:
# runs Wagtail's `publish_scheduled` every SCHEDULER_INTERVAL seconds (default 60),
# so scheduled courses (and their translations) go live and expire under `make run`
# too. Stops when its parent (the `make run` shell) exits, or on INT/TERM.
set -u
cd "$(dirname "$0")/.."
interval="${SCHEDULER_INTERVAL:-60}"
parent=$PPID
python="${VENV_PY:-.venv/bin/python}"
mkdir -p var
trap 'exit 0' INT TERM
while kill -0 "$parent" 2>/dev/null; do
  "$python" manage.py publish_scheduled >>var/scheduler.log 2>&1 \
    || echo "dev-scheduler: publish_scheduled failed, see var/scheduler.log" >&2
  sleep "$interval" &
  wait $!
done

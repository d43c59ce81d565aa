#!/usr/bin/env bash
# Background work under `make run`: one task worker (`manage.py db_worker`) and
# the scheduler (`manage.py run_scheduler`, publish_scheduled, reminders, ...),
# both on the development SQLite database (decision 0090). Logs go to
# var/worker.log and var/scheduler.log. Both stop when the parent (the
# `make run` shell) exits, or on INT/TERM.
set -u
cd "$(dirname "$0")/.."
parent=$PPID
python="${VENV_PY:-.venv/bin/python}"
mkdir -p var
"$python" manage.py db_worker --no-reload --interval 1 >>var/worker.log 2>&1 &
worker=$!
"$python" manage.py run_scheduler >>var/scheduler.log 2>&1 &
scheduler=$!
stop() { kill "$worker" "$scheduler" 2>/dev/null; wait "$worker" "$scheduler" 2>/dev/null; exit 0; }
trap stop INT TERM
warned=0
while kill -0 "$parent" 2>/dev/null; do
  if [ "$warned" = 0 ] && { ! kill -0 "$worker" 2>/dev/null || ! kill -0 "$scheduler" 2>/dev/null; }; then
    warned=1
    echo "dev-background: the worker or the scheduler stopped, see var/worker.log and var/scheduler.log" >&2
  fi
  sleep 2 &
  wait $!
done
stop

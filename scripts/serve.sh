#!/usr/bin/env bash
# `make serve`: the three production processes on one machine, supervised.
#   web        gunicorn -c mystic/gunicorn.conf.py mystic.wsgi
#   worker     manage.py db_worker            (runs background tasks)
#   scheduler  manage.py run_scheduler        (enqueues periodic jobs)
# Ctrl-C (or TERM) stops all three; if one of them exits, the others are stopped
# and this script exits non-zero, so a supervisor can restart the lot. On real
# servers run them as systemd units instead (docs/operations.md).
set -u
cd "$(dirname "$0")/.."
python="${VENV_PY:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-mystic.settings.production}"

pids=()
names=()
start() {
  local name=$1; shift
  "$@" &
  pids+=($!)
  names+=("$name")
  echo "serve: started $name (pid $!): $*"
}

stop_all() {
  trap - INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
}

stopping=0
trap 'stopping=1' INT TERM

start web .venv/bin/gunicorn -c mystic/gunicorn.conf.py mystic.wsgi
start worker "$python" manage.py db_worker --no-reload --interval "${WORKER_INTERVAL:-1}"
start scheduler "$python" manage.py run_scheduler

# Wait until a signal arrives or any one of them exits, then stop the others.
wait -n
status=$?
if [ "$stopping" = 1 ]; then
  echo "serve: stopping web, worker and scheduler"
  stop_all
  exit 0
fi
for i in "${!pids[@]}"; do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then
    echo "serve: ${names[$i]} exited (status $status); stopping the others" >&2
  fi
done
stop_all
exit "${status:-1}"

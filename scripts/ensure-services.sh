#!/usr/bin/env bash
# Make sure the test suite's PostgreSQL and Redis answer; start the local ones if we
# can, otherwise stop with one line saying what is missing and how to provide it.
set -u
DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/mystic}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/15}

probe() { # host port
  .venv/bin/python - "$1" "$2" <<'PY'
import socket, sys
try:
    socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1).close()
except OSError:
    sys.exit(1)
PY
}
hostport() { # url -> "host port"
  .venv/bin/python - "$1" "$2" <<'PY'
import sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
print(u.hostname or "127.0.0.1", u.port or int(sys.argv[2]))
PY
}

read -r pg_host pg_port < <(hostport "$DATABASE_URL" 5432)
read -r redis_host redis_port < <(hostport "$REDIS_URL" 6379)

if ! probe "$pg_host" "$pg_port"; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "PostgreSQL is not answering on $pg_host:$pg_port; starting the local cluster..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 20); do probe "$pg_host" "$pg_port" && break; sleep 0.5; done
  fi
  probe "$pg_host" "$pg_port" || {
    echo "make test: PostgreSQL is not reachable at $pg_host:$pg_port - install and start PostgreSQL, or set DATABASE_URL=postgres://USER@HOST:PORT/DB." >&2
    exit 1
  }
fi

if ! probe "$redis_host" "$redis_port"; then
  if command -v redis-server >/dev/null; then
    echo "Redis is not answering on $redis_host:$redis_port; starting a local redis-server..."
    redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no >/dev/null
    for _ in $(seq 20); do probe "$redis_host" "$redis_port" && break; sleep 0.25; done
  fi
  probe "$redis_host" "$redis_port" || {
    echo "make test: Redis is not reachable at $redis_host:$redis_port - install and start Redis (apt-get install redis-server), or set REDIS_URL=redis://HOST:PORT/DB." >&2
    exit 1
  }
fi

#!/usr/bin/env bash
# Checks that PostgreSQL and Redis answer (the postgres tests and the cluster test need them), starts
# them with this machine's own start commands when they are installed but down, and says clearly what
# is missing otherwise. TEST_POSTGRES_URL / TEST_REDIS_URL point the tests elsewhere.
set -uo pipefail
PG_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"
missing=0

pg_answers() { node -e '
  const pg = require("pg");
  const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.query("select 1")).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
' "$PG_URL"; }
redis_answers() { node -e '
  const { Redis } = require("ioredis");
  const r = new Redis(process.argv[1], { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.connect().then(() => r.ping()).then(() => r.quit()).then(() => process.exit(0), () => process.exit(1));
' "$REDIS_URL" 2>/dev/null; }

if ! pg_answers; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "PostgreSQL is down: starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 20); do pg_answers && break; sleep 0.5; done
  fi
  if ! pg_answers; then
    echo "MISSING: PostgreSQL does not answer at $PG_URL. Install and start PostgreSQL 15 (trust or password"
    echo "         auth for a user that may create databases), or set TEST_POSTGRES_URL."
    missing=1
  fi
fi

if ! redis_answers; then
  if command -v redis-server >/dev/null; then
    echo "Redis is down: starting it"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    for _ in $(seq 1 20); do redis_answers && break; sleep 0.5; done
  fi
  if ! redis_answers; then
    echo "MISSING: Redis does not answer at $REDIS_URL. Install and start Redis 6 or later, or set TEST_REDIS_URL."
    missing=1
  fi
fi

if [ "$missing" = 1 ]; then exit 1; fi
echo "PostgreSQL and Redis answer."

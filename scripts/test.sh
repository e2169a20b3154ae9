#!/usr/bin/env bash
# `npm test`: every check the project has, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"
npx tsc --noEmit

echo "== lint"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check . ; exit 1; }

echo "== question bank"
npx tsx scripts/questions-check.ts question-bank

echo "== services (PostgreSQL and Redis, for the postgres tests and the cluster test)"
bash scripts/check-services.sh

echo "== build"
npx remix vite:build >/dev/null

echo "== unit and integration tests (SQLite, then PostgreSQL and the cluster)"
npx vitest run

echo "== browser tests"
bash scripts/ensure-chromium.sh
npx playwright test

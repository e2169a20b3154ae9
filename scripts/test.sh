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

echo "== unit and integration tests"
npx vitest run

echo "== build"
npx remix vite:build >/dev/null

echo "== browser tests"
bash scripts/ensure-chromium.sh
npx playwright test

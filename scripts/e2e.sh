#!/usr/bin/env bash
# Browser tests: a fresh demo database, the real server with the built web UI, and
# Debian's Chromium driven by playwright-core.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/chromium.sh

port="${E2E_PORT:-8765}"
data="$(pwd)/tmp/e2e"
rm -rf "$data"
mkdir -p "$data"
export PRSS_DATA_DIR="$data"
unset DATABASE_URL
.venv/bin/python -m app migrate >/dev/null
.venv/bin/python -m app seed-demo >/dev/null

.venv/bin/uvicorn app.main:app --host 127.0.0.1 --port "$port" --no-access-log \
    >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do
    curl -fsS "http://127.0.0.1:$port/api/v1/ready" >/dev/null 2>&1 && break
    sleep 0.2
done

cd frontend
E2E_BASE_URL="http://127.0.0.1:$port" npm run --silent test:e2e

#!/usr/bin/env bash
# wrk, the HTTP load generator bench/load.py drives its minimal and list phases with:
# Debian's package, installed when it is missing (as scripts/e2e.sh installs Chromium).
set -euo pipefail

if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is missing; installing Debian's package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends wrk >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends wrk >/dev/null; }
fi

#!/usr/bin/env bash
# Debian's Chromium for the browser tests, installed with apt when missing. No browser is
# ever downloaded by a test tool.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
echo "Chromium is missing; installing Debian's package"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; }

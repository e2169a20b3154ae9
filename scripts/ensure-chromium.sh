#!/usr/bin/env bash
# Browser tests run on Debian's Chromium (Playwright's own browser download is not used).
# Installs it with apt when it is missing and we are root; otherwise says exactly what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-core >/dev/null
  exit 0
fi
cat >&2 <<MSG
The browser tests need Debian's Chromium at $CHROMIUM, and it is not there.
Install it as root:    apt-get update && apt-get install -y chromium
or point CHROMIUM_PATH at another Chromium binary.
MSG
exit 1

#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download is not available offline).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (sudo)..."
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Chromium at $browser: install Debian's 'chromium' package or set CHROMIUM_PATH." >&2
  exit 1
fi

#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine that
# has Go and Node: Go modules, npm packages (pinned by package-lock.json), and
# Debian's Chromium with a CJK font for the end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."

go mod download

if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
/usr/bin/chromium --version

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine that
# has Go and Node: Go modules, npm packages (pinned by package-lock.json), and
# Debian's Chromium (with a CJK font) and firefox-esr for the end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."

go mod download

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/firefox-esr ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium firefox-esr fonts-wqy-microhei >/dev/null
fi
/usr/bin/chromium --version
/usr/bin/firefox-esr --version

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

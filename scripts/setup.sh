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

# npm ci empties node_modules first, through a symlink too (a git worktree
# sharing another checkout's node_modules): run it only when the installed
# packages differ from package-lock.json (a clean clone has none).
lock_matches() {
  node -e '
    const lock = require("./package-lock.json").packages;
    const have = require("./node_modules/.package-lock.json").packages;
    for (const [path, p] of Object.entries(lock)) {
      if (path && have[path]?.version !== p.version && !(p.optional && !have[path])) process.exit(1);
    }' 2>/dev/null
}
if [ -f package-lock.json ] && ! lock_matches; then
  npm ci --no-audit --no-fund --loglevel=error
fi

#!/usr/bin/env bash
# Regenerates docs/screenshots/: the badge and the panel on a high-risk, a
# caution, a trusted and an unreadable (security check) fixture page, in
# English and in Chinese, 1280x800 (e2e/screenshots.mjs). Builds the extension
# first; needs the e2e tools (bash scripts/setup.sh) and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
node e2e/screenshots.mjs

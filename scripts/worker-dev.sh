#!/usr/bin/env bash
# Runs the team service locally and offline: wrangler dev (workerd from npm)
# with a local D1 under worker/.wrangler/state (kept between runs), on
# 127.0.0.1:${PORT:-8787}. The admin secret lives in worker/.dev.vars, written
# with a random value on first use and printed below, with the exports the
# live tests take. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source worker/local.sh

port=${PORT:-8787}
worker_install
worker_build

vars=worker/.dev.vars
if ! grep -q '^ADMIN_SECRET=' "$vars" 2>/dev/null; then
  (umask 077 && printf 'ADMIN_SECRET="%s"\n' "$(random_secret)" >>"$vars")
fi
ADMIN_SECRET=$(sed -n 's/^ADMIN_SECRET="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$vars" | head -n 1)

(cd worker && npx wrangler d1 migrations apply DB --local)

cat <<MSG

Team service: http://127.0.0.1:$port/v1/health
  export TRUSTLENS_WORKER_URL=http://127.0.0.1:$port
  export TRUSTLENS_ADMIN_SECRET=$ADMIN_SECRET
Create a team (prints its first token):
  curl -s -X POST http://127.0.0.1:$port/v1/admin/teams -H "X-Admin-Secret: \$TRUSTLENS_ADMIN_SECRET" \\
    -H 'Content-Type: application/json' -d '{"name":"My sourcing team"}'

MSG
cd worker
exec npx wrangler dev --ip 127.0.0.1 --port "$port" --show-interactive-dev-session=false

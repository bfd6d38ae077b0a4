# Shared by scripts/worker-dev.sh, worker-test.sh and worker-bench.sh (sourced,
# not run): installs wrangler, builds, and starts the Worker locally and
# offline in wrangler dev (workerd + local D1). Everything listens on 127.0.0.1.

# No telemetry, and no fetch of Cloudflare's request.cf data: fully offline.
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

worker_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

need() {
  command -v "$1" >/dev/null || { echo "$1 is required ($2)" >&2; exit 1; }
}

# npm ci when node_modules does not match package-lock.json (wrangler is
# pinned exact; it carries workerd, so nothing else is downloaded).
worker_install() {
  need go "https://go.dev/dl"
  need node "Node 20 or later"
  need npm "comes with Node"
  local stamp="$worker_dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$worker_dir/package-lock.json" -nt "$stamp" ]; then
    (cd "$worker_dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  (cd "$worker_dir" && npx wrangler --version >/dev/null)
}

worker_build() {
  bash "$worker_dir/build.sh"
}

random_secret() {
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'
}

# free_port prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  local p
  for p in $(seq "${1:-8790}" "${2:-8990}"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "no free port" >&2
  return 1
}

# worker_start STATE_DIR: fresh local D1 under STATE_DIR with the migrations
# applied, a fresh random ADMIN_SECRET, and wrangler dev on a free port in its
# own process group. Sets WORKER_URL, ADMIN_SECRET, WORKER_PGID, WORKER_LOG.
# Call worker_stop (e.g. from a trap) to end it.
worker_start() {
  local state=$1
  rm -rf "$state"
  mkdir -p "$state"
  ADMIN_SECRET=$(random_secret)
  # A file, not --var: the secret stays out of the process list. --env-file
  # takes precedence over worker/.dev.vars.
  (umask 077 && printf 'ADMIN_SECRET="%s"\n' "$ADMIN_SECRET" >"$state/test.env")
  (cd "$worker_dir" && npx wrangler d1 migrations apply DB --local --persist-to "$state/d1" >"$state/migrations.log" 2>&1) ||
    { cat "$state/migrations.log"; return 1; }
  local port
  port=$(free_port)
  WORKER_URL="http://127.0.0.1:$port"
  WORKER_LOG="$state/wrangler.log"
  (cd "$worker_dir" && exec setsid npx wrangler dev --ip 127.0.0.1 --port "$port" \
    --show-interactive-dev-session=false --env-file "$state/test.env" --persist-to "$state/d1" \
    >"$WORKER_LOG" 2>&1) &
  WORKER_PGID=$!
  local i
  for i in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "wrangler dev: $WORKER_URL (log: $WORKER_LOG)"
      return 0
    fi
    if ! kill -0 "$WORKER_PGID" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  echo "wrangler dev did not start:" >&2
  tail -n 40 "$WORKER_LOG" >&2
  return 1
}

# worker_stop ends wrangler dev and its workerd processes (its own process
# group, started by worker_start): TERM, then KILL after 10 s.
worker_stop() {
  if [ -n "${WORKER_PGID:-}" ]; then
    kill -TERM -- "-$WORKER_PGID" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do
      kill -0 -- "-$WORKER_PGID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$WORKER_PGID" 2>/dev/null || true
    wait "$WORKER_PGID" 2>/dev/null || true
    WORKER_PGID=
  fi
}

#!/usr/bin/env bash
# Load benchmark of the portal's anonymous home page (see benchmarks/README.md).
#
#   make bench                      # or: bash benchmarks/run.sh
#   BENCH_SECONDS=30 make bench     # longer runs
#
# Measures, with `wrk -t2 -c20 --latency`, three servers answering the same
# HTML on 127.0.0.1:
#   1. the portal: gunicorn (2 sync workers) + production settings, PostgreSQL
#      and Redis, whole-page cache warmed up;
#   2. the "Python ceiling": benchmarks/minimal_wsgi.py under the same gunicorn
#      settings, returning the bytes the portal returned;
#   3. the "physical limit": nginx serving those bytes as a static file.
# Prints a table and the ratios, writes benchmarks/results/latest.json.
#
# Environment (all optional):
#   BENCH_SECONDS=10          length of each measured wrk run
#   BENCH_WARMUP_SECONDS=2    unmeasured wrk run before each measure (0: none)
#   BENCH_PATH=/              page measured
#   DATABASE_URL              default postgres://postgres@127.0.0.1:5432/lot_portal_bench
#                             (that database is created when missing)
#   REDIS_URL                 default redis://127.0.0.1:6379/5
#   BENCH_STATIC_ROOT         collectstatic target, default benchmarks/results/staticfiles
#   BENCH_STRICT=1            exit 1 when a target is missed
#   BENCH_KEEP_TMP=1          keep the temporary folder (logs, configs, HTML)
#
# Every process started here is stopped on exit, even on failure or Ctrl-C.

set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
cd "$ROOT"

BENCH_SECONDS="${BENCH_SECONDS:-10}"
BENCH_WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-2}"
BENCH_PATH="${BENCH_PATH:-/}"
WRK_THREADS=2
WRK_CONNECTIONS=20
GUNICORN_WORKERS=2
HOST_HEADER="127.0.0.1"
RESULTS_DIR="$BENCH_DIR/results"
DEFAULT_DATABASE_URL="postgres://postgres@127.0.0.1:5432/lot_portal_bench"

PY="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
warn() { printf '\033[33mWARNING: %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31mERROR: %s\033[0m\n' "$*" >&2; exit 1; }

[[ "$BENCH_SECONDS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_SECONDS must be a positive integer."
[[ "$BENCH_WARMUP_SECONDS" =~ ^[0-9]+$ ]] || die "BENCH_WARMUP_SECONDS must be an integer."
[[ -x "$PY" && -x "$GUNICORN" ]] || die "$ROOT/.venv with gunicorn is required (make install)."

# --- Temporary folder and clean-up -------------------------------------------

TMP="$(mktemp -d "${TMPDIR:-/tmp}/lot-bench.XXXXXX")"
PIDS=()

children_of() { ps -o pid= --ppid "$1" 2>/dev/null | tr -d ' ' || true; }

stop_pid() {  # stop one process we started, then its leftover children
  local pid="$1" kids deadline
  kill -0 "$pid" 2>/dev/null || return 0
  kids="$(children_of "$pid")"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + 10))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    warn "process $pid did not stop within 10 s: killing it."
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for kid in $kids; do kill -KILL "$kid" 2>/dev/null || true; done
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM ERR
  set +e
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  if [[ "${BENCH_KEEP_TMP:-0}" == 1 ]]; then
    echo "Temporary files kept in $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'echo "run.sh: command failed (line $LINENO): $BASH_COMMAND" >&2' ERR

show_log() {  # the end of a log file, to explain a failure
  [[ -s "$1" ]] || return 0
  echo "--- last lines of $1 ---" >&2
  tail -n 40 "$1" >&2
  echo "---" >&2
}

# --- Tools -------------------------------------------------------------------

find_tool() {  # command name, also looked up in the sbin folders
  command -v "$1" 2>/dev/null && return 0
  local dir
  for dir in /usr/sbin /usr/local/sbin /sbin; do
    [[ -x "$dir/$1" ]] && { echo "$dir/$1"; return 0; }
  done
  return 1
}

missing=()
find_tool wrk >/dev/null || missing+=(wrk)
find_tool nginx >/dev/null || missing+=(nginx-light)
find_tool curl >/dev/null || missing+=(curl)
find_tool timeout >/dev/null || missing+=(coreutils)
find_tool ps >/dev/null || missing+=(procps)
if [[ -z "${DATABASE_URL:-}" ]] && ! find_tool psql >/dev/null; then missing+=(postgresql-client); fi
if ((${#missing[@]})); then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get update -qq || die "apt-get update failed."
    timeout 600 apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      || die "apt-get install ${missing[*]} failed."
  else
    die "missing tools: ${missing[*]} (install them, e.g. sudo apt-get install -y ${missing[*]})."
  fi
fi
WRK="$(find_tool wrk)"
NGINX="$(find_tool nginx)"

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

CURL=(curl -sS --max-time 10 -H "Host: $HOST_HEADER" -H "X-Forwarded-Proto: https")

wait_http() {  # wait_http URL PID LOG TIMEOUT: until the server answers anything
  local url="$1" pid="$2" logfile="$3" deadline=$((SECONDS + $4)) code
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log "$logfile"
      die "the server behind $url exited before answering."
    fi
    code="$("${CURL[@]}" --max-time 2 -o /dev/null -w '%{http_code}' "$url" 2>/dev/null || true)"
    [[ -n "$code" && "$code" != 000 ]] && return 0
    sleep 0.2
  done
  show_log "$logfile"
  die "no answer from $url within $4 s."
}

# --- Production environment ---------------------------------------------------

export DJANGO_SETTINGS_MODULE=lot_portal.settings.production
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-bench-only-$("$PY" -c 'import secrets; print(secrets.token_urlsafe(40))')}"
export DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
export DJANGO_SECURE_SSL_REDIRECT=false
export DATABASE_URL="${DATABASE_URL:-$DEFAULT_DATABASE_URL}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/5}"
# The portal reads CACHE_URL / CELERY_BROKER_URL before REDIS_URL: pin them so
# that a developer's .env cannot send the bench elsewhere.
export CACHE_URL="$REDIS_URL"
export CELERY_BROKER_URL="$REDIS_URL"
export PAGE_CACHE_SECONDS="${PAGE_CACHE_SECONDS:-600}"
export STATIC_ROOT="${BENCH_STATIC_ROOT:-$RESULTS_DIR/staticfiles}"
# seed_demo creates a staff account when its address is missing and then
# overwrites var/identifiants-equipe.txt: the account is created beforehand
# (without a usable password) so the developer's file is left alone.
export DJANGO_SUPERUSER_EMAIL="bench@lot.example"
unset GUNICORN_CMD_ARGS WEB_CONCURRENCY
mkdir -p "$RESULTS_DIR"

case "$DATABASE_URL" in
  postgres://* | postgresql://* | pgsql://*) ;;
  *) die "DATABASE_URL must point at PostgreSQL (got ${DATABASE_URL%%://*}://...)." ;;
esac

log "Checking Redis ($REDIS_URL)"
timeout 15 "$PY" -c '
import os, sys, redis
try:
    redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=3, socket_timeout=3).ping()
except Exception as error:
    sys.exit(f"{type(error).__name__}: {error}")
' || die "Redis does not answer at $REDIS_URL."

if [[ "$DATABASE_URL" == "$DEFAULT_DATABASE_URL" ]]; then
  log "Checking PostgreSQL (127.0.0.1:5432, database lot_portal_bench)"
  export PGCONNECT_TIMEOUT=5
  exists="$(timeout 20 psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'lot_portal_bench'")" \
    || die "PostgreSQL does not answer on 127.0.0.1:5432 (user postgres, trust auth expected)."
  if [[ "$exists" != 1 ]]; then
    log "Creating database lot_portal_bench"
    timeout 30 createdb -h 127.0.0.1 -p 5432 -U postgres lot_portal_bench
  fi
fi

manage() {  # manage TIMEOUT ARGS...: quiet unless it fails
  local limit="$1"; shift
  local logfile="$TMP/manage-$1.log"
  if ! timeout "$limit" "$PY" manage.py "$@" >"$logfile" 2>&1; then
    show_log "$logfile"
    die "manage.py $* failed."
  fi
}

log "manage.py migrate"
manage 900 migrate --noinput
log "manage.py collectstatic (into $STATIC_ROOT)"
manage 600 collectstatic --noinput
log "manage.py seed_demo"
manage 120 shell -c '
import os
from django.contrib.auth import get_user_model
User = get_user_model()
email = os.environ["DJANGO_SUPERUSER_EMAIL"]
if not User.objects.filter(email=email).exists():
    User.objects.create_superuser(email=email, password=None)
'
manage 300 seed_demo

# An empty configuration file, so that a gunicorn.conf.py in the project (or
# GUNICORN_CMD_ARGS) cannot change the conditions: both gunicorn targets run
# with exactly the options below.
: >"$TMP/gunicorn.conf.py"

start_gunicorn() {  # start_gunicorn NAME PORT APP [extra args]: sets STARTED_PID
  local name="$1" port="$2" app="$3"; shift 3
  "$GUNICORN" --config "$TMP/gunicorn.conf.py" \
    --workers "$GUNICORN_WORKERS" --worker-class sync \
    --bind "127.0.0.1:$port" \
    --timeout 30 --graceful-timeout 5 \
    --log-level warning --error-logfile - \
    "$@" "$app" >"$TMP/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

# --- Target 1: the portal -------------------------------------------------------

PORTAL_PORT="$(free_port)"
PORTAL_URL="http://127.0.0.1:$PORTAL_PORT$BENCH_PATH"
log "Starting the portal under gunicorn on 127.0.0.1:$PORTAL_PORT"
start_gunicorn portal "$PORTAL_PORT" lot_portal.wsgi:application --chdir "$ROOT"
PORTAL_PID=$STARTED_PID
wait_http "$PORTAL_URL" "$PORTAL_PID" "$TMP/portal.log" 60

log "Warming up the page cache ($BENCH_PATH)"
mkdir -p "$TMP/www"
HTML="$TMP/www/index.html"
status="$("${CURL[@]}" -o "$HTML" -D "$TMP/headers-1.txt" -w '%{http_code}' "$PORTAL_URL")"
if [[ "$status" != 200 ]]; then
  show_log "$TMP/portal.log"
  cat "$TMP/headers-1.txt" >&2
  die "the portal answered $status on $BENCH_PATH (200 expected)."
fi
"${CURL[@]}" -o "$TMP/body-2.html" -D "$TMP/headers-2.txt" "$PORTAL_URL"
for _ in 1 2 3; do "${CURL[@]}" -o /dev/null "$PORTAL_URL"; done
CACHE_HIT=false
if grep -qi '^x-cache: *hit' "$TMP/headers-2.txt"; then
  CACHE_HIT=true
  echo "X-Cache: HIT on the second request: the page cache works."
else
  warn "no 'X-Cache: HIT' on the second request: every request will render the page."
  warn "response headers of the second request:"
  sed 's/^/    /' "$TMP/headers-2.txt" >&2
fi
cmp -s "$HTML" "$TMP/body-2.html" || warn "the second answer's body differs from the first one."
BODY_BYTES="$(wc -c <"$HTML" | tr -d ' ')"
echo "Page $BENCH_PATH: $BODY_BYTES bytes of HTML."

# --- Target 2: minimal WSGI app (Python ceiling) ------------------------------------

MINIMAL_PORT="$(free_port)"
MINIMAL_URL="http://127.0.0.1:$MINIMAL_PORT$BENCH_PATH"
log "Starting the minimal WSGI app under gunicorn on 127.0.0.1:$MINIMAL_PORT"
BENCH_HTML_FILE="$HTML" start_gunicorn minimal "$MINIMAL_PORT" minimal_wsgi:application \
  --chdir "$BENCH_DIR"
MINIMAL_PID=$STARTED_PID
wait_http "$MINIMAL_URL" "$MINIMAL_PID" "$TMP/minimal.log" 30
"${CURL[@]}" -o "$TMP/body-minimal.html" "$MINIMAL_URL"
cmp -s "$HTML" "$TMP/body-minimal.html" || die "the minimal WSGI app does not return the same bytes."

# --- Target 3: nginx static file (physical limit) -----------------------------------

NGINX_PORT="$(free_port)"
NGINX_URL="http://127.0.0.1:$NGINX_PORT$BENCH_PATH"
NGINX_DIR="$TMP/nginx"
mkdir -p "$NGINX_DIR"
USER_LINE=""
[[ $EUID -eq 0 ]] && USER_LINE="user root;"  # workers must read files under $TMP (mode 700)
cat >"$NGINX_DIR/nginx.conf" <<EOF
# Generated by benchmarks/run.sh
$USER_LINE
daemon off;
worker_processes $GUNICORN_WORKERS;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;

events {
    worker_connections 1024;
}

http {
    access_log off;
    client_body_temp_path $NGINX_DIR/client_body;
    proxy_temp_path $NGINX_DIR/proxy;
    fastcgi_temp_path $NGINX_DIR/fastcgi;
    uwsgi_temp_path $NGINX_DIR/uwsgi;
    scgi_temp_path $NGINX_DIR/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types { text/html html; }
    default_type "text/html; charset=utf-8";

    server {
        listen 127.0.0.1:$NGINX_PORT;
        server_name _;
        root $TMP/www;
        location / {
            try_files /index.html =404;
        }
    }
}
EOF
log "Starting nginx on 127.0.0.1:$NGINX_PORT"
if ! timeout 15 "$NGINX" -t -q -p "$NGINX_DIR/" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" \
  >"$TMP/nginx-test.log" 2>&1; then
  show_log "$TMP/nginx-test.log"
  die "nginx rejected its configuration."
fi
"$NGINX" -p "$NGINX_DIR/" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" \
  >"$TMP/nginx.log" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
wait_http "$NGINX_URL" "$NGINX_PID" "$NGINX_DIR/error.log" 15
"${CURL[@]}" -o "$TMP/body-nginx.html" "$NGINX_URL"
cmp -s "$HTML" "$TMP/body-nginx.html" || die "nginx does not return the same bytes."

# --- Measures -------------------------------------------------------------------

run_wrk() {  # run_wrk NAME URL
  local name="$1" url="$2" out="$TMP/wrk-$1.txt"
  local args=(-t"$WRK_THREADS" -c"$WRK_CONNECTIONS" --latency
    -H "Host: $HOST_HEADER" -H "X-Forwarded-Proto: https")
  if ((BENCH_WARMUP_SECONDS > 0)); then
    timeout $((BENCH_WARMUP_SECONDS + 30)) "$WRK" "${args[@]}" -d"${BENCH_WARMUP_SECONDS}s" \
      "$url" >/dev/null 2>&1 || warn "$name: warm-up run failed."
  fi
  log "wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${BENCH_SECONDS}s --latency: $name"
  if ! timeout $((BENCH_SECONDS + 60)) "$WRK" "${args[@]}" -d"${BENCH_SECONDS}s" "$url" \
    >"$out" 2>&1; then
    cat "$out" >&2
    die "wrk failed against $name."
  fi
  sed -n '/^ *50%/p; /^ *99%/p; /Requests\/sec/p; /Non-2xx/p; /Socket errors/p' "$out" | sed 's/^ */    /'
  cp "$out" "$RESULTS_DIR/wrk-$name.txt"
}

run_wrk portal "$PORTAL_URL"
run_wrk minimal_wsgi "$MINIMAL_URL"
run_wrk nginx "$NGINX_URL"

# The portal must still serve from the cache after the run (an expired or
# evicted entry would mean the figures mix hits and misses).
"${CURL[@]}" -o /dev/null -D "$TMP/headers-after.txt" "$PORTAL_URL"
CACHE_HIT_AFTER=false
grep -qi '^x-cache: *hit' "$TMP/headers-after.txt" && CACHE_HIT_AFTER=true
for name in portal minimal; do
  if grep -qiE 'error|exception|traceback' "$TMP/$name.log"; then
    warn "$name's gunicorn log contains errors:"
    tail -n 20 "$TMP/$name.log" >&2
  fi
done

# --- Report ---------------------------------------------------------------------

BENCH_META="$TMP/meta.json" CACHE_HIT="$CACHE_HIT" CACHE_HIT_AFTER="$CACHE_HIT_AFTER" \
BODY_BYTES="$BODY_BYTES" NGINX_VERSION="$("$NGINX" -v 2>&1 | sed 's/.*nginx\///')" \
WRK_VERSION="$({ "$WRK" -v 2>&1 || true; } | awk 'NR == 1 {print $2}')" \
BENCH_SECONDS="$BENCH_SECONDS" WRK_THREADS="$WRK_THREADS" WRK_CONNECTIONS="$WRK_CONNECTIONS" \
GUNICORN_WORKERS="$GUNICORN_WORKERS" BENCH_PATH="$BENCH_PATH" CPUS="$(nproc 2>/dev/null || echo 0)" \
timeout 60 "$PY" - <<'EOF'
import json, os, platform, re
from importlib.metadata import version

env = os.environ
db = re.sub(r"//[^@/]*@", "//", env["DATABASE_URL"])  # no credentials in the results
meta = {
    "machine": {"cpus": int(env["CPUS"]), "platform": platform.platform(),
                "python": platform.python_version()},
    "page": env["BENCH_PATH"],
    "body_bytes": int(env["BODY_BYTES"]),
    "page_cache_hit_before": env["CACHE_HIT"] == "true",
    "page_cache_hit_after": env["CACHE_HIT_AFTER"] == "true",
    "wrk": {"version": env["WRK_VERSION"], "threads": int(env["WRK_THREADS"]),
            "connections": int(env["WRK_CONNECTIONS"]), "duration_s": int(env["BENCH_SECONDS"]),
            "headers": {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}},
    "gunicorn": {"version": version("gunicorn"), "workers": int(env["GUNICORN_WORKERS"]),
                 "worker_class": "sync", "access_log": False},
    "nginx": {"version": env["NGINX_VERSION"], "worker_processes": int(env["GUNICORN_WORKERS"])},
    "portal": {"settings": env["DJANGO_SETTINGS_MODULE"], "django": version("django"),
               "wagtail": version("wagtail"), "database": db, "cache": env["REDIS_URL"]},
}
with open(env["BENCH_META"], "w", encoding="utf-8") as fh:
    json.dump(meta, fh)
EOF

[[ "$CACHE_HIT" == true ]] || warn "the page cache did not answer during warm-up (no X-Cache: HIT)."
[[ "$CACHE_HIT_AFTER" == true ]] || warn "no X-Cache: HIT after the portal's run."

set +e
timeout 60 "$PY" "$BENCH_DIR/report.py" --json "$RESULTS_DIR/latest.json" --meta "$TMP/meta.json" \
  portal="$TMP/wrk-portal.txt" minimal_wsgi="$TMP/wrk-minimal_wsgi.txt" nginx="$TMP/wrk-nginx.txt"
rc=$?
set -e
exit "$rc"

# Shared shell helpers for `make run`, `make test` and the benchmark targets.
# Installs what is missing, starts PostgreSQL and Redis on loopback only when nothing listens
# on their ports, and stops only what it started.

STATE_DIR="${STATE_DIR:-$PWD/.ci/.state}"
PYTHON="${PYTHON:-python3.11}"
PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
DEBIAN_PACKAGES=(postgresql redis-server chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root (or sudo) for: $*"; return 1; fi
}

ensure_debian_packages() {
  local missing=() pkg
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_venv() {  # ensure_venv requirements/file.txt
  local req="$1" stamp
  if [ ! -x .venv/bin/python ]; then
    log "creating .venv with $PYTHON"
    "$PYTHON" -m venv .venv
  fi
  stamp=$(cat requirements/*.txt | sha256sum | cut -c1-16)-$(basename "$req")
  if [ "$(cat .venv/.requirements-stamp 2>/dev/null)" != "$stamp" ]; then
    log "installing Python packages from $req"
    .venv/bin/pip install -q --disable-pip-version-check -r "$req" 2>&1 | grep -v -i "warning" || true
    .venv/bin/pip check >/dev/null || { .venv/bin/pip check; return 1; }
    echo "$stamp" > .venv/.requirements-stamp
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {  # wait_port PORT SECONDS
  local i
  for ((i = 0; i < $2 * 10; i++)); do port_open "$1" && return 0; sleep 0.1; done
  log "nothing listens on port $1 after $2 s"; return 1
}

start_postgres() {
  mkdir -p "$STATE_DIR"
  if port_open "$PG_PORT"; then log "PostgreSQL already listens on $PG_PORT; using it"; return 0; fi
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    as_root pg_createcluster "$version" main >/dev/null
  fi
  log "starting PostgreSQL $version on 127.0.0.1:$PG_PORT"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  echo "$version" > "$STATE_DIR/postgres.started"
  wait_port "$PG_PORT" 30
  # Debian asks for a password on 127.0.0.1: give the postgres role a known local one.
  as_root runuser -u postgres -- psql -q -c "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
}

stop_postgres() {
  if [ -f "$STATE_DIR/postgres.started" ]; then
    log "stopping the PostgreSQL this run started"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(cat "$STATE_DIR/postgres.started")" main stop || true
    rm -f "$STATE_DIR/postgres.started"
  fi
}

start_redis() {
  mkdir -p "$STATE_DIR"
  if port_open "$REDIS_PORT"; then log "Redis already listens on $REDIS_PORT; using it"; return 0; fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log"
  wait_port "$REDIS_PORT" 15
  touch "$STATE_DIR/redis.started"
}

stop_redis() {
  if [ -f "$STATE_DIR/redis.started" ]; then
    log "stopping the Redis this run started"
    kill "$(cat "$STATE_DIR/redis.pid")" 2>/dev/null || true
    rm -f "$STATE_DIR/redis.started"
  fi
}

stop_services() { stop_redis; stop_postgres; }

# Everything a run against the real services needs: packages, the venv, PostgreSQL and Redis started
# if nothing listens yet, and a trap that stops only what this run started.
prepare_services() {
  ensure_debian_packages || return 1
  ensure_venv requirements/test.txt || return 1
  trap stop_services EXIT
  start_postgres || return 1
  start_redis || return 1
}

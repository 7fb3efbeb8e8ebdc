# Starts and stops a throwaway PostgreSQL cluster on 127.0.0.1 for tests, the sample and benchmarks.
# Source it, call pg_start (exports INQUIR_TEST_CONNECTION), and pg_stop when done.
# Installs PostgreSQL with apt-get when its server binaries are missing. PG_OPTIONS adds server options (-c name=value).

pg_find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  fi
}

pg_install() {
  echo "PostgreSQL server binaries not found; installing them with apt-get" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
}

pg_free_port() {
  local port
  for port in $(seq 54329 54999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port between 54329 and 54999" >&2
  return 1
}

# Runs a command as the cluster's owner: initdb refuses to run as root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  PG_BIN=$(pg_find_bin)
  if [ -z "$PG_BIN" ]; then
    pg_install || return 1
    PG_BIN=$(pg_find_bin)
    [ -n "$PG_BIN" ] || { echo "PostgreSQL installation did not provide initdb" >&2; return 1; }
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/inquir-pg.XXXXXX")
  mkdir -p "$PG_DIR/socket"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$PG_DIR"; fi
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # A throwaway cluster for tests runs without durability; PG_DURABLE=1 (benchmarks) keeps PostgreSQL's defaults.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [ "${PG_DURABLE:-0}" = "1" ]; then durability=""; fi
  # Another process may take the free port between the check and the bind: then the next free port is tried.
  local tries
  for tries in 1 2 3 4 5; do
    PG_PORT=$(pg_free_port) || return 1
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR/socket -c max_connections=300 $durability ${PG_OPTIONS:-}" \
      >/dev/null; then
      break
    fi
    if [ "$tries" = 5 ]; then cat "$PG_DIR/server.log" >&2; return 1; fi
    sleep 1
  done
  pg_as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres inquir >/dev/null || return 1

  export PG_BIN PG_DIR PG_PORT
  export INQUIR_TEST_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=inquir"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') started on 127.0.0.1:$PG_PORT" >&2
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    echo "PostgreSQL on 127.0.0.1:$PG_PORT stopped" >&2
  fi
  PG_DIR=""
}

# shellcheck shell=bash
# Throwaway MariaDB server for the test suite; source after common.sh, call mariadb_start,
# and install mariadb_stop as an EXIT trap. Everything lives in one mktemp folder; the
# system MariaDB service, /var/lib/mysql and /etc/mysql are never used (--no-defaults).

# Set by mariadb_start; the _MARIADB_* ones are also baked into restart.sh.
RAPPORT_MARIADB_DIR=""
RAPPORT_MARIADB_PORT=""
_MARIADB_DIR=""
_MARIADB_PORT=""
_MARIADB_SERVER=""
_MARIADB_ADMIN=""

# Seconds to wait for the server to answer after a start, and to exit after a shutdown.
_MARIADB_START_TIMEOUT=60
_MARIADB_STOP_TIMEOUT=60

# _mariadb_find NAME...
# Prints the path of the first tool found; the server lives in /usr/sbin, often not in a user's PATH.
_mariadb_find() {
  local name
  for name in "$@"; do
    PATH="$PATH:/usr/sbin:/usr/local/sbin" command -v "$name" && return 0
  done
  echo "None of these MariaDB programs was found: $*" >&2
  return 1
}

# _mariadb_alive PID
# True when PID is a live (non-zombie) process of this throwaway server; the data dir in its
# command line guards against signalling an unrelated process that reused the pid.
_mariadb_alive() {
  local info stat
  info=$(ps -ww -o stat=,args= -p "$1" 2>/dev/null) || return 1
  stat=${info%% *}
  [[ $stat != Z* && $info == *"$_MARIADB_DIR/data"* ]]
}

# _mariadb_ping
# True when the server answers on its socket (as root, which has no password here).
_mariadb_ping() {
  "$_MARIADB_ADMIN" --no-defaults --socket="$_MARIADB_DIR/sock" --user=root \
    --connect-timeout=2 ping >/dev/null 2>&1
}

# _mariadb_server_up
# Starts mariadbd on _MARIADB_DIR/_MARIADB_PORT in the background and waits until it answers.
_mariadb_server_up() {
  local args pid deadline
  args=(
    --no-defaults
    --datadir="$_MARIADB_DIR/data"
    --socket="$_MARIADB_DIR/sock"
    --pid-file="$_MARIADB_DIR/mariadbd.pid"
    --log-error="$_MARIADB_DIR/mariadbd.log"
    --tmpdir="$_MARIADB_DIR"
    --port="$_MARIADB_PORT"
    --bind-address=127.0.0.1
    # --no-defaults drops Debian's server config, so restore its utf8mb4 defaults.
    --character-set-server=utf8mb4
    --collation-server=utf8mb4_general_ci
    # Test data need not survive a crash; skipping the per-commit fsync speeds the suite up.
    --innodb-flush-log-at-trx-commit=2
    --skip-name-resolve
    # Suites run in parallel, each test database with its own pools: the default 151 connections ran out once
    # the public-channel and login-log suites joined the MariaDB runs.
    --max-connections=1000
  )
  # mariadbd refuses to run as root unless told to explicitly.
  if (( EUID == 0 )); then args+=(--user=root); fi

  # Detach all standard streams: whoever runs restart.sh may wait for its output to close.
  "$_MARIADB_SERVER" "${args[@]}" </dev/null >>"$_MARIADB_DIR/mariadbd.out" 2>&1 &
  pid=$!

  deadline=$((SECONDS + _MARIADB_START_TIMEOUT))
  until _mariadb_ping; do
    if ! _mariadb_alive "$pid"; then
      echo "mariadbd exited during startup; end of $_MARIADB_DIR/mariadbd.log:" >&2
      tail -n 40 "$_MARIADB_DIR/mariadbd.log" >&2 || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      echo "mariadbd did not answer within $_MARIADB_START_TIMEOUT s; end of its log:" >&2
      tail -n 40 "$_MARIADB_DIR/mariadbd.log" >&2 || true
      kill -KILL "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.2
  done
}

# _mariadb_server_down
# Shuts the server down over its socket and waits for the process to exit; kills it if it hangs.
_mariadb_server_down() {
  local pid="" i
  if [[ -s $_MARIADB_DIR/mariadbd.pid ]]; then pid=$(<"$_MARIADB_DIR/mariadbd.pid"); fi

  if [[ -n $_MARIADB_ADMIN ]]; then
    # mariadb-admin itself waits for the pid file to go; bound that wait.
    "$_MARIADB_ADMIN" --no-defaults --socket="$_MARIADB_DIR/sock" --user=root \
      --connect-timeout=5 --shutdown-timeout="$_MARIADB_STOP_TIMEOUT" shutdown >/dev/null 2>&1 ||
      { [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null; } || true
  elif [[ -n $pid ]]; then
    kill -TERM "$pid" 2>/dev/null || true
  fi
  [[ -n $pid ]] || return 0

  for ((i = 0; i < _MARIADB_STOP_TIMEOUT * 10; i++)); do
    _mariadb_alive "$pid" || return 0
    sleep 0.1
  done
  echo "mariadbd ($pid) did not exit within $_MARIADB_STOP_TIMEOUT s; killing it" >&2
  if _mariadb_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  for ((i = 0; i < 50; i++)); do
    _mariadb_alive "$pid" || return 0
    sleep 0.1
  done
  return 1
}

# mariadb_start
# Creates and starts the throwaway server, creates database rapport_test and user rapport, and
# exports RAPPORT_TEST_MYSQL_URL, RAPPORT_TEST_MARIADB_RESTART, RAPPORT_TEST_MARIADB_STOP and _START.
mariadb_start() {
  local install client password sql install_args

  # Record the folder first so mariadb_stop cleans up even if a later step fails.
  _MARIADB_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-mariadb.XXXXXX")
  RAPPORT_MARIADB_DIR=$_MARIADB_DIR

  _MARIADB_SERVER=$(_mariadb_find mariadbd mysqld)
  _MARIADB_ADMIN=$(_mariadb_find mariadb-admin mysqladmin)
  install=$(_mariadb_find mariadb-install-db mysql_install_db)
  client=$(_mariadb_find mariadb mysql)
  _MARIADB_PORT=$(free_port)
  # shellcheck disable=SC2034  # read by the scripts that source this file
  RAPPORT_MARIADB_PORT=$_MARIADB_PORT

  # "normal" gives root@localhost an empty password, so root works whichever OS user runs this.
  install_args=(--no-defaults --datadir="$_MARIADB_DIR/data"
    --auth-root-authentication-method=normal --skip-test-db)
  if (( EUID == 0 )); then install_args+=(--user=root); fi
  if ! "$install" "${install_args[@]}" >"$_MARIADB_DIR/install.log" 2>&1; then
    echo "mariadb-install-db failed:" >&2
    cat "$_MARIADB_DIR/install.log" >&2
    return 1
  fi

  _mariadb_server_up

  # Hex only, so the password needs no escaping in SQL or in the URL.
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  # rapport_test_% (with escaped underscores) lets tests create and drop their own databases.
  # Also drop the password-less root accounts reachable over TCP; root keeps the private socket.
  sql="DELETE FROM mysql.global_priv WHERE user = 'root' AND host <> 'localhost'; FLUSH PRIVILEGES;"
  sql+="CREATE DATABASE rapport_test;"
  local host
  for host in 127.0.0.1 localhost; do
    sql+="CREATE USER 'rapport'@'$host' IDENTIFIED BY '$password';"
    sql+="GRANT ALL ON rapport_test.* TO 'rapport'@'$host';"
    sql+="GRANT ALL ON \`rapport\\_test\\_%\`.* TO 'rapport'@'$host';"
  done
  "$client" --no-defaults --socket="$_MARIADB_DIR/sock" --user=root --batch -e "$sql"

  _mariadb_write_restart_script

  export RAPPORT_TEST_MYSQL_URL="mysql://rapport:$password@127.0.0.1:$_MARIADB_PORT/rapport_test"
  export RAPPORT_TEST_MARIADB_RESTART="$_MARIADB_DIR/restart.sh"
  export RAPPORT_TEST_MARIADB_STOP="$_MARIADB_DIR/stop.sh"
  export RAPPORT_TEST_MARIADB_START="$_MARIADB_DIR/start.sh"
}

# _mariadb_write_restart_script
# Writes $_MARIADB_DIR/restart.sh, which stops this server and starts it again on the same
# port and data dir, and stop.sh and start.sh, which do each half alone; tests run them to check
# that connections recover after a restart, and what clients get while the server is down.
_mariadb_write_restart_script() {
  local name steps
  for name in restart stop start; do
    case $name in
      restart) steps=(_mariadb_server_down _mariadb_server_up) ;;
      stop) steps=(_mariadb_server_down) ;;
      start) steps=(_mariadb_server_up) ;;
    esac
    {
      echo '#!/usr/bin/env bash'
      echo "# The $name step of the throwaway MariaDB server of Scripts/test (same port and data dir)."
      echo '# Generated by Scripts/lib/mariadb.sh.'
      echo 'set -euo pipefail'
      local var
      for var in _MARIADB_DIR _MARIADB_PORT _MARIADB_SERVER _MARIADB_ADMIN \
        _MARIADB_START_TIMEOUT _MARIADB_STOP_TIMEOUT; do
        printf '%s=%q\n' "$var" "${!var}"
      done
      declare -f _mariadb_alive _mariadb_ping _mariadb_server_up _mariadb_server_down
      printf '%s\n' "${steps[@]}"
    } >"$_MARIADB_DIR/$name.sh"
    chmod +x "$_MARIADB_DIR/$name.sh"
  done
}

# mariadb_stop
# Stops the server and removes its folder. Safe to call twice and after a failed start.
mariadb_stop() {
  local dir=$RAPPORT_MARIADB_DIR
  [[ -n $dir ]] || return 0
  RAPPORT_MARIADB_DIR=""
  unset RAPPORT_TEST_MYSQL_URL RAPPORT_TEST_MARIADB_RESTART RAPPORT_TEST_MARIADB_STOP RAPPORT_TEST_MARIADB_START

  if [[ -d $dir ]]; then
    _MARIADB_DIR=$dir
    _mariadb_server_down || echo "warning: could not stop the throwaway MariaDB in $dir" >&2
    # Only ever remove a folder that mariadb_start created.
    case $dir in
      */rapport-mariadb.*) rm -rf -- "$dir" ;;
    esac
  fi
  return 0
}

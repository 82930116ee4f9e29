# shellcheck shell=bash
# Throwaway Redis server for the test suite; source after common.sh, call redis_start, and call redis_stop on
# exit. It listens on a free loopback port, keeps nothing on disk (no RDB, no AOF) and lives in one mktemp
# folder; the system Redis service is never used.

RAPPORT_REDIS_DIR=""
RAPPORT_REDIS_PORT=""
_REDIS_PID=""

# redis_start
# Starts redis-server and exports RAPPORT_TEST_REDIS_URL for the suites.
redis_start() {
  local server deadline
  server=$(PATH="$PATH:/usr/bin:/usr/sbin" command -v redis-server) || {
    echo "redis-server not found (Debian package redis-server)" >&2
    return 1
  }
  RAPPORT_REDIS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rapport-redis.XXXXXX")
  RAPPORT_REDIS_PORT=$(free_port)
  "$server" --port "$RAPPORT_REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$RAPPORT_REDIS_DIR" \
    --logfile "$RAPPORT_REDIS_DIR/redis.log" --daemonize no </dev/null >/dev/null 2>&1 &
  _REDIS_PID=$!
  deadline=$((SECONDS + 30))
  until (exec 3<>"/dev/tcp/127.0.0.1/$RAPPORT_REDIS_PORT") 2>/dev/null; do
    if ! kill -0 "$_REDIS_PID" 2>/dev/null || (( SECONDS > deadline )); then
      echo "redis-server did not start; its log:" >&2
      cat "$RAPPORT_REDIS_DIR/redis.log" >&2 || true
      return 1
    fi
    sleep 0.1
  done
  export RAPPORT_TEST_REDIS_URL="redis://127.0.0.1:$RAPPORT_REDIS_PORT/0"
  export RAPPORT_REDIS_SERVER=$server
}

# redis_stop
# Stops the server started by redis_start and removes its folder.
redis_stop() {
  if [[ -n $_REDIS_PID ]]; then
    kill "$_REDIS_PID" 2>/dev/null || true
    wait "$_REDIS_PID" 2>/dev/null || true
    _REDIS_PID=""
  fi
  if [[ -n $RAPPORT_REDIS_DIR ]]; then rm -rf "$RAPPORT_REDIS_DIR"; fi
}

# shellcheck shell=bash
# Helpers shared by the Scripts/* entry points; source this file, don't run it.

# need_packages PKG...
# Makes sure the Debian packages the build and tests rely on are installed:
# installs them when running as root, otherwise tells the user what to install.
need_packages() {
  # Without dpkg (e.g. macOS) there is nothing to check; the build reports what is missing.
  if ! command -v dpkg >/dev/null 2>&1; then
    echo "note: dpkg not found; not checking for system packages: $*" >&2
    return 0
  fi

  local pkg missing=()
  for pkg in "$@"; do
    # "dpkg -s" also succeeds for removed packages whose config files remain, so check the status.
    if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed$'; then
      missing+=("$pkg")
    fi
  done
  (( ${#missing[@]} == 0 )) && return 0

  if (( EUID == 0 )); then
    echo "Installing missing system packages: ${missing[*]}" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "Missing system packages: ${missing[*]} — install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
}

# free_port
# Prints a TCP port on 127.0.0.1 that is free right now (the kernel picks it).
free_port() {
  if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null; then
    return 0
  fi

  # Fallback without python: try random high ports until one refuses a connection.
  local port attempt
  for attempt in $(seq 1 100); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "free_port: no free port found after $attempt attempts" >&2
  return 1
}

# python_tools MODULE=PACKAGE...   (or bin/COMMAND=PACKAGE for a package that only installs a command)
# Makes the Python test tools importable and their commands runnable, from PyPI, in a virtual environment under
# .build/python-tools (a system Python refuses pip installs, PEP 668): each MODULE that does not import there (each
# COMMAND not in its bin) gets its PACKAGE installed. The environment's bin goes first on PATH, and `python3` is its interpreter.
python_tools() {
  local venv=.build/python-tools spec missing=()
  if [[ ! -x $venv/bin/python3 ]]; then
    if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then need_packages python3-venv; fi
    python3 -m venv "$venv"
  fi
  for spec in "$@"; do
    case $spec in
      bin/*) [[ -x $venv/${spec%%=*} ]] || missing+=("${spec#*=}") ;;
      *) "$venv/bin/python3" -c "import ${spec%%=*}" >/dev/null 2>&1 || missing+=("${spec#*=}") ;;
    esac
  done
  if (( ${#missing[@]} > 0 )); then
    echo "Installing Python test tools into $venv: ${missing[*]}" >&2
    "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check "${missing[@]}"
  fi
  PATH="$PWD/$venv/bin:$PATH"
  export PATH
}
